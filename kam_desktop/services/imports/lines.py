"""Invoice lines into the store at bulk speed: existing keys compared, new lines inserted in big batches.

A million lines cannot go through the ORM. Values leave the validated columnar frame already exact
(numbers as normalised text, never float) and are converted the way the column types store them:
on SQLite integers of minor units, 32-hex-digit UUIDs and ISO dates, written with the raw DBAPI cursor
of the unit of work's own connection (same transaction); on PostgreSQL streamed with COPY. Neither path
touches indexes, so a new index on invoice_lines changes nothing here.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, cast

import numpy as np
import pandas as pd
from sqlalchemy import String, Table, any_, bindparam, insert, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.store import rollup
from kam_desktop.store.line_seal import LineSeal
from kam_desktop.store.models import InvoiceLine

BATCH_ROWS = 50_000
SQLITE_CACHE_KIB = 256 * 1024
_IN_BATCH = 5_000  # keys per IN (...) probe on SQLite (its variable limit is 32,766)
LINE_COLUMNS = ("id", "invoice_no", "line_no", "invoice_date", "account_id", "category_id", "quantity",
                "net_amount", "margin_amount", "currency", "import_id")
_COMPARED = ("invoice_date", "account_id", "category_id", "quantity", "net_amount", "margin_amount", "currency")

SEAL_INFO = "lines_seal"  # session.info: the seal of the lines a bulk insert wrote in this transaction
Tick = Callable[[int], None]  # called with the number of lines written so far; may raise to stop


def check_columns() -> None:
    """Refuse to write if invoice_lines grew a column this writer does not know (it would be left NULL)."""
    known = set(InvoiceLine.__table__.columns.keys())
    if known != set(LINE_COLUMNS):
        raise RuntimeError(f"invoice_lines has columns {sorted(known)}; the bulk writer knows {LINE_COLUMNS}")


def time_ordered_ids(count: int) -> list[str]:
    """`count` distinct UUIDv7 values as 32 hex digits, ascending.

    Time-ordered keys append to the primary-key B-tree instead of splitting random pages: the bulk
    insert's largest saving. 48 bits of milliseconds and 12 random bits are shared by the batch; the
    low 62 bits count up from a random start, so two laptops never collide in practice.
    """
    return IdSequence().take(count)


class IdSequence:
    """Time-ordered ids handed out in batches, each batch's above the one before (one import's lines are sealed
    in the order of their ids: see store/line_seal.py)."""

    def __init__(self) -> None:
        millis = time.time_ns() // 1_000_000
        rand = int.from_bytes(os.urandom(10), "big")
        self._prefix = f"{(millis << 16) | 0x7000 | (rand >> 68):016x}"  # version 7 in bits 48..51
        self._next = rand & ((1 << 61) - 1)  # leaves room to count up without overflow

    def take(self, count: int) -> list[str]:
        if count == 0:
            return []
        low = (np.arange(count, dtype=np.uint64) + np.uint64(self._next)) | np.uint64(1 << 63)  # variant 0b10
        self._next += count
        text = low.astype(">u8").tobytes().hex()
        return [self._prefix + text[i:i + 16] for i in range(0, 16 * count, 16)]


# Below this magnitude a decimal text with at most 3 places survives text → float64 → ×10^places → rint
# as the exact integer (the float's relative error, 2^-53, stays far below half a unit); so the
# conversion is exact by construction, and larger values take the plain text path.
_FLOAT_EXACT_BELOW = 1e12


def scaled(values: Sequence[str], places: int, parsed: np.ndarray | None = None) -> list[int]:
    """Normalised number text ("-1234.5", at most `places` places) as integers of 10^-places units, exactly
    (`parsed`: the same texts already as float64, as validation parsed them)."""
    if places <= 3 and len(values):
        if parsed is None:
            parsed = np.array(values, dtype=np.float64)
        if float(np.abs(parsed).max()) < _FLOAT_EXACT_BELOW:  # NaN (an empty cell) compares False: the text path
            return np.rint(parsed * 10.0**places).astype(np.int64).tolist()  # type: ignore[no-any-return]
    return scaled_exactly(values, places)


def scaled_exactly(values: Sequence[str], places: int) -> list[int]:
    """The same by text surgery, for any magnitude."""
    out: list[int] = []
    append = out.append
    for text in values:
        whole, _, frac = text.partition(".")
        append(int(whole + frac.ljust(places, "0")))
    return out


def iso_dates(series: pd.Series) -> list[str]:
    codes, uniques = pd.factorize(series)
    days = [v.strftime("%Y-%m-%d") for v in uniques]
    return [days[c] for c in codes.tolist()]


# A column's magnitudes summed as floats below this cannot overflow int64 when summed exactly in any order.
_INT64_SAFE_SUM = float(2 ** 62)


class CellSums:
    """The finest roll-up cells (`rollup.KEY`, `rollup.SUMS`, `rollup.LATEST`) of the lines a bulk writer stores,
    summed from its batches' columns in SQLite's stored form: what `rollup.aggregation` reads back from the same
    lines (a month is a day's first 7 characters, as `substr` takes; the latest day is the greatest text, as SQLite's
    `max` compares), without reading a million lines back through the import's index (~2.5 s). Sums are int64,
    exact: `cells` declines (None) when a column's magnitudes could reach int64's range (SQL then sums them)."""

    def __init__(self) -> None:
        self._codes: dict[str, int] = {}  # account and category hex, month, currency, day → a code
        self._months: dict[int, int] = {}  # a day's code → its month's code
        self._parts: list[tuple[np.ndarray, ...]] = []

    def _coded(self, values: list[str]) -> tuple[np.ndarray, list[str]]:
        codes, uniques = pd.factorize(np.array(values, dtype=object))  # few distinct values per batch
        known = self._codes
        return np.array([known.setdefault(u, len(known)) for u in uniques], dtype=np.int64)[codes], list(uniques)

    def add(self, accounts: list[str], days: list[str], categories: list[str], currencies: list[str],
            amounts: Sequence[Sequence[int]]) -> None:
        """One batch: the stored texts, and net, margin and quantity as stored integers."""
        day, texts = self._coded(days)
        known, months = self._codes, self._months
        for text in texts:
            months.setdefault(known[text], known.setdefault(text[:7], len(known)))
        self._parts.append((self._coded(accounts)[0], day, self._coded(categories)[0], self._coded(currencies)[0],
                            *(np.asarray(a, dtype=np.int64) for a in amounts)))

    def cells(self) -> list[tuple[Any, ...]] | None:
        """The cells as rows (in no particular order), or None when int64 might not hold a sum."""
        if not self._parts:
            return []
        account, day, category, currency, *amounts = (np.concatenate(c) for c in zip(*self._parts, strict=True))
        if any(float(np.abs(a.astype(np.float64)).sum()) >= _INT64_SAFE_SUM for a in amounts):
            return None
        month_of = np.zeros(len(self._codes), dtype=np.int64)
        month_of[list(self._months)] = list(self._months.values())
        month = month_of[day]
        order = np.lexsort((currency, category, month, account))
        keys = [k[order] for k in (account, month, category, currency)]
        change = np.zeros(len(order), dtype=bool)
        change[0] = True
        for k in keys:
            change[1:] |= k[1:] != k[:-1]
        starts = np.flatnonzero(change)
        sums = [np.add.reduceat(a[order], starts).tolist() for a in amounts]
        counts = np.diff(np.append(starts, len(order))).tolist()
        text = np.array(list(self._codes), dtype=object)  # code → text (dicts keep insertion order)
        days = np.array(sorted(self._months, key=text.__getitem__), dtype=np.int64)  # in text order, as `max` compares
        rank = np.zeros(len(self._codes), dtype=np.int64)
        rank[days] = np.arange(len(days))
        latest = text[days[np.maximum.reduceat(rank[day[order]], starts)]]
        return list(zip(*(text[k[starts]].tolist() for k in keys), *sums, counts, latest.tolist(), strict=True))


@dataclass(frozen=True)
class Lines:
    """Invoice lines resolved against the store: the frame plus account and category keys per row."""

    frame: pd.DataFrame  # the staged columnar frame
    account_ids: list[uuid.UUID]
    category_ids: list[uuid.UUID]
    # the distinct account and category id objects (by identity: each row's id is one of these very objects), so
    # that the writers format each once and look rows up by `id()`: hashing a UUID runs Python code, ~0.3 s for
    # the two ids of a million lines
    keys: tuple[uuid.UUID, ...] = ()
    numbers: Mapping[str, np.ndarray] = field(default_factory=dict)  # amount columns as validation parsed them

    def __len__(self) -> int:
        return len(self.frame)

    def subset(self, mask: np.ndarray) -> Lines:
        keep = np.flatnonzero(mask)
        return Lines(self.frame.iloc[keep], [self.account_ids[i] for i in keep],
                     [self.category_ids[i] for i in keep], self.keys, {c: v[keep] for c, v in self.numbers.items()})


def resolve(frame: pd.DataFrame, accounts: dict[str, uuid.UUID], categories: dict[str, uuid.UUID],
            numbers: Mapping[str, pd.Series] | None = None) -> Lines:
    """Map account codes and category spellings to keys (few distinct values: each converted once); `numbers`:
    amount columns validation parsed as floats, row for row (parsing a million texts again costs ~0.3 s each)."""
    account_ids, category_ids = _mapped(frame["account_code"], accounts), _mapped(frame["category"], categories)
    parsed = {c: v.to_numpy() for c, v in (numbers or {}).items() if len(v) == len(frame)}
    keys = {id(key): key for key in (*accounts.values(), *categories.values())}  # the objects the rows hold
    return Lines(frame, account_ids, category_ids, tuple(keys.values()), parsed)


def _mapped(series: pd.Series, table: dict[str, uuid.UUID]) -> list[uuid.UUID]:
    codes, uniques = pd.factorize(series)
    keys = [table[u] for u in uniques]
    return [keys[c] for c in codes.tolist()]


@dataclass(frozen=True)
class Existing:
    """Lines of the file already in the store: identical ones are skipped, differing ones are errors."""

    same: np.ndarray  # bool mask over the file's lines
    differ: list[tuple[int, Message, Listing]]  # (spreadsheet row, the line's key, what differs)


def find_existing(session: Session, lines: Lines) -> Existing:
    """Compare the file's lines with stored lines of the same invoice numbers (one indexed probe per batch)."""
    frame = lines.frame
    same = np.zeros(len(frame), dtype=bool)
    stored = _stored_lines(session, frame["invoice_no"].unique().tolist())
    if not stored:
        return Existing(same, [])
    position = {key: i for i, key in enumerate(zip(frame["invoice_no"].tolist(),
                                                   frame["line_no"].astype(int).tolist(), strict=True))}
    differ = []
    for row in stored:
        i = position.get((row.invoice_no, row.line_no))
        if i is None:
            continue
        changes = _changes(row, frame.iloc[i], lines.account_ids[i], lines.category_ids[i])
        if changes:
            key = Message.of("{invoice} line {line}", invoice=row.invoice_no, line=row.line_no)
            differ.append((int(frame["row"].iloc[i]), key, changes))
        else:
            same[i] = True
    return Existing(same, sorted(differ, key=lambda d: d[0]))


