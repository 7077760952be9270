"""Quarter close: cashback per grade and points per earning rules on each account's quarter, then expiries.

Idempotent by construction: each accrual's key is `close:{quarter}:{account}:{cashback|points}` (a
UNIQUE column), and the domain only produces entries whose key the ledger does not hold yet. The whole
close is one transaction, so a crash books nothing; a close that was committed for some accounts only
(e.g. `only=` below) is completed by the next run without doubling.

The grade used is the one in force *during* the quarter: the latest evaluation dated before the quarter
starts; an account first graded during the quarter (or at its end) uses that first evaluation; an account
never graded by the quarter's end is skipped and reported (grade the portfolio first).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kam_desktop.domain.closing import PeriodLocks
from kam_desktop.domain.ledger import default_expiry
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.rewards import AccountQuarter, quarter_close_entries
from kam_desktop.domain.vocabulary import Grade, LedgerUnit
from kam_desktop.services.bulk import collection_held
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Cancelled, Refused, ServiceError
from kam_desktop.services.ledger.bulk_close import Booked, book_in_columns
from kam_desktop.services.ledger.entries import book, booking_actor, expire_in, is_duplicate_key, load_domain
from kam_desktop.services.parsing import parse_quarter
from kam_desktop.services.program.in_force import Program, program_in_force
from kam_desktop.store.queries.close import close_reads
from kam_desktop.store.queries.grades import AccountRef
from kam_desktop.store.queries.settlement import locked_quarters
from kam_desktop.store.settlement_lock import hold_settlement
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class CloseResult:
    """What one run of the close booked (a rerun books 0 and says so)."""

    quarter: str
    accounts: int
    booked: int
    cashback: Decimal  # the accounts' own currencies added up: read `cashback_by_currency` when they differ
    points: Decimal
    expiries: int
    ungraded: list[str]
    cashback_by_currency: dict[str, Decimal] = field(default_factory=dict)


def close_quarter(ctx: Context, quarter: Quarter | str,
                  cancelled: Callable[[], bool] = lambda: False) -> CloseResult:
    """Close a finished quarter in one transaction: accruals for every account with sales in it, then the
    expiry run. `cancelled()` is asked before the commit: when it says so, nothing is booked."""
    ctx.permit(UseCase.CLOSE_QUARTER)
    q = parse_quarter(quarter)
    try:
        with ctx.unit_of_work() as uow:
            result = close_in(uow, q, ctx.today())
            if cancelled():
                raise Cancelled("closing {quarter} cancelled; nothing was booked", quarter=str(q))
            uow.commit()
    except IntegrityError as exc:
        if is_duplicate_key(exc):
            raise ServiceError("another close of {quarter} booked entries meanwhile; run it again to complete",
                               quarter=str(q)) from None
        raise
    return result


def close_in(uow: UnitOfWork, quarter: Quarter, on: date, only: Collection[str] | None = None,
             expire: bool = True) -> CloseResult:
    """The close on business day `on`, inside the caller's unit of work; `only` limits it to some accounts.

    `expire=False` leaves the expiry run to the caller (a batch of closes runs it once at the end: expiry
    entries are dated by their lot, not by the run, so the ledger comes out the same).
    """
    if quarter.end >= on:
        raise Refused("{login}: {quarter} ends on {end}; close it after that day [only a finished quarter is "
                      "closed]", login=uow.actor, quarter=str(quarter), end=quarter.end)
    with collection_held():  # inputs, entries and rows by the ten thousand (a close of 20,000 accounts), no cycles
        return _close(uow, quarter, on, only, expire)


def _close(uow: UnitOfWork, quarter: Quarter, on: date, only: Collection[str] | None, expire: bool) -> CloseResult:
    session = uow.session
    hold_settlement(session)  # before the quarter's sales are read: an import committing them meanwhile waits
    program = program_in_force(session, quarter.end)
    # a locked quarter's figures are final: what its close still owes is booked in the open period
    locks = PeriodLocks(frozenset(Quarter.parse(q) for q in locked_quarters(session)))
    booked = (book_in_columns(session, quarter, only, program, locks, booking_actor(session))
              or _book_entries(session, quarter, only, program, locks))
    expired = expire_in(uow, quarter.end) if expire else 0
    uow.audit("quarter.close", "quarter", str(quarter), accounts=booked.accounts, booked=booked.entries,
              cashback=booked.cashback, points=booked.points, expiries=expired, ungraded=booked.ungraded)
    return CloseResult(str(quarter), booked.accounts, booked.entries, sum(booked.cashback.values(), ZERO),
                       booked.points, expired, booked.ungraded, dict(sorted(booked.cashback.items())))


def _book_entries(session: Session, quarter: Quarter, only: Collection[str] | None, program: Program,
                  locks: PeriodLocks) -> Booked:
    """The close's accruals as domain entries, booked by `book`: on any store."""
    inputs, ungraded, by_code = close_inputs(session, quarter, only)
    codes = {a.id: a.code for a in by_code.values()}
    existing = load_domain(session, None, key_prefix=f"close:{quarter}:", codes=codes)
    # An account whose quarter was settled by late facts (its sales all came after the close) is booked
    # already: a close run again must not accrue those sales a second time.
    settled_late = {e.account for e in load_domain(session, None, key_prefix=f"late:{quarter}:", codes=codes)}
    inputs = [i for i in inputs if i.account not in settled_late]
    entries = quarter_close_entries(existing, quarter, inputs, program.terms, program.points)
    expiry = default_expiry(quarter.end, program.expiry_quarters)
    entries = [e if e.expires_on == expiry else replace(e, expires_on=expiry) for e in entries]
    entries = locks.relocate_all(entries)
    book(session, entries, by_code, quarter)
    by_currency: dict[str, Decimal] = {}
    for e in entries:
        if e.unit is LedgerUnit.CASHBACK:  # cashback is paid in each account's own currency
            currency = by_code[e.account].currency
            by_currency[currency] = by_currency.get(currency, ZERO) + e.amount
    points = sum((e.amount for e in entries if e.unit is LedgerUnit.POINTS), ZERO)
    return Booked(len(inputs), len(entries), by_currency, points, ungraded)


def close_inputs(session: Session, quarter: Quarter, only: Collection[str] | None = None,
                 ) -> tuple[list[AccountQuarter], list[str], dict[str, AccountRef]]:
    """Each account's quarter as a close sees it (the grade in force, net revenue per category), the accounts
    skipped because never graded, and every account by code."""
    refs, in_force, nets = close_reads(session, quarter.start, quarter.end)
    by_code = {a.code: a for a in refs}
    grades = {value: Grade(value) for value in set(in_force.values())}  # four grades, not 20,000 enum lookups
    per_account: dict[str, dict[str, Decimal]] = {}
    for code, category, net in nets:
        if only is None or code in only:
            per_account.setdefault(code, {})[category] = net
    inputs, ungraded = [], []
    for code, categories in sorted(per_account.items()):
        grade = in_force.get(code)
        if grade is None:
            ungraded.append(code)
            continue
        inputs.append(AccountQuarter(code, grades[grade], sum(categories.values(), ZERO), categories))
    return inputs, ungraded, by_code
