"""One definition of the portfolio: the quick start's SQL is the SQLAlchemy statement compiled for SQLite, and
reading it needs no SQLAlchemy."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import uuid
from datetime import date

from kam_desktop.store.portfolio_row import MONTH_PARAMETERS, PARAMETERS, sqlite_rows
from kam_desktop.store.portfolio_sql import PORTFOLIO_SQL
from kam_desktop.store.queries.portfolio import portfolio_sql
from kam_desktop.store.sales_months import WINDOW_PARAMETERS


def test_the_quick_start_sql_is_the_portfolio_statement_compiled() -> None:
    assert portfolio_sql() == PORTFOLIO_SQL, (
        "queries/portfolio.py changed: regenerate the copy with `python -m kam_desktop.store.queries.portfolio`")
    placeholders = set(re.findall(r"(?<!:):([a-z_0-9]+)", PORTFOLIO_SQL))
    assert placeholders <= set(PARAMETERS), placeholders - set(PARAMETERS)  # the quick start binds every one
    # the cut months' days (their lines), the whole months' ranges (the roll-up's, summed per account)
    assert {name for name in WINDOW_PARAMETERS if name.endswith(("_from", "_to"))} | set(MONTH_PARAMETERS) <= placeholders
    assert "FROM sales_months" in PORTFOLIO_SQL  # whole months come from the roll-up, not the lines


def test_the_quick_read_loads_no_sqlalchemy() -> None:
    code = ("import sys, kam_desktop.store.quick_read; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'pandas')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_sqlite_rows_come_in_the_order_sqlite_sorts_codes() -> None:
    # the statement reads accounts in id order on SQLite; sqlite_rows sorts by code as ORDER BY code would
    codes = ["b-2", "B-10", "a", "Ä-1", "é", "z", "Z", "ü", "A 1", "A-1", "A1", "日本", "\U0001f600", "ß", "10", "9"]
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (code TEXT)")
    connection.executemany("INSERT INTO t VALUES (?)", [(c,) for c in codes])
    expected = [c for (c,) in connection.execute("SELECT code FROM t ORDER BY code")]
    stored = [(uuid.uuid4().hex, code, "name", "customer", "active", None, "PLN", None, None, None, 0, None,
               100, None, None, None, "2026-03-02", None, None) for code in codes]
    rows = sqlite_rows(stored, date(2025, 9, 30))
    assert [row.code for row in rows] == expected
    assert [row.last_invoice_on for row in rows] == [date(2026, 3, 2)] * len(codes)