def _stored_lines(session: Session, numbers: list[str]) -> list[Any]:
    columns = [InvoiceLine.invoice_no, InvoiceLine.line_no, *(getattr(InvoiceLine, c) for c in _COMPARED)]
    if not numbers:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # one array parameter, not one parameter per number: psycopg refuses more than 65,535 of those
        wanted = bindparam("numbers", numbers, type_=ARRAY(String))
        return list(session.execute(select(*columns).where(InvoiceLine.invoice_no == any_(wanted))))
    # A new period usually shares no invoice number with the store: one probe of the key index proves it.
    # (SQLite's BINARY collation orders UTF-8 text by code point, as Python's min and max do.)
    nearby = select(InvoiceLine.invoice_no).where(InvoiceLine.invoice_no.between(min(numbers), max(numbers)))
    if session.execute(nearby.limit(1)).first() is None:
        return []
    found: list[Any] = []
    for start in range(0, len(numbers), _IN_BATCH):
        part = numbers[start:start + _IN_BATCH]
        found.extend(session.execute(select(*columns).where(InvoiceLine.invoice_no.in_(part))))
    return found


def _changes(row: Any, new: pd.Series, account_id: uuid.UUID, category_id: uuid.UUID) -> Listing | None:
    wanted = {
        "invoice_date": new["invoice_date"].date(), "account_id": account_id, "category_id": category_id,
        "quantity": Decimal(new["quantity"]), "net_amount": Decimal(new["net_amount"]),
        "margin_amount": Decimal(new["margin_amount"]), "currency": new["currency"],
    }
    parts: list[Message | str] = []
    for name, value in wanted.items():
        old = getattr(row, name)
        if old == value:
            continue
        if name == "account_id":
            parts.append(Message.of("account"))
        elif name == "category_id":
            parts.append(Message.of("category"))
        else:
            parts.append(Message.of("{field} {stored} in the store, {here} here", field=name, stored=_value(old),
                                    here=_value(value)))
    return Listing(tuple(parts), ", ") if parts else None


