"""The demo's own exports import back into it unchanged: the control group keeps no enrolment date, every contact
keeps its role and job title, and no contact is a duplicate of another (issue 16: 22 accounts and 6 contacts)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.demo.company import DemoSummary
from kam_desktop.services.imports.exports import CANONICAL_KINDS, export
from kam_desktop.services.imports.files import run_import
from kam_desktop.store.store import Store
from tests.acting import as_

TABLES = {  # what an import may change, without the columns it stamps
    "accounts": "code, name, tax_id, kind, owner_id, region, industry, currency, language, status, enrolled_on",
    "contacts": "account_id, name, role, position, email, phone, language",
    "potential_slots": "account_id, category_id, collected_on, total_units, total_value, currency, source, confidence",
    "invoice_lines": "invoice_no, line_no, invoice_date, account_id, net_amount, margin_amount, quantity",
}


def content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(path)) as con:
        return {table: sorted(con.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
                for table, columns in TABLES.items()}


@pytest.fixture
def demo_copy(demo_store: tuple[Store, DemoSummary], tmp_path: Path) -> Path:
    """A copy of the session's demo store, so that a failing import cannot change the one other tests read."""
    source = Path(str(demo_store[0].engine.url.database))
    copy = tmp_path / "demo-copy.sqlite"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return copy


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_demos_exports_import_back_into_it_changing_nothing(demo_copy: Path, tmp_path: Path, suffix: str) -> None:
    before = content(demo_copy)
    with closing(sqlite3.connect(demo_copy)) as con:  # what the two findings were about is really in the demo
        assert con.execute("SELECT count(*) FROM accounts WHERE enrolled_on IS NULL").fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM contacts WHERE position IS NOT NULL").fetchone()[0] > 0
    store = Store.open(demo_copy)
    try:
        for kind in CANONICAL_KINDS:
            out = tmp_path / f"{kind}{suffix}"
            assert export(as_(store), kind, out).rows > 0
            report = run_import(as_(store), out, kind)
            assert report.ok, report.error_lines()
            changed = {k: n for k, n in report.counts.items() if n and not k.endswith(("_unchanged", "_skipped"))}
            assert changed == {}, (kind, report.counts)
    finally:
        store.dispose()
    assert content(demo_copy) == before
