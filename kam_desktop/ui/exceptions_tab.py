"""The exceptions tab: requests with status, each decision with its date and note; create (pre-filled from a
violation, the real cap shown, numbers checked as typed), submit, withdraw (asking why)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.periods import add_months
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.benefit_dialog import value_text
from kam_desktop.ui.decision_dialog import DecisionDialog
from kam_desktop.ui.fields import NumberField, date_edit, picked, qdate, set_date
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text, say_refused
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable

CTX = "AccountTables"
KINDS = ("discount", "payment_terms", "benefit_budget", "gift_value", "other")
STATUS_COLORS = {"approved": "#1e7d34", "rejected": "#b3261e", "submitted": "#b45309", "withdrawn": "#8a94a6",
                 "expired": "#8a94a6"}


def exception_columns(currency: str) -> list[Col[Any]]:
    def value(attr: str) -> Any:
        return lambda r, f: "" if getattr(r, attr) is None else value_text(getattr(r, attr), r.unit, currency, f)

    return [
        Col("number", QT_TRANSLATE_NOOP("AccountTables", "Number"), lambda r, f: r.number),
        Col("kind", QT_TRANSLATE_NOOP("AccountTables", "Kind"), lambda r, f: label(r.kind)),
        Col("cap", QT_TRANSLATE_NOOP("AccountTables", "Policy"), value("cap"), sort=lambda r: r.cap, numeric=True),
        Col("requested", QT_TRANSLATE_NOOP("AccountTables", "Requested"), value("requested"),
            sort=lambda r: r.requested, numeric=True),
        Col("status", QT_TRANSLATE_NOOP("AccountTables", "Status"), lambda r, f: label(r.status),
            color=lambda r: STATUS_COLORS.get(r.status)),
        Col("waiting_for", QT_TRANSLATE_NOOP("AccountTables", "Waiting for"), lambda r, f: label(r.waiting_for)),
        Col("expected_cost", QT_TRANSLATE_NOOP("AccountTables", "Expected cost"),
            lambda r, f: "" if r.expected_cost is None else f.money(r.expected_cost, currency),
            sort=lambda r: r.expected_cost, numeric=True),
        Col("valid_to", QT_TRANSLATE_NOOP("AccountTables", "Valid until"),
            lambda r, f: f.date(r.valid_to) if r.valid_to else "", sort=lambda r: r.valid_to),
        Col("decided_on", QT_TRANSLATE_NOOP("AccountTables", "Decided on"),
            lambda r, f: f.date(r.steps[-1].decided_on) if r.steps else "",
            sort=lambda r: r.steps[-1].decided_on if r.steps else None),
        Col("answer", QT_TRANSLATE_NOOP("AccountTables", "Answer"), lambda r, f: last_answer(r),
            tip=lambda r, f: last_answer(r) or None),
        Col("requested_by", QT_TRANSLATE_NOOP("AccountTables", "Requested by"), lambda r, f: r.requested_by),
    ]


def steps_text(row: Any, f: Formats) -> str:
    """The approval route, each decision with its date and note, and what the request waits for, in words."""
    route = (QCoreApplication.translate("ExceptionsTab", "sales director") if row.steps_required == 1
             else QCoreApplication.translate("ExceptionsTab", "sales director, then finance"))
    lines = [fill(QCoreApplication.translate("ExceptionsTab", "Route: {route}"), route=route)]
    for step in row.steps:
        verdict = (QCoreApplication.translate("ExceptionsTab", "✔ Approved by {who} ({role}) on {day}") if step.approved
                   else QCoreApplication.translate("ExceptionsTab", "✖ Rejected by {who} ({role}) on {day}"))
        line = fill(verdict, who=step.decided_by, role=label(step.role), day=f.date(step.decided_on))
        if step.note:
            line += fill(QCoreApplication.translate("ExceptionsTab", ": “{note}”"), note=step.note)
        lines.append(line)
    if row.waiting_for:
        lines.append(fill(QCoreApplication.translate("ExceptionsTab", "Now waiting for: {role}"),
                          role=label(row.waiting_for)))
    if row.status == "withdrawn":
        lines.append(QCoreApplication.translate("ExceptionsTab", "Withdrawn by the requester.") if not row.closed_note
                     else fill(QCoreApplication.translate("ExceptionsTab", "Withdrawn by the requester: “{note}”"),
                               note=row.closed_note))
    return "\n".join(lines)


def last_answer(row: Any) -> str:
    """The latest decision's note (or the reason of a withdrawal): what the KAM reads first."""
    if row.status == "withdrawn":
        return str(row.closed_note)
    return next((s.note for s in reversed(row.steps) if s.note), "")


