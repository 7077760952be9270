"""The reward liability for any period: a roll-forward per currency (and points), and the estimate for finance.

opening + accrued − reversed − redeemed − paid out − expired − clawed back ± adjusted = closing, per
denomination (`domain/liability.py`); lots expired by the end count as expired even before the expiry run
books them (`due_expiries` says how much). The estimate takes the expected breakage off the closing balance
(the rate finance sets, else the one measured on matured lots). A base-currency total is converted at the
period end's closing rates and labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kam_desktop.domain import liability as dli
from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.ledger import LedgerEntry, LedgerError
from kam_desktop.domain.monetary import Money, MoneyBag, Rate
from kam_desktop.domain.movements import Denomination
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import LedgerUnit
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.ledger.entries import load_domain
from kam_desktop.services.settlement.terms import SettlementConfig, settlement_config
from kam_desktop.store.queries.fx import fx_table


@dataclass(frozen=True)
class LiabilityLine:
    """One denomination's roll-forward and estimate; amounts signed as they move the balance, shown positive."""

    unit: str
    currency: str | None  # cashback (and points in money): the currency; points in points: None
    opening: Decimal
    accrued: Decimal
    reversed: Decimal
    redeemed: Decimal
    paid_out: Decimal
    expired: Decimal
    clawed_back: Decimal
    adjusted: Decimal
    closing: Decimal
    due_expiries: Decimal  # part of `expired` the expiry run has not booked yet
    breakage_rate: Decimal
    breakage_measured: bool  # True: measured on matured lots; False: the rate finance set (or none)
    expected_breakage: Decimal
    estimated: Decimal
    closes: bool  # the identity holds

    def money(self, amount: Decimal) -> Money | None:
        return Money(amount, self.currency) if self.currency else None


@dataclass(frozen=True)
class LiabilityReport:
    start: date
    end: date
    in_money: bool  # points valued at the point value (in its currency), else counted in points
    lines: tuple[LiabilityLine, ...]
    closing_by_currency: MoneyBag  # money lines only: per-currency subtotals
    estimated_by_currency: MoneyBag
    base_currency: str
    estimated_in_base: Money | None  # converted at the end's closing rates (None when a rate is missing)
    rates: tuple[Rate, ...]  # the rates the base total used


def liability_report(ctx: Context, start: date, end: date, in_money: bool = False) -> LiabilityReport:
    """The roll-forward of [start, end] per denomination and the estimated liability at `end` (finance)."""
    ctx.permit(UseCase.VIEW_LIABILITY)
    if end < start:
        raise ServiceError("a period cannot end ({end}) before it starts ({start})", end=end, start=start)
    with ctx.read() as session:
        config = settlement_config(session)
        entries = load_domain(session)
        fx = fx_table(session)
    return build_report(entries, start, end, config, fx, in_money)


def build_report(entries: list[LedgerEntry], start: date, end: date, config: SettlementConfig, fx: FxTable,
                 in_money: bool) -> LiabilityReport:
    """The report from loaded entries (the journal export checks against the same numbers)."""
    value = dli.in_money(config.point_value) if in_money else dli.in_units
    try:
        rolls = dli.roll_forward(entries, start, end, value)
    except LedgerError as exc:
        raise ServiceError.of(exc) from None
    rates, measured = _breakage_rates(entries, end, config)
    estimates = {e.denomination: e for e in dli.estimate(rolls, rates)}
    lines = tuple(_line(d, rf, estimates[d], measured.get(d.unit, False)) for d, rf in rolls.items())
    closing = MoneyBag.of(Money(x.closing, x.currency) for x in lines if x.currency)
    estimated = MoneyBag.of(Money(x.estimated, x.currency) for x in lines if x.currency)
    base, used, in_base = _in_base(estimated, fx, end)
    return LiabilityReport(start, end, in_money, lines, closing, estimated, base, in_base, used)


def _breakage_rates(entries: list[LedgerEntry], end: date,
                    config: SettlementConfig) -> tuple[dict[LedgerUnit, Decimal], dict[LedgerUnit, bool]]:
    """Breakage per unit: the program's rate where set, else measured from history (and which were measured)."""
    rates = dict(config.breakage)
    measured: dict[LedgerUnit, bool] = {}
    for unit in (u for u in LedgerUnit if u not in rates):
        found = dli.historical_breakage(entries, end, unit)
        rates[unit] = found if found is not None else Decimal(0)
        measured[unit] = found is not None
    return rates, measured


def _line(d: Denomination, rf: dli.RollForward, est: dli.LiabilityEstimate, measured: bool) -> LiabilityLine:
    return LiabilityLine(str(d.unit), d.currency, rf.opening, rf.accrued, rf.reversed, rf.redeemed, rf.paid_out,
                         rf.expired, rf.clawed_back, rf.adjusted, rf.closing, rf.due_expiries, est.breakage_rate,
                         measured, est.expected_breakage, est.estimated_liability, rf.closes())


def _in_base(bag: MoneyBag, fx: FxTable, end: date) -> tuple[str, tuple[Rate, ...], Money | None]:
    try:
        rates = tuple(fx.rate(c, end) for c in bag.currencies() if c != fx.base)
        return fx.base, rates, bag.in_currency(fx.base, rates)
    except MissingRateError:
        return fx.base, (), None
