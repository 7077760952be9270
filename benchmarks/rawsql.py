"""Values as the store's column types keep them on SQLite, for writing rows without SQLAlchemy.

The generic path asks SQLAlchemy's own bind processors (exact by construction); the invoice-line path
is written by hand for speed, and a test reads its rows back through SQLAlchemy to prove it matches.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite as sqlite_dialect

from kam_desktop.demo.company import LineChunk, LineContext
from kam_desktop.store.models import Base, InvoiceLine

DIALECT = sqlite_dialect.dialect()
LINE_COLUMNS = ("id", "invoice_no", "line_no", "invoice_date", "account_id", "category_id", "quantity",
                "net_amount", "margin_amount", "currency", "import_id")
assert set(LINE_COLUMNS) == set(InvoiceLine.__table__.columns.keys()), "invoice_lines changed: update LINE_COLUMNS"


def converters(table: Table) -> list[tuple[str, Callable[[Any], Any]]]:
    """(column, to-stored-value) for each column, using the column type's SQLite bind processing."""
    out = []
    for column in table.columns:
        processor = column.type.dialect_impl(DIALECT).bind_processor(DIALECT)
        out.append((column.key, processor or (lambda v: v)))
    return out


def insert_sql(table_name: str, columns: Iterable[str]) -> str:
    cols = list(columns)
    return f"INSERT INTO {table_name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def write_rows(conn: sqlite3.Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    conv = converters(table)
    conn.executemany(insert_sql(table.name, [c for c, _ in conv]),
                     [tuple(f(row.get(c)) for c, f in conv) for row in rows])


def line_values(chunk: LineChunk, context: LineContext, cache: dict[str, list[str]]) -> list[tuple[Any, ...]]:
    """Invoice lines as stored: UUIDs as 32 hex digits, dates ISO, money in cents, quantity in thousandths."""
    if not cache:
        cache["days"] = [d.isoformat() for d in context.days]
        cache["accounts"] = [a.hex for a in context.account_ids]
        cache["categories"] = [c.hex for c in context.category_ids]
    days, accounts, categories, currencies = cache["days"], cache["accounts"], cache["categories"], context.currencies
    return [(f"{i:032x}", no, ln, days[d], accounts[a], categories[c], q, n, m, currencies[a], None)
            for i, no, ln, d, a, c, q, n, m in chunk]


class RawSqliteWriter:
    """Writes the generated rows with sqlite3 executemany on a given connection (and its transaction)."""

    def __init__(self, conn: sqlite3.Connection, *, tables: dict[str, Table] | None = None) -> None:
        self.conn = conn
        self.tables = tables or dict(Base.metadata.tables)

    def rows(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        write_rows(self.conn, self.tables[model.__tablename__], rows)

    def lines(self, chunks: Iterable[LineChunk], context: LineContext) -> int:
        sql, cache, count = insert_sql("invoice_lines", LINE_COLUMNS), {}, 0
        for chunk in chunks:
            self.conn.executemany(sql, line_values(chunk, context, cache))
            count += len(chunk)
        return count
