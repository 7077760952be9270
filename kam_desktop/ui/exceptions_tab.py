"""The exceptions tab: requests with status and approval steps; create (pre-filled from a violation),
submit, withdraw."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.benefit_dialog import value_text
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import message_text, refusal_text
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
        Col("requested_by", QT_TRANSLATE_NOOP("AccountTables", "Requested by"), lambda r, f: r.requested_by),
    ]


def steps_text(row: Any, f: Formats) -> str:
    """The approval route and the decisions taken, in words."""
    route = (QCoreApplication.translate("ExceptionsTab", "sales director") if row.steps_required == 1
             else QCoreApplication.translate("ExceptionsTab", "sales director, then finance"))
    lines = [QCoreApplication.translate("ExceptionsTab", "Route: %1").replace("%1", route)]
    lines += [f"✔ {message_text(d)}" if str(d).endswith("approved") else f"✖ {message_text(d)}" for d in row.decisions]
    if row.waiting_for:
        lines.append(QCoreApplication.translate("ExceptionsTab", "Now waiting for: %1").replace(
            "%1", label(row.waiting_for)))
    return "\n".join(lines)


class ExceptionDialog(QDialog):
    """A new request, pre-filled from policy violations; `submit_after` says which button was pressed."""

    def __init__(self, desk: Desk, code: str, currency: str, formats: Formats, drafts: list[Any] | None = None,
                 grant_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exceptionDialog")
        self.setMinimumWidth(560)
        self.desk, self.code, self.currency, self.formats = desk, code, currency, formats
        self.drafts = list(drafts or [])
        self.grant_id = grant_id
        self.created: list[Any] = []
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(label(kind), kind)
        self.requested = QLineEdit(self)
        self.requested.setObjectName("exceptionRequested")
        self.cap = QLabel(self)
        self.margin = QLineEdit(self)
        self.margin.setObjectName("exceptionMargin")
        self.justification = QPlainTextEdit(self)
        self.justification.setObjectName("exceptionJustification")
        self.justification.setTabChangesFocus(True)
        self.justification.setMinimumHeight(90)
        self.valid_until = QDateEdit(self)
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDate(QDate(desk.today()).addMonths(12).addDays(-1))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.message = MessageLine(self)
        form = QFormLayout()
        self.form_labels = [QLabel(self) for _ in range(6)]
        for widget, field in zip(self.form_labels, (self.kind, self.requested, self.cap, self.margin,
                                                    self.valid_until, self.justification), strict=True):
            form.addRow(widget, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("exceptionSaveDraft")
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("exceptionSubmit")
        self.submit_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.create(submit=False))
        self.submit_button.clicked.connect(lambda: self.create(submit=True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_cap())
        self._retranslate()
        if self.drafts:
            first = self.drafts[0]
            self.kind.setCurrentIndex(self.kind.findData(first.kind))
            self.requested.setText(formats.number(first.requested.normalize()))
        self._show_cap()
        self.justification.setFocus()

    def _show_cap(self) -> None:
        draft = next((d for d in self.drafts if d.kind == self.kind.currentData()), None)
        if draft is not None:
            self.cap.setText(value_text(draft.cap, draft.unit, self.currency, self.formats))
        else:
            self.cap.setText(self.tr("the policy's cap for the account's grade"))

    def _decimal(self, text: str) -> Decimal | None:
        try:
            return Decimal(parse_decimal(text.strip(), locale=self.formats.locale, strict=False))
        except (NumberFormatError, InvalidOperation, ValueError):
            return None

    def create(self, submit: bool) -> bool:
        """Save the request(s) as drafts, then submit them when asked; errors stay in the dialog."""
        requested = self._decimal(self.requested.text())
        if requested is None:
            self.message.error(self.tr("Write the requested value as a number."))
            return False
        margin = self._decimal(self.margin.text()) if self.margin.text().strip() else None
        justification = self.justification.toPlainText().strip()
        if not justification:
            self.message.error(self.tr("Say why: the approver reads the justification first."))
            self.justification.setFocus()
            return False
        wanted = [(str(self.kind.currentData()), requested)]
        wanted += [(d.kind, d.requested) for d in self.drafts if d.kind != self.kind.currentData()]
        try:  # one unit of work: every request (and its link and submission) is saved, or none is
            self.created = self.desk.request_exceptions(
                self.code, wanted, justification, grant_id=self.grant_id, expected_margin=margin,
                valid_until=self.valid_until.date().toPython(), submit=submit)
        except ServiceError as error:
            self.message.error(self.tr("Not saved: %1").replace("%1", refusal_text(error)))
            return False
        self.accept()
        return True

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Policy exception request"))
        for widget, text in zip(self.form_labels, (
                self.tr("Kind:"), self.tr("Requested value:"), self.tr("Policy cap:"),
                self.tr("Expected incremental margin:"), self.tr("Valid until:"), self.tr("Justification:")),
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


class ExceptionsTab(QWidget):
    saved = Signal()

    def __init__(self, desk: Desk, code: str, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code, self.formats = desk, code, formats
        self.currency = ""
        self.dialog: ExceptionDialog | None = None
        self.model: RowTableModel[Any] = RowTableModel(CTX, exception_columns(""), formats, self)
        self.table = RowTable(self.model, "exceptionsTable", self)
        self.table.fit_columns({"number": 130, "kind": 130, "cap": 110, "requested": 110, "status": 110,
                                "waiting_for": 130, "expected_cost": 120, "valid_to": 110})
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())
        self.details = QLabel(self)
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
        self.submit_button.setEnabled(row is not None and row.status == "draft")
        self.withdraw_button.setEnabled(row is not None and row.status in ("draft", "submitted"))
        if row is None:
            self.details.setText(self.tr("Select a request to see its justification and approval steps."))
            return
        self.details.setText(self.tr("Justification: %1").replace("%1", row.justification) + "\n\n"
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
        self.message.ok(self.tr("Saved: %1").replace("%1", numbers))
        dialog.deleteLater()
        self.dialog = None
        self.saved.emit()

    def submit_current(self) -> bool:
        return self._act(lambda n: self.desk.submit_exception(n), self.tr("Submitted for approval."))

    def withdraw_current(self) -> bool:
        return self._act(lambda n: self.desk.withdraw_exception(n), self.tr("Withdrawn."))

    def _act(self, action: Any, done: str) -> bool:
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a request first."))
            return False
        try:
            action(row.number)
        except ServiceError as error:
            self.message.error(self.tr("Refused: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok(done)
        self.saved.emit()
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&New request…"))
        self.new_button.setToolTip("Ctrl+N")
        self.submit_button.setText(self.tr("S&ubmit"))
        self.withdraw_button.setText(self.tr("&Withdraw"))
        self._show_details()
