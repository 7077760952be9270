"""The remembered portfolio: a start shows it only while it is exactly what the portfolio statement would return."""

from __future__ import annotations

import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kam_desktop import app
from kam_desktop.services.accounts.portfolio import portfolio
from kam_desktop.services.admin.quick_start import quick_start_store
from kam_desktop.services.clock import FixedClock
from kam_desktop.services.context import open_context
from kam_desktop.services.desk import Desk
from kam_desktop.services.imports.files import run_import
from kam_desktop.store import portfolio_snapshot, quick_read
from kam_desktop.store.portfolio_sql import PORTFOLIO_SQL
from kam_desktop.store.store import Store

AS_OF = date(2026, 3, 31)
# the sales: written only through store/rollup.py, whose writers count one change per statement (no trigger per row)
COUNTED_BY_THEIR_WRITER = {"invoice_lines", "sales_months"}
ROOT = Path(__file__).resolve().parents[2]
# modules that may name the roll-up's tables: they read them (or, rollup.py, write them and count)
READERS_OF_THE_ROLLUP = {"store/rollup.py", "store/models/sales.py", "store/models/__init__.py", "store/portfolio_sql.py",
                         "store/queries/kpi_sales.py", "store/queries/sales.py", "store/queries/sales_source.py",
                         "store/queries/close.py"}


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    return copy


def _remembered(file: Path, as_of: date = AS_OF) -> quick_read.PortfolioRead:
    """Read the portfolio, keep it, and read it again: the second read as the next start makes it."""
    first = quick_read.read_portfolio(file, as_of)
    assert not first.remembered
    assert quick_read.remember_portfolio(file, as_of, first)
    return quick_read.read_portfolio(file, as_of)


def _service_rows(file: Path, as_of: date = AS_OF) -> list[object]:
    store = Store.open(file)
    try:
        return list(portfolio(open_context(store, None, FixedClock(as_of)), None, as_of))
    finally:
        store.dispose()


def test_the_next_start_reads_the_remembered_rows_and_they_equal_the_service_rows(demo_file: Path) -> None:
    again = _remembered(demo_file)
    assert again.remembered
    assert again.rows == _service_rows(demo_file)  # ids, money with its places, days, counts, base LTV, churn
    assert any(r.ltv_12m_base is None for r in again.rows) or all(r.base_currency for r in again.rows)
    assert quick_read.remember_portfolio(demo_file, AS_OF, again) is False  # nothing to keep: it came from there


def test_another_day_computes_the_portfolio_again(demo_file: Path) -> None:
    _remembered(demo_file)
    other = quick_read.read_portfolio(demo_file, date(2026, 4, 1))
    assert not other.remembered
    assert other.rows == _service_rows(demo_file, date(2026, 4, 1))


def test_another_build_does_not_read_this_builds_snapshot(demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _remembered(demo_file)
    monkeypatch.setattr(portfolio_snapshot, "VERSION", "another build")
    assert not quick_read.read_portfolio(demo_file, AS_OF).remembered


def _rate(desk: Desk) -> None:
    desk.set_fx_rate("EUR", "4.4444", AS_OF)


def _exception(desk: Desk) -> None:
    code = desk.portfolio(as_of=AS_OF)[0].code
    desk.request_exception(code, "discount", Decimal("30"), "a snapshot test")


def _grades(desk: Desk) -> None:
    desk.grade(date(2026, 4, 30), apply=True)  # the demo is graded up to AS_OF; the count does not ask which day


def _lines(desk: Desk, folder: Path) -> None:
    account = desk.portfolio(as_of=AS_OF)[0]
    csv = folder / "late.csv"
    csv.write_text("invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency\n"
                   f"SNAP/1,1,2026-03-30,{account.code},Cables,1,1234.56,100.00,{account.currency}\n", encoding="utf-8")
    report = run_import(desk.ctx, csv, "invoices")
    assert report.ok, report.error_lines()


@pytest.mark.parametrize("change", [_rate, _exception, _grades, _lines], ids=["fx rate", "exception", "grades",
                                                                               "invoice lines"])
def test_a_change_through_the_services_makes_the_next_start_compute_the_portfolio_again(
        demo_file: Path, tmp_path: Path, change: Callable[..., None]) -> None:
    _remembered(demo_file)
    store = Store.open(demo_file)
    try:
        desk = Desk.open(store, None, FixedClock(AS_OF))
        change(*((desk, tmp_path) if change is _lines else (desk,)))
    finally:
        store.dispose()
    after = quick_read.read_portfolio(demo_file, AS_OF)
    assert not after.remembered
    assert after.rows == _service_rows(demo_file)


def _tables_of(sql: str) -> set[str]:
    return set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_]+)\b", sql))


