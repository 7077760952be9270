"""Finance › Exchange rates: the rates to the base currency by day, and a form to add one (finance and admin).

A missing rate stops grading, KPIs and every money shown in the base currency, so the person who may set one
must be able to do it where they see the refusal, without a terminal.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.fields import NumberField, date_edit, picked, set_date
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable

RATE_PLACES = 6  # the store keeps six decimals (services/program/fx.RATE_PLACES)
COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CZK", "RUB", "UAH", "SEK", "NOK", "DKK", "HUF", "RON")


def rate_columns() -> list[Col[Any]]:
    return [
        Col("rate_date", QT_TRANSLATE_NOOP("FxRates", "Day"), lambda r, f: f.date(r.rate_date),
            sort=lambda r: r.rate_date.toordinal()),
        Col("currency", QT_TRANSLATE_NOOP("FxRates", "Currency"), lambda r, f: r.currency),
        Col("rate", QT_TRANSLATE_NOOP("FxRates", "Rate"),
            lambda r, f: fill("1 {currency} = {rate} {base}", currency=r.currency, rate=f.rate(r.rate),
                              base=r.base_currency),
            sort=lambda r: r.rate, numeric=True),
    ]


class FxRatesDialog(Retranslating, QDialog):
    """The rates newest first; a finance or admin person adds the rate of a currency for a day."""

    saved = Signal(str, date)  # currency, day: what was just recorded

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fxRatesDialog")
        self.setMinimumSize(560, 480)
        self.desk, self.formats = desk, formats
        self.model: RowTableModel[Any] = RowTableModel("FxRates", rate_columns(), formats, self)
        self.table = RowTable(self.model, "fxRatesTable", self)
        self.currency = QComboBox(self)
        self.currency.setObjectName("fxCurrency")
        self.currency.setEditable(True)
        self.rate = NumberField(formats, self, name="fxRate", places=RATE_PLACES)
        self.day = date_edit(formats, self, "fxDay")
        set_date(self.day, desk.today())
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("fxAdd")
        self.add_button.clicked.connect(self.add_rate)
        self.message = MessageLine(self)
        self.message.setObjectName("fxMessage")
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for caption, field in zip(self.labels, (self.currency, self.rate, self.day), strict=True):
            form.addRow(caption, field)
            caption.setBuddy(field)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.add_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.may_set = desk.may(UseCase.SET_FX)
        for widget in (self.currency, self.rate, self.day, self.add_button):
            widget.setEnabled(self.may_set)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        rows = self.desk.fx_rates()
        self.model.set_rows(rows)
        known = sorted({r.currency for r in rows} | set(COMMON_CURRENCIES))
        typed = self.currency.currentText()
        self.currency.clear()
        self.currency.addItems(known)
        self.currency.setCurrentText(typed or (rows[0].currency if rows else "EUR"))  # the newest rate's currency

    def add_rate(self) -> bool:
        """Record the rate typed; a refusal (not a rate, the base currency, not permitted) stays in the dialog."""
        if not self.rate.show_problem() or self.rate.value() is None:
            self.message.error(self.tr("Write the rate as a positive number."))
            return False
        currency, day = self.currency.currentText().strip().upper(), picked(self.day)
        try:
            row = self.desk.set_fx_rate(currency, format(self.rate.value(), "f"), day)
        except ServiceError as exc:
            self.message.error(refusal_text(exc))
            return False
        self.message.ok(fill(self.tr("1 {currency} = {rate} {base} from {day}."), currency=row.currency,
                             rate=self.formats.rate(row.rate), base=row.base_currency,
                             day=self.formats.date(row.rate_date)))
        self.reload()
        self.saved.emit(row.currency, row.rate_date)
        return True

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Exchange rates"))
        for caption, text in zip(self.labels, (self.tr("&Currency:"), self.tr("&Rate:"), self.tr("From &day:")),
                                 strict=True):
            caption.setText(text)
        self.add_button.setText(self.tr("&Add rate"))
        self.table.set_empty_text(self.tr("No exchange rates yet. Add the rate of each currency your clients pay "
                                          "in: grades and KPIs count every account in the base currency."))
        if not self.may_set:
            self.message.ok(self.tr("Only finance and the administrator set exchange rates."))
        self.model.retranslate()
