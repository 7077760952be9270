"""The rewards ledger: an account's entries and balances, redemptions, return reversals and expiry runs.

Rows and domain entries are translated one-to-one; the domain decides, the store keeps. Every entry has
a deterministic idempotency key and the column is UNIQUE, so no run can book the same thing twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Select, Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kam_desktop.domain import ledger as dl
from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.ledger_checks import LedgerProblem, validate
from kam_desktop.domain.money import ZERO, money
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.rewards import GRADE_NOTE, PointsRules, return_reversals
from kam_desktop.domain.vocabulary import Grade, LedgerKind, LedgerUnit
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.store import models
from kam_desktop.store.ledger_chain import ENTRY_COLUMNS, chain_inserted, insert_entry_values
from kam_desktop.store.limits import check_columns, check_values
from kam_desktop.store.queries.grades import AccountRef, accounts
from kam_desktop.store.queries.ledger import StoredEntry, accounts_with_expired_lots, ledger_entries
from kam_desktop.store.settlement_lock import hold_settlement
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class EntryRow:
    """One ledger line as shown: amounts signed (what it adds to the balance)."""

    id: uuid.UUID
    booked_on: date
    unit: str
    kind: str
    amount: Decimal
    quarter: str | None
    expires_on: date | None
    source_kind: str
    source_ref: str | None
    key: str
    reverses: uuid.UUID | None
    note: str | None
    currency: str | None = None  # cashback: the account's currency; points carry none
    corrects: uuid.UUID | None = None  # a late accrual or clawback: the entry it corrects


@dataclass(frozen=True)
class AccountLedger:
    """An account's entries, balance per unit (a fold of the entries), what is usable, and what expires when."""

    code: str
    as_of: date
    entries: list[EntryRow]
    balance: dict[str, Decimal]
    available: dict[str, Decimal]
    expiry_schedule: dict[str, list[dl.ExpiryLine]]
    currency: str = ""  # the account's: what the cashback balance is counted in
    problems: list[LedgerProblem] = field(default_factory=list)  # broken invariants: must stay empty


def to_domain(stored: StoredEntry, code: str) -> dl.LedgerEntry:
    """A store row (with allocations) as a domain entry; the domain's account key is the account code."""
    r = stored.row
    return dl.LedgerEntry(
        account=code, unit=LedgerUnit(r.unit), kind=LedgerKind(r.kind), amount=r.amount, booked_on=r.booked_on,
        source_kind=dl.SourceKind(r.source_kind), source_ref=r.source_ref or "", idempotency_key=r.idempotency_key,
        id=r.id, expires_on=r.expires_on, reverses=r.reverses_id, corrects=r.corrects_id,
        allocations=tuple(dl.Allocation(lot, amount) for lot, amount in stored.allocations), note=r.note or "",
        currency=r.currency if r.unit == LedgerUnit.CASHBACK else None,
    )


def load_domain(session: Session, refs: Iterable[AccountRef] | None = None, key_prefix: str | None = None, *,
                codes: Mapping[uuid.UUID, str] | None = None) -> list[dl.LedgerEntry]:
    """Domain entries of the given accounts (all when None), optionally only keys with a prefix; `codes`: the
    accounts' codes by id when the caller has read them already (all accounts: 20,000 rows at scale)."""
    if refs is not None:
        known = {a.id: a.code for a in refs}
    else:
        known = dict(codes) if codes is not None else {a.id: a.code for a in accounts(session, active_only=False)}
    stored = ledger_entries(session, list(known) if refs is not None else None, key_prefix)
    missing = {s.row.account_id for s in stored} - set(known)
    if missing:  # accounts the given `codes` left out
        known.update({a.id: a.code for a in accounts(session, active_only=False) if a.id in missing})
    return [to_domain(s, known[s.row.account_id]) for s in stored]


