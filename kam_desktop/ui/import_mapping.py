"""The import dialog's two editors: which field each column of the file feeds (editable, saved as a profile), and
what each new name of the file is ("did you mean" an existing category or person, or add it as new)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from kam_desktop.services.imports.preview import CREATE, IGNORED, FieldInfo, NewValue
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, fill

CTX = "ImportDialog"
FIELD_TITLES = {
    "account_code": QT_TRANSLATE_NOOP("ImportDialog", "Account code"),
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name"),
    "tax_id": QT_TRANSLATE_NOOP("ImportDialog", "Tax ID"),
    "kind": QT_TRANSLATE_NOOP("ImportDialog", "Kind (customer or partner)"),
    "owner_login": QT_TRANSLATE_NOOP("ImportDialog", "KAM (login)"),
    "region": QT_TRANSLATE_NOOP("ImportDialog", "Region"),
    "industry": QT_TRANSLATE_NOOP("ImportDialog", "Industry"),
    "currency": QT_TRANSLATE_NOOP("ImportDialog", "Currency"),
    "language": QT_TRANSLATE_NOOP("ImportDialog", "Language"),
    "status": QT_TRANSLATE_NOOP("ImportDialog", "Status"),
    "enrolled_on": QT_TRANSLATE_NOOP("ImportDialog", "Enrolled on"),
    "invoice_no": QT_TRANSLATE_NOOP("ImportDialog", "Invoice number"),
    "line_no": QT_TRANSLATE_NOOP("ImportDialog", "Line number"),
    "invoice_date": QT_TRANSLATE_NOOP("ImportDialog", "Invoice date"),
    "category": QT_TRANSLATE_NOOP("ImportDialog", "Product category"),
    "quantity": QT_TRANSLATE_NOOP("ImportDialog", "Quantity"),
    "net_amount": QT_TRANSLATE_NOOP("ImportDialog", "Net amount"),
    "margin_amount": QT_TRANSLATE_NOOP("ImportDialog", "Gross margin"),
    "total_units": QT_TRANSLATE_NOOP("ImportDialog", "Client's total (units)"),
    "total_value": QT_TRANSLATE_NOOP("ImportDialog", "Client's total (money)"),
    "source": QT_TRANSLATE_NOOP("ImportDialog", "Source"),
    "collected_on": QT_TRANSLATE_NOOP("ImportDialog", "Gathered on"),
    "confidence": QT_TRANSLATE_NOOP("ImportDialog", "Confidence"),
    "note": QT_TRANSLATE_NOOP("ImportDialog", "Note"),
    "role": QT_TRANSLATE_NOOP("ImportDialog", "Role"),
    "position": QT_TRANSLATE_NOOP("ImportDialog", "Job title"),
    "email": QT_TRANSLATE_NOOP("ImportDialog", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "Phone"),
    "cashback": QT_TRANSLATE_NOOP("ImportDialog", "Cashback balance"),
    "points": QT_TRANSLATE_NOOP("ImportDialog", "Points balance"),
    "expires_on": QT_TRANSLATE_NOOP("ImportDialog", "Expires on"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def field_title(name: str) -> str:
    """A format's field in the UI language, with its canonical name (what a profile and the docs call it)."""
    title = FIELD_TITLES.get(name)
    return f"{_tr(title)} ({name})" if title else name


