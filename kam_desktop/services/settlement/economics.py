"""Program economics: each account's reward cost against its gross margin, per account and per grade.

Reward cost = cashback accrued net of reversals (in the account's currency) + points accrued net of reversals
at the point value (converted into the account's currency at the period end's closing rate) + the cost
estimates of benefits granted in the period. The budget is the grade's share of gross margin (commercial
policy). An account warns when the cost is above the budget or its cashback above its margin; an approved,
valid benefit-budget exception covers the warning (shown with its number) — else the way out is to request
one (`kamctl exception request CODE --kind benefit_budget`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import economics as de
from kam_desktop.domain import exceptions as dx
from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.ledger import LedgerEntry
from kam_desktop.domain.monetary import Money, Rate
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import PeriodError, Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.policy import CommercialPolicy
from kam_desktop.domain.vocabulary import ExceptionKind, ExceptionStatus, Grade, LedgerKind, LedgerUnit
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.exceptions.requests import to_domain
from kam_desktop.services.ledger.entries import load_domain
from kam_desktop.services.program.in_force import policy_in_force
from kam_desktop.services.program.policy import COUNTED_GRANTS
from kam_desktop.services.settlement.terms import SettlementConfig, settlement_config
from kam_desktop.store.models import BenefitGrant, ExceptionRequest
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import AccountRef, accounts, latest_evaluations
from kam_desktop.store.queries.sales import AccountSales, sales_by_account


@dataclass(frozen=True)
class Economics:
    start: date
    end: date
    accounts: tuple[de.AccountEconomics, ...]  # every graded account with sales or rewards in the period
    grades: tuple[de.GradeEconomics, ...]  # tier vs margin vs reward cost, per currency
    point_value: Money

    @property
    def needing_action(self) -> tuple[de.AccountEconomics, ...]:
        return tuple(a for a in self.accounts if a.needs_action)


def program_economics(ctx: Context, start: date, end: date) -> Economics:
    """Reward cost against gross margin for [start, end], per account and per grade, with the policy's warnings."""
    ctx.permit(UseCase.VIEW_LIABILITY)
    if end < start:
        raise ServiceError("a period cannot end ({end}) before it starts ({start})", end=end, start=start)
    with ctx.read() as session:
        config = settlement_config(session)
        refs = accounts(session, active_only=False)
        grades = {i: Grade(e.grade) for i, e in latest_evaluations(session, end).items()}
        sales = sales_by_account(session, start, end)
        ledger = [e for e in load_domain(session, refs) if start <= reward_day(e) <= end]
        grants = _grant_costs(session, start, end)
        exceptions = _exceptions(session)
        policy = policy_in_force(session, end).terms
        fx = fx_table(session)
    point_value = config.point_value.per_point
    rows = []
    for ref in _graded_with_activity(refs, grades, sales, ledger):
        period = _period(ref, grades[ref.id], sales.get(ref.id), ledger, grants.get(ref.id, ()), config)
        rates = _rates(fx, {m.currency for m in period.other_costs} - {ref.currency}, ref.currency, end)
        rows.append(_judged(period, policy, end, ctx.today(), rates, exceptions.get(ref.code, ())))
    return Economics(start, end, tuple(rows), tuple(de.by_grade(rows)), point_value)


def _graded_with_activity(refs: list[AccountRef], grades: dict[uuid.UUID, Grade], sales: dict[uuid.UUID, AccountSales],
                          ledger: list[LedgerEntry]) -> list[AccountRef]:
    """The graded accounts that sold or earned a reward in the period: the others have no economics to judge."""
    rewarded = {e.account for e in ledger}
    return [r for r in refs if r.id in grades and (r.id in sales or r.code in rewarded)]


def _judged(period: de.AccountPeriod, policy: CommercialPolicy, end: date, today: date, rates: list[Rate],
            found: tuple[dx.ExceptionRequest, ...]) -> de.AccountEconomics:
    """An account's economics against the policy at the period's end, or today when an exception approved since
    (valid today) covers the past period too."""
    row = de.account_economics(period, policy, end, rates, found)
    if row.needs_action and found:
        return de.account_economics(period, policy, today, rates, found)
    return row


def _period(ref: AccountRef, grade: Grade, sales: AccountSales | None, ledger: list[LedgerEntry],
            grants: tuple[Money, ...], config: SettlementConfig) -> de.AccountPeriod:
    currency = ref.currency
    net, margin = (sales.net_revenue, sales.gross_margin) if sales else (ZERO, ZERO)
    mine = [e for e in ledger if e.account == ref.code and _is_reward(e)]
    cashback = Money(_total(mine, LedgerUnit.CASHBACK), currency)
    points = _total(mine, LedgerUnit.POINTS)
    other = [config.point_value.of(points)] if points else []
    return de.AccountPeriod(ref.code, grade, Money(net, currency), Money(margin, currency), cashback,
                            (*other, *grants))


def _total(entries: list[LedgerEntry], unit: LedgerUnit) -> Decimal:
    return sum((e.amount for e in entries if e.unit is unit), ZERO)


def reward_day(entry: LedgerEntry) -> date:
    """The day a reward belongs to: a close's or a late fact's quarter end (a late sale rewards its own quarter),
    else its booking day."""
    kind, _, rest = entry.idempotency_key.partition(":")
    if kind in ("close", "late"):
        try:
            return Quarter.parse(rest.split(":", 1)[0]).end
        except PeriodError:
            return entry.booked_on
    return entry.booked_on


def _is_reward(entry: LedgerEntry) -> bool:
    """Accruals and their reversals (not redemptions, payouts or expiries: those spend what was accrued)."""
    return entry.kind is LedgerKind.ACCRUAL or (entry.kind is LedgerKind.REVERSAL and entry.amount < 0)


def _grant_costs(session: Session, start: date, end: date) -> dict[uuid.UUID, tuple[Money, ...]]:
    """Cost estimates of the benefits granted (counted as the policy counts them) that run in the period."""
    rows = session.scalars(select(BenefitGrant).where(
        BenefitGrant.deleted_at.is_(None), BenefitGrant.status.in_(COUNTED_GRANTS), BenefitGrant.valid_from <= end))
    result: dict[uuid.UUID, list[Money]] = {}
    for grant in rows:
        if grant.valid_to is None or grant.valid_to >= start:
            result.setdefault(grant.account_id, []).append(Money(grant.cost_estimate, grant.currency))
    return {k: tuple(v) for k, v in result.items()}


def _exceptions(session: Session) -> dict[str, tuple[dx.ExceptionRequest, ...]]:
    rows = session.scalars(select(ExceptionRequest).where(
        ExceptionRequest.kind == ExceptionKind.BENEFIT_BUDGET, ExceptionRequest.status == ExceptionStatus.APPROVED,
        ExceptionRequest.deleted_at.is_(None)))
    found: dict[str, list[dx.ExceptionRequest]] = {}
    for row in rows:
        request = to_domain(session, row)
        found.setdefault(request.account, []).append(request)
    return {k: tuple(v) for k, v in found.items()}


def _rates(fx: FxTable, currencies: set[str], target: str, on: date) -> list[Rate]:
    """Closing rates on `on` from each currency into `target`, through the base currency."""
    result = []
    for currency in sorted(currencies):
        try:
            into_base = fx.rate(currency, on)
            target_base = fx.rate(target, on)
        except MissingRateError as exc:
            raise ServiceError.of(exc) from None
        value = into_base.value / target_base.value
        result.append(Rate(currency, target, on, value, f"{into_base.source} via {fx.base}"))
    return result