def load_domain_of(session: Session, account_ids: Select[Any]) -> list[dl.LedgerEntry]:
    """Domain entries of the accounts a query selects by id: no list of 20,000 ids bound, and only the accounts with
    entries decoded."""
    stored = ledger_entries(session, account_ids)
    if not stored:
        return []
    booked = select(models.LedgerEntry.account_id).where(models.LedgerEntry.account_id.in_(account_ids))
    codes = select(models.Account.id, models.Account.code).where(models.Account.id.in_(booked))
    known: dict[uuid.UUID, str] = dict(session.execute(codes).all())
    return [to_domain(s, known[s.row.account_id]) for s in stored]


def book(session: Session, entries: Sequence[dl.LedgerEntry], ids: Mapping[str, AccountRef],
         quarter: Quarter | None = None) -> None:
    """Insert domain entries (then their allocations) as rows; `ids` maps account code → account."""
    if not session.info.get("outbox") and not any(e.allocations for e in entries):
        _insert_rows(session, entries, ids, quarter)
    else:
        _add_objects(session, entries, ids, quarter)


def booking_actor(session: Session) -> str:
    """Who books rows inserted without ORM objects (their `created_by`): the unit of work's actor, as the ORM path
    stamps it."""
    return str(session.info.get("actor") or "system")


def _add_objects(session: Session, entries: Sequence[dl.LedgerEntry], ids: Mapping[str, AccountRef],
                 quarter: Quarter | None) -> None:
    """`book` through ORM objects: the unit of work stamps, checks, links and records each one in the outbox."""
    for e in entries:
        session.add(models.LedgerEntry(**_values(e, ids[e.account], quarter)))
    session.flush()  # allocations point at entries: insert those first
    for e in entries:
        for a in e.allocations:
            session.add(models.LedgerAllocation(entry_id=e.id, lot_id=a.lot_id, amount=a.amount))
    session.flush()


def _insert_rows(session: Session, entries: Sequence[dl.LedgerEntry], ids: Mapping[str, AccountRef],
                 quarter: Quarter | None) -> None:
    """`book`'s rows in one INSERT, not one ORM object each (a quarter's close books ~30,000 at 20,000 accounts).

    The same rows as the ORM writes: the columns' defaults (`created_at`), the actor as `created_by`, the length
    checks, and the ledger chain linking them in booking order. Only where nothing else needs the objects: a laptop
    bound to a team server records each row in its outbox (the ORM path), and allocations follow their entries.
    On SQLite the store inserts and links them through its driver in one pass (no rows read back to link them).
    """
    session.flush()  # rows added before these are inserted (and linked) first: the chain keeps the booking order
    actor = booking_actor(session)
    if not entries:
        return
    if session.get_bind().dialect.name == "sqlite":
        values = _entry_values(entries, ids, quarter, actor)
        check_columns(models.LedgerEntry, ENTRY_COLUMNS, values)
        insert_entry_values(session, values)
        return
    rows = [{**_values(e, ids[e.account], quarter), "created_by": actor} for e in entries]
    check_values(models.LedgerEntry, rows)
    table = cast(Table, models.LedgerEntry.__table__)
    session.execute(insert(table), rows)  # Core: `created_at` by the column's default, row by row
    chain_inserted(session, [(table.name, e.id) for e in entries])


def _entry_values(entries: Sequence[dl.LedgerEntry], ids: Mapping[str, AccountRef], quarter: Quarter | None,
                  actor: str) -> list[tuple[Any, ...]]:
    """Each entry's `_values` with `created_by` as a tuple in `ENTRY_COLUMNS` order, `created_at` None (stamped as
    inserted): no dict a row (a close books ~30,000)."""
    cashback, period = LedgerUnit.CASHBACK, str(quarter) if quarter else None
    values = []
    for e in entries:
        account = ids[e.account]
        currency = None
        if e.unit is cashback:
            currency = account.currency if e.currency is None or e.currency == account.currency else _currency(e, account)
        values.append((e.id, None, actor, account.id, e.kind, e.unit, e.amount, currency, e.booked_on,
                       period or str(Quarter.of(e.booked_on)), e.expires_on, e.source_kind, e.source_ref or None,
                       e.idempotency_key, e.reverses, e.corrects, e.note or None))
    return values


