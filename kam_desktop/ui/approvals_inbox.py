"""The approvals inbox of the sales director and finance: what waits and for how long, money comparable in the
base currency; approve or reject one or several with one note (a rejection says why); open the account."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.ui.benefit_dialog import value_text
from kam_desktop.ui.decision_dialog import DecisionDialog
from kam_desktop.ui.exceptions_tab import steps_text
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import ROW_ROLE, Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable, heading
from kam_desktop.ui.workers import Task, run_task

log = logging.getLogger(__name__)
CTX = "ApprovalsInbox"


class InboxTexts(QObject):
    """Plural words of the inbox; a QObject because lupdate reads plurals only from `self.tr(text, "", n)`."""

    def days(self, count: int) -> str:
        return self.tr("%n day(s)", "", count)

    def requests(self, count: int) -> str:
        return self.tr("%n request(s) selected", "", count)


_TEXTS = InboxTexts()


def _texts() -> InboxTexts:
    return _TEXTS


def _base_tip(r: Any, amount: Decimal | None, base: Decimal | None, f: Formats) -> str | None:
    """The amount in the base currency, when it differs from the account's, for comparing across accounts."""
    if amount is None or base is None or r.currency == r.base_currency:
        return None
    return fill(QCoreApplication.translate("ApprovalsInbox", "≈ {amount} in the base currency"),
                amount=f.money(base, r.base_currency))


def inbox_columns() -> list[Col[Any]]:
    def money(get: Any, base: Any) -> dict[str, Any]:
        return {"text": lambda r, f: "" if get(r) is None else f.money(get(r), r.currency),
                "sort": lambda r: base(r), "numeric": True,
                "tip": lambda r, f: _base_tip(r, get(r), base(r), f)}

    return [
        Col("number", QT_TRANSLATE_NOOP("ApprovalsInbox", "Number"), lambda r, f: r.request.number),
        Col("account", QT_TRANSLATE_NOOP("ApprovalsInbox", "Account"), lambda r, f: r.account_name,
            tip=lambda r, f: r.request.account),
        Col("kind", QT_TRANSLATE_NOOP("ApprovalsInbox", "Kind"), lambda r, f: label(r.request.kind)),
        Col("age", QT_TRANSLATE_NOOP("ApprovalsInbox", "Waiting"), lambda r, f: _texts().days(r.age_days),
            sort=lambda r: r.age_days, numeric=True, color=lambda r: "#b3261e" if r.age_days > 7 else None),
        Col("cap", QT_TRANSLATE_NOOP("ApprovalsInbox", "Policy"),
            lambda r, f: "" if r.request.cap is None else value_text(r.request.cap, r.request.unit, r.currency, f),
            sort=lambda r: r.request.cap, numeric=True),
        Col("requested", QT_TRANSLATE_NOOP("ApprovalsInbox", "Requested"),
            lambda r, f: value_text(r.request.requested, r.request.unit, r.currency, f),
            sort=lambda r: r.requested_base if r.request.unit == "money" else r.request.requested, numeric=True,
            color=lambda r: "#b3261e",
            tip=lambda r, f: _base_tip(r, r.request.requested, r.requested_base, f)),
        Col("expected_cost", QT_TRANSLATE_NOOP("ApprovalsInbox", "Expected cost"),
            **money(lambda r: r.request.expected_cost, lambda r: r.expected_cost_base)),
        Col("expected_margin", QT_TRANSLATE_NOOP("ApprovalsInbox", "Incremental margin"),
            **money(lambda r: r.request.expected_margin, lambda r: r.expected_margin_base)),
        Col("margin", QT_TRANSLATE_NOOP("ApprovalsInbox", "Account margin 12 m"),
            **money(lambda r: r.margin_12m, lambda r: r.margin_12m_base)),
        Col("budget_use", QT_TRANSLATE_NOOP("ApprovalsInbox", "Budget used"),
            lambda r, f: "—" if r.budget_use is None else f.percent(r.budget_use * 100),
            sort=lambda r: r.budget_use, numeric=True,
            color=lambda r: "#b3261e" if r.budget_use is not None and r.budget_use > 1 else None),
        Col("requested_by", QT_TRANSLATE_NOOP("ApprovalsInbox", "Requested by"), lambda r, f: r.request.requested_by),
    ]


