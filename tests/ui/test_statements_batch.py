"""File › Issue quarterly statements: a KAM's batch runs in the background with progress, a cancel keeps what was
issued, and a second run issues the rest — through the real dialog, in three languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from kam_desktop.store.models import Document
from kam_desktop.store.store import Store
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.statements_batch import StatementsBatchDialog
from tests.acting import desk
from tests.documents import world as _world


@pytest.fixture
def world(sqlite_path: Path) -> Iterator[_world.World]:
    store = Store.open(sqlite_path)
    yield _world.build(store)
    store.dispose()


def _statements(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Document).where(
            Document.kind == "statement", Document.period == str(_world.QUARTER))) or 0


def _dialog(qtbot, world: _world.World, language: str, login: str = "kasia") -> StatementsBatchDialog:  # type: ignore[no-untyped-def]
    dialog = StatementsBatchDialog(desk(world.store, login, date.fromisoformat(_world.TODAY)), Formats(language))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.quarter.setCurrentText(str(_world.QUARTER))
    return dialog


def _answer_yes(dialog: StatementsBatchDialog) -> None:
    def press() -> None:
        if dialog.confirmation is None or not dialog.confirmation.isVisible():
            QTimer.singleShot(20, press)
            return
        dialog.confirmation.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, press)


def test_a_kams_batch_issues_their_accounts_statements_after_a_yes(  # type: ignore[no-untyped-def]
        qtbot, world: _world.World, ui_language: str) -> None:
    dialog = _dialog(qtbot, world, ui_language)
    assert dialog.quarter.currentText() == str(_world.QUARTER)  # a finished quarter is offered
    with qtbot.waitSignal(dialog.batch_done, timeout=60_000) as finished:
        _answer_yes(dialog)
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    batch = finished.args[0]
    assert (batch.issued, batch.existing, batch.cancelled) == (3, 0, False)  # kasia's three accounts only
    assert _statements(world.store) == 3
    assert str(_world.QUARTER) in dialog.message.text() and dialog.start_button.isEnabled()
    assert dialog.windowTitle() == {"en": "Issue quarterly statements", "pl": "Wystaw wyciągi kwartalne",
                                    "ru": "Выпуск квартальных выписок"}[ui_language]


def test_stop_keeps_what_was_issued_and_a_second_run_issues_the_rest(  # type: ignore[no-untyped-def]
        qtbot, world: _world.World) -> None:
    dialog = _dialog(qtbot, world, "en")
    dialog.interactive = False  # no question: the first test answers it
    dialog._progressed = lambda done, total, text: dialog.stop() if done >= 1 else None  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.batch_done, timeout=60_000) as finished:
        dialog.start()
    first = finished.args[0]
    assert first.cancelled and 1 <= first.issued < 3
    assert "Stopped" in dialog.message.text()
    assert _statements(world.store) == first.issued
    dialog2 = _dialog(qtbot, world, "en")
    dialog2.interactive = False
    with qtbot.waitSignal(dialog2.batch_done, timeout=60_000) as rest:
        dialog2.start()
    assert (rest.args[0].issued, rest.args[0].existing) == (3 - first.issued, first.issued)
    assert _statements(world.store) == 3
