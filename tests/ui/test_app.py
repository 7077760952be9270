"""The composition root: --smoke-test, --screenshots, store errors, and the crash handler."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kam_desktop import app
from kam_desktop.services.context import open_context
from kam_desktop.services.people import add_user
from kam_desktop.store.store import Store
from kam_desktop.ui.context import AppServices
from kam_desktop.ui.crash import CrashHandler
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.smoke import run_smoke


@pytest.fixture
def db(filled_store: Store) -> str:
    add_user(open_context(filled_store), "fiona", "finance", "Fiona Nowicka")  # finance's screens are shown too
    path = str(filled_store.engine.url.database)
    filled_store.dispose()
    return path


def test_smoke_test_exits_0_when_the_portfolio_loads(qapp: object, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--db", db, "--smoke-test"]) == 0
    assert "the portfolio shows 5 accounts" in capsys.readouterr().out


def test_smoke_test_exits_1_when_the_portfolio_does_not_load(qtbot, services: AppServices, settings,  # type: ignore[no-untyped-def]
                                                            translators) -> None:
    def broken() -> list[object]:
        raise RuntimeError("no such table: accounts")

    window = MainWindow(dataclasses.replace(services, load_portfolio=broken), settings, translators,
                        interactive=False)
    qtbot.addWidget(window)
    assert run_smoke(window, 10_000) == 1


def test_a_store_in_a_missing_folder_exits_2_with_a_clear_line(qapp: object, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--db", str(tmp_path / "nowhere" / "kam.sqlite"), "--smoke-test"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_an_unknown_login_exits_2(qapp: object, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--db", db, "--as", "ghost", "--smoke-test"]) == 2
    assert "ghost" in capsys.readouterr().err


def test_screenshots_render_each_screen_in_each_language(qapp: object, filled_store: Store, tmp_path: Path) -> None:
    from kam_desktop.services.clock import clock_from_environment
    from kam_desktop.services.context import open_context
    from kam_desktop.services.desk import Desk
    from kam_desktop.services.people import add_user

    add_user(open_context(filled_store), "fiona", "finance", "Fiona Nowicka")  # the Finance screens are hers
    admin = Desk.open(filled_store, None, clock_from_environment())
    for code in ("C-0001", "C-0002", "C-0003", "P-0004", "C-0005"):  # a document to preview, whichever is shown
        admin.issue_document(code, "agreement")
    db = str(filled_store.engine.url.database)
    filled_store.dispose()
    folder = tmp_path / "shots"
    assert app.main(["--db", db, "--screenshots", str(folder)]) == 0
    names = sorted(p.name for p in folder.glob("*.png"))
    screens = ("portfolio", "account-overview", "account-potential", "account-benefits", "account-exceptions",
               "account-documents", "account-ledger", "account-contacts", "approvals", "dashboard", "simulator", "settings", "import",
               "document-preview", "finance-close", "finance-settlement", "finance-liability", "fx-rates",
               "import-history", "recovery", "statements-batch")
    assert names == sorted(f"{screen}-{lang}.png" for screen in screens for lang in ("en", "pl", "ru"))
    assert all(p.stat().st_size > 5000 for p in folder.glob("*.png"))


def raise_and_catch() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ZeroDivisionError("division by zero in the quarter close")
    except ZeroDivisionError:
        return sys.exc_info()  # type: ignore[return-value]


def test_the_crash_handler_writes_a_report_and_shows_a_dialog(qapp: object, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    handler = CrashHandler(tmp_path / "logs")
    handler.install()
    try:
        sys.excepthook(*raise_and_catch())  # type: ignore[arg-type]
    finally:
        handler.uninstall()
    assert sys.excepthook is not handler
    [report] = list((tmp_path / "logs").glob("crash-*.txt"))
    text = report.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero in the quarter close" in text
    assert "KAM Desktop" in text and "raise_and_catch" in text
    assert len(shown) == 1 and str(report) in shown[0]


def test_the_crash_handler_shows_no_dialog_in_headless_runs(qapp: object, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("no dialog in headless mode"))
    handler = CrashHandler(tmp_path / "logs", dialogs=False)
    handler(*raise_and_catch())  # type: ignore[arg-type]
    assert len(handler.reports) == 1 and handler.reports[0].exists()