def _value(value: object) -> object:
    """A stored or read value for a message: numbers without trailing zeros (written in the reader's way)."""
    if isinstance(value, Decimal):
        return Decimal(format(value.normalize(), "f"))
    if isinstance(value, date):
        return value
    return str(value)


def insert_lines(session: Session, lines: Lines, import_id: uuid.UUID, tick: Tick,
                 batch_rows: int | None = None, *, guard: bool = True) -> int:
    """Insert every line in the session's transaction; `tick` runs after each batch (cancel raises there).

    `guard=False` skips the roll-up's check of its cells (`rollup.CellOverflow`): for a caller that knows the
    lines cannot take any cell near the limit.

    A driver error from the raw paths comes out as SQLAlchemy's (IntegrityError, DataError, …), as the
    ORM path would raise it, so callers handle one family of exceptions.
    """
    check_columns()
    if len(lines) == 0:
        return 0
    session.flush()  # accounts and categories created in this unit of work must exist first
    dialect = session.get_bind().dialect
    writer = {"sqlite": _sqlite_batches, "postgresql": _copy_batches}.get(dialect.name, _core_batches)
    try:
        return writer(session, lines, import_id, tick, batch_rows or BATCH_ROWS, guard)
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance("bulk insert into invoice_lines", None, exc, dialect.loaded_dbapi.Error,
                                  dialect=dialect) from exc


