"""Settlement: pay cashback out (rebate note, next-invoice discount, MDF budget), the adjustments inbox (a KAM
proposes, a second person approves, finance books) and MDF claims (approve, pay). Each action is one use case;
what the actor may not do is not offered, and a refusal is shown in words."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.finance_models import (
    adjustment_columns,
    claim_columns,
    finance_label,
    money_text,
    payout_columns,
)
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable, heading

log = logging.getLogger(__name__)
CTX = "Finance"


class _Pane(QWidget):
    """A table with its actions and a message line; `reload` reads the rows again."""

    changed = Signal(str)

    def __init__(self, desk: Desk, formats: Formats, columns: list[Any], name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.desk, self.formats = desk, formats
        self.model: RowTableModel[Any] = RowTableModel(CTX, columns, formats, self)
        self.table = RowTable(self.model, name, self)
        self.message = MessageLine(self)

    def act(self, work: Callable[[], Any], done: Callable[[Any], str]) -> bool:
        """Run one use case; its outcome (or refusal) in words, then read the rows again."""
        try:
            result = work()
        except ServiceError as error:
            # (the subclasses' own context differs at run time: the one shared text is named in its context)
            self.message.error(QCoreApplication.translate(CTX, "Refused: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok(done(result))
        self.reload()
        self.changed.emit(done(result))
        return True

    def reload(self) -> None:
        try:
            self.model.set_rows(self.rows())
        except ServiceError as error:
            self.message.error(refusal_text(error))

    def rows(self) -> list[Any]:
        raise NotImplementedError


class PayoutsPane(_Pane):
    """Payouts, newest first, and the form that pays an account's cashback out (finance)."""

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget) -> None:
        super().__init__(desk, formats, payout_columns(), "settlementPayouts", parent)
        self.account = QLineEdit(self)
        self.account.setObjectName("payoutAccount")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("payoutAmount")
        self.benefit = QComboBox(self)
        self.benefit.setObjectName("payoutBenefit")
        for code in ("cashback", "rebate", "volume_discount", "mdf", "service"):
            self.benefit.addItem(code, code)
        self.period = QLineEdit(desk.last_finished_quarter(), self)
        self.period.setObjectName("payoutPeriod")
        self.pay_button = QPushButton(self)
        self.pay_button.setObjectName("payoutPay")
        self.pay_button.clicked.connect(self.pay)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        for text_label, field in zip(self.labels, (self.account, self.amount, self.benefit, self.period), strict=True):
            self.form.addRow(text_label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.pay_button)
        layout.addWidget(self.message)
        self.last_pdf: bytes | None = None

    def rows(self) -> list[Any]:
        return self.desk.payouts()

    def pay(self) -> bool:
        """Pay out by the method the program sets for the benefit; a rebate note is issued with its PDF."""
        def work() -> Any:
            result = self.desk.pay_out(self.account.text().strip(), self.amount.text().strip(),
                                       benefit=self.benefit.currentData(), period=self.period.text().strip() or None)
            self.last_pdf = result.pdf
            return result.row

        return self.act(work, lambda row: self.tr("%1 booked: %2 to %3 (%4).").replace("%1", row.number)
                        .replace("%2", money_text(row.gross, self.formats)).replace("%3", row.account)
                        .replace("%4", finance_label(row.method)))

    def retranslate(self) -> None:
        for text_label, text in zip(self.labels, (self.tr("Account:"), self.tr("Amount (account's currency):"),
                                                  self.tr("Benefit:"), self.tr("Period:")), strict=True):
            text_label.setText(text)
        self.pay_button.setText(self.tr("&Pay out"))
        self.pay_button.setVisible(self.desk.may(UseCase.PAY_OUT))
        for i in range(self.benefit.count()):
            self.benefit.setItemText(i, finance_label(self.benefit.itemData(i)))


