"""The store's side of the ledger chain: link each new ledger entry and allocation as it is flushed, seal the
chain's head in the audit log at each commit, and read the chain back to verify.

Like the audit chain (store/audit_chain.py): the unit of work queues the new rows before a flush and links them
after it, in the same transaction, reading each row back as stored so that verifying reads the same values. Only
on SQLite (a laptop): a team server keeps its ledger behind its own functions and row-level security.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kam_desktop.domain.audit_chain import GENESIS, moment
from kam_desktop.domain.row_chain import QUOTED, Row, RowLink, row_hash, text_of, values_hash
from kam_desktop.store.codec import EXACT_BELOW, scaled_decimal, scaled_int, stamp_text
from kam_desktop.store.models import AuditEntry, LedgerAllocation, LedgerEntry, LedgerLink

CHAINED: dict[type, Table] = {LedgerEntry: cast(Table, LedgerEntry.__table__),
                              LedgerAllocation: cast(Table, LedgerAllocation.__table__)}
# The values a link covers, frozen: a column added to a table later must not change the hash of the rows linked
# before it (add it here only with a new chain scheme).
COVERED = {
    "ledger_entries": ("id", "created_at", "created_by", "account_id", "kind", "unit", "amount", "currency",
                       "booked_on", "quarter", "expires_on", "source_kind", "source_ref", "idempotency_key",
                       "reverses_id", "corrects_id", "note"),
    "ledger_allocations": ("id", "created_at", "created_by", "entry_id", "lot_id", "amount"),
}
SEAL = "ledger.seal"  # the audit action whose details hold the ledger chain's head (seq, hash) at a commit
_QUEUE = "ledger_new"
_SEALED = "ledger_sealed"
_BATCH = 500  # ids per read-back (SQLite's bound parameters)
ENTRY_TABLE = "ledger_entries"
ENTRY_COLUMNS = COVERED[ENTRY_TABLE]  # the order `insert_entry_values` takes an entry's values in
_ENTRY_SQL = (f"INSERT INTO {ENTRY_TABLE} ({', '.join(COVERED[ENTRY_TABLE])}) "
              f"VALUES ({', '.join('?' * len(COVERED[ENTRY_TABLE]))})")  # every column: a test keeps them equal
_LINK_SQL = "INSERT INTO ledger_chain (row_table, row_id, prev_hash, hash) VALUES (?, ?, ?, ?)"


def queue_new_rows(session: Session, new: Sequence[Any]) -> None:
    """Remember the ledger rows this flush inserts (their client-made ids are set by the caller)."""
    rows = [(CHAINED[type(obj)].name, obj.id) for obj in new if type(obj) in CHAINED]
    if rows:
        session.info.setdefault(_QUEUE, []).extend(rows)


def chain_new_rows(session: Session) -> None:
    """Link the ledger rows this flush wrote, in the order they were added."""
    chain_inserted(session, session.info.pop(_QUEUE, []))


def chain_inserted(session: Session, rows: Sequence[tuple[str, uuid.UUID]]) -> None:
    """Link ledger rows ((table, id), in booking order): a flush's, or rows inserted without ORM objects."""
    if rows and session.get_bind().dialect.name == "sqlite":
        chain_rows(session.connection(), rows)
        session.info[_SEALED] = True  # the commit seals the new head in the audit log


def chain_rows(connection: Connection, rows: Sequence[tuple[str, uuid.UUID]]) -> None:
    """Append links for `rows` ((table, id), in that order) after the chain's head, reading each row as stored."""
    if not rows:
        return
    stored = _rows(connection, rows)
    link_rows(connection, [stored[row_id] for _table, row_id in rows])


def link_rows(connection: Connection, rows: Sequence[Row]) -> None:
    """Append links for rows given as the verifier reads them (table, key, values as text), in that order."""
    prev = _head(connection)
    links = []
    for row in rows:
        digest = row_hash(prev, row)
        links.append((row.table, row.id, prev, digest))  # row.id: the key's 32 hex digits, as a Uuid is kept
        prev = digest
    _insert_links(connection, links)


