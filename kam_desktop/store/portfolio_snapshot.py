"""The last portfolio a start showed, kept in the store so that the next start shows it at once while it is exact.

At 20,000 accounts a start spends most of its time computing the portfolio (its statement alone ~0.2 s). The store
counts every change of the tables that statement reads (`data_generation`, SQLite triggers of migration 0017); a
snapshot holds the rows with the day they are as of, the count they were read at, and the program's version and
portfolio statement. A start shows a snapshot only when all of these still hold - its rows are then exactly what
the statement would return - and otherwise computes the portfolio and remembers it after the first paint.
Standard library only: the quick start reads it before SQLAlchemy is loaded.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from kam_desktop import __version__
from kam_desktop.store.codec import uuid_of_hex
from kam_desktop.store.portfolio_row import PortfolioRow
from kam_desktop.store.portfolio_sql import PORTFOLIO_SQL

FORMAT = 2  # of the stored text (1: an array per row)
# a snapshot of another build (another statement, other rules after it, another format) is not this build's
VERSION = f"{__version__}:{zlib.crc32(PORTFOLIO_SQL.encode()):08x}:{FORMAT}"
log = logging.getLogger(__name__)


def generation(connection: sqlite3.Connection) -> int | None:
    """How many changes the portfolio's tables have seen (None on a store without the count)."""
    found = connection.execute("SELECT generation FROM data_generation WHERE id = 1").fetchone()
    return None if found is None else int(found[0])


def read(connection: sqlite3.Connection, as_of: date, at_generation: int) -> list[PortfolioRow] | None:
    """The remembered portfolio as of `as_of` if it was read at `at_generation` by this build; else None.

    Call it in the read transaction `at_generation` was read in, so that no change can fall between them.
    """
    found = connection.execute(
        "SELECT rows FROM portfolio_snapshots WHERE as_of = ? AND generation = ? AND version = ?",
        (as_of.isoformat(), at_generation, VERSION)).fetchone()
    if found is None:
        return None
    try:
        return decode(found[0])
    except (ValueError, KeyError, TypeError, IndexError) as error:  # damaged: the statement answers instead
        log.warning("the portfolio snapshot is unreadable (%s); the portfolio is computed", error)
        return None


def write(connection: sqlite3.Connection, as_of: date, at_generation: int, rows: Sequence[PortfolioRow]) -> bool:
    """Remember `rows`, the portfolio as of `as_of` read at `at_generation`, in place of any other snapshot; False
    (and nothing written) when the data has changed since they were read: a stale snapshot is never kept."""
    text = encode(rows)  # before the write lock: other writers wait only for the insert
    connection.execute("BEGIN IMMEDIATE")
    try:
        if generation(connection) != at_generation:
            connection.rollback()
            return False
        connection.execute("DELETE FROM portfolio_snapshots")
        connection.execute("INSERT INTO portfolio_snapshots (as_of, generation, version, rows) VALUES (?, ?, ?, ?)",
                           (as_of.isoformat(), at_generation, VERSION, text))
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return True


def encode(rows: Sequence[PortfolioRow]) -> str:
    """The rows as JSON, column by column in PortfolioRow's field order (Decimals as text: exact, with their places;
    days as ISO text; ids as 32 hex digits). A column whose values repeat (kind, owner, grade, days, …) keeps each
    value once and the rows' positions in that list: a start then parses and converts each value once, and the
    small integers it reads instead are shared objects (at 20,000 rows ~40% less to parse, ~10 MiB less memory)."""
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    columns: list[list[Any]] = [
        [r.account_id.hex for r in rows], [r.code for r in rows], [r.name for r in rows], [r.kind for r in rows],
        [r.status for r in rows], [r.owner for r in rows], [r.currency for r in rows], [r.region for r in rows],
        [r.grade for r in rows], [r.segment for r in rows], [r.at_risk for r in rows],
        [text(r.evaluated_on) for r in rows], [str(r.ltv_12m) for r in rows], [str(r.ltv_prev_12m) for r in rows],
        [r.open_benefits for r in rows], [r.pending_exceptions for r in rows], [text(r.ltv_12m_base) for r in rows],
        [r.base_currency for r in rows], [text(r.last_invoice_on) for r in rows], [r.churned for r in rows],
        [r.last_statement for r in rows],
    ]
    return json.dumps({"rows": len(rows), "columns": [_compact(column) for column in columns]},
                      ensure_ascii=False, separators=(",", ":"))


def _compact(column: list[Any]) -> list[Any] | dict[str, list[Any]]:
    """The column as it is, or its distinct values and each row's position among them when they repeat."""
    positions: dict[Any, int] = {}
    at = [positions.setdefault(value, len(positions)) for value in column]
    return {"values": list(positions), "at": at} if len(positions) * 2 < len(column) else column


def decode(text: str) -> list[PortfolioRow]:
    """The rows `encode` wrote."""
    stored = json.loads(text)
    columns = [_expanded(column, convert) for column, convert in zip(stored["columns"], _CONVERT, strict=True)]
    if any(len(column) != stored["rows"] for column in columns):
        raise ValueError("a portfolio snapshot's columns differ in length")
    return list(map(PortfolioRow, *columns))  # positional, in PortfolioRow's field order


def _expanded(column: list[Any] | dict[str, list[Any]], convert: Callable[[Any], Any] | None) -> list[Any]:
    """A stored column as one value per row, each distinct value converted once."""
    if isinstance(column, dict):
        values = column["values"] if convert is None else [None if v is None else convert(v) for v in column["values"]]
        return list(map(values.__getitem__, column["at"]))
    return column if convert is None else [None if v is None else convert(v) for v in column]


# how each stored column becomes PortfolioRow's field (None: as JSON gives it)
_CONVERT: tuple[Callable[[Any], Any] | None, ...] = (
    uuid_of_hex, None, None, None, None, None, None, None, None, None, None, date.fromisoformat, Decimal, Decimal,
    None, None, Decimal, None, date.fromisoformat, None, None,
)
