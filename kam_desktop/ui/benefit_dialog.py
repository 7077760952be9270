"""Add or edit a benefit from the catalog, with the commercial policy checked live as the values change; record
what the client used of one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.benefits.lifecycle import GrantTerms
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.fields import NumberField, date_edit, picked, set_date
from kam_desktop.ui.i18n import Formats, Retranslating, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text, say_refused
from kam_desktop.ui.widgets import ERROR_COLOR, OK_COLOR, MessageLine

CHECK_DELAY_MS = 150
MAX_AMOUNT = Decimal("1000000000")


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
    return fill(QCoreApplication.translate("BenefitDialog", "{kind} exceeds the policy: {requested} asked, the cap is "
                                                            "{cap}"),
                kind=label(kind), requested=value_text(requested, unit, currency, f),
                cap=value_text(cap, unit, currency, f))


UNIT_OF_KIND = {"discount": "pct", "payment_terms": "days", "benefit_budget": "money", "gift_value": "money"}


class BenefitDialog(Retranslating, QDialog):
    """Add a catalog benefit, or (with `line`) edit a proposed or pending one; `outcome` holds the grant
    service's answer after a successful save (then the dialog accepts)."""

    def __init__(self, desk: Desk, code: str, currency: str, formats: Formats, parent: QWidget | None = None,
                 line: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("benefitDialog")
        self.setMinimumWidth(560)
        self.desk, self.code, self.currency, self.formats = desk, code, currency, formats
        self.line = line  # the benefit edited (None: a new one)
        self.outcome: Any = None
        self.check: Any = None
        self._cost_edited = line is not None
        self._catalog = desk.catalog()
        self.item = QComboBox(self)
        self.item.setObjectName("benefitItem")
        for entry in self._catalog:
            self.item.addItem(entry.names.get(formats.language, entry.names["en"]), entry.code)
        self.value = NumberField(formats, self, name="benefitValue", minimum=Decimal(0), maximum=MAX_AMOUNT,
                                 required=False)
        self.unit = QLabel(self)
        self.cost = NumberField(formats, self, name="benefitCost", minimum=Decimal(0), maximum=MAX_AMOUNT)
        self.valid_from = date_edit(formats, self, "benefitValidFrom")
        self.valid_to = date_edit(formats, self, "benefitValidTo")
        self.open_ended = QCheckBox(self)
        self.open_ended.setObjectName("benefitOpenEnded")
        validity = QHBoxLayout()
        validity.addWidget(self.valid_from)
        self.dash = QLabel("–", self)
        validity.addWidget(self.dash)
        validity.addWidget(self.valid_to)
        validity.addWidget(self.open_ended, 1)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("benefitVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumHeight(48)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.message = MessageLine(self)
        form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        fields: tuple[QWidget, ...] = (self.item, self.value, self.unit, self.cost)
        for caption, field in zip(self.labels, fields, strict=False):
            form.addRow(caption, field)
        form.addRow(self.labels[-1], validity)
        buddies: tuple[QWidget | None, ...] = (self.item, self.value, None, self.cost, self.valid_from)
        for caption, buddy in zip(self.labels, buddies, strict=True):
            if buddy is not None:
                caption.setBuddy(buddy)
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
        self._fill_dates()
        self.item.currentIndexChanged.connect(self._on_item_current_index_changed)
        self.value.changed.connect(self._on_value_changed)
        self.cost.edit.textEdited.connect(self._on_cost_text_edited)
        self.open_ended.toggled.connect(self._on_open_ended_toggled)
        for edit in (self.valid_from, self.valid_to):
            edit.dateChanged.connect(lambda _d: self._timer.start())
        self.retranslate()
        if line is not None:
            self._fill_from(line)
        else:
            self._on_item_current_index_changed(self.item.currentIndex())

    def _fill_dates(self) -> None:
        today = self.desk.today()
        set_date(self.valid_from, today)
        set_date(self.valid_to, date(today.year, 12, 31))
        self.open_ended.setChecked(False)

    def _fill_from(self, line: Any) -> None:
        self.item.setCurrentIndex(self.item.findData(line.catalog_code))
        self.item.setEnabled(False)  # another benefit is another grant
        self._show_unit()
        self.value.set_value(line.value)
        self.cost.set_value(line.cost)
        set_date(self.valid_from, line.valid_from)
        self.open_ended.setChecked(line.valid_to is None)
        if line.valid_to is not None:
            set_date(self.valid_to, line.valid_to)
        self.check_now()

    # -- fields ------------------------------------------------------------------------------------------
    def choose(self, catalog_code: str, value: Decimal | None = None) -> None:
        """Pick a catalog item (and a value), as a person would; the check runs at once."""
        self.item.setCurrentIndex(self.item.findData(catalog_code))
        if value is not None:
            self.value.set_value(value)
        self.check_now()

    def _entry(self) -> Any:
        return next(c for c in self._catalog if c.code == self.item.currentData())

    def _show_unit(self) -> None:
        entry = self._entry()
        self.unit.setText(label(entry.unit) if entry.unit else "—")
        self.value.setEnabled(entry.unit is not None)

    def _on_item_current_index_changed(self, _index: int) -> None:
        entry = self._entry()
        self._show_unit()
        self.value.set_value(entry.default_value)
        self._cost_edited = False
        self._refresh_cost()
        self._timer.start()

    def _on_value_changed(self) -> None:
        self._refresh_cost()
        self._timer.start()

    def _on_cost_text_edited(self, _text: str) -> None:
        self._cost_edited = True
        self._timer.start()

    def _on_open_ended_toggled(self, on: bool) -> None:
        self.valid_to.setEnabled(not on)
        self._timer.start()

    def _refresh_cost(self) -> None:
        if self._cost_edited or not self.value.is_valid():
            return
        try:
            cost = self.desk.estimate_cost(self.code, self._entry().code, self.value.value())
        except ServiceError as error:
            self.message.error(refusal_text(error))
            return
        self.cost.set_value(cost)

    def _until(self) -> date | None:
        return None if self.open_ended.isChecked() else picked(self.valid_to)

    # -- the live check ------------------------------------------------------------------------------------
    def check_now(self) -> None:
        self._timer.stop()
        value, cost = self.value.value(), self.cost.value()
        if cost is None or not self.value.is_valid():
            self._show_verdict([self.tr("Write the value and the cost as numbers.")], ok=False)
            self.check = None
            return
        try:
            self.check = self.desk.live_check(self.code, self._entry().code, value, cost)
        except ServiceError as error:
            self._show_verdict([refusal_text(error)], ok=False)
            return
        if self.check.ok:
            self._show_verdict([fill(self.tr("Within the commercial policy for {grade}."), grade=self.check.grade)],
                               ok=True)
        else:
            self._show_verdict([violation_text(v.rule.value, v.requested, v.cap, UNIT_OF_KIND.get(v.rule.value),
                                               self.currency, self.formats) for v in self.check.violations], ok=False)

    def violations(self) -> list[Any]:
        return list(self.check.violations) if self.check is not None else []

    def _show_verdict(self, lines: list[str], ok: bool) -> None:
        color = OK_COLOR if ok else ERROR_COLOR
        self.verdict.setText("<br>".join(f'<span style="color:{color}">{"✔" if ok else "✖"} {t}</span>' for t in lines))
        self._name_button()

    def _name_button(self) -> None:
        beyond = bool(self.violations())
        if self.line is not None:
            self.add_button.setText(self.tr("Save and prepare the &exception request…") if beyond else self.tr("&Save"))
        else:
            self.add_button.setText(self.tr("Add and prepare the &exception request…") if beyond else self.tr("&Add"))

    def add(self) -> None:
        """Save the grant through the grant service; a violation leaves it waiting for an exception."""
        self.check_now()
        if not self.value.show_problem() or not self.cost.show_problem():
            self.message.error(self.tr("Write the value and the cost as numbers."))
            return
        cost = self.cost.value()
        assert cost is not None  # show_problem said so
        start, until = picked(self.valid_from), self._until()
        try:
            if self.line is None:
                self.outcome = self.desk.add_benefit(self.code, self._entry().code, self.value.value(), cost, until,
                                                     start)
            else:
                self.outcome = self.desk.edit_benefit(self.line.id, GrantTerms(self.value.value(), cost, start, until))
        except ServiceError as error:
            say_refused(self.message, self.tr("Not saved: {reason}"), error)
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a benefit") if self.line is None else self.tr("Edit a benefit"))
        texts = (self.tr("&Benefit:"), self.tr("&Value:"), self.tr("Unit:"), self.tr("&Cost over a year:"),
                 self.tr("Valid &from – to:"))
        for widget, text in zip(self.labels, texts, strict=True):
            widget.setText(text)
        self.open_ended.setText(self.tr("no end date"))
        self._name_button()


class UsageDialog(Retranslating, QDialog):
    """Record what the client used of an active benefit: an amount in the account's currency, a day, a note."""

    def __init__(self, desk: Desk, line: Any, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageDialog")
        self.setMinimumWidth(460)
        self.desk, self.line, self.formats = desk, line, formats
        self.recorded: tuple[Decimal, str] | None = None  # (used so far, status) once the use is saved
        left = max(line.cost - line.used, Decimal(0))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.amount = NumberField(formats, self, name="usageAmount", minimum=Decimal("0.01"), maximum=left)
        self.on = date_edit(formats, self, "usageDate")
        today = desk.today()
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.on.setMinimumDate(QDate(line.valid_from.year, line.valid_from.month, line.valid_from.day))
        set_date(self.on, today)
        self.note = QLineEdit(self)
        self.note.setObjectName("usageNote")
        self.message = MessageLine(self)
        form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(3)]
        for widget, field in zip(self.labels, (self.amount, self.on, self.note), strict=True):
            form.addRow(widget, field)
            widget.setBuddy(field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("usageSave")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.retranslate()
        self.amount.setFocus()

    def save(self) -> None:
        if not self.amount.show_problem():
            return
        amount = self.amount.value()
        assert amount is not None
        try:
            self.recorded = self.desk.use_benefit(self.line.id, amount, picked(self.on), self.note.text())
        except ServiceError as error:
            say_refused(self.message, self.tr("Not recorded: {reason}"), error)
            return
        self.accept()

    def retranslate(self) -> None:
        f, line = self.formats, self.line
        self.setWindowTitle(self.tr("Record usage"))
        self.summary.setText(fill(self.tr("{benefit}: {used} used of {cost}; {left} left."),
                                  benefit=line.names.get(f.language, line.names["en"]),
                                  used=f.money(line.used, line.currency, cents=True),
                                  cost=f.money(line.cost, line.currency, cents=True),
                                  left=f.money(max(line.cost - line.used, Decimal(0)), line.currency, cents=True)))
        for widget, text in zip(self.labels, (fill(self.tr("&Amount ({currency}):"), currency=line.currency),
                                              self.tr("&Day:"), self.tr("&Note:")), strict=True):
            widget.setText(text)
        self.save_button.setText(self.tr("&Record"))
