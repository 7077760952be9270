"""File › Import…: preview with detection and errors by row, apply in a worker, cancel writes nothing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kam_desktop.services.imports.preview import Importer
from kam_desktop.store.models import Account, User
from kam_desktop.store.store import Store
from kam_desktop.ui.import_dialog import ImportDialog
from kam_desktop.ui.table_model import RowTableModel

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
TIMEOUT = 20_000


def counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        return (session.scalar(select(func.count()).select_from(Account)) or 0,
                session.scalar(select(func.count()).select_from(User)) or 0)


def previewed(qtbot, dialog: ImportDialog, path: Path, format_name: str) -> ImportDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.set_file(path, format_name)
    return dialog


@pytest.fixture
def admin_window(demo_window):  # type: ignore[no-untyped-def]
    return demo_window(None)  # the administrator sees every account, imported ones too


def test_a_good_file_previews_applies_and_shows_in_the_portfolio(admin_window, demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = admin_window
    dialog = previewed(qtbot, window.open_import(), SAMPLES / "accounts.csv", "accounts")
    assert dialog.error_model.rowCount() == 0
    assert dialog.mapping.rowCount() == 11
    assert dialog.sample_model.rowCount() == 6 and dialog.sample_model.headerData(0, Qt.Orientation.Horizontal) == "account_code"
    assert dialog.delimiter_combo.itemText(0) == "Detected: Comma ,"
    assert "anowak" in dialog.summary.text()  # a new owner…
    assert [v.value for v in dialog.values.undecided()] == ["anowak"]  # …that looks like the demo's a.nowak
    assert dialog.pages.currentWidget() is dialog.values_page and not dialog.apply_button.isEnabled()
    dialog.values.decide("anowak", "a.nowak")
    assert dialog.apply_button.isEnabled()
    before = window.portfolio.model.rowCount()
    with (qtbot.waitSignal(window.portfolio_loaded, timeout=TIMEOUT),
          qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as imported):
        dialog.apply_button.click()
    report = imported.args[0]
    assert report.applied and report.counts["accounts_created"] == 6
    assert "6 accounts created" in dialog.message.text()
    assert window.portfolio.model.rowCount() == before + 6
    window.portfolio.proxy.set_filter_text("PL-0001")
    assert window.portfolio.proxy.rowCount() == 1


def test_a_bad_file_shows_its_errors_by_row_and_cannot_be_applied(admin_window, demo_store, qtbot,  # type: ignore[no-untyped-def]
                                                                   qtmodeltester) -> None:
    before = counts(demo_store)
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "invoices_pl_cp1250.csv", "invoices")
    assert dialog.encoding_combo.itemText(0) == "Detected: Windows-1250 (Central European)"
    assert dialog.delimiter_combo.itemText(0) == "Detected: Semicolon ;"
    assert dialog.decimal_combo.itemText(0) == "Detected: Decimal comma 1,5"
    assert dialog.date_combo.itemText(0) == "Detected: Day first (03.02.2026)"
    errors = dialog.error_model.rows()
    assert [(e.row, e.column) for e in errors] == [(2, "Kod kontrahenta"), (3, "Kod kontrahenta"),
                                                  (4, "Kod kontrahenta"), (5, "Kod kontrahenta")]
    assert "unknown account 'PL-0001'" in errors[0].message
    assert dialog.pages.currentWidget() is dialog.error_table
    assert dialog.pages.tabText(2) == "Errors (4)"
    assert "Uwagi" in dialog.ignored_label.text() and "Kable" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()
    assert dialog.apply() is None  # not even programmatically
    assert counts(demo_store) == before
    shown = dialog.error_model
    model = RowTableModel(shown._context, shown.columns, dialog.formats)
    model.set_rows(shown.rows())
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(dialog.sample_model, force_py=True)


def test_overriding_the_delimiter_previews_again(admin_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "invoices_pl_cp1250.csv", "invoices")
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(","))
    assert dialog.options().delimiter == ","
    assert dialog.preview_result is not None
    assert dialog.preview_result.sniff is not None and dialog.preview_result.sniff.options.delimiter == ","
    assert any("missing" in e.message or "column" in e.message for e in dialog.error_model.rows())
    assert not dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.delimiter_combo.setCurrentIndex(0)  # back to detection
    assert dialog.error_model.rowCount() == 4


def test_cancel_while_applying_writes_nothing(admin_window, demo_store, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real_apply = Importer.apply
    writing = threading.Event()

    def held_apply(self, path, format_name, options, *, profile=None, progress=None, cancel=None, values=None):  # type: ignore[no-untyped-def]
        def hold(step):  # type: ignore[no-untyped-def]
            if progress is not None:
                progress(step)
            if step.phase == "applying" and not writing.is_set():
                writing.set()  # inside the transaction: wait until the user has pressed Cancel
                deadline = time.monotonic() + 10
                while not cancel.is_set() and time.monotonic() < deadline:
                    time.sleep(0.01)
        return real_apply(self, path, format_name, options, profile=profile, progress=hold, cancel=cancel,
                          values=values)

    monkeypatch.setattr(Importer, "apply", held_apply)
    before = counts(demo_store)
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "accounts.csv", "accounts")
    dialog.values.decide("anowak", "a.nowak")
    with qtbot.waitSignal(dialog.apply_ended, timeout=TIMEOUT):
        dialog.apply_button.click()
        qtbot.waitUntil(writing.is_set, timeout=TIMEOUT)
        assert not dialog.progress.isHidden() and dialog.cancel_button.isEnabled()
        assert not dialog.format_combo.isEnabled()
        dialog.cancel_button.click()
    assert dialog.message.text() == "Import cancelled: nothing was written."
    assert dialog.report is None
    assert counts(demo_store) == before
    assert dialog.apply_button.isEnabled()  # the file is still valid: it can be imported after all


def test_file_import_is_in_the_file_menu_with_ctrl_i(window) -> None:  # type: ignore[no-untyped-def]
    assert window.act_import in window.menu_file.actions()
    assert window.act_import.shortcut().toString() == "Ctrl+I"
    assert window.act_import.text() == "&Import…"