def _values(e: dl.LedgerEntry, account: AccountRef, quarter: Quarter | None) -> dict[str, Any]:
    """An entry's column values (all but the stamps)."""
    return {"id": e.id, "account_id": account.id, "kind": e.kind, "unit": e.unit, "amount": e.amount,
            "currency": _currency(e, account), "booked_on": e.booked_on,
            "quarter": str(quarter) if quarter else str(Quarter.of(e.booked_on)), "expires_on": e.expires_on,
            "source_kind": e.source_kind, "source_ref": e.source_ref or None, "idempotency_key": e.idempotency_key,
            "reverses_id": e.reverses, "corrects_id": e.corrects, "note": e.note or None}


def _currency(e: dl.LedgerEntry, account: AccountRef) -> str | None:
    """Cashback is booked in the account's currency; an entry that says otherwise would mix currencies."""
    if e.unit is not LedgerUnit.CASHBACK:
        return None
    if e.currency is not None and e.currency != account.currency:
        raise ServiceError("{key}: a {currency} entry cannot be booked on {code}, which is kept in {account_currency}",
                           key=e.idempotency_key, currency=e.currency, code=account.code,
                           account_currency=account.currency)
    return account.currency


def _row(e: dl.LedgerEntry, quarter: str | None = None) -> EntryRow:
    return EntryRow(e.id, e.booked_on, e.unit, e.kind, e.amount, quarter or str(Quarter.of(e.booked_on)),
                    e.expires_on, e.source_kind, e.source_ref or None, e.idempotency_key, e.reverses, e.note or None,
                    e.currency, e.corrects)


def entry_row(e: dl.LedgerEntry) -> EntryRow:
    """A domain entry as a ledger line to show."""
    return _row(e)


def account_ledger(ctx: Context, code: str, as_of: date | None = None) -> AccountLedger:
    """Entries oldest first, the balance per unit, what can be redeemed, and the expiry schedule."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        entries = load_domain(session, [account])
    code = account.code
    units = [u.value for u in LedgerUnit]
    return AccountLedger(
        code=code, as_of=as_of, entries=[_row(e) for e in entries],
        balance={u: money(dl.balance(entries, code, LedgerUnit(u))) for u in units},
        available={u: money(dl.available(entries, code, LedgerUnit(u), as_of)) for u in units},
        expiry_schedule={u: dl.expiry_schedule(entries, code, LedgerUnit(u), as_of) for u in units},
        currency=account.currency, problems=validate(entries),
    )


def redeem(ctx: Context, code: str, unit: str, amount: Decimal, ref: str, on: date | None = None) -> EntryRow:
    """Redeem from the soonest-expiring lots; `ref` (e.g. the credit note) makes it idempotent per account."""
    ctx.permit(UseCase.REDEEM)
    with ctx.unit_of_work() as uow:
        account = account_for(ctx, uow.session, UseCase.REDEEM, code)
        entry = redeem_in(uow, account, LedgerUnit(unit), amount, ref, on or ctx.today())
        uow.commit()
    return entry


def redeem_in(uow: UnitOfWork, account: AccountRef, unit: LedgerUnit, amount: Decimal, ref: str,
              on: date) -> EntryRow:
    """`redeem` inside the caller's unit of work (used by the demo)."""
    if not ref.strip():
        raise ServiceError("a redemption needs a reference (credit note, order, …)")
    session = uow.session
    hold_settlement(session)  # the lots read below are not expired or spent meanwhile
    code = account.code
    entries = load_domain(session, [account])
    key = f"redeem:{code}:{ref}"
    try:
        result = dl.redeem(entries, code, unit, amount, on, ref, key)
    except dl.InsufficientBalanceError as exc:
        raise Refused("{login}: {problem} [no overdraft]", login=uow.actor, problem=exc.message) from None
    except dl.LedgerError as exc:
        raise ServiceError.of(exc) from None
    if not result.entries:
        existing = next(e for e in entries if e.idempotency_key == key)
        return _row(existing)
    book(session, result.entries, {code: account})
    uow.audit("ledger.redeem", "ledger_entry", result.entries[0].id, account=code, unit=unit, amount=amount, ref=ref)
    return _row(result.entries[0])