def _head(connection: Connection) -> str:
    last = connection.execute(select(LedgerLink.hash).order_by(LedgerLink.seq.desc()).limit(1)).scalar()
    return last or GENESIS


def _insert_links(connection: Connection, links: Sequence[tuple[str, str, str, str]]) -> None:
    with driver_errors(connection, "ledger chain links") as driver:
        driver.executemany(_LINK_SQL, links)


def insert_entries(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """`insert_entry_values` of entries given as column values by name (all but `created_at`, which may be given)."""
    insert_entry_values(session, [tuple(r.get(name) for name in ENTRY_COLUMNS) for r in rows])


def insert_entry_values(session: Session, rows: Sequence[Sequence[Any]]) -> None:
    """Insert ledger entries given as their values in `ENTRY_COLUMNS` order and link them, in that order, on SQLite.

    Through the driver, not SQLAlchemy Core (whose bind processing per value cost more than SQLite's insert): each
    value is encoded by the store's codec, as the column types bind it (`insert_entry_texts` then links and inserts
    them); tests hold both to the ORM path's rows and links. A row whose `created_at` is None is stamped as the
    column's default would: the moment it is inserted.
    """
    stamp_of, money, day = stamp_text, scaled_int, _day
    days: dict[object, str | None] = {None: None}  # each day's text made once: a close's entries share two days
    stored: list[tuple[Any, ...]] = []
    for (row_id, created_at, created_by, account, kind, unit, amount, currency, booked_on, quarter, expires_on,
         source_kind, source_ref, key, reverses, corrects, note) in rows:
        # a date and a datetime of the same day are different keys (they are not equal), each with its own text
        booked = days[booked_on] if booked_on in days else days.setdefault(booked_on, day(booked_on))
        expires = days[expires_on] if expires_on in days else days.setdefault(expires_on, day(expires_on))
        stored.append((row_id.hex, None if created_at is None else stamp_of(created_at), created_by, account.hex, kind,
                       unit, money(amount, 2), currency, booked, quarter, expires, source_kind, source_ref, key,
                       None if reverses is None else reverses.hex, None if corrects is None else corrects.hex, note))
    insert_entry_texts(session, stored)


def insert_entry_texts(session: Session, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert ledger entries given as SQLite keeps them (`ENTRY_COLUMNS` order: ids as 32 hex digits, the amount as
    its integer of cents, days as ISO text; `created_at` as stored text, or None) and link them, in that order.

    The chain's text of each row is made from these values, which is what the verifier reads back. A row whose
    `created_at` is None is stamped row by row as the column's default would (`_Clock`: the same text as
    `stamp_text(utc_now())`).
    """
    if not rows:
        return
    connection = session.connection()
    now, chained_stamp, amount_text, entry_digest = _Clock(), _chained_stamp, _amount_text, _entry_digest
    texts = _QuotedTexts()  # a batch's rows share their actor, kinds, units, currencies, quarters and notes
    stored: list[tuple[Any, ...]] = []
    links: list[tuple[str, str, str, str]] = []
    prev = _head(connection)
    for row in rows:
        (entry_id, stamp, created_by, account_id, kind, unit, scaled, currency, booked, quarter, expires, source_kind,
         source_ref, key, reverses_id, corrects_id, note) = row
        if stamp is None:
            stamp, chained = now()
            row = (entry_id, stamp, *row[2:])
        else:
            chained = chained_stamp(stamp)
        stored.append(row)
        digest = entry_digest(prev, entry_id, chained, created_by, account_id, kind, unit, amount_text(scaled),
                              currency, booked, quarter, expires, source_kind, source_ref, key, reverses_id,
                              corrects_id, note, texts)
        links.append((ENTRY_TABLE, entry_id, prev, digest))
        prev = digest
    with driver_errors(connection, "bulk insert into ledger_entries") as driver:
        driver.executemany(_ENTRY_SQL, stored)
    _insert_links(connection, links)
    session.info[_SEALED] = True  # the commit seals the new head in the audit log


_TABLE_TEXT = QUOTED(ENTRY_TABLE)


class _QuotedTexts(dict[str, str]):
    """Each text's `QUOTED` form, made once: a value that is not text raises TypeError, as `QUOTED` itself does."""

    def __missing__(self, value: str) -> str:
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not text")
        text = self[value] = QUOTED(value)  # a StrEnum's value: the text sqlite3 binds and the verifier reads back
        return text


def _entry_digest(prev: str, entry_id: str, chained: str, created_by: Any, account_id: str, kind: Any, unit: Any,
                  amount: str, currency: Any, booked: str | None, quarter: Any, expires: str | None, source_kind: Any,
                  source_ref: Any, key: Any, reverses_id: str | None, corrects_id: str | None, note: Any,
                  texts: dict[str, str] | None = None) -> str:
    """`values_hash` of an entry's values as stored (ids as hex, days as SQLite keeps them, the amount's and the
    stamp's chain text), with `text_of`'s text of each read back (None as ""): the canonical text written out in one
    f-string, where hex digits, days, the stamp and the amount need no escaping (a test holds it to `values_hash`).
    `texts`: the quoted texts of a batch's values, kept across its rows (`_QuotedTexts`)."""
    quoted = texts if texts is not None else _QuotedTexts()
    try:
        canonical = (f'[{QUOTED(prev)}, {_TABLE_TEXT}, "{entry_id}", "{entry_id}", "{chained}", {quoted[created_by]}, '
                     f'"{account_id}", {quoted[kind]}, {quoted[unit]}, "{amount}", {quoted[currency or ""]}, '
                     f'"{booked or ""}", {quoted[quarter or ""]}, "{expires or ""}", {quoted[source_kind]}, '
                     f'{quoted[source_ref or ""]}, {QUOTED(key)}, "{reverses_id or ""}", "{corrects_id or ""}", '
                     f'{quoted[note or ""]}]')
    except TypeError:  # a value that is not text (None where the column refuses it): as `values_hash` writes it
        return values_hash(prev, ENTRY_TABLE, entry_id, (
            entry_id, chained, created_by, account_id, str(kind), str(unit), amount, currency or "", booked or "",
            quarter or "", expires or "", str(source_kind), source_ref or "", key, reverses_id or "", corrects_id or "",
            note or ""))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _amount_text(scaled: int) -> str:
    """The chain's text of a stored amount (`text_of` of the Decimal read back: no trailing zeros, no exponent), from
    its integer of cents: `text_of(scaled_decimal(scaled, 2))` at a third of the cost."""
    if type(scaled) is not int or not -EXACT_BELOW < scaled < EXACT_BELOW:
        return text_of(scaled_decimal(scaled, 2))
    whole, cents = divmod(-scaled if scaled < 0 else scaled, 100)
    sign = "-" if scaled < 0 else ""
    if cents == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{cents // 10}" if cents % 10 == 0 else f"{sign}{whole}.{cents:02d}"


class _Clock:
    """The current time as `created_at`'s column default stores it (`stamp_text(utc_now())`) and as the chain writes
    it (`moment`), at a fifth of the cost: the same clock (`datetime.now` reads `time.time_ns` rounded down to the
    microsecond) and the same text, the date and time to the second formatted once a second."""

    __slots__ = ("_ns", "_prefix", "_second")

    def __init__(self, ns: Callable[[], int] = time.time_ns) -> None:
        self._ns, self._second, self._prefix = ns, -1, ""

    def __call__(self) -> tuple[str, str]:
        second, micro = divmod(self._ns() // 1000, 1_000_000)
        if second != self._second:
            prefix = datetime.fromtimestamp(second, UTC).isoformat()[:19]
            if prefix[0] == "0":  # a clock set before the year 1000: datetime's own text
                stamp = stamp_text(datetime.fromtimestamp(second, UTC).replace(microsecond=micro))
                return stamp, _chained_stamp(stamp)
            self._second, self._prefix = second, prefix
        fraction = f"{self._prefix}.{micro:06d}"
        return f"{fraction}+00:00", f"{fraction}Z"


def _day(value: object) -> str | None:
    """A date as SQLite keeps it, as SQLAlchemy's Date binds it: its year, month and day (of a datetime too, as that
    type takes one), anything else refused."""
    if value is None:
        return None
    if type(value) is date:
        return value.isoformat()  # the same digits, at a third of the cost
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    raise TypeError(f"SQLite Date type only accepts Python date objects as input, not {value!r}")


def _chained_stamp(stored: str) -> str:
    """A stored stamp as the chain writes it: `moment` of the datetime read back (UTC, microseconds, a Z)."""
    if len(stored) == 32 and stored.endswith("+00:00") and stored[0] != "0":  # a year from 1000: moment's own text
        return stored[:26] + "Z"
    return moment(datetime.fromisoformat(stored))


@contextmanager
def driver_errors(connection: Connection, what: str) -> Iterator[Any]:
    """A cursor of the connection's driver; its errors come out as SQLAlchemy's (IntegrityError, …), as a Core
    statement's would, so callers (a concurrent close's duplicate key) handle one family of exceptions."""
    dialect = connection.dialect
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        yield cursor
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(what, None, exc, dialect.loaded_dbapi.Error, dialect=dialect) from exc
    finally:
        cursor.close()


def seal_line(session: Session) -> AuditEntry | None:
    """The audit line sealing the ledger chain's head, when this transaction linked ledger rows; else None."""
    if not session.info.pop(_SEALED, False):
        return None
    seq, digest = session.connection().execute(
        select(LedgerLink.seq, LedgerLink.hash).order_by(LedgerLink.seq.desc()).limit(1)).one()
    return AuditEntry(action=SEAL, entity="ledger", entity_id=None, details={"seq": seq, "hash": digest})


def forget(session: Session) -> None:
    session.info.pop(_QUEUE, None)
    session.info.pop(_SEALED, None)


def _rows(connection: Connection, keys: Sequence[tuple[str, uuid.UUID]]) -> dict[uuid.UUID, Row]:
    found: dict[uuid.UUID, Row] = {}
    for table in CHAINED.values():
        ids = [row_id for name, row_id in keys if name == table.name]
        for start in range(0, len(ids), _BATCH):
            for record in connection.execute(_covered(table).where(table.c.id.in_(ids[start:start + _BATCH]))):
                found[record.id] = _row(table, record)
    return found


def _covered(table: Table) -> Any:
    return select(*(table.c[name] for name in COVERED[table.name]))


def _row(table: Table, record: Any) -> Row:
    return Row(table.name, text_of(record.id), tuple(text_of(value) for value in record))


def read_chain(connection: Connection) -> tuple[list[RowLink], list[tuple[str, str]], list[tuple[int, str]]]:
    """The links in chain order with the rows they cover, the rows no link covers, and the sealed heads."""
    rows: dict[str, Row] = {}
    for table in CHAINED.values():
        for record in connection.execute(_covered(table)):
            row = _row(table, record)
            rows[row.id] = row
    links = [RowLink(r.seq, rows.pop(r.row_id.hex, None), r.prev_hash, r.hash)
             for r in connection.execute(select(LedgerLink).order_by(LedgerLink.seq))]
    sealed = [(int(str(d["seq"])), str(d["hash"])) for d in connection.scalars(
        select(AuditEntry.details).where(AuditEntry.action == SEAL).order_by(AuditEntry.created_at))
        if isinstance(d, dict) and "seq" in d and "hash" in d]
    return links, sorted((row.table, row.id) for row in rows.values()), sealed
