"""Finance › Import history: finance reverses a bad invoices import in the window, with a reason and a yes to the
question, in three languages; a director sees the history but is offered no reversal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from kam_desktop.services.clock import clock_from_environment
from kam_desktop.services.desk import Desk
from kam_desktop.services.imports.files import run_import
from kam_desktop.store.models import User
from kam_desktop.store.store import Store
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.import_history import ImportHistoryDialog
from tests.acting import as_
from tests.imports.apply_builders import TODAY, csv_file, seed
from tests.imports.import_builders import INVOICE_HEADER

BAD = ("X/1,1,2026-01-20,PL-0001,Cables,1,999999999999.00,99999999999.00,PLN",
       "X/2,1,2026-02-10,PL-0001,Kable,1000,999999999999.99,0.01,PLN")


@pytest.fixture
def store(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Store:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    seed(sqlite_store)
    with sqlite_store.unit_of_work("test") as uow:
        uow.session.add(User(login="boss", name="Director", role="director"))
        uow.commit()
    report = run_import(as_(sqlite_store, "admin"), csv_file(tmp_path / "bad.csv", INVOICE_HEADER, *BAD), "invoices")
    assert report.ok, report.error_lines()
    return sqlite_store


def _dialog(qtbot, store: Store, login: str, language: str) -> ImportHistoryDialog:  # type: ignore[no-untyped-def]
    dialog = ImportHistoryDialog(Desk.open(store, login, clock_from_environment()), Formats(language))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _answer_yes(dialog: ImportHistoryDialog) -> None:
    def press() -> None:
        if dialog.confirmation is None or not dialog.confirmation.isVisible():
            QTimer.singleShot(20, press)
            return
        dialog.confirmation.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, press)


def test_finance_reverses_a_bad_import_in_the_window(qtbot, store: Store, ui_language: str) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, store, "fin", ui_language)
    assert dialog.model.rowCount() == 1 and not dialog.reverse_button.isEnabled()
    dialog.table.selectRow(0)
    assert not dialog.reverse_button.isEnabled()  # a reason first
    qtbot.keyClicks(dialog.reason, "amounts in grosze")  # QTest types ASCII only
    dialog.reason.insert(", not złoty")
    assert dialog.reverse_button.isEnabled()
    with qtbot.waitSignal(dialog.reversed, timeout=10_000):
        _answer_yes(dialog)
        qtbot.mouseClick(dialog.reverse_button, Qt.MouseButton.LeftButton)
    texts = [dialog.model.data(dialog.model.index(r, c)) for r in range(dialog.model.rowCount())
             for c in range(dialog.model.columnCount())]
    assert dialog.model.rowCount() == 2  # the reversal is listed, and the import says by which
    assert any("amounts in grosze, not złoty" in str(t) for t in texts)
    assert {"en": "Reversed", "pl": "Odwrócono", "ru": "Отменено"}[ui_language] in dialog.message.text()
    assert Desk.open(store, "fin", clock_from_environment()).importer().history()[1].reversed_by is not None
    dialog.table.selectRow(1)
    assert not dialog.reverse_button.isEnabled()  # already reversed: not offered again


def test_a_director_sees_the_history_but_no_reversal(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, store, "boss", "en")
    assert dialog.model.rowCount() == 1
    assert not dialog.reverse_button.isVisible() and not dialog.reason.isVisible()
