"""The quarter close finance reads: accruals per currency, late facts settled, clawbacks, stale grades — one unit.

`close_quarter` runs the ledger's close (`services/ledger/close.py`: accruals, then expiries), records what
net-negative quarters owe, settles every late fact not settled yet (sales and returns of closed quarters that
arrived after their close), takes clawbacks per the program's rule, and warns where the grade in force was
evaluated before the quarter ended (naming the accounts). Cancelled before the commit, nothing is booked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kam_desktop.domain.clawback import ClawbackRule
from kam_desktop.domain.monetary import Money, MoneyBag
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Cancelled, ServiceError
from kam_desktop.services.ledger.close import CloseResult, close_in, close_inputs
from kam_desktop.services.ledger.entries import is_duplicate_key
from kam_desktop.services.parsing import parse_quarter
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.services.settlement.clawbacks import ClawbackLine, run_clawbacks_in
from kam_desktop.services.settlement.late import LateFactRow, record_net_due, settle_late_facts_in
from kam_desktop.services.settlement.locks import period_locks
from kam_desktop.services.settlement.terms import settlement_config
from kam_desktop.store.models import Account, AuditEntry, LateFactRecord, LedgerEntry
from kam_desktop.store.queries.grades import AccountRef, latest_evaluations
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class StaleGrade:
    """An account closed on a grade evaluated before the quarter ended: grade the portfolio as of its end."""

    account: str
    grade: str
    evaluated_on: date


@dataclass(frozen=True)
class CloseReport:
    """What a close booked and what finance must look at."""

    result: CloseResult
    cashback: MoneyBag  # the quarter's cashback accrued by this run, per currency
    late_facts: tuple[LateFactRow, ...]  # settled since the previous close (at imports, and by this run)
    clawbacks: tuple[ClawbackLine, ...]
    stale_grades: tuple[StaleGrade, ...]
    locked: bool  # the quarter is locked: what its close still owed was booked in the open period

    @property
    def quarter(self) -> str:
        return self.result.quarter

    @property
    def accounts(self) -> int:
        return self.result.accounts

    @property
    def booked(self) -> int:
        return self.result.booked

    @property
    def expiries(self) -> int:
        return self.result.expiries

    @property
    def ungraded(self) -> list[str]:
        return self.result.ungraded


def close_quarter(ctx: Context, quarter: Quarter | str,
                  cancelled: Callable[[], bool] = lambda: False) -> CloseReport:
    """Close a finished quarter and settle what arrived late, in one transaction."""
    ctx.permit(UseCase.CLOSE_QUARTER)
    q = parse_quarter(quarter)
    try:
        with ctx.unit_of_work() as uow:
            report = close_and_settle_in(uow, q, ctx.today(), ctx.now())
            if cancelled():
                raise Cancelled("closing {quarter} cancelled; nothing was booked", quarter=str(q))
            uow.commit()
    except IntegrityError as exc:
        if is_duplicate_key(exc):
            raise ServiceError("another close of {quarter} booked entries meanwhile; run it again to complete",
                               quarter=str(q)) from None
        raise
    return report


def close_and_settle_in(uow: UnitOfWork, quarter: Quarter, on: date, now: datetime) -> CloseReport:
    """`close_quarter` inside the caller's unit of work."""
    session = uow.session
    since = _previous_close(session)
    result = close_in(uow, quarter, on)
    config = settlement_config(session)
    inputs, _, by_code = close_inputs(session, quarter)
    if config.terms.clawback is not ClawbackRule.IGNORE:
        terms = program_in_force(session, quarter.end).terms
        for item in inputs:
            if item.net_revenue < 0:
                account = by_code[item.account]
                record_net_due(uow, account, quarter, item.grade, terms, config.terms.clawback,
                               Money(item.net_revenue, account.currency))
    settle_late_facts_in(uow, on, now, config, since=_overlap(since))
    clawbacks = run_clawbacks_in(uow, on, config)
    stale = _stale(session, quarter, on, [by_code[i.account] for i in inputs])
    cashback = MoneyBag.of(Money(amount, currency) for currency, amount in result.cashback_by_currency.items())
    late = _late_since(session, since)
    locked = period_locks(session).is_locked(quarter.end)
    uow.audit("settlement.close", "quarter", str(quarter), late_facts=len(late), clawbacks=len(clawbacks),
              stale_grades=[s.account for s in stale], locked=locked)
    return CloseReport(result, cashback, tuple(late), tuple(clawbacks), tuple(stale), locked)