def test_every_table_the_portfolio_reads_counts_its_changes(demo_file: Path) -> None:
    read = _tables_of(PORTFOLIO_SQL)
    assert {"accounts", "sales_months", "invoice_lines", "grade_evaluations"} <= read  # the parse found them
    with sqlite3.connect(demo_file) as raw:
        counted = {table for table, sql in raw.execute("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
                   if "data_generation" in sql}
        for table in sorted(counted):
            before = raw.execute("SELECT generation FROM data_generation").fetchone()[0]
            if raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
                raw.execute(f"UPDATE {table} SET rowid = rowid WHERE rowid = (SELECT min(rowid) FROM {table})")
                assert raw.execute("SELECT generation FROM data_generation").fetchone()[0] > before, table
        raw.rollback()
    assert read - COUNTED_BY_THEIR_WRITER <= counted, read - counted
    assert not counted & COUNTED_BY_THEIR_WRITER
    # the settings (base currency) and the program (churn months) are read by the quick start's own statements
    assert {"settings", "program_configs", "fx_rates"} <= counted


def test_a_snapshot_read_before_a_change_is_not_kept(demo_file: Path) -> None:
    first = quick_read.read_portfolio(demo_file, AS_OF)
    with sqlite3.connect(demo_file) as raw:
        raw.execute("UPDATE accounts SET name = name || ' (renamed)' WHERE code = (SELECT min(code) FROM accounts)")
    assert quick_read.remember_portfolio(demo_file, AS_OF, first) is False
    assert not quick_read.read_portfolio(demo_file, AS_OF).remembered
    with sqlite3.connect(demo_file) as raw:
        assert raw.execute("SELECT count(*) FROM portfolio_snapshots").fetchone()[0] == 0


def test_the_snapshot_keeps_every_value_exactly(demo_file: Path) -> None:
    rows = quick_read.read_portfolio(demo_file, AS_OF).rows
    back = portfolio_snapshot.decode(portfolio_snapshot.encode(rows))
    assert back == rows
    assert [str(r.ltv_12m) for r in back] == [str(r.ltv_12m) for r in rows]  # the places too, not only the value
    assert {type(r.evaluated_on) for r in back} <= {date, type(None)}


def test_a_quick_start_keeps_its_portfolio_once_the_store_opens_and_the_next_start_shows_it(
        demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAM_TODAY", AS_OF.isoformat())
    clock = FixedClock(AS_OF)
    local = quick_start_store(demo_file, None)
    assert local is not None
    quick = app.QuickStart(local, clock)
    rows = quick.first_read.rows()
    opening = app.OpeningStore(str(demo_file), clock, after_open=quick.remember_portfolio)
    try:
        opening.desk()  # as after the first paint
    finally:
        opening.dispose()
    again = local.read_portfolio(AS_OF)
    assert again.remembered and again.rows == rows


def test_only_the_rollup_module_writes_the_sales_rollup() -> None:
    """Its writers count the change the portfolio snapshot depends on: a writer elsewhere could forget it."""
    pattern = re.compile(r"\bSales(Month|Rollup)\b|[\"' ]sales_(months|rollup)\b(?!\s+import)")
    naming = {str(path.relative_to(ROOT / "kam_desktop")) for path in (ROOT / "kam_desktop").rglob("*.py")
              if pattern.search(path.read_text(encoding="utf-8"))}
    assert "store/rollup.py" in naming  # the pattern finds them
    assert naming <= READERS_OF_THE_ROLLUP, naming - READERS_OF_THE_ROLLUP


def test_each_writer_of_the_rollup_counts_a_change(demo_file: Path) -> None:
    import sqlalchemy as sa

    from kam_desktop.store import rollup

    store = Store.open(demo_file)
    try:
        with store.engine.begin() as connection:
            def count() -> int:
                return int(connection.execute(sa.text("SELECT generation FROM data_generation")).scalar_one())

            before = count()
            rollup.rebuild(connection)
            assert count() == before + 1
            account, month = connection.execute(sa.text("SELECT account_id, month FROM sales_months LIMIT 1")).one()
            rollup.refresh_cells(connection, [(uuid.UUID(hex=account), month)])
            assert count() == before + 2
            rollup.refresh_cells(connection, [])  # nothing recomputed, nothing counted
            assert count() == before + 2
            sums = rollup.StoredSums()  # a first sync's: summed from the pulled lines, written at once
            sums.write(connection)
            assert count() == before + 3
            rollup.rebuild(connection)  # the lines are still there: put their roll-up back
            assert rollup.first_difference(connection) is None  # and the roll-up is still right
    finally:
        store.dispose()


def test_a_damaged_snapshot_is_computed_again_not_shown(demo_file: Path) -> None:
    _remembered(demo_file)
    with sqlite3.connect(demo_file) as raw:
        raw.execute("UPDATE portfolio_snapshots SET rows = '{\"rows\": 3, \"columns\": [[1]]}'")
    read = quick_read.read_portfolio(demo_file, AS_OF)
    assert not read.remembered and read.rows == _service_rows(demo_file)