def _slice(numbers: Mapping[str, np.ndarray], column: str, start: int, n: int) -> np.ndarray | None:
    """Rows [start, start + n) of a parsed amount column, if validation parsed it."""
    values = numbers.get(column)
    return None if values is None else values[start:start + n]


def _batches(lines: Lines, batch_rows: int) -> Iterator[tuple[pd.DataFrame, list[uuid.UUID], list[uuid.UUID]]]:
    for start in range(0, len(lines), batch_rows):
        end = start + batch_rows
        yield lines.frame.iloc[start:end], lines.account_ids[start:end], lines.category_ids[start:end]


def _sqlite_batches(session: Session, lines: Lines, import_id: uuid.UUID, tick: Tick, batch_rows: int,
                    guard: bool) -> int:
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    # Index pages of a million new rows thrash SQLite's default 2 MB page cache; a bigger cache for this
    # connection, for the duration of the insert only, keeps them in memory until the commit.
    (previous_cache,) = cursor.execute("PRAGMA cache_size").fetchone()
    cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
    sql = f"INSERT INTO invoice_lines ({', '.join(LINE_COLUMNS)}) VALUES ({', '.join('?' * len(LINE_COLUMNS))})"
    done, stamp = 0, import_id.hex
    hexes = {id(key): key.hex for key in lines.keys}  # by identity: see Lines.keys
    seal, ids, sums = LineSeal(), IdSequence(), CellSums()
    try:
        for part, accounts, categories in _batches(lines, batch_rows):
            n = len(part)
            account_hex = list(map(hexes.__getitem__, map(id, accounts)))
            category_hex = list(map(hexes.__getitem__, map(id, categories)))
            columns = [ids.take(n), part["invoice_no"].tolist(), scaled(part["line_no"].tolist(), 0),
                       iso_dates(part["invoice_date"]), account_hex, category_hex,
                       *(scaled(part[c].tolist(), places, _slice(lines.numbers, c, done, n))
                         for c, places in (("quantity", 3), ("net_amount", 2), ("margin_amount", 2))),
                       part["currency"].tolist()]
            seal.add(columns)  # the values exactly as stored, in id order (the ids ascend across batches)
            sums.add(account_hex, columns[3], category_hex, columns[9], (columns[7], columns[8], columns[6]))
            cursor.executemany(sql, zip(*columns, [stamp] * n, strict=True))
            done += n
            tick(done)
        rollup.add_import(session.connection(), import_id, guard=guard, cells=sums.cells())
        session.info[SEAL_INFO] = seal.hexdigest()  # the import's audit line records it
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(previous_cache)}")
        cursor.close()
    return done


