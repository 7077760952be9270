"""The grading's one statement walks the active accounts through their covering index in id order (migration 0018):
its seeks into the roll-up, keyed by account, then read the roll-up's pages in turn, and no account row is read."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from kam_desktop.store.queries.grades import grading_bases
from kam_desktop.store.store import Store
from tests.services.builders import account, sale, world


def _plan_of_grading(store: Store, first: date, last: date) -> list[str]:
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", keep)
    try:
        with Session(store.engine) as session:
            bases = grading_bases(session, first, last, False, last)
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", keep)
    assert [b.code for b in bases] == ["ACME"]
    statement, parameters = next((s, p) for s, p in statements if "sales_months" in s)
    with store.engine.connect() as connection:
        return [str(row[3]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]


def test_grading_reads_accounts_from_their_covering_index_in_key_order(sqlite_store: Store) -> None:
    world(sqlite_store)
    account(sqlite_store, "ACME")
    sale(sqlite_store, "ACME", date(2025, 11, 5), "9000.00")
    plan = _plan_of_grading(sqlite_store, date(2025, 1, 1), date(2025, 12, 31))  # whole months: the roll-up alone
    assert any("COVERING INDEX ix_accounts_graded" in step for step in plan), plan
    assert not any(step.startswith("SCAN accounts") and "INDEX" not in step for step in plan), plan
