"""Locking a quarter: its figures are what finance reported; later corrections are booked in the open period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.closing import PeriodLockError, PeriodLocks
from kam_desktop.domain.ledger import LedgerEntry
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Refused
from kam_desktop.services.ledger.entries import expire_in
from kam_desktop.services.parsing import parse_quarter
from kam_desktop.store.models import PeriodLock
from kam_desktop.store.queries.settlement import closed_quarters, locked_quarters
from kam_desktop.store.settlement_lock import hold_settlement


@dataclass(frozen=True)
class LockRow:
    """A locked quarter: who locked it, on which business day, at what moment."""

    quarter: str
    locked_on: date
    locked_by: str
    locked_at: datetime
    expiries: int = 0  # expiry entries the lock booked first (lots expired within the quarter)


def period_locks(session: Session) -> PeriodLocks:
    """The locked quarters as the domain's `PeriodLocks`."""
    return PeriodLocks(frozenset(Quarter.parse(q) for q in locked_quarters(session)))


def check_open(locks: PeriodLocks, entries: list[LedgerEntry], login: str) -> None:
    """Refuse new entries dated in a locked quarter (every booking path checks before it writes)."""
    problems = locks.violations(entries)
    if problems:
        raise Refused("{login}: {problems} [nothing is booked into a locked quarter]", login=login,
                      problems="; ".join(problems))


def lock_quarter(ctx: Context, quarter: Quarter | str) -> LockRow:
    """Lock a finished, closed quarter; its expiries are booked first so that nothing is left to date in it.

    Locking again returns the lock as it is.
    """
    ctx.permit(UseCase.LOCK_PERIOD)
    q = parse_quarter(quarter)
    with ctx.unit_of_work() as uow:
        session = uow.session
        hold_settlement(session)  # its expiries and a late fact settling into the quarter do not interleave
        existing = session.scalar(select(PeriodLock).where(PeriodLock.quarter == str(q)))
        if existing is not None:
            return _row(existing)
        try:
            period_locks(session).lock(q, ctx.today())
        except PeriodLockError as exc:
            raise Refused.of(exc) from None
        if str(q) not in closed_quarters(session):
            raise Refused("{login}: close {quarter} before locking it; its rewards would otherwise be booked in the "
                          "next quarter [a quarter is closed, then locked]", login=ctx.actor.login, quarter=str(q))
        expiries = expire_in(uow, q.end)
        lock = PeriodLock(quarter=str(q), locked_on=ctx.today(), created_by=ctx.actor.login)
        session.add(lock)
        session.flush()
        uow.audit("period.lock", "period_lock", lock.id, quarter=str(q), expiries=expiries)
        uow.commit()
    return _row(lock, expiries)


def list_locks(ctx: Context) -> list[LockRow]:
    """Every locked quarter, oldest first."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        return [_row(r) for r in session.scalars(select(PeriodLock).order_by(PeriodLock.quarter))]


def _row(lock: PeriodLock, expiries: int = 0) -> LockRow:
    return LockRow(lock.quarter, lock.locked_on, lock.created_by, lock.created_at, expiries)
