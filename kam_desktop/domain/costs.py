"""What a benefit or an exception costs us over a year, from the account's trailing-12-month revenue."""

from __future__ import annotations

from decimal import Decimal

from kam_desktop.domain.money import ZERO, money, percent_of
from kam_desktop.domain.vocabulary import CostModel, ExceptionKind

FINANCING_RATE = Decimal("0.09")  # yearly cost of money for deferred payment
DAYS_PER_YEAR = 365


def financing_cost(revenue: Decimal, days: Decimal) -> Decimal:
    """What `days` more of payment terms on a year's `revenue` cost at the financing rate."""
    return money(max(revenue, ZERO) * days / DAYS_PER_YEAR * FINANCING_RATE)


def benefit_cost(model: CostModel, value: Decimal, revenue: Decimal) -> Decimal:
    """A year's cost of a catalog benefit of `value` under its cost model, for an account of `revenue`."""
    revenue = max(revenue, ZERO)
    if model is CostModel.PERCENT_OF_REVENUE:
        return percent_of(revenue, value)
    if model is CostModel.FINANCING:
        return financing_cost(revenue, value)
    if model in (CostModel.FIXED, CostModel.PER_UNIT):
        return money(value)
    return ZERO


def exception_cost(kind: ExceptionKind, requested: Decimal, cap: Decimal, revenue: Decimal) -> Decimal:
    """What going beyond the cap costs over a year: only the part above the cap is extra."""
    beyond = max(requested - cap, ZERO)
    if kind is ExceptionKind.DISCOUNT:
        return percent_of(max(revenue, ZERO), beyond)
    if kind is ExceptionKind.PAYMENT_TERMS:
        return financing_cost(revenue, beyond)
    if kind in (ExceptionKind.BENEFIT_BUDGET, ExceptionKind.GIFT_VALUE):
        return money(beyond)
    return ZERO
