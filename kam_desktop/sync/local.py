"""Writing pulled rows into the laptop's SQLite: upserts, tombstones, purges (and the sales roll-up of pulled invoice
lines, in the same transaction) — never through the outbox."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, Table, Uuid, bindparam, delete, select, text

from kam_desktop.store import rollup
from kam_desktop.store.codec import uuid_of_hex
from kam_desktop.store.sales_months import month_key
from kam_desktop.sync.server import TABLES, Entity, position, stored_form

Row = Mapping[str, Any]
LINES = "invoice_lines"  # the sales roll-up (store/rollup.py) is kept by every write of these


def defer_foreign_keys(local: Connection) -> None:
    """Rows of one batch may arrive children first: check the keys at COMMIT, not per statement."""
    local.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def upsert(local: Connection, entity: str, rows: Sequence[Any], keep: Set[Any] = frozenset(),
           *, stored: bool = False) -> int:
    """Write the server's rows over the local ones, except rows with local changes still waiting to be pushed (`keep`:
    their ids as the rows spell them).

    `stored`: the rows come in the server's stored form (`server.stored_form`: tuples in the table's column order,
    ids as hex digits), not as mappings of Python values. Pulled invoice lines re-aggregate the sales roll-up cells
    they touch in the same transaction (a snapshot writes through `insert_fresh` and rebuilds the roll-up once).
    """
    table = TABLES[entity]
    if keep:
        at: Any = position(table, "id") if stored else "id"
        rows = [r for r in rows if r[at] not in keep]
    if not rows:
        return 0
    writer = _writer(table, local.dialect, stored)
    local.exec_driver_sql(writer.sql, writer.parameters(rows))
    if entity == LINES:
        if stored:  # the account's 32 hex digits and the day's "YYYY-MM-DD"
            account, day = position(table, "account_id"), position(table, "invoice_date")
            cells = {(uuid_of_hex(r[account]), r[day][:7]) for r in rows}
        else:
            cells = {(r["account_id"], month_key(r["invoice_date"])) for r in rows}
        rollup.refresh_cells(local, cells)
    return len(rows)


def insert_fresh(local: Connection, entity: str, rows: Sequence[Any], *, stored: bool = False) -> int:
    """Plain INSERTs into a table just wiped (a snapshot): no row to update, so no conflict clause to check; the
    caller rebuilds the sales roll-up. A row twice would fail loudly, never merge silently. `stored`: as `upsert`."""
    if not rows:
        return 0
    writer = _writer(TABLES[entity], local.dialect, stored)
    local.exec_driver_sql(writer.insert_sql, writer.parameters(rows))
    return len(rows)


@dataclass(frozen=True)
class _Writer:
    """One table's upsert as the driver takes it: the statement and each column's conversion to what SQLite stores.

    The same conversions SQLAlchemy applies (the columns' own bind processors), without its per-row bookkeeping:
    a pull of 10,000 rows spent most of its local time there. `values` is one generated expression per table (a
    loop over the columns with a test per value cost a first sync a third of its SQLite time); a stored row whose
    columns need no conversion at all is already what the driver takes, and goes as it is.
    """

    sql: str
    insert_sql: str  # the same without the conflict clause, for a wiped table
    columns: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    values: Callable[[Any], tuple[Any, ...]]
    as_is: bool  # stored rows needing no conversion: the rows themselves are the parameters

    def parameters(self, rows: Sequence[Any]) -> Sequence[Any]:
        return rows if self.as_is else [self.values(r) for r in rows]


def _values_function(columns: tuple[tuple[str, Callable[[Any], Any] | None], ...],
                     stored: bool) -> Callable[[Any], tuple[Any, ...]]:
    """`lambda row: (row["a"], convert_1(row["b"]), …)` for these columns, in their order (a stored row: `row[0]`,
    `convert_1(row[1])`, …)."""
    converters = {f"_convert_{i}": convert for i, (_, convert) in enumerate(columns) if convert is not None}
    keys = [str(i) if stored else repr(name) for i, (name, _) in enumerate(columns)]
    parts = [f"row[{key}]" if convert is None else f"_convert_{i}(row[{key}])"
             for i, ((_, convert), key) in enumerate(zip(columns, keys, strict=True))]
    function: Callable[[Any], tuple[Any, ...]] = eval(  # noqa: S307 - built from the model's column names only
        f"lambda row: ({', '.join(parts)},)", {"__builtins__": {}, **converters})
    return function


_WRITERS: dict[tuple[Table, type[Dialect], bool], _Writer] = {}


def _writer(table: Table, dialect: Dialect, stored: bool = False) -> _Writer:
    """The table's writer for this kind of dialect, made once per process: keyed by the dialect's class, not the
    instance (every store has its own, so a first sync, always into a new store, built all its writers again)."""
    key = (table, type(dialect), stored)
    if (found := _WRITERS.get(key)) is None:
        found = _WRITERS[key] = _new_writer(table, dialect, stored)
    return found


def _new_writer(table: Table, dialect: Dialect, stored: bool) -> _Writer:
    quote = dialect.identifier_preparer.quote
    names = [column.name for column in table.columns]
    updates = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in names if n != "id")
    insert_sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
                  f"VALUES ({', '.join('?' for _ in names)})")
    sql = f"{insert_sql} ON CONFLICT (id) DO UPDATE SET {updates}"
    # the column type's form for this dialect (a money column is an integer of cents on SQLite): the type itself
    # would convert with its generic form (Numeric → float)
    # (a column the server sends in its stored form needs none)
    converted = stored_form(table)[1] if stored else frozenset()
    columns = tuple((column.name, None if column.name in converted
                     else column.type.dialect_impl(dialect).bind_processor(dialect)) for column in table.columns)
    as_is = stored and all(convert is None for _, convert in columns)
    return _Writer(sql, insert_sql, columns, _values_function(columns, stored), as_is)


def remove(local: Connection, entity: str, ids: Iterable[uuid.UUID]) -> int:
    """Tombstones: rows the server no longer has (or shows) go from the laptop too."""
    ids = list(ids)
    if not ids:
        return 0
    table = TABLES[entity]
    cells = _line_cells(local, ids) if entity == LINES else set()
    removed = local.execute(delete(table).where(table.c.id.in_(ids))).rowcount
    if cells:
        rollup.refresh_cells(local, cells)
    return removed


def _line_cells(local: Connection, ids: list[uuid.UUID]) -> set[tuple[uuid.UUID, str]]:
    """The roll-up cells (account, month) of these local invoice lines."""
    table = TABLES[LINES]
    found = local.execute(select(table.c.account_id, table.c.invoice_date).where(table.c.id.in_(ids)))
    return {(account_id, month_key(day)) for account_id, day in found}


def pending_rows(local: Connection) -> set[str]:
    """Rows with local changes the server has not answered yet, their ids as SQLite keeps them (32 hex digits, as a
    pull's stored rows have them): a pull leaves them as they are."""
    return {row[0] for row in local.exec_driver_sql("SELECT DISTINCT entity_id FROM sync_outbox")}


def local_accounts(local: Connection) -> set[uuid.UUID]:
    return set(local.scalars(select(TABLES["accounts"].c.id)))


def rows_of_accounts(local: Connection, entity: Entity, accounts: set[uuid.UUID]) -> set[uuid.UUID]:
    """Ids of `entity`'s local rows that belong to `accounts` (the server's own account expression)."""
    if entity.account_sql is None or not accounts:
        return set()
    query = text(f"SELECT r.id FROM {entity.name} r WHERE {entity.account_sql} IN :accounts").bindparams(
        bindparam("accounts", expanding=True, type_=Uuid())).columns(id=Uuid())
    return set(local.scalars(query, {"accounts": list(accounts)}))


def wipe(local: Connection, entities: Sequence[Entity]) -> None:
    """Forget every replicated row (a first sync or a restored server): the server's snapshot replaces them."""
    quote = local.dialect.identifier_preparer.quote
    for entity in reversed(entities):  # the statements as they are (35 of them compiled cost a first sync ~2 ms)
        local.exec_driver_sql(f"DELETE FROM {quote(entity.name)}")  # (the roll-up follows when the snapshot is in)
