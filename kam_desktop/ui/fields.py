"""Form fields that speak the UI language: numbers checked as they are typed (the error under the field, never
a number silently dropped) and date pickers in the language's date format."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QVBoxLayout, QWidget

from kam_desktop.ui.i18n import Formats, Retranslating, fill
from kam_desktop.ui.widgets import ERROR_COLOR

EXAMPLE = Decimal("1250.5")


class NumberField(Retranslating, QWidget):
    """A line for a number in the UI language's format, with its problem shown under it as it is typed.

    `value()` is the number, or None while the text is empty or wrong; `problem()` says what is wrong.
    """

    changed = Signal()  # after every edit, valid or not

    def __init__(self, formats: Formats, parent: QWidget | None = None, *, name: str = "",
                 minimum: Decimal | None = None, maximum: Decimal | None = None, places: int = 2,
                 required: bool = True) -> None:
        super().__init__(parent)
        self.formats = formats
        self.minimum, self.maximum, self.places, self.required = minimum, maximum, places, required
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.error = QLabel(self)
        self.error.setObjectName(f"{name}Error" if name else "")
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._on_edit_text_changed)

    # -- value ----------------------------------------------------------------------------------------
    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def set_value(self, value: Decimal | None) -> None:
        """Show `value` as the language writes it (empty for None)."""
        self.edit.setText("" if value is None else self.formats.number(value.normalize()))

    def value(self) -> Decimal | None:
        value, problem = self._parse()
        return None if problem else value

    def problem(self) -> str:
        return self._parse()[1]

    def is_valid(self) -> bool:
        return not self.problem()

    def set_formats(self, formats: Formats) -> None:
        """A new language: the number is written again in it (the value stays)."""
        value = self.value()
        self.formats = formats
        if value is not None:
            self.set_value(value)
        self._show()

    # -- checking ---------------------------------------------------------------------------------------
    def _parse(self) -> tuple[Decimal | None, str]:
        text = self.edit.text().strip()
        f = self.formats
        if not text:
            return None, self.tr("Required.") if self.required else ""
        try:
            value = f.parse_number(text)
        except (NumberFormatError, InvalidOperation, ValueError):
            return None, fill(self.tr("“{text}” is not a number: write it like {example}."), text=text,
                              example=f.number(EXAMPLE))
        if not value.is_finite():
            return None, fill(self.tr("“{text}” is not a number: write it like {example}."), text=text,
                              example=f.number(EXAMPLE))
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > self.places:
            return None, (self.tr("Write a whole number.") if self.places == 0
                          else fill(self.tr("At most {places} decimal places."), places=self.places))
        if self.minimum is not None and value < self.minimum:
            return None, fill(self.tr("At least {minimum}."), minimum=f.number(self.minimum))
        if self.maximum is not None and value > self.maximum:
            return None, fill(self.tr("At most {maximum}."), maximum=f.number(self.maximum))
        return value, ""

    def _on_edit_text_changed(self, _text: str) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        problem = self.problem() if self.edit.text().strip() else ""  # an empty field is said on saving
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.edit.setToolTip(problem)

    def show_problem(self) -> bool:
        """Show the problem even of an empty field (on saving); True when there is none."""
        problem = self.problem()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if problem:
            self.edit.setFocus()
        return not problem

    def retranslate(self) -> None:
        self._show()


def date_edit(formats: Formats, parent: QWidget | None = None, name: str = "") -> QDateEdit:
    """A date picker with a calendar, in the UI language's date format and month names."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    localize_date(edit, formats)
    return edit


def localize_date(edit: QDateEdit, formats: Formats) -> None:
    """Write the picker's date (and name its calendar's months and days) as the UI language does."""
    edit.setLocale(formats.qlocale())
    edit.setDisplayFormat(formats.date_pattern())
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setLocale(formats.qlocale())


def qdate(day: date) -> QDate:
    """Qt's date of a Python date (PySide6 converts one at run time, but its stubs do not say so)."""
    return QDate(day.year, day.month, day.day)


def set_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(qdate(day))


def picked(edit: QDateEdit) -> date:
    value: date = edit.date().toPython()  # type: ignore[assignment]
    return value