class ApprovalsInbox(Retranslating, QWidget):
    """Reads the inbox off the GUI thread; `loaded` after each read, `decided` after each decision taken,
    `account_opened(code)` on a double click or Open account."""

    loaded = Signal(int)
    decided = Signal(str)
    account_opened = Signal(str)

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsInbox")
        self.desk, self.formats = desk, formats
        self._task: Task | None = None
        self.dialog: DecisionDialog | None = None
        self.title = heading("", self, 1.35)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.model: RowTableModel[Any] = RowTableModel(CTX, inbox_columns(), formats, self)
        self.table = RowTable(self.model, "inboxTable", self)
        self.table.allow_many()
        self.table.fit_columns({"number": 125, "account": 220, "kind": 120, "age": 80, "cap": 100, "requested": 100,
                                "expected_cost": 120, "expected_margin": 140, "margin": 140, "budget_use": 100})
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_details())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_details())
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.details = QLabel(self)
        self.details.setObjectName("inboxDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("inboxOpenAccount")
        self.open_button.clicked.connect(self.open_current_account)
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("inboxApprove")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("inboxReject")
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.selection_label = QLabel(self)
        self.message = MessageLine(self)
        self.message.setObjectName("inboxMessage")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.who, 1)
        decide = QHBoxLayout()
        decide.addWidget(self.selection_label, 1)
        decide.addWidget(self.open_button)
        decide.addSpacing(12)
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
        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.reject_button)
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

    # -- reading -----------------------------------------------------------------------------------------
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
        self.message.error(fill(self.tr("The inbox could not be read: {reason}"), reason=refusal_text(error)))
        self.loaded.emit(-1)

    def select(self, *numbers: str) -> bool:
        """Select the requests with these numbers (the first found becomes current); False if one is missing."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        found = 0
        for row in range(self.table.proxy.rowCount()):
            index = self.table.proxy.index(row, 0)
            if index.data(ROW_ROLE).request.number in numbers:
                if found == 0:
                    selection.setCurrentIndex(index, flags)
                else:
                    selection.select(index, flags)
                found += 1
        return found == len(set(numbers)) and found > 0

    def _show_details(self) -> None:
        rows = self.table.selected()
        may = self.desk.may(UseCase.DECIDE_EXCEPTION)
        for button in (self.approve_button, self.reject_button):
            button.setVisible(may)
            button.setEnabled(bool(rows))
        self.open_button.setEnabled(len(rows) == 1)
        self.selection_label.setText(_texts().requests(len(rows)) if len(rows) > 1 else "")
        if not rows:
            empty = self.model.rowCount() == 0
            self.details.setText(self.tr("Nothing waits for your decision.") if empty
                                 else self.tr("Select a request to decide it (Ctrl+click or Shift+click selects "
                                              "several, to decide them with one note)."))
            return
        if len(rows) > 1:
            self.details.setText("\n".join(fill(self.tr("{number} · {account} · {kind} · {requested}"),
                                                number=r.request.number, account=r.account_name,
                                                kind=label(r.request.kind),
                                                requested=value_text(r.request.requested, r.request.unit,
                                                                     r.currency, self.formats)) for r in rows))
            return
        row = rows[0]
        r = row.request
        self.details.setText(
            fill(self.tr("{number} · {account} ({code})"), number=r.number, account=row.account_name, code=r.account)
            + "\n" + fill(self.tr("Justification: {text}"), text=r.justification) + "\n\n"
            + steps_text(r, self.formats))

    # -- acting ------------------------------------------------------------------------------------------
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.account_opened.emit(row.request.account)

    def open_current_account(self) -> None:
        row = self.table.current()
        if row is not None:
            self.account_opened.emit(row.request.account)

    def decide(self, approve: bool) -> DecisionDialog | None:
        """Ask for the note (a rejection must say why) and confirm; the selected requests are decided on OK."""
        rows = self.table.selected()
        if not rows:
            return None
        numbers = ", ".join(r.request.number for r in rows)
        if approve:
            summary = fill(self.tr("Approve {numbers}? The requester sees your note."), numbers=numbers)
            dialog = DecisionDialog(self.tr("Approve"), summary, self.tr("Note (optional): under which condition"),
                                    self.tr("&Approve"), required=False, parent=self)
        else:
            summary = fill(self.tr("Reject {numbers}? The requester sees the reason in the account's Exceptions "
                                   "tab."), numbers=numbers)
            dialog = DecisionDialog(self.tr("Reject"), summary, self.tr("Why is it rejected? (required)"),
                                    self.tr("&Reject"), parent=self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.decide_now(rows, approve, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def decide_now(self, rows: list[Any], approve: bool, note: str) -> bool:
        """Decide each request with the note; the decided ones and each refusal with its reason are said."""
        self.dialog = None
        outcomes = self.desk.decide_exceptions([(r.request.number, r.request.version) for r in rows], approve, note)
        failed = any(not o.ok for o in outcomes)
        text = "\n".join(self._outcome_lines(outcomes, approve))
        if failed:
            self.message.error(text)
        else:
            self.message.ok(text)
        for outcome in outcomes:
            if outcome.ok:
                self.decided.emit(outcome.number)
        self.reload()
        return not failed

    def _outcome_lines(self, outcomes: list[Any], approve: bool) -> list[str]:
        """Decided for good, approved at this step and waiting for the next role, refused with its reason."""
        final = [o.number for o in outcomes if _waiting_for(o) is None and o.row is not None]
        lines = [fill(self.tr("{numbers} approved.") if approve else self.tr("{numbers} rejected."),
                      numbers=", ".join(final))] if final else []
        lines += [fill(self.tr("{number} approved at your step; it now waits for {role}."), number=o.number,
                       role=label(_waiting_for(o))) for o in outcomes if _waiting_for(o)]
        lines += [fill(self.tr("{number} not decided: {reason}"), number=o.number, reason=refusal_text(o.error))
                  for o in outcomes if o.error is not None]
        return lines

    # -- language ------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Approvals"))
        text = fill(self.tr("Deciding as {login} ({role})"), login=self.desk.login, role=label(self.desk.role))
        if not self.desk.may(UseCase.DECIDE_EXCEPTION):
            text += " — " + self.tr("only the sales director and finance decide exceptions")
        self.who.setText(text)
        self.open_button.setText(self.tr("&Open account"))
        self.approve_button.setText(self.tr("&Approve…"))
        self.reject_button.setText(self.tr("&Reject…"))
        self.table.set_empty_text(self.tr("Nothing waits for your decision. Requests the KAMs submit for your role "
                                          "appear here (F5 reads again)."))
        self._show_details()


def _waiting_for(outcome: Any) -> str | None:
    """The role a decided request waits for next (None when decided for good, or not decided)."""
    return outcome.row.waiting_for if outcome.row is not None else None
