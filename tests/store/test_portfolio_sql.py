"""One definition of the portfolio: the quick start's SQL is the SQLAlchemy statement compiled for SQLite, and
reading it needs no SQLAlchemy."""

from __future__ import annotations

import re
import subprocess
import sys

from kam_desktop.store.portfolio_row import MONTH_PARAMETERS, PARAMETERS
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