class ExceptionDialog(Retranslating, QDialog):
    """A new request, pre-filled from policy violations; every number is checked as it is typed and the real cap
    of the chosen kind is shown (asked of the service); `created` holds the saved requests."""

    def __init__(self, desk: Desk, code: str, currency: str, formats: Formats, drafts: list[Any] | None = None,
                 grant_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionDialog")
        self.setMinimumWidth(560)
        self.desk, self.code, self.currency, self.formats = desk, code, currency, formats
        self.drafts = list(drafts or [])
        self.grant_id = grant_id
        self.created: list[Any] = []
        self.cap_value: Any = None  # the service's Cap for the kind shown
        self.kind = QComboBox(self)
        self.kind.setObjectName("exceptionKind")
        for kind in KINDS:
            self.kind.addItem(label(kind), kind)
        self.requested = NumberField(formats, self, name="exceptionRequested", minimum=Decimal(0), places=2)
        self.cap = QLabel(self)
        self.cap.setObjectName("exceptionCap")
        self.cap.setWordWrap(True)
        self.margin = NumberField(formats, self, name="exceptionMargin", places=2, required=False)
        self.justification = QPlainTextEdit(self)
        self.justification.setObjectName("exceptionJustification")
        self.justification.setTabChangesFocus(True)
        self.justification.setMinimumHeight(90)
        self.valid_until = date_edit(formats, self, "exceptionValidUntil")
        self.valid_until.setMinimumDate(qdate(desk.today()))
        set_date(self.valid_until, add_months(desk.today(), 12) - timedelta(days=1))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.message = MessageLine(self)
        form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(6)]
        for widget, field in zip(self.form_labels, (self.kind, self.requested, self.cap, self.margin,
                                                    self.valid_until, self.justification), strict=True):
            form.addRow(widget, field)
            widget.setBuddy(field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("exceptionSaveDraft")
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("exceptionSubmit")
        self.submit_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save_requests(submit=False))
        self.submit_button.clicked.connect(lambda: self.save_requests(submit=True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_cap())
        self.requested.changed.connect(self._show_cap)
        self.retranslate()
        if self.drafts:
            first = self.drafts[0]
            self.kind.setCurrentIndex(self.kind.findData(first.kind))
            self.requested.set_value(first.requested)
        self._show_cap()
        self.justification.setFocus()

    def _show_cap(self) -> None:
        """The cap of the chosen kind for this account, and whether the value typed goes beyond it."""
        kind = str(self.kind.currentData())
        if self.cap_value is None or self.cap_value.kind != kind:
            try:
                self.cap_value = self.desk.cap_for(self.code, kind)
            except ServiceError as error:
                self.cap_value = None
                self.cap.setText(fill(self.tr("The cap could not be read: {reason}"), reason=refusal_text(error)))
                return
        cap = self.cap_value
        text = fill(self.tr("{cap} for {grade} (policy “{policy}”)"),
                    cap=value_text(cap.value, cap.unit, self.currency or cap.currency, self.formats),
                    grade=cap.grade, policy=cap.policy)
        requested = self.requested.value()
        if requested is not None and requested <= cap.value:
            text += " — " + self.tr("the requested value is within the cap: no exception is needed")
        self.cap.setText(text)

    def save_requests(self, submit: bool) -> bool:
        """Save the request(s) as drafts, then submit them when asked; errors stay in the dialog."""
        if not self.requested.show_problem():
            self.message.error(self.tr("Write the requested value as a number."))
            return False
        if not self.margin.show_problem():
            self.message.error(self.tr("Write the expected incremental margin as a number, or leave it empty."))
            return False
        requested = self.requested.value()
        assert requested is not None  # show_problem said so
        justification = self.justification.toPlainText().strip()
        if not justification:
            self.message.error(self.tr("Say why: the approver reads the justification first."))
            self.justification.setFocus()
            return False
        wanted = [(str(self.kind.currentData()), requested)]
        wanted += [(d.kind, d.requested) for d in self.drafts if d.kind != self.kind.currentData()]
        try:  # one unit of work: every request (and its link and submission) is saved, or none is
            self.created = self.desk.request_exceptions(
                self.code, wanted, justification, grant_id=self.grant_id, expected_margin=self.margin.value(),
                valid_until=picked(self.valid_until), submit=submit)
        except ServiceError as error:
            say_refused(self.message, self.tr("Not saved: {reason}"), error)
            return False
        self.accept()
        return True

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Policy exception request"))
        for widget, text in zip(self.form_labels, (
                self.tr("&Kind:"), self.tr("&Requested value:"), self.tr("Policy cap:"),
                self.tr("Expected incremental &margin:"), self.tr("&Valid until:"), self.tr("&Justification:")),
                strict=True):
            widget.setText(text)
        others = len(self.drafts) - 1
        if self.drafts:
            text = self.tr("The benefit goes beyond the commercial policy; the request is filled in from the check.")
            if others > 0:
                text += " " + self.tr("%n more cap(s) exceeded: a request for each is saved with the same "
                                      "justification.", "", others)
            self.note.setText(text)
        self.save_button.setText(self.tr("Save &draft"))
        self.submit_button.setText(self.tr("Save and &submit"))
        if self.cap_value is not None:
            self._show_cap()


class ExceptionsTab(Retranslating, QWidget):
    saved = Signal()

    def __init__(self, desk: Desk, code: str, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code, self.formats = desk, code, formats
        self.currency = ""
        self.dialog: ExceptionDialog | None = None
        self.reason_dialog: DecisionDialog | None = None
        self.model: RowTableModel[Any] = RowTableModel(CTX, exception_columns(""), formats, self)
        self.table = RowTable(self.model, "exceptionsTable", self)
        self.table.fit_columns({"number": 130, "kind": 130, "cap": 110, "requested": 110, "status": 110,
                                "waiting_for": 130, "expected_cost": 120, "valid_to": 110, "decided_on": 110,
                                "answer": 200})
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())
        self.details = QLabel(self)
        self.details.setObjectName("exceptionDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("exceptionNew")
        self.new_button.clicked.connect(lambda: self.new_request())
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("exceptionSubmitSelected")
        self.submit_button.clicked.connect(self.submit_current)
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setObjectName("exceptionWithdraw")
        self.withdraw_button.clicked.connect(self.withdraw_current)
        self.message = MessageLine(self)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in (self.submit_button, self.withdraw_button, self.new_button):
            bar.addWidget(button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("exceptionsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)

    def show_exceptions(self, rows: list[Any], currency: str) -> None:
        current = self.table.current()
        self.currency = currency
        self.model.columns = tuple(exception_columns(self.currency))
        self.model.set_rows(list(reversed(rows)))
        if current is not None:
            self.table.select_where(lambda r: r.number == current.number)
        self._show_details()

    def select(self, number: str) -> bool:
        return self.table.select_where(lambda r: r.number == number)

    def status_of(self, number: str) -> str | None:
        return next((r.status for r in self.model.rows() if r.number == number), None)

    def _show_details(self) -> None:
        row = self.table.current()
        may = self.desk.may(UseCase.REQUEST_EXCEPTION)
        for button in (self.new_button, self.submit_button, self.withdraw_button):
            button.setVisible(may)
        mine = row is not None and row.requested_by == self.desk.login
        self.submit_button.setEnabled(mine and row.status == "draft")
        self.withdraw_button.setEnabled(mine and row.status in ("draft", "submitted"))
        if row is None:
            self.details.setText(self.tr("Select a request to see its justification, the decisions and their notes."))
            return
        self.details.setText(fill(self.tr("Justification: {text}"), text=row.justification) + "\n\n"
                             + steps_text(row, self.formats))

    def new_request(self, drafts: list[Any] | None = None, grant_id: uuid.UUID | None = None) -> ExceptionDialog:
        self.dialog = ExceptionDialog(self.desk, self.code, self.currency, self.formats, drafts, grant_id, self)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _on_dialog_accepted(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        numbers = ", ".join(r.number for r in dialog.created)
        self.message.ok(fill(self.tr("Saved: {numbers}"), numbers=numbers))
        dialog.deleteLater()
        self.dialog = None
        self.saved.emit()

    def submit_current(self) -> bool:
        return self._act(lambda n: self.desk.submit_exception(n), self.tr("Submitted for approval."))

    def withdraw_current(self) -> DecisionDialog | None:
        """Ask why (the approvers and the record keep the reason) and confirm; withdrawn on OK."""
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a request first."))
            return None
        dialog = DecisionDialog(self.tr("Withdraw"), fill(self.tr("Withdraw {number}? It cannot be submitted again: "
                                                                  "a new request would be needed."), number=row.number),
                                self.tr("Why is it withdrawn? (required)"), self.tr("&Withdraw"), parent=self)
        self.reason_dialog = dialog
        dialog.accepted.connect(lambda: self._act(lambda n: self.desk.withdraw_exception(n, dialog.text()),
                                                  self.tr("Withdrawn."), row.number))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _act(self, action: Any, done: str, number: str | None = None) -> bool:
        self.reason_dialog = None
        row = self.table.current()
        number = number or (row.number if row is not None else None)
        if number is None:
            self.message.error(self.tr("Select a request first."))
            return False
        try:
            action(number)
        except ServiceError as error:
            say_refused(self.message, self.tr("Refused: {reason}"), error)
            return False
        self.message.ok(done)
        self.saved.emit()
        return True

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&New request…"))
        self.new_button.setToolTip("Ctrl+N")
        self.submit_button.setText(self.tr("S&ubmit"))
        self.withdraw_button.setText(self.tr("&Withdraw…"))
        self.table.set_empty_text(self.tr("No policy exception requests for this account yet. When a benefit goes "
                                          "beyond the commercial policy, ask for one here (New request…, Ctrl+N)."))
        self._show_details()
