"""The benefits tab: what was granted, open, used, ended; cost against the budget; add, edit, record usage,
cancel, activate — and, for a benefit not active yet, exactly why (the exception that stands in its way)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.benefit_dialog import BenefitDialog, UsageDialog, value_text
from kam_desktop.ui.decision_dialog import DecisionDialog
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text, say_refused
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable

CTX = "AccountTables"
GROUPS = {
    "all": None,
    "open": ("proposed", "pending_approval", "active"),
    "used": ("used",),
    "ended": ("expired", "cancelled"),
}
STATUS_COLORS = {"active": "#1e7d34", "pending_approval": "#b45309", "expired": "#8a94a6", "cancelled": "#8a94a6"}
EDITABLE, CANCELLABLE, USABLE = ("proposed", "pending_approval"), ("proposed", "pending_approval", "active"), ("active",)


def benefit_columns(language: str) -> list[Col[Any]]:
    def money(attr: str) -> Any:
        return lambda r, f: f.money(getattr(r, attr), r.currency, cents=True)

    def exception(r: Any, _f: Formats) -> str:
        return f"{r.exception} · {label(r.exception_status)}" if r.exception else ""

    return [
        Col("name", QT_TRANSLATE_NOOP("AccountTables", "Benefit"), lambda r, f: r.names.get(language, r.names["en"])),
        Col("value", QT_TRANSLATE_NOOP("AccountTables", "Value"),
            lambda r, f: "" if r.value is None else value_text(r.value, r.unit, r.currency, f),
            sort=lambda r: r.value, numeric=True),
        Col("status", QT_TRANSLATE_NOOP("AccountTables", "Status"), lambda r, f: label(r.status),
            color=lambda r: STATUS_COLORS.get(r.status)),
        Col("valid_from", QT_TRANSLATE_NOOP("AccountTables", "From"), lambda r, f: f.date(r.valid_from),
            sort=lambda r: r.valid_from),
        Col("valid_to", QT_TRANSLATE_NOOP("AccountTables", "To"),
            lambda r, f: f.date(r.valid_to) if r.valid_to else "", sort=lambda r: r.valid_to),
        Col("cost", QT_TRANSLATE_NOOP("AccountTables", "Cost"), money("cost"), sort=lambda r: r.cost, numeric=True),
        Col("used", QT_TRANSLATE_NOOP("AccountTables", "Used"), money("used"), sort=lambda r: r.used, numeric=True),
        Col("exception", QT_TRANSLATE_NOOP("AccountTables", "Exception"), exception),
    ]


class BenefitsTab(Retranslating, QWidget):
    saved = Signal()
    exception_requested = Signal(object, object)  # drafts (list), grant id

    def __init__(self, desk: Desk, code: str, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code, self.formats = desk, code, formats
        self._benefits: Any = None
        self.dialog: Any = None  # the add/edit, usage or cancel dialog open
        self.budget_label = QLabel(self)
        self.budget_label.setWordWrap(True)
        self.budget_bar = QProgressBar(self)
        self.budget_bar.setRange(0, 1000)
        self.budget_bar.setTextVisible(False)
        self.budget_bar.setMaximumHeight(10)
        self.group = QComboBox(self)
        self.group.setObjectName("benefitGroup")
        self.group.currentIndexChanged.connect(lambda _i: self._fill_rows())
        self.buttons: dict[str, QPushButton] = {}
        for key, slot in (("activate", self.activate_current), ("cancel", self.cancel_current),
                          ("use", self.use_current), ("edit", self.edit_current), ("add", self.open_add_dialog)):
            button = QPushButton(self)
            button.setObjectName(f"benefit{key.title()}Button")
            button.clicked.connect(slot)
            self.buttons[key] = button
        self.add_button, self.activate_button = self.buttons["add"], self.buttons["activate"]
        self.message = MessageLine(self)
        self.model: RowTableModel[Any] = RowTableModel(CTX, benefit_columns(formats.language), formats, self)
        self.table = RowTable(self.model, "benefitsTable", self)
        self.table.fit_columns({"name": 240, "value": 110, "status": 160, "valid_from": 110, "valid_to": 110,
                                "cost": 120, "used": 110})
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_status())
        self.why = QLabel(self)
        self.why.setObjectName("benefitWhy")
        self.why.setWordWrap(True)
        self.why.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        self.group_label = QLabel(self)
        self.group_label.setBuddy(self.group)
        bar.addWidget(self.group_label)
        bar.addWidget(self.group)
        bar.addStretch(1)
        for button in self.buttons.values():
            bar.addWidget(button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("benefitsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.why)
        self.splitter.setSizes([420, 110])
        layout = QVBoxLayout(self)
        layout.addWidget(self.budget_label)
        layout.addWidget(self.budget_bar)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.columns = tuple(benefit_columns(formats.language))
        self.model.set_formats(formats)

    def show_benefits(self, benefits: Any) -> None:
        current = self.table.current()
        self._benefits = benefits
        self._fill_rows()
        self._fill_budget()
        if current is not None:
            self.table.select_where(lambda b: b.id == current.id)
        self._show_status()

    def status_of(self, grant_id: object) -> str | None:
        lines = self._benefits.lines if self._benefits else []
        return next((b.status for b in lines if b.id == grant_id), None)

    def select(self, grant_id: object) -> bool:
        return self.table.select_where(lambda b: b.id == grant_id)

    def _fill_rows(self) -> None:
        if self._benefits is None:
            return
        wanted = GROUPS.get(str(self.group.currentData()))
        self.model.set_rows([b for b in self._benefits.lines if wanted is None or b.status in wanted])
        self._show_status()

    def _fill_budget(self) -> None:
        if self._benefits is None:
            return
        b, f = self._benefits.budget, self.formats
        use = b.use
        self.budget_label.setText(fill(self.tr(
            "Cost vs budget: {committed} committed of {budget} ({share} of the 12-month gross margin {margin} for "
            "{grade}) · {use} used"), committed=f.money(b.committed, b.currency), budget=f.money(b.budget, b.currency),
            share=f.percent(b.budget_pct), margin=f.money(b.margin_12m, b.currency), grade=b.grade,
            use="—" if use is None else f.percent(use * 100)))
        self.budget_bar.setValue(int(min(float(use or 0), 1.0) * 1000))
        over = use is not None and use > 1
        self.budget_bar.setStyleSheet("QProgressBar::chunk { background: %s }" % ("#b3261e" if over else "#3b7dd8"))

    # -- what the selected benefit can do, and why it is not active --------------------------------------
    def _show_status(self) -> None:
        row = self.table.current()
        may = self.desk.may(UseCase.GRANT_BENEFIT)
        for button in self.buttons.values():
            button.setVisible(may)
        status = row.status if row is not None else None
        self.buttons["edit"].setEnabled(status in EDITABLE)
        self.buttons["cancel"].setEnabled(status in CANCELLABLE)
        self.buttons["use"].setEnabled(status in USABLE)
        self.buttons["activate"].setEnabled(status in EDITABLE)
        self.why.setText(self.why_text(row) if row is not None else "")

    def why_text(self, row: Any) -> str:
        """Why the benefit is (not) active, in words: each cap it exceeds and the request that stands for it."""
        if row.status == "active":
            return self.tr("Active: the client may use it (Record usage…).")
        if row.status not in EDITABLE:
            return ""
        try:
            blockers = self.desk.benefit_blockers(row.id)
        except ServiceError as error:
            return refusal_text(error)
        if not blockers:
            return (self.tr("Within the commercial policy: it becomes active when the client signs the annex that "
                            "lists it, or now with Activate.") if row.status == "proposed"
                    else self.tr("Every cap it exceeds is covered by an approved exception: Activate makes it active."))
        lines = [self.tr("Not active yet:")] + ["• " + self._blocker_text(b, row.currency) for b in blockers]
        return "\n".join(lines)

    def _blocker_text(self, b: Any, currency: str) -> str:
        f = self.formats
        if b.reason == "status":
            return fill(self.tr("it is {status}: only a proposed or pending benefit becomes active"),
                        status=label(b.status))
        if b.reason == "linked":
            text = fill(self.tr("its exception {number} is {status}"), number=b.number, status=label(b.request_status))
            return text + (fill(self.tr(": “{note}”"), note=b.note) if b.note else "")

        def shown(value: Any) -> str:
            return value_text(value, b.unit, currency, f)

        text = fill(self.tr("{kind}: {requested} is beyond the cap {cap}"), kind=label(b.kind),
                    requested=shown(b.requested), cap=shown(b.cap))
        if b.number is None:
            return text + "; " + self.tr("no exception requested yet: ask for one in the Exceptions tab")
        if b.request_status == "rejected":
            return text + "; " + fill(self.tr("{number} was rejected"), number=b.number) + (
                fill(self.tr(": “{note}”"), note=b.note) if b.note else "")
        if b.request_status == "submitted":
            return text + "; " + fill(self.tr("{number} waits for {role}"), number=b.number,
                                      role=label(b.waiting_for))
        if b.allows is not None:
            return text + "; " + fill(self.tr("{number} allows only {allows}"), number=b.number, allows=shown(b.allows))
        return text + "; " + fill(self.tr("{number} is {status}"), number=b.number, status=label(b.request_status))

    # -- actions ---------------------------------------------------------------------------------------------
    def _currency(self) -> str:
        return str(self._benefits.budget.currency) if self._benefits else ""

    def open_add_dialog(self) -> BenefitDialog:
        return self._open_benefit_dialog(None)

    def edit_current(self) -> BenefitDialog | None:
        row = self.table.current()
        if row is None or row.status not in EDITABLE:
            self.message.error(self.tr("Select a proposed or pending benefit to edit it."))
            return None
        return self._open_benefit_dialog(row)

    def _open_benefit_dialog(self, line: Any) -> BenefitDialog:
        dialog = BenefitDialog(self.desk, self.code, self._currency(), self.formats, self, line)
        self.dialog = dialog
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.open()
        return dialog

    def _on_dialog_accepted(self) -> None:
        dialog = self.dialog
        if not isinstance(dialog, BenefitDialog) or dialog.outcome is None:
            return
        outcome, edited = dialog.outcome, dialog.line is not None
        dialog.deleteLater()
        self.dialog = None
        self.saved.emit()
        if outcome.drafts:
            self.message.ok(self.tr("Saved; it waits for an approved exception. Prepare the request below."))
            self.exception_requested.emit(list(outcome.drafts), outcome.grant_id)
        else:
            self.message.ok(self.tr("Saved within the policy.") if edited else self.tr("Added within the policy."))

    def use_current(self) -> UsageDialog | None:
        row = self.table.current()
        if row is None or row.status not in USABLE:
            self.message.error(self.tr("Select an active benefit to record what the client used."))
            return None
        dialog = UsageDialog(self.desk, row, self.formats, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._on_usage_accepted(dialog))
        dialog.open()
        return dialog

    def _on_usage_accepted(self, dialog: UsageDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        if dialog.recorded is not None:
            used, status = dialog.recorded
            self.message.ok(fill(self.tr("Recorded: {used} used so far ({status})."),
                                 used=self.formats.money(used, dialog.line.currency, cents=True), status=label(status)))
            self.saved.emit()

    def cancel_current(self) -> DecisionDialog | None:
        row = self.table.current()
        if row is None or row.status not in CANCELLABLE:
            self.message.error(self.tr("Select a proposed, pending or active benefit to cancel it."))
            return None
        name = row.names.get(self.formats.language, row.names["en"])
        dialog = DecisionDialog(self.tr("Cancel a benefit"),
                                fill(self.tr("Cancel {benefit} of {code}? It cannot be undone: grant it again to "
                                             "restore it."), benefit=name, code=self.code),
                                self.tr("Why is it cancelled? (required)"), self.tr("Cancel the &benefit"), parent=self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._cancel(row, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _cancel(self, row: Any, reason: str) -> bool:
        self.dialog = None
        try:
            self.desk.cancel_benefit(row.id, reason)
        except ServiceError as error:
            say_refused(self.message, self.tr("Not cancelled: {reason}"), error)
            return False
        self.message.ok(self.tr("Cancelled."))
        self.saved.emit()
        return True

    def activate_current(self) -> bool:
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a benefit first."))
            return False
        try:
            self.desk.activate_benefit(row.id)
        except ServiceError as error:
            say_refused(self.message, self.tr("Not activated: {reason}"), error)
            return False
        self.message.ok(self.tr("Active."))
        self.saved.emit()
        return True

    def retranslate(self) -> None:
        self.group_label.setText(self.tr("&Show:"))
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for key, text in (("all", self.tr("all benefits")), ("open", self.tr("open (proposed, waiting, active)")),
                          ("used", self.tr("used")), ("ended", self.tr("expired or cancelled"))):
            self.group.addItem(text, key)
        self.group.setCurrentIndex(max(0, self.group.findData(current)))
        self.group.blockSignals(False)
        texts = {"add": self.tr("&Add benefit…"), "edit": self.tr("&Edit…"), "use": self.tr("Record &usage…"),
                 "cancel": self.tr("&Cancel benefit…"), "activate": self.tr("Ac&tivate")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.table.set_empty_text(self.tr("No benefits yet. Add one from the catalog (Add benefit…): the commercial "
                                          "policy is checked as you type."))
        self._fill_budget()
        if self._benefits is not None:
            self._show_status()
