"""The same demo loads into PostgreSQL through the same migrations and reads back as on SQLite."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kam_desktop.demo.company import DemoSummary
from kam_desktop.store.store import Store

from .helpers import build_store, dump_tables


@pytest.mark.pg
def test_demo_loads_into_postgresql_with_the_same_rows(
    pg_database: Callable[[], str], demo_store: tuple[Store, DemoSummary],
    demo_dump: dict[str, list[tuple[Any, ...]]],
) -> None:
    store, summary = build_store(pg_database())
    try:
        assert store.engine.dialect.name == "postgresql"
        assert summary == demo_store[1]
        on_pg = dump_tables(store.engine)
    finally:
        store.dispose()
    for table in ("users", "accounts", "contacts", "product_categories", "invoice_lines", "potential_slots",
                  "benefit_grants", "exception_requests", "approval_steps", "fx_rates", "benefit_catalog"):
        assert on_pg[table] == demo_dump[table], f"{table} reads back differently from PostgreSQL"
