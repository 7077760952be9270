"""The sales roll-up, kept exactly in the transaction that writes invoice lines, at two levels.

`sales_rollup` sums the lines per account × month × category × currency (the KPIs, statements and the potential
matrix need the category); `sales_months` per account × month × currency (the portfolio and grading need no
category, and it has a third of the rows). Both are kept by the same code, exact because invoice lines are
append-only: a bulk import adds its own lines' sums in one upsert per level (`add_import`), and lines written
through the ORM re-aggregate the (account, month) cells they touch (`refresh_cells`, run after every flush).
`rebuild` recomputes everything (the migration, the demo's bulk writer); `first_difference` is what
`kamctl check` reports.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    MetaData,
    Table,
    and_,
    delete,
    event,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from kam_desktop.store.models import Account, InvoiceLine, SalesMonth, SalesRollup
from kam_desktop.store.sales_months import month_key, month_span

SUMS = ("net_amount", "margin_amount", "units", "lines")
LATEST = "last_on"


@dataclass(frozen=True)
class Level:
    """One roll-up table and the key it sums the lines by."""

    table: Table
    key: tuple[str, ...]

    def line_columns(self, dialect: str) -> list[ColumnElement[Any]]:
        """The lines' expressions for this level's key, in order."""
        lines = cast(Table, InvoiceLine.__table__).c
        by_name: dict[str, ColumnElement[Any]] = {
            "account_id": lines.account_id, "month": month_of_line(dialect), "category_id": lines.category_id,
            "currency": lines.currency}
        return [by_name[name] for name in self.key]


ROLLUP = cast(Table, SalesRollup.__table__)
MONTHS = cast(Table, SalesMonth.__table__)
KEY = ("account_id", "month", "category_id", "currency")
LEVELS = (Level(ROLLUP, KEY), Level(MONTHS, ("account_id", "month", "currency")))


def month_of_line(dialect: str) -> ColumnElement[str]:
    """SQL for an invoice line's "YYYY-MM" (SQLite keeps dates as ISO text)."""
    if dialect == "postgresql":
        return cast(ColumnElement[str], func.to_char(InvoiceLine.invoice_date, "YYYY-MM"))
    return cast(ColumnElement[str], func.substr(InvoiceLine.invoice_date, 1, 7))


def aggregation(dialect: str, *where: ColumnElement[bool], level: Level = LEVELS[0]) -> Any:
    """The lines summed per key of `level` (the roll-up's definition), optionally narrowed by `where`."""
    key = level.line_columns(dialect)
    return (select(*key, func.sum(InvoiceLine.net_amount), func.sum(InvoiceLine.margin_amount),
                   func.sum(InvoiceLine.quantity), func.count(), func.max(InvoiceLine.invoice_date))
            .where(*where)
            .group_by(*key))


def _dialect(connection: Connection) -> str:
    return connection.dialect.name


# A cell holds what Numeric(18, 2) holds on PostgreSQL: 16 digits before the point. SQLite's int64 of minor units
# holds more, but the two stores must take and refuse the same imports.
CELL_LIMIT = Decimal(10) ** 16


class CellOverflow(Exception):
    """An import whose lines would take some account's monthly sums beyond `CELL_LIMIT`; nothing is added."""

    def __init__(self, cells: list[tuple[str, str]]) -> None:
        super().__init__(", ".join(f"{code} {month}" for code, month in cells))
        self.cells = cells  # (account code, "YYYY-MM"), the first few


def overflowing_cells(connection: Connection, import_id: uuid.UUID, first: int = 5) -> list[tuple[str, str]]:
    """The (account code, month) cells whose sums this import's lines would take to `CELL_LIMIT` or beyond."""
    dialect = _dialect(connection)
    mine = InvoiceLine.import_id == import_id
    return _overflowing(connection, lambda level: aggregation(dialect, mine, level=level), first)


def _overflowing(connection: Connection, sums_of: Callable[[Level], Any], first: int = 5) -> list[tuple[str, str]]:
    """`overflowing_cells` of the new sums `sums_of(level)` gives (columns: the level's key, SUMS, LATEST)."""
    found: set[tuple[str, str]] = set()
    for level in LEVELS:
        new = sums_of(level).subquery()
        net, margin = (new.c[i] for i in (len(level.key), len(level.key) + 1))  # SUMS follow the key
        kept = level.table
        limit = literal(CELL_LIMIT, kept.c.net_amount.type)  # in the column's own units (minor units on SQLite)
        beyond = or_(*(func.abs(added + func.coalesce(kept.c[theirs], 0)) >= limit
                       for added, theirs in ((net, "net_amount"), (margin, "margin_amount"))))
        month = new.c[level.key.index("month")]
        query = (select(Account.code, month)
                 .select_from(new.outerjoin(kept, and_(*(kept.c[name] == new.c[i] for i, name in enumerate(level.key))))
                              .join(Account, Account.id == new.c[level.key.index("account_id")]))
                 .where(beyond).order_by(Account.code, month).limit(first))
        found.update((code, month) for code, month in connection.execute(query))
    return sorted(found)[:first]


