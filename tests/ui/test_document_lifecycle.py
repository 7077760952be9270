"""A draft annex finalised after its approvals and signed with a scan, entirely in the documents tab, in three languages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import func, select

from kam_desktop.services.clock import FixedClock, clock_from_environment
from kam_desktop.services.desk import Desk
from kam_desktop.store.models import Account, Document
from kam_desktop.store.store import Store
from kam_desktop.ui.documents_tab import DocumentsTab
from kam_desktop.ui.i18n import Formats
from tests.documents import world as _world

CODE = "PL1"


@pytest.fixture
def world(sqlite_path: Path) -> Iterator[_world.World]:
    store = Store.open(sqlite_path)
    yield _world.build(store)
    store.dispose()


def answer(tab: DocumentsTab, button: QMessageBox.StandardButton) -> None:
    """Press `button` of the confirmation box as soon as it is shown (it is modal)."""

    def press() -> None:
        if tab.confirmation is None or not tab.confirmation.isVisible():
            QTimer.singleShot(20, press)
            return
        tab.confirmation.button(button).click()

    QTimer.singleShot(0, press)


def click(qtbot, tab: DocumentsTab, button: QPushButton, confirm: bool | None = None) -> None:  # type: ignore[no-untyped-def]
    if confirm is not None:
        answer(tab, QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    tab.show_documents(tab.desk.documents(tab.code))


def test_a_draft_annex_is_finalised_and_signed_with_a_scan_in_the_gui(  # type: ignore[no-untyped-def]
        qtbot, world: _world.World, ui_language: str, tmp_path: Path) -> None:
    desk = Desk.open(world.store, "kasia", FixedClock(date.fromisoformat(_world.TODAY)))
    tab = DocumentsTab(desk, CODE, Formats(ui_language), tmp_path / "documents")
    tab.open_files = False
    qtbot.addWidget(tab)
    tab.show()
    tab.language.setCurrentIndex(tab.language.findData(ui_language))  # the document in the UI's language
    click(qtbot, tab, tab.buttons["annex"], confirm=False)
    assert desk.documents(CODE) == []  # Cancel issues nothing
    click(qtbot, tab, tab.buttons["agreement"], confirm=True)
    click(qtbot, tab, tab.buttons["annex"], confirm=True)
    annex = next(r for r in desk.documents(CODE) if r.kind == "annex")
    assert annex.status == "draft" and annex.language == ui_language
    assert tab.select(annex.number) and not tab.sign_button.isEnabled()  # a DRAFT is never signed
    _world.approve(world)
    assert tab.select(annex.number) and tab.buttons["reissue"].isEnabled()
    click(qtbot, tab, tab.buttons["reissue"], confirm=True)
    final = desk.document(annex.number)
    assert (final.version, final.status, final.supersedes) == (2, "issued", f"{annex.number} v1")
    assert not final.is_draft
    assert desk.document(annex.number, 1).status == "void"
    assert tab.select(annex.number) and tab.table.current().version == 2
    tab.preview()
    assert tab.preview_dialog is not None and tab.preview_dialog.page_count() >= 1
    tab.preview_dialog.close()
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed paper")
    tab.signatory.setText(_world.SIGNATORY_PL)
    tab.signed_on.setDate(date(2026, 2, 10))
    tab._scan = str(scan)  # what the file dialog of "Attach a scan…" sets
    assert tab.sign_button.isEnabled()
    click(qtbot, tab, tab.sign_button)
    signed = desk.document(annex.number)
    assert signed.status == "signed", tab.message.text()
    assert (signed.status, signed.client_signatory, signed.signed_on, signed.scans) == (
        "signed", _world.SIGNATORY_PL, date(2026, 2, 10), 1)
    assert tab.select(annex.number) and tab.buttons["scan"].isEnabled() and tab.buttons["attach"].isEnabled()
    opened = tab.open_scan()
    assert opened is not None and opened.read_bytes() == scan.read_bytes()
    later = tmp_path / "page2.png"
    later.write_bytes(b"\x89PNG\r\n\x1a\n later page")
    assert tab.attach_scan(str(later)), tab.message.text()
    assert desk.document(annex.number).scans == 2
    tab.show_documents(desk.documents(CODE))
    assert tab.select(annex.number) and tab.verify() is True
    assert final.sha256 is not None and final.sha256 in tab.message.text()


def test_the_demo_has_last_quarters_statement_for_most_accounts(demo_store: Store) -> None:
    quarter = Desk.open(demo_store, None, clock_from_environment()).last_finished_quarter()
    with demo_store.read() as session:
        accounts = session.scalar(select(func.count()).select_from(Account)) or 0
        with_statement = session.scalar(select(func.count(func.distinct(Document.account_id))).where(
            Document.kind == "statement", Document.period == quarter)) or 0
    assert with_statement >= accounts * 0.8, (quarter, with_statement, accounts)
