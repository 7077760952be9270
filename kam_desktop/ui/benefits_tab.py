"""The benefits tab: what was granted, open, used, expired; cost against the budget; add and activate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.benefit_dialog import BenefitDialog, value_text
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text
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


class BenefitsTab(QWidget):
    saved = Signal()
    exception_requested = Signal(object, object)  # drafts (list), grant id

    def __init__(self, desk: Desk, code: str, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code, self.formats = desk, code, formats
        self._benefits: Any = None
        self.dialog: BenefitDialog | None = None
        self.budget_label = QLabel(self)
        self.budget_bar = QProgressBar(self)
        self.budget_bar.setRange(0, 1000)
        self.budget_bar.setTextVisible(False)
        self.budget_bar.setMaximumHeight(10)
        self.group = QComboBox(self)
        self.group.setObjectName("benefitGroup")
        self.group.currentIndexChanged.connect(lambda _i: self._fill_rows())
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("benefitAddButton")
        self.add_button.clicked.connect(self.open_add_dialog)
        self.activate_button = QPushButton(self)
        self.activate_button.setObjectName("benefitActivate")
        self.activate_button.clicked.connect(self.activate_current)
        self.message = MessageLine(self)
        self.model: RowTableModel[Any] = RowTableModel(CTX, benefit_columns(formats.language), formats, self)
        self.table = RowTable(self.model, "benefitsTable", self)
        self.table.fit_columns({"name": 240, "value": 110, "status": 160, "valid_from": 110, "valid_to": 110,
                                "cost": 120, "used": 110})
        bar = QHBoxLayout()
        self.group_label = QLabel(self)
        bar.addWidget(self.group_label)
        bar.addWidget(self.group)
        bar.addStretch(1)
        bar.addWidget(self.activate_button)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.budget_label)
        layout.addWidget(self.budget_bar)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.columns = tuple(benefit_columns(formats.language))
        self.model.set_formats(formats)

    def show_benefits(self, benefits: Any) -> None:
        self._benefits = benefits
        self._fill_rows()
        self._fill_budget()

    def status_of(self, grant_id: object) -> str | None:
        lines = self._benefits.lines if self._benefits else []
        return next((b.status for b in lines if b.id == grant_id), None)

    def _fill_rows(self) -> None:
        if self._benefits is None:
            return
        wanted = GROUPS.get(str(self.group.currentData()))
        self.model.set_rows([b for b in self._benefits.lines if wanted is None or b.status in wanted])

    def _fill_budget(self) -> None:
        if self._benefits is None:
            return
        b, f = self._benefits.budget, self.formats
        use = b.use
        self.budget_label.setText(self.tr(
            "Cost vs budget: %1 committed of %2 (%3 of the 12-month gross margin %4 for %5) · %6 used").replace(
            "%1", f.money(b.committed, b.currency)).replace("%2", f.money(b.budget, b.currency)).replace(
            "%3", f.percent(b.budget_pct)).replace("%4", f.money(b.margin_12m, b.currency)).replace(
            "%5", b.grade).replace("%6", "—" if use is None else f.percent(use * 100)))
        self.budget_bar.setValue(int(min(float(use or 0), 1.0) * 1000))
        over = use is not None and use > 1
        self.budget_bar.setStyleSheet("QProgressBar::chunk { background: %s }" % ("#b3261e" if over else "#3b7dd8"))

    def open_add_dialog(self) -> BenefitDialog:
        currency = self._benefits.budget.currency if self._benefits else ""
        self.dialog = BenefitDialog(self.desk, self.code, currency, self.formats, self)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _on_dialog_accepted(self) -> None:
        dialog = self.dialog
        if dialog is None or dialog.outcome is None:
            return
        outcome = dialog.outcome
        dialog.deleteLater()
        self.dialog = None
        self.saved.emit()
        if outcome.drafts:
            self.message.ok(self.tr("Added; it waits for an approved exception. Prepare the request below."))
            self.exception_requested.emit(list(outcome.drafts), outcome.grant_id)
        else:
            self.message.ok(self.tr("Added within the policy."))

    def activate_current(self) -> bool:
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a benefit first."))
            return False
        try:
            self.desk.activate_benefit(row.id)
        except ServiceError as error:
            self.message.error(self.tr("Not activated: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok(self.tr("Active."))
        self.saved.emit()
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.group_label.setText(self.tr("Show:"))
        current = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for key, text in (("all", self.tr("all benefits")), ("open", self.tr("open (proposed, waiting, active)")),
                          ("used", self.tr("used")), ("ended", self.tr("expired or cancelled"))):
            self.group.addItem(text, key)
        self.group.setCurrentIndex(max(0, self.group.findData(current)))
        self.group.blockSignals(False)
        self.add_button.setText(self.tr("&Add benefit…"))
        self.activate_button.setText(self.tr("Ac&tivate"))
        self._fill_budget()
