"""Add a benefit from the catalog, with the commercial policy checked live as the values change."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.widgets import ERROR_COLOR, OK_COLOR, MessageLine

CHECK_DELAY_MS = 150


class BenefitUnits(QObject):
    """Plural unit words; a QObject because lupdate only reads `self.tr(text, "", n)` as a plural form."""

    def days(self, count: int) -> str:
        return self.tr("%n day(s)", "", count)


_UNITS = BenefitUnits()


def value_text(value: Decimal, unit: str | None, currency: str, f: Formats) -> str:
    """A requested or capped value in its unit: 12 %, 45 days, PLN 4,000.00."""
    if unit == "pct":
        return f.percent(value)
    if unit == "days":
        return _UNITS.days(int(value))
    if unit == "money":
        return f.money(value, currency, cents=True)
    return f.number(value.normalize())


def violation_text(kind: str, requested: Decimal, cap: Decimal, unit: str | None, currency: str, f: Formats) -> str:
    return QCoreApplication.translate("BenefitDialog", "%1 exceeds the policy: %2 asked, the cap is %3").replace(
        "%1", label(kind)).replace("%2", value_text(requested, unit, currency, f)).replace(
        "%3", value_text(cap, unit, currency, f))


UNIT_OF_KIND = {"discount": "pct", "payment_terms": "days", "benefit_budget": "money", "gift_value": "money"}


class BenefitDialog(QDialog):
    """`outcome` holds the grant service's answer after a successful add (then the dialog accepts)."""

    def __init__(self, desk: Desk, code: str, currency: str, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("benefitDialog")
        self.setMinimumWidth(520)
        self.desk, self.code, self.currency, self.formats = desk, code, currency, formats
        self.outcome: Any = None
        self.check: Any = None
        self._cost_edited = False
        self._catalog = desk.catalog()
        self.item = QComboBox(self)
        self.item.setObjectName("benefitItem")
        for line in self._catalog:
            self.item.addItem(line.names.get(formats.language, line.names["en"]), line.code)
        self.value = QLineEdit(self)
        self.value.setObjectName("benefitValue")
        self.unit = QLabel(self)
        self.cost = QLineEdit(self)
        self.cost.setObjectName("benefitCost")
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumHeight(48)
        self.message = MessageLine(self)
        form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        for widget, field in zip(self.labels, (self.item, self.value, self.unit, self.cost), strict=True):
            form.addRow(widget, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("benefitAdd")
        self.add_button.setDefault(True)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.item.currentIndexChanged.connect(self._on_item_current_index_changed)
        self.value.textEdited.connect(self._on_value_text_edited)
        self.cost.textEdited.connect(self._on_cost_text_edited)
        self.setWindowTitle(self.tr("Add a benefit"))
        texts = (self.tr("Benefit:"), self.tr("Value:"), self.tr("Unit:"), self.tr("Cost over a year:"))
        for widget, text in zip(self.labels, texts, strict=True):
            widget.setText(text)
        self._on_item_current_index_changed(self.item.currentIndex())

    # -- fields ------------------------------------------------------------------------------------------
    def choose(self, catalog_code: str, value: Decimal | None = None) -> None:
        """Pick a catalog item (and a value), as a person would; the check runs at once."""
        self.item.setCurrentIndex(self.item.findData(catalog_code))
        if value is not None:
            self.value.setText(self.formats.number(value))
            self._on_value_text_edited(self.value.text())
        self.check_now()

    def _line(self) -> Any:
        return next(c for c in self._catalog if c.code == self.item.currentData())

    def _decimal(self, text: str) -> Decimal | None:
        if not text.strip():
            return None
        try:
            return Decimal(parse_decimal(text.strip(), locale=self.formats.locale, strict=False))
        except (NumberFormatError, InvalidOperation, ValueError):
            return None

    def _on_item_current_index_changed(self, _index: int) -> None:
        line = self._line()
        self.unit.setText(label(line.unit) if line.unit else "—")
        self.value.setEnabled(line.unit is not None)
        self.value.setText(self.formats.number(line.default_value.normalize()) if line.default_value is not None else "")
        self._cost_edited = False
        self._refresh_cost()
        self._timer.start()

    def _on_value_text_edited(self, _text: str) -> None:
        self._refresh_cost()
        self._timer.start()

    def _on_cost_text_edited(self, _text: str) -> None:
        self._cost_edited = True
        self._timer.start()

    def _refresh_cost(self) -> None:
        if self._cost_edited:
            return
        try:
            cost = self.desk.estimate_cost(self.code, self._line().code, self._decimal(self.value.text()))
        except ServiceError as error:
            self.message.error(refusal_text(error))
            return
        self.cost.setText(self.formats.number(cost))

    # -- the live check ------------------------------------------------------------------------------------
    def check_now(self) -> None:
        self._timer.stop()
        value, cost = self._decimal(self.value.text()), self._decimal(self.cost.text())
        if cost is None or (self.value.isEnabled() and self.value.text().strip() and value is None):
            self._show_verdict([self.tr("Write the value and the cost as numbers.")], ok=False)
            self.check = None
            return
        try:
            self.check = self.desk.live_check(self.code, self._line().code, value, cost)
        except ServiceError as error:
            self._show_verdict([refusal_text(error)], ok=False)
            return
        if self.check.ok:
            self._show_verdict([self.tr("Within the commercial policy for %1.").replace("%1", self.check.grade)], ok=True)
        else:
            self._show_verdict([violation_text(v.rule.value, v.requested, v.cap, UNIT_OF_KIND.get(v.rule.value),
                                               self.currency, self.formats) for v in self.check.violations], ok=False)

    def violations(self) -> list[Any]:
        return list(self.check.violations) if self.check is not None else []

    def _show_verdict(self, lines: list[str], ok: bool) -> None:
        color = OK_COLOR if ok else ERROR_COLOR
        self.verdict.setText("<br>".join(f'<span style="color:{color}">{"✔" if ok else "✖"} {t}</span>' for t in lines))
        beyond = bool(self.violations())
        self.add_button.setText(self.tr("Add and prepare the &exception request…") if beyond else self.tr("&Add"))
        self.verdict.setTextFormat(Qt.TextFormat.RichText)

    def add(self) -> None:
        """Save the grant through the grant service; a violation leaves it waiting for an exception."""
        self.check_now()
        value, cost = self._decimal(self.value.text()), self._decimal(self.cost.text())
        if cost is None:
            self.message.error(self.tr("Write the cost as a number."))
            return
        try:
            self.outcome = self.desk.add_benefit(self.code, self._line().code, value, cost)
        except ServiceError as error:
            self.message.error(self.tr("Not added: %1").replace("%1", refusal_text(error)))
            return
        self.accept()
