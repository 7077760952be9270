"""The potential tab: slots per category with share-of-wallet bars, and a form that saves a gathered total —
for a category with a slot, or one the account has none for yet — with its source, date and confidence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.fields import NumberField, date_edit, localize_date, picked, set_date
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text, say_refused
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


class PotentialTab(Retranslating, QWidget):
    """Select a category (or add one the account has no slot for), write what the client spends in total, its
    source, date and confidence, save: share of wallet follows."""

    saved = Signal()

    def __init__(self, desk: Desk, code: str, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code, self.formats = desk, code, formats
        self._slots: Any = None
        self._currency = ""
        self._categories: list[Any] | None = None  # read when first needed
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
        self.category = QComboBox(self)
        self.category.setObjectName("slotCategory")
        self.total_money = NumberField(formats, self, name="slotTotalMoney", minimum=Decimal(0),
                                       maximum=Decimal("1e13"))
        self.total_units = NumberField(formats, self, name="slotTotalUnits", minimum=Decimal(0),
                                       maximum=Decimal("1e13"), places=3)
        self.source = QComboBox(self)
        self.source.setObjectName("slotSource")
        self.collected_on = date_edit(formats, self, "slotCollectedOn")
        self.confidence = QSpinBox(self)
        self.confidence.setObjectName("slotConfidence")
        self.confidence.setRange(0, 100)
        self.confidence.setSingleStep(5)
        self.confidence.setValue(70)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("slotAddCategory")
        self.add_button.clicked.connect(self.add_category)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("slotSave")
        self.save_button.clicked.connect(self.save)
        self.message = MessageLine(self)
        self.form_labels = [QLabel(self) for _ in range(6)]
        for label_widget, field in zip(self.form_labels, (self.category, self.total_money, self.total_units,
                                                          self.source, self.collected_on, self.confidence),
                                       strict=True):
            form.addRow(label_widget, field)
            label_widget.setBuddy(field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.message)
        self.form_box.setMaximumWidth(460)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.form_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)
        for widget in (self.table, self.category, self.total_money, self.total_units, self.source, self.collected_on,
                       self.confidence, self.save_button, self.add_button):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for first, second in ((self.table, self.category), (self.category, self.total_money),
                              (self.total_money, self.total_units), (self.total_units, self.source),
                              (self.source, self.collected_on), (self.collected_on, self.confidence),
                              (self.confidence, self.save_button), (self.save_button, self.add_button)):
            self.setTabOrder(first, second)
        today = desk.today()
        self.collected_on.setMaximumDate(QDate(today.year, today.month, today.day))
        set_date(self.collected_on, today)
        self.retranslate()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)
        for field in (self.total_money, self.total_units):
            field.set_formats(formats)
        localize_date(self.collected_on, formats)
        self._fill_categories()
        self._localize_confidence()

    def show_slots(self, slots: Any, currency: str) -> None:
        self._slots, self._currency = slots, currency
        current = self.table.current()
        self.model.columns = tuple(slot_columns(currency))
        self.model.set_rows(slots.categories)
        if current is not None:
            self.table.select_where(lambda r: r.category == current.category)
        self._fill_categories()
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
            self.summary.setText(self.tr("No potential gathered yet for this account: choose a category on the right, "
                                         "write what the client spends on it in total, and save."))
            return
        total = slots.total
        share = "—" if total.total_money <= 0 else f.percent(total.our_money * 100 / total.total_money)
        self.summary.setText(fill(self.tr("Slot {slot} of {total} total spend · share of wallet {share} · {quadrant}"),
                                  slot=f.money(total.slot_money, self._currency),
                                  total=f.money(total.total_money, self._currency), share=share,
                                  quadrant=label(slots.quadrant.value) if slots.quadrant else ""))

    # -- the form ---------------------------------------------------------------------------------------------
    def _fill_categories(self) -> None:
        """Every category we sell, in the UI language; those with a slot first come from the table."""
        if self._categories is None:
            try:
                self._categories = self.desk.categories()
            except ServiceError as error:
                self.message.error(refusal_text(error))
                self._categories = []
        keep = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for line in self._categories:  # the name in the UI language; the table shows the code
            self.category.addItem(line.names.get(self.formats.language, line.names["en"]), line.code)
            self.category.setItemData(self.category.count() - 1, line.code, Qt.ItemDataRole.ToolTipRole)
        self.category.setCurrentIndex(max(0, self.category.findData(keep)) if keep else 0)
        self.category.blockSignals(False)
        self._enable_form()

    def gathered(self) -> set[str]:
        return {r.category for r in self.model.rows()}

    def add_category(self) -> bool:
        """Prepare the form for a category the account has no slot for yet (the first such)."""
        self.table.clearSelection()
        self.table.setCurrentIndex(self.table.model().index(-1, -1))
        missing = [self.category.itemData(i) for i in range(self.category.count())
                   if self.category.itemData(i) not in self.gathered()]
        if not missing:
            self.message.error(self.tr("Every category already has a slot: select one in the table to correct it."))
            return False
        self.category.setCurrentIndex(self.category.findData(missing[0]))
        self.total_money.set_text("")
        self.total_units.set_text("")
        set_date(self.collected_on, self.desk.today())
        self.message.clear_message()
        self.category.setFocus()
        return True

    def _on_table_current_row_changed(self, *_args: object) -> None:
        row = self.table.current()
        if row is None or row.category != self.category.currentData():
            self.message.clear_message()  # a reload re-selects the same row: keep what was said
        if row is None:
            return
        self.category.setCurrentIndex(max(0, self.category.findData(row.category)))
        self.total_money.set_value(row.total_money)
        self.total_units.set_value(row.total_units)
        self.source.setCurrentIndex(max(0, self.source.findData(row.source)))
        set_date(self.collected_on, self.desk.today())
        self.confidence.setValue(int((row.confidence * 100).to_integral_value()))

    def _enable_form(self) -> None:
        may = self.desk.may(UseCase.SAVE_SLOT)
        self.form_box.setVisible(may)
        has_categories = self.category.count() > 0
        for widget in (self.category, self.total_money, self.total_units, self.source, self.collected_on,
                       self.confidence, self.save_button, self.add_button):
            widget.setEnabled(has_categories)

    def _localize_confidence(self) -> None:
        self.confidence.setLocale(self.formats.qlocale())
        self.confidence.setSuffix("%" if self.formats.language == "en" else "\u00a0%")

    def save(self) -> bool:
        """Validate the form, save through the slots service, and reload; errors are shown in words."""
        category = self.category.currentData()
        if category is None:
            return False
        for field, what in ((self.total_money, self.tr("Client's total")), (self.total_units, self.tr("Units"))):
            if not field.show_problem():
                self.message.error(fill(self.tr("{field}: {problem}"), field=what, problem=field.problem()))
                return False
        money, units = self.total_money.value(), self.total_units.value()
        assert money is not None and units is not None  # show_problem said so
        try:
            self.desk.save_slot(self.code, str(category), total_units=units, total_money=money,
                                source=str(self.source.currentData()), collected_on=picked(self.collected_on),
                                confidence=Decimal(self.confidence.value()) / 100)
        except ServiceError as error:
            say_refused(self.message, self.tr("Not saved: {reason}"), error)
            return False
        self.message.ok(self.tr("Saved. Share of wallet is recalculated."))
        self.saved.emit()
        return True

    def retranslate(self) -> None:
        self.form_box.setTitle(self.tr("Gathered total"))
        for widget, text in zip(self.form_labels, (
                self.tr("Ca&tegory:"), self.tr("Client's total &spend:"), self.tr("&Units:"), self.tr("S&ource:"),
                self.tr("&Gathered on:"), self.tr("Con&fidence:")), strict=True):
            widget.setText(text)
        current = self.source.currentData()
        self.source.clear()
        for source in SOURCES:
            self.source.addItem(label(source), source)
        if current is not None:
            self.source.setCurrentIndex(self.source.findData(current))
        self.save_button.setText(self.tr("&Save slot"))
        self.add_button.setText(self.tr("Add a &category…"))
        self.table.set_empty_text(self.tr("No potential gathered yet. Choose a category on the right, write the "
                                          "client's total spend on it and save: the slot and share of wallet follow."))
        self._localize_confidence()
        self._fill_summary()
