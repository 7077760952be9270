"""The potential tab: slots per category with share-of-wallet bars, and a form that saves a gathered total."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable, ShareBarDelegate

CTX = "AccountTables"
SOURCES = ("survey", "interview", "sales_book", "estimate")


def _share(value: Decimal | None, f: Formats) -> str:
    return "—" if value is None else f.percent(value * 100)


def slot_columns(currency: str) -> list[Col[Any]]:
    def money(attr: str) -> Any:
        return lambda r, f: f.money(getattr(r, attr), currency)

    return [
        Col("category", QT_TRANSLATE_NOOP("AccountTables", "Category"), lambda r, f: r.category),
        Col("total_money", QT_TRANSLATE_NOOP("AccountTables", "Client's total"), money("total_money"),
            sort=lambda r: r.total_money, numeric=True),
        Col("our_money", QT_TRANSLATE_NOOP("AccountTables", "Ours, 12 m"), money("our_money"),
            sort=lambda r: r.our_money, numeric=True),
        Col("slot_money", QT_TRANSLATE_NOOP("AccountTables", "Slot"), money("slot_money"),
            sort=lambda r: r.slot_money, numeric=True),
        Col("share_money", QT_TRANSLATE_NOOP("AccountTables", "Share of wallet"), lambda r, f: _share(r.share_money, f),
            sort=lambda r: r.share_money, numeric=True,
            bar=lambda r: None if r.share_money is None else float(r.share_money)),
        Col("total_units", QT_TRANSLATE_NOOP("AccountTables", "Units total"), lambda r, f: f.number(r.total_units),
            sort=lambda r: r.total_units, numeric=True),
        Col("slot_units", QT_TRANSLATE_NOOP("AccountTables", "Units slot"), lambda r, f: f.number(r.slot_units),
            sort=lambda r: r.slot_units, numeric=True),
        Col("source", QT_TRANSLATE_NOOP("AccountTables", "Source"), lambda r, f: label(r.source)),
        Col("collected_on", QT_TRANSLATE_NOOP("AccountTables", "Gathered"), lambda r, f: f.date(r.collected_on),
            sort=lambda r: r.collected_on),
        Col("confidence", QT_TRANSLATE_NOOP("AccountTables", "Confidence"),
            lambda r, f: f.percent(r.confidence * 100), sort=lambda r: r.confidence, numeric=True),
    ]


class PotentialTab(QWidget):
    """Select a category, correct what the client spends in total, save: share of wallet follows."""

    saved = Signal()

    def __init__(self, desk: Desk, code: str, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code, self.formats = desk, code, formats
        self._slots: Any = None
        self._currency = ""
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model: RowTableModel[Any] = RowTableModel(CTX, slot_columns(""), formats, self)
        self.table = RowTable(self.model, "slotsTable", self)
        self.table.setItemDelegateForColumn(self.model.column_of("share_money"), ShareBarDelegate(self.table))
        self.table.fit_columns({"category": 130, "total_money": 130, "our_money": 130, "slot_money": 120,
                                "share_money": 150, "total_units": 120, "slot_units": 130, "source": 150,
                                "collected_on": 110})
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.form_box = QGroupBox(self)
        form = QFormLayout(self.form_box)
        self.category = QLabel(self)
        self.total_money = QLineEdit(self)
        self.total_money.setObjectName("slotTotalMoney")
        self.total_units = QLineEdit(self)
        self.source = QComboBox(self)
        self.collected_on = QDateEdit(self)
        self.collected_on.setCalendarPopup(True)
        self.confidence = QDoubleSpinBox(self)
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.05)
        self.confidence.setDecimals(2)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("slotSave")
        self.save_button.clicked.connect(self.save)
        self.message = MessageLine(self)
        self.form_labels = [QLabel(self) for _ in range(6)]
        for label_widget, field in zip(self.form_labels, (self.category, self.total_money, self.total_units,
                                                          self.source, self.collected_on, self.confidence),
                                       strict=True):
            form.addRow(label_widget, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.message)
        self.form_box.setMaximumWidth(420)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.form_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        for widget in (self.table, self.total_money, self.total_units, self.source, self.collected_on,
                       self.confidence, self.save_button):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabOrder(self.table, self.total_money)
        self.setTabOrder(self.total_money, self.total_units)
        self.setTabOrder(self.total_units, self.source)
        self.setTabOrder(self.source, self.collected_on)
        self.setTabOrder(self.collected_on, self.confidence)
        self.setTabOrder(self.confidence, self.save_button)
        self.collected_on.setDate(QDate(desk.today()))
        self.retranslate()
        self._enable_form(False)

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)

    def show_slots(self, slots: Any, currency: str) -> None:
        self._slots, self._currency = slots, currency
        current = self.table.current()
        self.model.columns = tuple(slot_columns(currency))
        self.model.set_rows(slots.categories)
        if current is not None:
            self.table.select_where(lambda r: r.category == current.category)
        self._fill_summary()

    def select_category(self, category: str) -> bool:
        return self.table.select_where(lambda r: r.category == category)

    def share_of(self, category: str) -> Decimal | None:
        return next((r.share_money for r in self.model.rows() if r.category == category), None)

    def _fill_summary(self) -> None:
        slots, f = self._slots, self.formats
        if slots is None:
            return
        if slots.total is None:
            self.summary.setText(self.tr("No potential gathered yet for this account."))
            return
        total = slots.total
        share = "—" if total.total_money <= 0 else f.percent(total.our_money * 100 / total.total_money)
        self.summary.setText(self.tr("Slot %1 of %2 total spend · share of wallet %3 · %4").replace(
            "%1", f.money(total.slot_money, self._currency)).replace("%2", f.money(total.total_money, self._currency))
            .replace("%3", share).replace("%4", label(slots.quadrant.value) if slots.quadrant else ""))

    def _on_table_current_row_changed(self, *_args: object) -> None:
        row = self.table.current()
        self._enable_form(row is not None)
        if row is None or row.category != self.category.text():
            self.message.clear_message()  # a reload re-selects the same row: keep what was said
        if row is None:
            return
        f = self.formats
        self.category.setText(row.category)
        self.total_money.setText(f.number(row.total_money))
        self.total_units.setText(f.number(row.total_units))
        self.source.setCurrentIndex(max(0, self.source.findData(row.source)))
        today = self.desk.today()
        self.collected_on.setMaximumDate(QDate(today))
        self.collected_on.setDate(QDate(today))
        self.confidence.setValue(float(row.confidence))

    def _enable_form(self, on: bool) -> None:
        for widget in (self.total_money, self.total_units, self.source, self.collected_on, self.confidence,
                       self.save_button):
            widget.setEnabled(on)

    def _number(self, field: QLineEdit, what: str) -> Decimal | None:
        text = field.text().strip()
        try:
            value = parse_decimal(text, locale=self.formats.locale, strict=False)
        except (NumberFormatError, InvalidOperation, ValueError):
            self.message.error(self.tr("%1: “%2” is not a number. Write it like %3.")
                               .replace("%1", what).replace("%2", text).replace("%3", self.formats.number(Decimal("1250.5"))))
            field.setFocus()
            return None
        return Decimal(value)

    def save(self) -> bool:
        """Validate the form, save through the slots service, and reload; errors are shown in words."""
        row = self.table.current()
        if row is None:
            return False
        money = self._number(self.total_money, self.tr("Client's total"))
        units = money is not None and self._number(self.total_units, self.tr("Units total"))
        if money is None or units is None or units is False:
            return False
        day = self.collected_on.date().toPython()
        try:
            self.desk.save_slot(self.code, row.category, total_units=Decimal(units), total_money=money,
                                source=str(self.source.currentData()), collected_on=day,
                                confidence=Decimal(str(round(self.confidence.value(), 2))))
        except ServiceError as error:
            self.message.error(self.tr("Not saved: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok(self.tr("Saved. Share of wallet is recalculated."))
        self.saved.emit()
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.form_box.setTitle(self.tr("Correct the gathered total"))
        for widget, text in zip(self.form_labels, (
                self.tr("Category:"), self.tr("Client's total spend:"), self.tr("Units:"), self.tr("Source:"),
                self.tr("Gathered on:"), self.tr("Confidence:")), strict=True):
            widget.setText(text)
        current = self.source.currentData()
        self.source.clear()
        for source in SOURCES:
            self.source.addItem(label(source), source)
        if current is not None:
            self.source.setCurrentIndex(self.source.findData(current))
        self.save_button.setText(self.tr("&Save slot"))
        self._fill_summary()