def expire_due(ctx: Context, on: date | None = None) -> int:
    """Book expiry entries for every lot expired by `on` (default today); returns how many were booked."""
    ctx.permit(UseCase.REDEEM)
    with ctx.unit_of_work() as uow:
        count = expire_in(uow, on or ctx.today())
        uow.commit()
    return count


def expire_in(uow: UnitOfWork, on: date) -> int:
    """The expiry run inside the caller's unit of work; running it again books nothing."""
    session = uow.session
    hold_settlement(session)  # a redemption spending a lot this run expires waits, or is seen
    expiring = accounts_with_expired_lots(session, on)  # the others' ledgers would give no expiry
    refs = accounts(session, active_only=False) if expiring else []
    chosen = [ref for ref in refs if ref.id in expiring]
    expiries = dl.expire(load_domain(session, chosen), on) if chosen else []
    if expiries:
        book(session, expiries, {a.code: a for a in refs})
        uow.audit("ledger.expire", "ledger_entry", None, on=on, entries=len(expiries),
                  amount={u.value: sum((e.amount for e in expiries if e.unit is u), ZERO) for u in LedgerUnit})
    return len(expiries)


def reverse_for_return(
    ctx: Context, code: str, quarter: Quarter, category: str, returned_net: Decimal, return_ref: str,
    on: date | None = None,
) -> list[EntryRow]:
    """Reverse the part of a closed quarter's cashback and points that a later return takes back.

    The cashback reversed is the return × the % of the grade the quarter was closed at (read from the
    accrual); idempotent per return reference.
    """
    with ctx.unit_of_work() as uow:
        session = uow.session
        account = account_for(ctx, session, UseCase.REDEEM, code)
        code = account.code
        entries = load_domain(session, [account])
        accrual = next((e for e in entries if e.idempotency_key == f"close:{quarter}:{code}:cashback"), None)
        earned = GRADE_NOTE.read(accrual.note) if accrual is not None else None
        if earned is None:
            raise ServiceError("{code} has no cashback accrual for {quarter}: nothing to reverse", code=code,
                               quarter=quarter)
        program = program_in_force(session, quarter.end)
        grade: Grade = earned.params["grade"]
        created = _reversals(entries, code, quarter, grade, category, returned_net, return_ref,
                             on or ctx.today(), program.terms, program.points)
        book(session, created, {code: account})
        if created:
            uow.audit("ledger.reverse_return", "ledger_entry", None, account=code, quarter=str(quarter),
                      return_ref=return_ref, returned_net=returned_net)
        uow.commit()
    return [_row(e) for e in created]


def _reversals(entries: list[dl.LedgerEntry], code: str, quarter: Quarter, grade: Grade, category: str,
               returned_net: Decimal, ref: str, on: date, terms: ProgramTerms,
               points: PointsRules) -> list[dl.LedgerEntry]:
    if returned_net <= 0:
        raise ServiceError("the returned net amount must be positive, not {amount}", amount=returned_net)
    try:
        return return_reversals(entries, code, quarter, grade, category, returned_net, ref, on, terms, points)
    except dl.LedgerError as exc:
        raise Refused("{code}: {problem} [finance books an adjustment]", code=code, problem=exc.message) from None


def is_duplicate_key(exc: IntegrityError) -> bool:
    """True when an insert failed on the ledger's unique idempotency key (a concurrent run booked it)."""
    return "idempotency_key" in str(exc.orig)
