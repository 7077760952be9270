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

# a snapshot of another build (another statement, other rules after it) is not this build's portfolio
VERSION = f"{__version__}:{zlib.crc32(PORTFOLIO_SQL.encode()):08x}"


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
    return None if found is None else decode(found[0])


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
    """The rows as JSON: one array per account in PortfolioRow's field order (Decimals as text: exact, with their
    places; days as ISO text; the id as 32 hex digits)."""
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return json.dumps([
        [r.account_id.hex, r.code, r.name, r.kind, r.status, r.owner, r.currency, r.region, r.grade, r.segment,
         r.at_risk, text(r.evaluated_on), str(r.ltv_12m), str(r.ltv_prev_12m), r.open_benefits,
         r.pending_exceptions, text(r.ltv_12m_base), r.base_currency, text(r.last_invoice_on), r.churned,
         r.last_statement]
        for r in rows], ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> list[PortfolioRow]:
    """The rows `encode` wrote."""
    # as quick_read: one shared object per repeated value, each day parsed once
    one: Callable[[Any, Any], Any] = {None: None}.setdefault
    days: dict[str | None, date | None] = {None: None}
    amounts: dict[str | None, Decimal | None] = {None: None}

    def day(value: str | None) -> date | None:
        found = days.get(value, days)
        if found is days:
            found = days[value] = date.fromisoformat(value)  # type: ignore[arg-type]  # not None: in `days`
        return found  # type: ignore[return-value]

    def amount(value: str | None) -> Decimal | None:
        found = amounts.get(value, amounts)
        if found is amounts:
            found = amounts[value] = Decimal(value)  # type: ignore[arg-type]  # not None: in `amounts`
        return found  # type: ignore[return-value]

    return [
        PortfolioRow(uuid_of_hex(account_id), code, name, one(kind, kind), one(status, status), one(owner, owner),
                     one(currency, currency), one(region, region), one(grade, grade), one(segment, segment), at_risk,
                     day(evaluated_on), amount(ltv), amount(ltv_prev), benefits, exceptions,  # type: ignore[arg-type]
                     amount(ltv_base), one(base, base), day(last_on), churned, one(statement, statement))
        for (account_id, code, name, kind, status, owner, currency, region, grade, segment, at_risk, evaluated_on,
             ltv, ltv_prev, benefits, exceptions, ltv_base, base, last_on, churned, statement) in json.loads(text)
    ]
