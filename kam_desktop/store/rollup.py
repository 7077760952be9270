"""The sales roll-up (account × month × category): kept exactly in the transaction that writes invoice lines.

Two ways in, both exact because invoice lines are append-only: a bulk import adds its own lines' sums in one
upsert (`add_import`), and lines written through the ORM re-aggregate the (account, month) cells they touch
(`refresh_cells`, run after every flush). `rebuild` recomputes everything (the migration, the demo's bulk
writer); `first_difference` is what `kamctl check` reports.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import ColumnElement, Connection, Table, delete, event, func, insert, select
from sqlalchemy.orm import Session

from kam_desktop.store.models import InvoiceLine, SalesRollup
from kam_desktop.store.sales_months import month_key, month_span

ROLLUP = cast(Table, SalesRollup.__table__)
KEY = ("account_id", "month", "category_id", "currency")
SUMS = ("net_amount", "margin_amount", "units", "lines")
LATEST = "last_on"


def month_of_line(dialect: str) -> ColumnElement[str]:
    """SQL for an invoice line's "YYYY-MM" (SQLite keeps dates as ISO text)."""
    if dialect == "postgresql":
        return cast(ColumnElement[str], func.to_char(InvoiceLine.invoice_date, "YYYY-MM"))
    return cast(ColumnElement[str], func.substr(InvoiceLine.invoice_date, 1, 7))


def aggregation(dialect: str, *where: ColumnElement[bool]) -> Any:
    """The lines summed per roll-up key (the roll-up's definition), optionally narrowed by `where`."""
    month = month_of_line(dialect)
    return (select(InvoiceLine.account_id, month.label("month"), InvoiceLine.category_id, InvoiceLine.currency,
                   func.sum(InvoiceLine.net_amount), func.sum(InvoiceLine.margin_amount),
                   func.sum(InvoiceLine.quantity), func.count(), func.max(InvoiceLine.invoice_date))
            .where(*where)
            .group_by(InvoiceLine.account_id, month, InvoiceLine.category_id, InvoiceLine.currency))


def _dialect(connection: Connection) -> str:
    return connection.dialect.name


def add_import(connection: Connection, import_id: uuid.UUID) -> None:
    """Add the sums of one bulk import's lines (inserted in this transaction) to the roll-up, in one upsert."""
    dialect = _dialect(connection)
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    statement = upsert(ROLLUP).from_select([*KEY, *SUMS, LATEST], aggregation(dialect, InvoiceLine.import_id == import_id))
    statement = statement.on_conflict_do_update(
        index_elements=list(KEY),
        set_={**{name: ROLLUP.c[name] + statement.excluded[name] for name in SUMS},
              LATEST: (func.greatest if dialect == "postgresql" else func.max)(  # SQLite's max(a, b) is scalar
                  ROLLUP.c[LATEST], statement.excluded[LATEST])})
    connection.execute(statement)


def refresh_cells(connection: Connection, cells: Iterable[tuple[uuid.UUID, str]]) -> None:
    """Recompute the roll-up of these (account, month) cells from their lines."""
    months: dict[uuid.UUID, set[str]] = defaultdict(set)
    for account_id, month in cells:
        months[account_id].add(month)
    dialect = _dialect(connection)
    for account_id, chosen in months.items():
        for month in sorted(chosen):
            first, last = month_span(month)
            connection.execute(delete(ROLLUP).where(ROLLUP.c.account_id == account_id, ROLLUP.c.month == month))
            connection.execute(insert(ROLLUP).from_select([*KEY, *SUMS, LATEST], aggregation(
                dialect, InvoiceLine.account_id == account_id, InvoiceLine.invoice_date.between(first, last))))


def rebuild(connection: Connection) -> None:
    """Recompute the whole roll-up from the lines."""
    connection.execute(delete(ROLLUP))
    connection.execute(insert(ROLLUP).from_select([*KEY, *SUMS, LATEST], aggregation(_dialect(connection))))


def first_difference(connection: Connection) -> tuple[uuid.UUID, str] | None:
    """The first (account, month) where the roll-up and a fresh aggregation of the lines differ; None if none."""
    fresh = {tuple(row[:4]): tuple(row[4:]) for row in connection.execute(aggregation(_dialect(connection)))}
    kept = {tuple(row[:4]): tuple(row[4:])
            for row in connection.execute(select(*(ROLLUP.c[n] for n in (*KEY, *SUMS, LATEST))))}
    differing = [key for key in fresh.keys() | kept.keys() if fresh.get(key) != kept.get(key)]
    if not differing:
        return None
    account_id, month = min((str(k[0]), k[1]) for k in differing)
    return uuid.UUID(account_id), month


@event.listens_for(Session, "after_flush")
def _roll_up_flushed_lines(session: Session, _context: Any) -> None:
    # Lines added through the ORM (late facts, tests, small writers) re-aggregate their cells in the same flush.
    cells = {(obj.account_id, month_key(obj.invoice_date)) for obj in session.new if isinstance(obj, InvoiceLine)}
    if cells:
        refresh_cells(session.connection(), cells)
