"""Program economics: reward cost against gross margin per account and per grade, with the policy's budget.

Rewards are budgeted from gross margin: the grade's `benefit_budget_percent_of_margin` (domain/policy.py)
of the period's margin is what the account's rewards may cost. An account warns when its reward cost
is above that budget, and when its cashback alone is above its margin (a low-margin account whose
cashback rate is higher than its margin rate loses money on every sale). A warning covered by an
approved, valid benefit-budget exception shows the exception instead of asking for action. Costs in
another currency than the account's (e.g. points valued in the base currency) are converted with
the dated rates given, never added as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kam_desktop.domain.exceptions import ExceptionRequest, covering
from kam_desktop.domain.messages import Message
from kam_desktop.domain.monetary import Money, MoneyBag, MoneyError, Rate, convert, sum_by_currency
from kam_desktop.domain.policy import CommercialPolicy, Violation
from kam_desktop.domain.vocabulary import ExceptionKind, Grade


class WarningKind(StrEnum):
    OVER_BUDGET = "over_budget"
    CASHBACK_ABOVE_MARGIN = "cashback_above_margin"


@dataclass(frozen=True)
class EconomicsWarning:
    kind: WarningKind
    message: Message
    covered_by: str | None = None  # the number of the exception that allows it


@dataclass(frozen=True)
class AccountPeriod:
    """One account's period: revenue and margin, cashback (net of reversals) and other reward costs."""

    account: str
    grade: Grade
    net_revenue: Money
    gross_margin: Money
    cashback: Money
    other_costs: tuple[Money, ...] = ()  # points at their value, service benefits; any currency


@dataclass(frozen=True)
class AccountEconomics:
    account: str
    grade: Grade
    net_revenue: Money
    gross_margin: Money
    reward_cost: Money
    budget: Money
    warnings: tuple[EconomicsWarning, ...]

    @property
    def cost_share_of_margin(self) -> Decimal | None:
        """Reward cost / gross margin (None without a positive margin)."""
        return self.reward_cost.ratio_to(self.gross_margin) if self.gross_margin.is_positive else None

    @property
    def needs_action(self) -> bool:
        return any(w.covered_by is None for w in self.warnings)


def _in(currency: str, amount: Money, rates: Mapping[str, Rate]) -> Money:
    if amount.currency == currency:
        return amount
    rate = rates.get(amount.currency)
    if rate is None:
        raise MoneyError("a cost of {amount} needs a {source}→{target} rate to compare with the margin", amount=amount,
                         source=amount.currency, target=currency)
    return convert(amount, rate)


def _rate(part: Money, whole: Money) -> Message:
    if not whole.is_positive:
        return Message.of("n/a")
    return Message.of("{percent} %", percent=(part.ratio_to(whole) * 100).quantize(Decimal("0.01")))


def account_economics(
    period: AccountPeriod, policy: CommercialPolicy, on: date, rates: Iterable[Rate] = (),
    exceptions: Iterable[ExceptionRequest] = (),
) -> AccountEconomics:
    """The account's reward cost, its budget under the policy, and what to warn about on `on`."""
    currency = period.gross_margin.currency
    by_source = {r.from_currency: r for r in rates if r.to_currency == currency}
    cost = Money.total((_in(currency, m, by_source) for m in (period.cashback, *period.other_costs)), currency)
    caps = policy.caps_for(period.grade)
    budget = period.gross_margin.max(Money.zero(currency)).percent(caps.benefit_budget_percent_of_margin)
    pool = list(exceptions)
    found: list[tuple[WarningKind, Message]] = []
    if cost > budget:
        found.append((WarningKind.OVER_BUDGET, Message.of(
            "rewards cost {cost}, above the {grade} budget of {budget} ({percent} % of gross margin {margin})",
            cost=cost, grade=period.grade, budget=budget, percent=caps.benefit_budget_percent_of_margin,
            margin=period.gross_margin)))
    cashback = _in(currency, period.cashback, by_source)
    if cashback.is_positive and cashback > period.gross_margin:
        found.append((WarningKind.CASHBACK_ABOVE_MARGIN, Message.of(
            "cashback {cashback} ({cashback_share} of revenue) is above the gross margin {margin} ({margin_share})",
            cashback=cashback, cashback_share=_rate(cashback, period.net_revenue), margin=period.gross_margin,
            margin_share=_rate(period.gross_margin, period.net_revenue))))
    exc = None
    if found:
        violation = Violation(ExceptionKind.BENEFIT_BUDGET, budget.amount, cost.amount, found[0][1])
        exc = covering(violation, period.account, pool, on)
    warnings = tuple(EconomicsWarning(k, m, exc.number if exc else None) for k, m in found)
    return AccountEconomics(period.account, period.grade, period.net_revenue, period.gross_margin, cost, budget, warnings)


@dataclass(frozen=True)
class GradeEconomics:
    """A grade's totals per currency (accounts invoice in different currencies: never one sum)."""

    grade: Grade
    accounts: int
    gross_margin: MoneyBag
    reward_cost: MoneyBag
    warnings: int  # accounts that need action


def by_grade(rows: Iterable[AccountEconomics]) -> list[GradeEconomics]:
    """The table *tier vs margin vs reward cost*, per currency, best grade first."""
    groups: dict[Grade, list[AccountEconomics]] = {}
    for row in rows:
        groups.setdefault(row.grade, []).append(row)
    return [
        GradeEconomics(
            grade, len(items), sum_by_currency(r.gross_margin for r in items),
            sum_by_currency(r.reward_cost for r in items), sum(1 for r in items if r.needs_action),
        )
        for grade, items in sorted(groups.items(), key=lambda kv: kv[0].level)
    ]