def add_import(connection: Connection, import_id: uuid.UUID, *, guard: bool = True,
               cells: Sequence[tuple[Any, ...]] | None = None) -> None:
    """Add the sums of one bulk import's lines (inserted in this transaction) to each level, one upsert each.

    With `guard`, raises `CellOverflow` first, adding nothing, when a cell would no longer hold its sum. `cells`
    (SQLite): the import's finest cells as its writer summed them in SQLite's stored form (`KEY`, `SUMS`, `LATEST`:
    what `aggregation` of its lines gives), so that a million lines are not read back through the import's index.
    """
    dialect = _dialect(connection)
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    mine = InvoiceLine.import_id == import_id
    if dialect == "sqlite":
        # The lines are read and sorted once, into this import's finest cells, and the guard and both levels are
        # summed from those (the lines are aggregated once, not three times). A temporary table is the connection's
        # own and goes with the transaction if it rolls back. (PostgreSQL's team-server roles need not have TEMP.)
        connection.exec_driver_sql(_DROP_CELLS)  # one an earlier failure left on this connection
        _IMPORT_CELLS.create(connection)
        if cells is None:
            connection.execute(insert(_IMPORT_CELLS).from_select([*KEY, *SUMS, LATEST], aggregation(dialect, mine)))
        elif cells:
            names = [*KEY, *SUMS, LATEST]
            connection.exec_driver_sql(f"INSERT INTO temp.{_IMPORT_CELLS.name} ({', '.join(names)}) "
                                       f"VALUES ({', '.join(['?'] * len(names))})", list(cells))
        sums_of: Callable[[Level], Any] = _cells_summed
    else:
        def sums_of(level: Level) -> Any:
            return aggregation(dialect, mine, level=level)
    try:
        cells = _overflowing(connection, sums_of) if guard else []
        if cells:
            raise CellOverflow(cells)
        for level in LEVELS:
            _upsert(connection, upsert, level, sums_of(level), dialect)
        count_change(connection)
    finally:
        if dialect == "sqlite":
            connection.exec_driver_sql(_DROP_CELLS)


# One import's sums per finest cell (account × month × category × currency), on SQLite, for the length of add_import.
_IMPORT_CELLS = Table("import_cells", MetaData(), *(Column(c.name, c.type) for c in ROLLUP.columns),
                      prefixes=["TEMPORARY"])
_DROP_CELLS = "DROP TABLE IF EXISTS temp.import_cells"  # the temp schema only: never a table of the store


def count_change(connection: Connection) -> None:
    """Count a change of the sales for the portfolio snapshot (store/portfolio_snapshot.py): the roll-up's writers
    here do it once per call instead of a trigger per cell. SQLite only: a team server keeps no snapshot (and one
    row every writer updated would serialize its writers)."""
    if _dialect(connection) == "sqlite":
        connection.exec_driver_sql("UPDATE data_generation SET generation = generation + 1 WHERE id = 1")


def _cells_summed(level: Level) -> Any:
    """`_IMPORT_CELLS` summed per key of `level` (the finest level: each cell as it is)."""
    c = _IMPORT_CELLS.c
    key = [c[name] for name in level.key]
    return select(*key, *(func.sum(c[name]) for name in SUMS), func.max(c[LATEST])).group_by(*key)


def _upsert(connection: Connection, upsert: Any, level: Level, source: Any, dialect: str) -> None:
    """Add `source`'s sums (columns: the level's key, SUMS, LATEST) to the level's cells, creating missing ones."""
    table = level.table
    statement = upsert(table).from_select([*level.key, *SUMS, LATEST], source)
    statement = statement.on_conflict_do_update(
        index_elements=list(level.key),
        set_={**{name: table.c[name] + statement.excluded[name] for name in SUMS},
              LATEST: (func.greatest if dialect == "postgresql" else func.max)(  # SQLite's max(a, b): scalar
                  table.c[LATEST], statement.excluded[LATEST])})
    connection.execute(statement)