def _copy_escape(values: list[str]) -> list[str]:
    # COPY text format: backslash is the escape; codes and category names hold no tab or line break
    # (the validator refuses them), but a backslash in an invoice number is legal.
    return [v.replace("\\", "\\\\") if "\\" in v else v for v in values]


def _copy_batches(session: Session, lines: Lines, import_id: uuid.UUID, tick: Tick, batch_rows: int,
                  guard: bool) -> int:
    raw = session.connection().connection.driver_connection
    sql = f"COPY invoice_lines ({', '.join(LINE_COLUMNS)}) FROM STDIN"
    done, stamp = 0, str(import_id)
    text = {id(key): str(key) for key in lines.keys}  # by identity: see Lines.keys
    with raw.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
        for part, accounts, categories in _batches(lines, batch_rows):
            n = len(part)
            rows = zip(time_ordered_ids(n), _copy_escape(part["invoice_no"].tolist()), part["line_no"].tolist(),
                       iso_dates(part["invoice_date"]), list(map(text.__getitem__, map(id, accounts))),
                       list(map(text.__getitem__, map(id, categories))), part["quantity"].tolist(),
                       part["net_amount"].tolist(), part["margin_amount"].tolist(), part["currency"].tolist(),
                       strict=True)
            copy.write("".join("\t".join(r) + "\t" + stamp + "\n" for r in rows))
            done += n
            tick(done)
    rollup.add_import(session.connection(), import_id, guard=guard)  # same transaction: lines and roll-up commit together
    return done


def _core_batches(session: Session, lines: Lines, import_id: uuid.UUID, tick: Tick, batch_rows: int,
                  guard: bool) -> int:
    statement = insert(cast(Table, InvoiceLine.__table__))  # Core, not the ORM's bulk mode
    done = 0
    for part, accounts, categories in _batches(lines, batch_rows):
        n = len(part)
        values = [
            {"id": uuid.UUID(i), "invoice_no": no, "line_no": int(ln), "invoice_date": d.date(), "account_id": a,
             "category_id": c, "quantity": Decimal(q), "net_amount": Decimal(net), "margin_amount": Decimal(m),
             "currency": cur, "import_id": import_id}
            for i, no, ln, d, a, c, q, net, m, cur in zip(
                time_ordered_ids(n), part["invoice_no"], part["line_no"], part["invoice_date"], accounts, categories,
                part["quantity"], part["net_amount"], part["margin_amount"], part["currency"], strict=True)
        ]
        session.execute(statement, values)
        done += n
        tick(done)
    rollup.add_import(session.connection(), import_id, guard=guard)
    return done
