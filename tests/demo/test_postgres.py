"""The same demo loads into PostgreSQL through the same migrations and reads back as on SQLite."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, func, select

from kam_desktop.store.models import InvoiceLine

from .helpers import build_store, dump_tables


def _sales_by_account(engine: Engine) -> list[tuple[object, ...]]:
    """Per-account aggregates of every line, plus the first 2,000 lines whole (ids included)."""
    with engine.connect() as conn:
        totals = conn.execute(
            select(InvoiceLine.account_id, func.count(), func.sum(InvoiceLine.quantity),
                   func.sum(InvoiceLine.net_amount), func.sum(InvoiceLine.margin_amount),
                   func.min(InvoiceLine.invoice_date), func.max(InvoiceLine.invoice_no))
            .group_by(InvoiceLine.account_id))
        sample = conn.execute(select(InvoiceLine.__table__).order_by(InvoiceLine.invoice_no, InvoiceLine.line_no)
                              .limit(2000))
        return sorted((tuple(r) for r in totals), key=repr) + [tuple(r) for r in sample]


@pytest.mark.pg
def test_demo_loads_into_postgresql_with_the_same_rows(
    pg_database: Callable[[], str], request: pytest.FixtureRequest,
) -> None:
    url = pg_database()  # skips (or fails under KAM_REQUIRE_PG=1) before the SQLite demo is built
    sqlite_store, sqlite_summary = request.getfixturevalue("demo_store")
    store, summary = build_store(url)
    try:
        assert store.engine.dialect.name == "postgresql"
        assert summary == sqlite_summary
        on_pg, on_sqlite = dump_tables(store.engine, skip={"invoice_lines"}), dump_tables(
            sqlite_store.engine, skip={"invoice_lines"})
        assert _sales_by_account(store.engine) == _sales_by_account(sqlite_store.engine)
    finally:
        store.dispose()
    for table in ("users", "accounts", "contacts", "product_categories", "potential_slots",
                  "benefit_grants", "exception_requests", "approval_steps", "fx_rates", "benefit_catalog"):
        assert on_pg[table] == on_sqlite[table], f"{table} reads back differently from PostgreSQL"
