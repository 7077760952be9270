"""The approvals inbox of the sales director and finance: pending requests, decide with a note."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.benefit_dialog import value_text
from kam_desktop.ui.exceptions_tab import steps_text
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable, heading
from kam_desktop.ui.workers import Task, run_task

log = logging.getLogger(__name__)
CTX = "ApprovalsInbox"


def inbox_columns() -> list[Col[Any]]:
    def money(get: Any) -> Any:
        return lambda r, f: "" if get(r) is None else f.money(get(r), r.currency)

    return [
        Col("number", QT_TRANSLATE_NOOP("ApprovalsInbox", "Number"), lambda r, f: r.request.number),
        Col("account", QT_TRANSLATE_NOOP("ApprovalsInbox", "Account"), lambda r, f: r.account_name,
            tip=lambda r, f: r.request.account),
        Col("kind", QT_TRANSLATE_NOOP("ApprovalsInbox", "Kind"), lambda r, f: label(r.request.kind)),
        Col("cap", QT_TRANSLATE_NOOP("ApprovalsInbox", "Policy"),
            lambda r, f: "" if r.request.cap is None else value_text(r.request.cap, r.request.unit, r.currency, f),
            sort=lambda r: r.request.cap, numeric=True),
        Col("requested", QT_TRANSLATE_NOOP("ApprovalsInbox", "Requested"),
            lambda r, f: value_text(r.request.requested, r.request.unit, r.currency, f),
            sort=lambda r: r.request.requested, numeric=True, color=lambda r: "#b3261e"),
        Col("expected_cost", QT_TRANSLATE_NOOP("ApprovalsInbox", "Expected cost"),
            money(lambda r: r.request.expected_cost), sort=lambda r: r.request.expected_cost, numeric=True),
        Col("expected_margin", QT_TRANSLATE_NOOP("ApprovalsInbox", "Incremental margin"),
            money(lambda r: r.request.expected_margin), sort=lambda r: r.request.expected_margin, numeric=True),
        Col("margin", QT_TRANSLATE_NOOP("ApprovalsInbox", "Account margin 12 m"), money(lambda r: r.margin_12m),
            sort=lambda r: r.margin_12m, numeric=True),
        Col("budget_use", QT_TRANSLATE_NOOP("ApprovalsInbox", "Budget used"),
            lambda r, f: "—" if r.budget_use is None else f.percent(r.budget_use * 100),
            sort=lambda r: r.budget_use, numeric=True,
            color=lambda r: "#b3261e" if r.budget_use is not None and r.budget_use > 1 else None),
        Col("requested_by", QT_TRANSLATE_NOOP("ApprovalsInbox", "Requested by"), lambda r, f: r.request.requested_by),
    ]


class ApprovalsInbox(QWidget):
    """Reads the inbox off the GUI thread; `loaded` after each read, `decided` after a decision."""

    loaded = Signal(int)
    decided = Signal(str)

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsInbox")
        self.desk, self.formats = desk, formats
        self._task: Task | None = None
        self.title = heading("", self, 1.35)
        self.who = QLabel(self)
        self.model: RowTableModel[Any] = RowTableModel(CTX, inbox_columns(), formats, self)
        self.table = RowTable(self.model, "inboxTable", self)
        self.table.fit_columns({"number": 125, "account": 230, "kind": 120, "cap": 100, "requested": 100,
                                "expected_cost": 120, "expected_margin": 140, "margin": 140, "budget_use": 100})
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLineEdit(self)
        self.note.setObjectName("inboxNote")
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("inboxApprove")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("inboxReject")
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.message = MessageLine(self)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.who, 1)
        decide = QHBoxLayout()
        self.note_label = QLabel(self)
        decide.addWidget(self.note_label)
        decide.addWidget(self.note, 1)
        decide.addWidget(self.reject_button)
        decide.addWidget(self.approve_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        lower_layout.addLayout(decide)
        lower_layout.addWidget(self.message)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("inboxSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([420, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.table, self.note)
        self.setTabOrder(self.note, self.reject_button)
        self.setTabOrder(self.reject_button, self.approve_button)
        self.retranslate()

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.message.clear_message()
        self.retranslate()
        self.reload()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)

    def reload(self) -> Task:
        if self._task is not None and not self._task.finished:
            self._task.cancel()
        self._task = run_task(lambda _ctx: self.desk.inbox(), self._on_read_done, self._on_read_failed,
                              owner=self)
        return self._task

    def _on_read_done(self, rows: list[Any]) -> None:
        current = self.table.current()
        self.model.set_rows(rows)
        if current is not None:
            self.table.select_where(lambda r: r.request.number == current.request.number)
        self._show_details()
        self.loaded.emit(len(rows))

    def _on_read_failed(self, error: BaseException) -> None:
        log.error("reading the approvals inbox failed", exc_info=error)
        self.message.error(self.tr("The inbox could not be read: %1").replace("%1", refusal_text(error)))
        self.loaded.emit(-1)

    def select(self, number: str) -> bool:
        return self.table.select_where(lambda r: r.request.number == number)

    def _show_details(self) -> None:
        row = self.table.current()
        self.approve_button.setEnabled(row is not None)
        self.reject_button.setEnabled(row is not None)
        if row is None:
            empty = self.model.rowCount() == 0
            self.details.setText(self.tr("Nothing waits for your decision.") if empty
                                 else self.tr("Select a request to decide it."))
            return
        r = row.request
        self.details.setText(
            self.tr("%1 · %2 (%3)").replace("%1", r.number).replace("%2", row.account_name).replace("%3", r.account)
            + "\n" + self.tr("Justification: %1").replace("%1", r.justification) + "\n\n"
            + steps_text(r, self.formats))

    def decide(self, approve: bool) -> bool:
        """Approve or reject the selected request with the note; a refusal is shown in words."""
        row = self.table.current()
        if row is None:
            return False
        number = row.request.number
        try:
            self.desk.decide_exception(number, approve, self.note.text().strip(), row.request.version)
        except ServiceError as error:
            self.message.error(self.tr("Refused: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok((self.tr("%1 approved.") if approve else self.tr("%1 rejected.")).replace("%1", number))
        self.note.clear()
        self.decided.emit(number)
        self.reload()
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Approvals"))
        user = self.desk.login
        role = self.desk.role
        text = self.tr("Deciding as %1 (%2)").replace("%1", user).replace("%2", label(role))
        if role not in ("director", "finance"):
            text += " — " + self.tr("only the sales director and finance decide exceptions; use File › Act as")
        self.who.setText(text)
        self.note_label.setText(self.tr("Note:"))
        self.note.setPlaceholderText(self.tr("why, or under which condition (kept in the audit log)"))
        self.approve_button.setText(self.tr("&Approve"))
        self.reject_button.setText(self.tr("&Reject"))
        self._show_details()