class MappingEditor(QTableWidget):
    """One row per column of the file: its header, its first values, and the field it feeds (or none).

    `mapping_changed` fires when the person chooses another field; `columns()` is header → field (IGNORED for
    a column left out), what a profile saves.
    """

    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("mappingEditor")
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.resizeColumnToContents(0)
        header.resizeSection(0, 220)
        header.resizeSection(2, 320)
        self._fields: list[FieldInfo] = []
        self._headers: tuple[str, ...] = ()

    def show_mapping(self, headers: Sequence[str], sample: Sequence[Sequence[str]], fields: list[FieldInfo],
                     mapped: dict[str, str]) -> None:
        """`mapped` is field → header, as the preview resolved it; every other column is left out."""
        self._fields, self._headers = fields, tuple(headers)
        by_header = {header: field for field, header in mapped.items()}
        self.blockSignals(True)
        self.setRowCount(len(headers))
        for row, header in enumerate(headers):
            self.setItem(row, 0, QTableWidgetItem(header))
            values = [line[row] for line in sample[:3] if row < len(line) and line[row]]
            self.setItem(row, 1, QTableWidgetItem(" · ".join(values)))
            combo = QComboBox(self)
            combo.setObjectName(f"mappingField{row}")
            self._fill_combo(combo, by_header.get(header, IGNORED))
            combo.currentIndexChanged.connect(lambda _i: self.mapping_changed.emit())
            self.setCellWidget(row, 2, combo)
        self.blockSignals(False)
        self.retranslate()

    def _fill_combo(self, combo: QComboBox, chosen: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", IGNORED)
        for info in self._fields:
            combo.addItem("", info.name)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def combo(self, header: str) -> QComboBox:
        row = self._headers.index(header)
        widget = self.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def choose(self, header: str, field: str) -> None:
        """Make the column `header` feed `field` (IGNORED: leave it out), as a person would."""
        combo = self.combo(header)
        combo.setCurrentIndex(combo.findData(field))

    def columns(self) -> dict[str, str]:
        """header → field for every column of the file (IGNORED where left out)."""
        return {header: str(self.combo(header).currentData()) for header in self._headers}

    def missing(self) -> list[str]:
        """Required fields no column feeds."""
        fed = set(self.columns().values())
        return [f.name for f in self._fields if f.required and f.name not in fed]

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_tr("Column in the file"), _tr("First values"), _tr("Imported as")])
        for row in range(self.rowCount()):
            combo = self.cellWidget(row, 2)
            if not isinstance(combo, QComboBox):
                continue
            combo.setItemText(0, _tr("— not imported —"))
            for i, info in enumerate(self._fields, start=1):
                text = field_title(info.name)
                combo.setItemText(i, fill(_tr("{field}, required"), field=text) if info.required else text)


class ValuesEditor(QTableWidget):
    """One row per new name of the file: what kind, as written, the first row, and what it is — an existing one
    (the likely ones first: "did you mean") or a new one (only where the person may add it)."""

    decisions_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("valuesEditor")
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        for section, width in ((0, 110), (1, 200), (2, 60)):
            header.resizeSection(section, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.values: tuple[NewValue, ...] = ()
        self._choices: dict[str, tuple[Any, ...]] = {}

    def show_values(self, values: Sequence[NewValue], choices: dict[str, tuple[Any, ...]]) -> None:
        self.values, self._choices = tuple(values), dict(choices)
        self.blockSignals(True)
        self.setRowCount(len(self.values))
        for row, value in enumerate(self.values):
            self.setItem(row, 1, QTableWidgetItem(value.value))
            self.setItem(row, 2, QTableWidgetItem("" if value.row is None else str(value.row)))
            combo = QComboBox(self)
            combo.setObjectName(f"valueDecision{row}")
            combo.currentIndexChanged.connect(lambda _i: self.decisions_changed.emit())
            self.setCellWidget(row, 3, combo)
        self.blockSignals(False)
        self.retranslate()

    def _fill_combo(self, combo: QComboBox, value: NewValue) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if value.needs_decision:
            combo.addItem(_tr("— choose —"), None)
        for known in value.suggestions:
            combo.addItem(fill(_tr("{existing} (did you mean this?)"), existing=known.label), known.key)
        if value.may_create:
            combo.addItem(_tr("Add it as new"), CREATE)
        suggested = {k.key for k in value.suggestions}
        for known in self._choices.get(value.kind, ()):
            if known.key not in suggested:
                combo.addItem(known.label, known.key)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
        combo.blockSignals(False)

    def decide(self, value: str, key: str) -> None:
        """Say what the new name `value` is (an existing key, or CREATE), as a person would."""
        row = next(i for i, v in enumerate(self.values) if v.value == value)
        combo = self.cellWidget(row, 3)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(key))

    def decisions(self) -> dict[tuple[str, str], str]:
        """(kind, name) → the decision, for every name decided."""
        found = {}
        for row, value in enumerate(self.values):
            combo = self.cellWidget(row, 3)
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                found[(value.kind, value.value)] = str(combo.currentData())
        return found

    def undecided(self) -> list[NewValue]:
        decided = self.decisions()
        return [v for v in self.values if v.needs_decision and (v.kind, v.value) not in decided]

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_tr("What"), _tr("In the file"), _tr("Row"), _tr("Is")])
        kinds = {"category": _tr("category"), "owner": _tr("KAM")}
        for row, value in enumerate(self.values):
            self.setItem(row, 0, QTableWidgetItem(kinds.get(value.kind, value.kind)))
            combo = self.cellWidget(row, 3)
            if isinstance(combo, QComboBox):
                self._fill_combo(combo, value)
