"""The demo is a function of (seed, as_of): same inputs, same stored bytes (ids included); another seed, other data."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from kam_desktop.demo.company import DemoSummary
from kam_desktop.store.models import Account, InvoiceLine
from kam_desktop.store.store import Store

from .helpers import SEED, build_store, dump_sqlite_raw

DEMO_TABLES = ("users", "accounts", "contacts", "product_categories", "invoice_lines", "potential_slots",
               "benefit_grants", "exception_requests", "approval_steps", "fx_rates")


def test_same_seed_and_date_give_identical_rows_in_every_table(
    demo_store: tuple[Store, DemoSummary], data_dir: Path,
) -> None:
    again, summary = build_store(data_dir / "again.sqlite")
    again.dispose()
    first, second = dump_sqlite_raw(data_dir / "demo.sqlite"), dump_sqlite_raw(data_dir / "again.sqlite")
    assert summary == demo_store[1]
    assert second.keys() == first.keys()
    for table in first:
        assert second[table] == first[table], f"table {table} differs between two builds"
    assert all(first[t] for t in DEMO_TABLES)


def test_another_seed_gives_other_data(demo_store: tuple[Store, DemoSummary], data_dir: Path) -> None:
    other, _ = build_store(data_dir / "other.sqlite", seed=SEED + 1)
    other.dispose()
    first, second = dump_sqlite_raw(data_dir / "demo.sqlite"), dump_sqlite_raw(data_dir / "other.sqlite")
    for table in ("accounts", "contacts", "invoice_lines", "potential_slots", "benefit_grants",
                  "exception_requests", "approval_steps", "users"):
        assert second[table] != first[table], table
    with demo_store[0].read() as session:
        names = set(session.scalars(select(Account.name)))
        total = session.scalar(select(func.sum(InvoiceLine.net_amount)))
    with Store.open(data_dir / "other.sqlite").read() as session:
        assert set(session.scalars(select(Account.name))) != names
        assert session.scalar(select(func.sum(InvoiceLine.net_amount))) != total