class AdjustmentsPane(_Pane):
    """What waits for the actor (to approve or to book), the proposal form, and the decisions."""

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget) -> None:
        super().__init__(desk, formats, adjustment_columns(), "settlementAdjustments", parent)
        self.show_all = False
        self.note = QLineEdit(self)
        self.note.setObjectName("adjustmentNote")
        self.approve_button, self.reject_button, self.book_button, self.all_button = (QPushButton(self) for _ in range(4))
        for button, name in ((self.approve_button, "adjustmentApprove"), (self.reject_button, "adjustmentReject"),
                             (self.book_button, "adjustmentBook"), (self.all_button, "adjustmentAll")):
            button.setObjectName(name)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.book_button.clicked.connect(self.book)
        self.all_button.setCheckable(True)
        self.all_button.toggled.connect(self._on_all_toggled)
        self.account, self.unit, self.amount, self.reason = QLineEdit(self), QComboBox(self), QLineEdit(self), \
            QLineEdit(self)
        for widget, name in ((self.account, "adjustmentAccount"), (self.unit, "adjustmentUnit"),
                             (self.amount, "adjustmentAmount"), (self.reason, "adjustmentReason")):
            widget.setObjectName(name)
        self.unit.addItem("cashback", "cashback")
        self.unit.addItem("points", "points")
        self.propose_button = QPushButton(self)
        self.propose_button.setObjectName("adjustmentPropose")
        self.propose_button.clicked.connect(self.propose)
        decide = QHBoxLayout()
        self.note_label = QLabel(self)
        decide.addWidget(self.note_label)
        decide.addWidget(self.note, 1)
        for button in (self.reject_button, self.approve_button, self.book_button, self.all_button):
            decide.addWidget(button)
        self.labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for text_label, field in zip(self.labels, (self.account, self.unit, self.amount, self.reason), strict=True):
            form.addRow(text_label, field)
        self.form_title = heading("", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(decide)
        layout.addWidget(self.form_title)
        layout.addLayout(form)
        layout.addWidget(self.propose_button)
        layout.addWidget(self.message)

    def rows(self) -> list[Any]:
        return self.desk.adjustments() if self.show_all else self.desk.adjustments_inbox()

    def _on_all_toggled(self, checked: bool) -> None:
        self.show_all = checked
        self.reload()

    def propose(self) -> bool:
        return self.act(lambda: self.desk.propose_adjustment(self.account.text().strip(), self.unit.currentData(),
                                                             self.amount.text().strip(), self.reason.text().strip()),
                        lambda row: self.tr("%1 proposed.").replace("%1", row.number)
                        + (" " + self.tr("Above the limit: a second person approves it first.")
                           if row.needs_approval else ""))

    def decide(self, approve: bool) -> bool:
        row = self.table.current()
        if row is None:
            return False
        note = self.note.text().strip()
        if approve:
            return self.act(lambda: self.desk.approve_adjustment(row.number, note, row.version),
                            lambda done: self.tr("%1 approved.").replace("%1", done.number))
        return self.act(lambda: self.desk.reject_adjustment(row.number, note, row.version),
                        lambda done: self.tr("%1 rejected.").replace("%1", done.number))

    def book(self) -> bool:
        row = self.table.current()
        if row is None:
            return False
        return self.act(lambda: self.desk.book_adjustment(row.number, row.version),
                        lambda done: self.tr("%1 booked in the ledger.").replace("%1", done.number))

    def retranslate(self) -> None:
        self.note_label.setText(self.tr("Note:"))
        self.approve_button.setText(self.tr("&Approve"))
        self.reject_button.setText(self.tr("&Reject"))
        self.book_button.setText(self.tr("&Book"))
        self.all_button.setText(self.tr("Show &all"))
        self.form_title.setText(self.tr("Propose an adjustment"))
        for text_label, text in zip(self.labels, (self.tr("Account:"), self.tr("Unit:"),
                                                  self.tr("Amount (signed):"), self.tr("Reason:")), strict=True):
            text_label.setText(text)
        self.propose_button.setText(self.tr("P&ropose"))
        for i in range(self.unit.count()):
            self.unit.setItemText(i, label(self.unit.itemData(i)))
        may = self.desk.may
        self.approve_button.setVisible(may(UseCase.DECIDE_ADJUSTMENT))
        self.reject_button.setVisible(may(UseCase.DECIDE_ADJUSTMENT))
        self.book_button.setVisible(may(UseCase.BOOK_ADJUSTMENT))
        self.propose_button.setVisible(may(UseCase.PROPOSE_ADJUSTMENT))


class ClaimsPane(_Pane):
    """MDF claims: approve or reject (a director or finance, not the submitter), pay with a reference (finance)."""

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget) -> None:
        super().__init__(desk, formats, claim_columns(), "settlementClaims", parent)
        self.note = QLineEdit(self)
        self.note.setObjectName("claimNote")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("claimPaymentRef")
        self.approve_button, self.reject_button, self.pay_button = (QPushButton(self) for _ in range(3))
        for button, name in ((self.approve_button, "claimApprove"), (self.reject_button, "claimReject"),
                             (self.pay_button, "claimPay")):
            button.setObjectName(name)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.pay_button.clicked.connect(self.pay)
        self.note_label, self.reference_label = QLabel(self), QLabel(self)
        row = QHBoxLayout()
        for widget in (self.note_label, self.note, self.reject_button, self.approve_button, self.reference_label,
                       self.reference, self.pay_button):
            row.addWidget(widget, 1 if widget in (self.note, self.reference) else 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def rows(self) -> list[Any]:
        return self.desk.mdf_claims()

    def decide(self, approve: bool) -> bool:
        row = self.table.current()
        if row is None:
            return False
        return self.act(lambda: self.desk.mdf_decide(row.number, approve, self.note.text().strip(), row.version),
                        lambda done: (self.tr("%1 approved.") if approve else self.tr("%1 rejected."))
                        .replace("%1", done.number))

    def pay(self) -> bool:
        row = self.table.current()
        if row is None:
            return False
        return self.act(lambda: self.desk.mdf_pay(row.number, self.reference.text().strip()),
                        lambda done: self.tr("%1 paid: %2.").replace("%1", done.number)
                        .replace("%2", money_text(done.amount, self.formats)))

    def retranslate(self) -> None:
        self.note_label.setText(self.tr("Note:"))
        self.reference_label.setText(self.tr("Transfer reference:"))
        self.approve_button.setText(self.tr("&Approve"))
        self.reject_button.setText(self.tr("&Reject"))
        self.pay_button.setText(self.tr("&Pay"))
        self.approve_button.setVisible(self.desk.may(UseCase.DECIDE_MDF))
        self.reject_button.setVisible(self.desk.may(UseCase.DECIDE_MDF))
        self.pay_button.setVisible(self.desk.may(UseCase.PAY_MDF))


class FinanceSettlement(QWidget):
    """Payouts, adjustments and MDF claims in three tabs; `changed` after any booking or decision."""

    changed = Signal(str)

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financeSettlement")
        self.desk = desk
        self.title = heading("", self, 1.35)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settlementTabs")
        self.payouts = PayoutsPane(desk, formats, self)
        self.adjustments = AdjustmentsPane(desk, formats, self)
        self.claims = ClaimsPane(desk, formats, self)
        for pane in self.panes:
            self.tabs.addTab(pane, "")
            pane.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    @property
    def panes(self) -> tuple[_Pane, ...]:
        return self.payouts, self.adjustments, self.claims

    def reload(self) -> None:
        for pane in self.panes:
            pane.reload()

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        for pane in self.panes:
            pane.desk = desk
        self.retranslate()
        self.reload()

    def set_formats(self, formats: Formats) -> None:
        for pane in self.panes:
            pane.formats = formats
            pane.model.set_formats(formats)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settlement"))
        for index, text in enumerate((self.tr("Payouts"), self.tr("Adjustments"), self.tr("MDF claims"))):
            self.tabs.setTabText(index, text)
        for pane in self.panes:
            pane.retranslate()  # type: ignore[attr-defined]
            pane.model.retranslate()
