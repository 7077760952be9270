"""The quick start: the portfolio of a local store shows before SQLAlchemy loads, and the store opens behind it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kam_desktop import app
from kam_desktop.services.accounts.portfolio import portfolio
from kam_desktop.services.admin.quick_start import quick_start_store
from kam_desktop.services.clock import clock_from_environment
from kam_desktop.services.context import open_context
from kam_desktop.store import quick_read
from kam_desktop.store.store import Store


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    return copy


@pytest.mark.parametrize("as_of", [date(2026, 3, 31), date(2025, 6, 30), date(2024, 1, 15)])
def test_the_plain_read_gives_exactly_the_rows_of_the_portfolio_service(demo_file: Path, as_of: date) -> None:
    store = Store.open(demo_file)
    try:
        expected = portfolio(open_context(store), None, as_of)
    finally:
        store.dispose()
    read = quick_read.read_portfolio(demo_file, as_of)
    rows = read.rows
    assert not read.remembered and read.generation is not None
    assert len(rows) == len(expected) >= 200
    assert rows == expected  # ids, grades, money to the cent, base-currency LTV, counts
    # the demo is varied enough for the comparison to mean something
    assert {r.currency for r in rows} > {"PLN"} and any(r.grade for r in rows)
    assert any(r.open_benefits for r in rows) and any(r.pending_exceptions for r in rows)
    assert any(r.churned for r in rows) and not all(r.churned for r in rows)
    if as_of.year >= 2025:
        assert any(r.last_statement for r in rows)


def test_a_start_with_a_login_a_server_or_a_missing_file_takes_the_ordinary_path(demo_file: Path,
                                                                                tmp_path: Path) -> None:
    assert quick_start_store(demo_file, None) is not None
    assert quick_start_store(demo_file, "a.nowak") is None  # a KAM's portfolio needs the users' roles
    assert quick_start_store("postgresql://kam@server/kam", None) is None
    assert quick_start_store(tmp_path / "absent.sqlite", None) is None
    assert quick_start_store(f"sqlite:///{demo_file}", None) is not None


def test_an_older_empty_or_foreign_file_takes_the_ordinary_path(demo_file: Path, tmp_path: Path) -> None:
    with sqlite3.connect(demo_file) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0003'")
    assert not quick_read.ready_store(demo_file)  # the ordinary open migrates (and backs up) first

    empty = Store.open(tmp_path / "empty.sqlite")
    empty.dispose()
    assert not quick_read.ready_store(tmp_path / "empty.sqlite")  # the ordinary start offers the demo

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    assert not quick_read.ready_store(text)


def test_the_quick_start_opens_the_store_behind_the_window(qapp: object, demo_file: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--db", str(demo_file), "--smoke-test"]) == 0
    out = capsys.readouterr().out
    assert "smoke test passed: the portfolio shows" in out and "portfolio shown at" in out


def test_a_store_that_fails_to_open_behind_the_window_fails_the_smoke_test(
        qapp: object, demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(Store, "open", refuse)
    assert app.main(["--db", str(demo_file), "--smoke-test"]) == 1
    assert "the data store did not open: database is locked" in capsys.readouterr().out


def _smoke_in_a_fresh_process(db: Path, *extra: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "kam_desktop.app", "--db", str(db), "--smoke-test", *extra],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_first_paint_does_not_wait_for_sqlalchemy(demo_file: Path) -> None:
    assert "SQLAlchemy not loaded" in _smoke_in_a_fresh_process(demo_file)
    # with --as the ordinary path runs: the login is checked against the store first
    assert "SQLAlchemy loaded" in _smoke_in_a_fresh_process(demo_file, "--as", "a.nowak")


def test_an_interactive_quick_start_fills_the_status_bar_and_opens_accounts_once_the_store_is_open(
        qtbot, qapp, demo_file: Path, settings, translators) -> None:  # type: ignore[no-untyped-def]
    from kam_desktop.ui.account_workspace import AccountWorkspace
    from kam_desktop.ui.main_window import MainWindow

    local = quick_start_store(demo_file, None)
    assert local is not None
    opening = app.OpeningStore(str(demo_file), clock_from_environment())
    try:
        services = app._services_while_opening(opening, app.QuickStart(local, clock_from_environment()), settings)
        window = MainWindow(services, settings, translators, interactive=False)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        app._open_after_first_paint(qapp, window, opening)
        window.show()
        assert window.sync_label.text() == ""  # nothing waits for the store before the first paint
        with qtbot.waitSignal(window.portfolio_loaded, timeout=30_000):
            window.load_portfolio()
        qtbot.waitUntil(lambda: window.sync_label.text() != "", timeout=30_000)  # store_opened() ran
        assert opening.ready() and "Offline" in window.sync_label.text()
        code = window.portfolio.model.row_at(0).code
        with qtbot.waitSignal(window.tabs.currentChanged, timeout=30_000):
            workspace = window.open_account(code)
        assert isinstance(workspace, AccountWorkspace)
        qtbot.waitUntil(lambda: workspace.data is not None, timeout=30_000)
        assert workspace.data.card.summary.code == code
        with qtbot.waitSignal(window.portfolio_loaded, timeout=30_000):  # F5 now reads through the store
            window.refresh()
        assert window.portfolio.model.rowCount() == len(local.read_portfolio(clock_from_environment().today()).rows)
        window.close()
    finally:
        opening.dispose()



def test_a_failed_quick_read_still_opens_the_store_and_f5_loads_through_it(
        qtbot, qapp, demo_file: Path, settings, translators,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kam_desktop.services.admin.quick_start import LocalStore
    from kam_desktop.ui.main_window import MainWindow

    local = quick_start_store(demo_file, None)
    assert local is not None

    def locked(_self: LocalStore, _as_of: date) -> list[object]:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(LocalStore, "read_portfolio", locked)
    opening = app.OpeningStore(str(demo_file), clock_from_environment())
    try:
        quick = app.QuickStart(local, clock_from_environment())  # the read begins here, and fails
        window = MainWindow(app._services_while_opening(opening, quick, settings), settings,  # type: ignore[arg-type]
                            translators, interactive=False)
        qtbot.addWidget(window)
        app._open_after_first_paint(qapp, window, opening)
        window.show()
        with qtbot.waitSignal(window.portfolio_failed, timeout=30_000):
            window.load_portfolio()
        qtbot.waitUntil(lambda: window.sync_label.text() != "", timeout=30_000)
        with qtbot.waitSignal(window.portfolio_loaded, timeout=30_000):
            window.refresh()
        assert window.portfolio.model.rowCount() >= 200
        window.close()
    finally:
        opening.dispose()


def test_a_first_read_that_has_ended_shows_at_once_without_a_worker(
        qtbot, demo_file: Path, settings, translators) -> None:  # type: ignore[no-untyped-def]
    from kam_desktop.ui.main_window import MainWindow

    local = quick_start_store(demo_file, None)
    assert local is not None
    opening = app.OpeningStore(str(demo_file), clock_from_environment())
    try:
        quick = app.QuickStart(local, clock_from_environment())
        quick.first_read.rows_if_read()  # may be None while reading: the answer must not take the rows then
        qtbot.waitUntil(lambda: not quick.first_read._thread.is_alive(), timeout=30_000)
        window = MainWindow(app._services_while_opening(opening, quick, settings), settings,  # type: ignore[arg-type]
                            translators, interactive=False)
        qtbot.addWidget(window)
        loaded: list[int] = []
        window.portfolio_loaded.connect(loaded.append)
        assert window.load_portfolio() is None  # no task: the rows were at hand
        assert loaded == [window.portfolio.model.rowCount()] and loaded[0] >= 200  # before any event is processed
        assert quick.first_read.rows_if_read() is None  # taken once: F5 reads through the store
        names = {r.name for r in quick.local.read_portfolio(clock_from_environment().today()).rows}
        assert {window.portfolio.model.row_at(i).name for i in range(loaded[0])} == names
    finally:
        opening.dispose()


def test_a_first_read_that_failed_is_not_at_hand(demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kam_desktop.services.admin.quick_start import LocalStore

    def locked(_self: LocalStore, _as_of: date) -> list[object]:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(LocalStore, "read_portfolio", locked)
    local = quick_start_store(demo_file, None)
    assert local is not None
    quick = app.QuickStart(local, clock_from_environment())
    quick.first_read._thread.join()
    assert quick.first_read.rows_if_read() is None  # the load through a worker reports the failure
    with pytest.raises(sqlite3.OperationalError):
        quick.first_read.rows()


def test_the_collector_runs_again_once_the_portfolio_shows(qtbot, qapp, demo_file: Path, settings,  # type: ignore[no-untyped-def]
                                                          translators) -> None:
    import gc

    from kam_desktop.ui.main_window import MainWindow

    local = quick_start_store(demo_file, None)
    assert local is not None
    opening = app.OpeningStore(str(demo_file), clock_from_environment())
    gc.disable()  # as main() starts
    try:
        services = app._services_while_opening(opening, app.QuickStart(local, clock_from_environment()), settings)
        window = MainWindow(services, settings, translators, interactive=False)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        app._collect_again_once_shown(window)
        qapp.processEvents()
        assert not gc.isenabled()  # a quick start waits for its rows
        with qtbot.waitSignal(window.portfolio_loaded, timeout=30_000):
            window.load_portfolio()
        qtbot.waitUntil(gc.isenabled, timeout=5_000)
        assert gc.get_freeze_count() > 0  # what the start made is left out of the collections
    finally:
        gc.unfreeze()  # the rest of the test session's objects are collected as usual
        gc.enable()
        opening.dispose()


def test_the_ordinary_start_collects_at_once(demo_file: Path, tmp_path: Path) -> None:
    import gc

    empty = tmp_path / "new.sqlite"  # no store yet: the ordinary path, which creates it
    code = "import gc, sys\nfrom kam_desktop import app\nseen = []\nreal = app._open_store\n" \
           "app._open_store = lambda *a: (seen.append(gc.isenabled()), real(*a))[1]\n" \
           f"app.main(['--db', {str(empty)!r}, '--smoke-test'])\nprint('collector on:', seen)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "collector on: [True]" in done.stdout, done.stdout + done.stderr
    assert gc.isenabled()