SETTLING_RUNS = ("quarter.close", "settlement.settle")
RACE_MARGIN = timedelta(days=1)


def _previous_close(session: Session) -> datetime | None:
    """The moment of the latest settling run (a close of any quarter, or `settle`) before this one."""
    value = session.scalar(select(func.max(AuditEntry.created_at)).where(AuditEntry.action.in_(SETTLING_RUNS)))
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _overlap(moment: datetime | None) -> datetime | None:
    """A day before the previous run: an import stamped before it but committed after it (a race on a server)
    is read again; settling is idempotent, so reading twice books nothing twice."""
    return None if moment is None else moment - RACE_MARGIN


def _stale(session: Session, quarter: Quarter, on: date, refs: list[AccountRef]) -> list[StaleGrade]:
    latest = latest_evaluations(session, on)
    found = []
    for ref in refs:
        evaluation = latest.get(ref.id)
        if evaluation is not None and evaluation.evaluated_on < quarter.end:
            found.append(StaleGrade(ref.code, evaluation.grade, evaluation.evaluated_on))
    return sorted(found, key=lambda s: s.account)


def _late_since(session: Session, since: datetime | None) -> list[LateFactRow]:
    """Late facts recorded after `since` (all of them for None), with the keys of the entries they booked."""
    query = select(LateFactRecord, Account.code).join(Account, Account.id == LateFactRecord.account_id)
    if since is not None:
        query = query.where(LateFactRecord.created_at > since)
    rows = session.execute(query.order_by(LateFactRecord.quarter, Account.code, LateFactRecord.occurred_on,
                                          LateFactRecord.ref)).all()
    locks = period_locks(session)
    result = []
    for fact, code in rows:
        prefix = f"late:{fact.quarter}:{code}:{fact.ref}:"
        keys = tuple(session.scalars(select(LedgerEntry.idempotency_key).where(
            LedgerEntry.idempotency_key.startswith(prefix, autoescape=True)).order_by(LedgerEntry.idempotency_key)))
        currency = fact.currency
        result.append(LateFactRow(
            code, fact.quarter, fact.ref, fact.kind, fact.occurred_on, fact.category, Money(fact.net, currency),
            Money(fact.cashback_change, currency), fact.points_change, Money(fact.shortfall, currency),
            fact.settled_on, locks.is_locked(Quarter.parse(fact.quarter).end), keys))
    return result


@dataclass(frozen=True)
class Settled:
    """A settling run outside a close: late facts found and booked, clawbacks taken."""

    late_facts: tuple[LateFactRow, ...]
    entries: int
    clawbacks: tuple[ClawbackLine, ...]
    locked_quarters: tuple[str, ...]


def settle_now(ctx: Context) -> Settled:
    """Settle every late fact not settled yet and take clawbacks per the rule, without closing a quarter."""
    ctx.permit(UseCase.SETTLE)
    with ctx.unit_of_work() as uow:
        config = settlement_config(uow.session)
        since = _previous_close(uow.session)
        late = settle_late_facts_in(uow, ctx.today(), ctx.now(), config, since=_overlap(since))
        clawbacks = run_clawbacks_in(uow, ctx.today(), config)
        uow.audit("settlement.settle", "settlement", None, late_facts=len(late.rows), entries=late.entries,
                  clawbacks=len(clawbacks))
        uow.commit()
    return Settled(late.rows, late.entries, tuple(clawbacks), late.locked_quarters)
