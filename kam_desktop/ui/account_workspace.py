"""The account workspace: one account in tabs (overview, potential, benefits, exceptions, ledger, contacts)."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from kam_desktop.services.account_view import AccountView
from kam_desktop.services.desk import Desk
from kam_desktop.ui.account_tabs import ContactsTab, LedgerTab, OverviewTab
from kam_desktop.ui.benefits_tab import BenefitsTab
from kam_desktop.ui.documents_tab import DocumentsTab
from kam_desktop.ui.exceptions_tab import ExceptionsTab
from kam_desktop.ui.i18n import Formats, Retranslating, fill
from kam_desktop.ui.potential_tab import PotentialTab
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.widgets import MUTED_COLOR, heading
from kam_desktop.ui.workers import Task, run_task

log = logging.getLogger(__name__)


AccountData = AccountView  # what the tabs show, read in one transaction off the GUI thread


def read_account(desk: Desk, code: str) -> AccountView:
    return desk.account_view(code)


class AccountWorkspace(Retranslating, QWidget):
    """Loads the account in the background; `loaded` fires after every (re)load, `failed` with the reason."""

    loaded = Signal()
    failed = Signal(str)
    changed = Signal()  # something was saved: the portfolio's figures may have moved

    def __init__(self, desk: Desk, code: str, formats: Formats, parent: QWidget | None = None,
                 documents_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"account-{code}")
        self.desk, self.code, self.formats = desk, code, formats
        self.data: AccountData | None = None
        self._task: Task | None = None
        self.title = heading("", self, 1.35)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet(f"color: {MUTED_COLOR}")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("accountTabs")
        self.tabs.setDocumentMode(True)
        self.overview = OverviewTab(formats, self)
        self.potential = PotentialTab(desk, code, formats, self)
        self.benefits = BenefitsTab(desk, code, formats, self)
        self.exceptions = ExceptionsTab(desk, code, formats, self)
        self.documents = DocumentsTab(desk, code, formats, documents_folder, self)
        self.ledger = LedgerTab(formats, self)
        self.contacts = ContactsTab(formats, self)
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        for tab in (self.potential, self.benefits, self.exceptions, self.documents):
            tab.saved.connect(self._on_tab_saved)
        self.benefits.exception_requested.connect(self._on_benefits_exception_requested)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.subtitle, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def _tabs(self) -> tuple[Any, ...]:
        return (self.overview, self.potential, self.benefits, self.exceptions, self.documents, self.ledger,
                self.contacts)

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        for tab in (self.potential, self.benefits, self.exceptions, self.documents):
            tab.desk = desk

    def reload(self) -> Task:
        if self._task is not None and not self._task.finished:
            self._task.cancel()
        self._task = run_task(lambda _ctx: read_account(self.desk, self.code), self._on_read_done,
                              self._on_read_failed, owner=self)
        return self._task

    def _on_read_done(self, data: AccountData) -> None:
        self.data = data
        self._fill()
        self.loaded.emit()

    def _on_read_failed(self, error: BaseException) -> None:
        log.error("reading account %s failed", self.code, exc_info=error)
        self.subtitle.setText(fill(self.tr("The account could not be read: {reason}"), reason=refusal_text(error)))
        self.failed.emit(str(error))

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        summary = data.card.summary
        self.title.setText(summary.name)
        parts = [summary.code, summary.owner or "", data.card.industry or "", summary.region or ""]
        self.subtitle.setText("  ·  ".join(p for p in parts if p))
        self.overview.show_data(data)
        self.potential.show_slots(data.slots, summary.currency)
        self.benefits.show_benefits(data.benefits)
        self.exceptions.show_exceptions(data.exceptions, summary.currency)
        self.documents.show_documents(data.documents)
        self.ledger.show_ledger(data.ledger, summary.currency)
        self.contacts.show_contacts(data.card.contacts)

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        for tab in self._tabs():
            tab.set_formats(formats)
        self._fill()

    def new_exception(self) -> None:
        self.tabs.setCurrentWidget(self.exceptions)
        self.exceptions.new_request()

    def print_documents(self) -> None:
        """Ctrl+P in an account: the documents tab, and the selected (else the newest) document's PDF."""
        self.tabs.setCurrentWidget(self.documents)
        if self.documents.table.current() is None and self.documents.model.rowCount():
            self.documents.table.selectRow(0)
        self.documents.preview()

    def _on_tab_saved(self) -> None:
        self.reload()
        self.changed.emit()

    def _on_benefits_exception_requested(self, drafts: list[Any], grant_id: uuid.UUID) -> None:
        self.tabs.setCurrentWidget(self.exceptions)
        self.exceptions.new_request(drafts, grant_id)

    def retranslate(self) -> None:
        titles = (self.tr("Overview"), self.tr("Potential"), self.tr("Benefits"), self.tr("Exceptions"),
                  self.tr("Documents"), self.tr("Ledger"), self.tr("Contacts"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