def refresh_cells(connection: Connection, cells: Iterable[tuple[uuid.UUID, str]]) -> None:
    """Recompute both levels of these (account, month) cells from their lines."""
    months: dict[uuid.UUID, set[str]] = defaultdict(set)
    for account_id, month in cells:
        months[account_id].add(month)
    dialect = _dialect(connection)
    if months:
        count_change(connection)
    for account_id, chosen in months.items():
        for month in sorted(chosen):
            first, last = month_span(month)
            for level in LEVELS:
                table = level.table
                connection.execute(delete(table).where(table.c.account_id == account_id, table.c.month == month))
                connection.execute(insert(table).from_select([*level.key, *SUMS, LATEST], aggregation(
                    dialect, InvoiceLine.account_id == account_id, InvoiceLine.invoice_date.between(first, last),
                    level=level)))


def rebuild(connection: Connection) -> None:
    """Recompute both levels from the lines."""
    count_change(connection)
    for level in LEVELS:
        connection.execute(delete(level.table))
        connection.execute(insert(level.table).from_select([*level.key, *SUMS, LATEST],
                                                           aggregation(_dialect(connection), level=level)))


_LINE_POSITIONS = tuple([c.name for c in InvoiceLine.__table__.columns].index(name) for name in (
    "invoice_date", "account_id", "category_id", "currency", "net_amount", "margin_amount", "quantity"))


class StoredSums:
    """Both levels summed in Python from invoice lines in SQLite's stored form (a first sync's rows as they are
    written: ids as hex text, money and quantities as integers of minor units, days as "YYYY-MM-DD"), then written
    in place of the levels' cells: what `rebuild` would compute from the same lines, without reading them back
    (a first sync spent a sixth of its time in that re-read, grouping and insert). Exact: integers add exactly, and
    "YYYY-MM-DD" text orders as its days do.
    """

    def __init__(self) -> None:
        self._cells: dict[tuple[str, str, str, str], list[Any]] = {}  # the finest key → the SUMS, LATEST

    def add(self, lines: Iterable[tuple[Any, ...]]) -> None:
        """Lines as tuples in the table's column order (the form a pull reads them in)."""
        cells = self._cells
        day_at, account_at, category_at, currency_at, net_at, margin_at, quantity_at = _LINE_POSITIONS
        for line in lines:
            day = line[day_at]
            key = (line[account_at], day[:7], line[category_at], line[currency_at])
            cell = cells.get(key)
            if cell is None:
                cells[key] = [line[net_at], line[margin_at], line[quantity_at], 1, day]
            else:
                cell[0] += line[net_at]
                cell[1] += line[margin_at]
                cell[2] += line[quantity_at]
                cell[3] += 1
                if day > cell[4]:
                    cell[4] = day

    def write(self, connection: Connection) -> None:
        """Replace both levels' cells with these sums (the lines added are all the store's lines)."""
        months: dict[tuple[str, str, str], list[Any]] = {}
        for (account, month, _category, currency), (net, margin, units, count, last) in self._cells.items():
            cell = months.get((account, month, currency))
            if cell is None:
                months[(account, month, currency)] = [net, margin, units, count, last]
            else:
                cell[0] += net
                cell[1] += margin
                cell[2] += units
                cell[3] += count
                cell[4] = max(cell[4], last)
        count_change(connection)
        for level, sums in ((LEVELS[0], self._cells), (LEVELS[1], months)):
            connection.execute(delete(level.table))
            names = [*level.key, *SUMS, LATEST]
            if sums:
                connection.exec_driver_sql(
                    f"INSERT INTO {level.table.name} ({', '.join(names)}) VALUES ({', '.join(['?'] * len(names))})",
                    [(*key, *cell) for key, cell in sorted(sums.items())])  # in key order: the tables are clustered


def first_difference(connection: Connection) -> tuple[uuid.UUID, str] | None:
    """The first (account, month) where a level and a fresh aggregation of the lines differ; None if none."""
    differing: list[tuple[str, str]] = []
    for level in LEVELS:
        width = len(level.key)
        fresh = {tuple(row[:width]): tuple(row[width:])
                 for row in connection.execute(aggregation(_dialect(connection), level=level))}
        kept = {tuple(row[:width]): tuple(row[width:]) for row in connection.execute(
            select(*(level.table.c[n] for n in (*level.key, *SUMS, LATEST))))}
        differing += [(str(k[0]), k[1]) for k in fresh.keys() | kept.keys() if fresh.get(k) != kept.get(k)]
    if not differing:
        return None
    account_id, month = min(differing)
    return uuid.UUID(account_id), month


@event.listens_for(Session, "after_flush")
def _roll_up_flushed_lines(session: Session, _context: Any) -> None:
    # Lines added through the ORM (late facts, tests, small writers) re-aggregate their cells in the same flush.
    cells = {(obj.account_id, month_key(obj.invoice_date)) for obj in session.new if isinstance(obj, InvoiceLine)}
    if cells:
        refresh_cells(session.connection(), cells)
