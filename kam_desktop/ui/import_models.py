"""The import dialog's words and tables: titles for formats, options and counts; issues, the sample."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from kam_desktop.services.imports.preview import ImportIssue
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP
from kam_desktop.ui.refusals import message_text
from kam_desktop.ui.table_model import Col

CTX = "ImportDialog"
_ROOT = QModelIndex()

FORMAT_TITLES = {
    "accounts": QT_TRANSLATE_NOOP("ImportDialog", "Accounts"),
    "invoices": QT_TRANSLATE_NOOP("ImportDialog", "Invoice lines"),
    "potential": QT_TRANSLATE_NOOP("ImportDialog", "Potential"),
    "contacts": QT_TRANSLATE_NOOP("ImportDialog", "Contacts"),
    "opening-balances": QT_TRANSLATE_NOOP("ImportDialog", "Opening balances"),
}
ENCODING_TITLES = {
    "utf-8": QT_TRANSLATE_NOOP("ImportDialog", "UTF-8"),
    "utf-8-sig": QT_TRANSLATE_NOOP("ImportDialog", "UTF-8 with BOM"),
    "cp1250": QT_TRANSLATE_NOOP("ImportDialog", "Windows-1250 (Central European)"),
    "cp1251": QT_TRANSLATE_NOOP("ImportDialog", "Windows-1251 (Cyrillic)"),
    "utf-16": QT_TRANSLATE_NOOP("ImportDialog", "UTF-16"),
}  # for the values services.ui_import.ENCODINGS lists; likewise below
DELIMITER_TITLES = {
    ";": QT_TRANSLATE_NOOP("ImportDialog", "Semicolon ;"),
    ",": QT_TRANSLATE_NOOP("ImportDialog", "Comma ,"),
    "\t": QT_TRANSLATE_NOOP("ImportDialog", "Tab"),
    "|": QT_TRANSLATE_NOOP("ImportDialog", "Vertical bar |"),
}
DECIMAL_TITLES = {
    ",": QT_TRANSLATE_NOOP("ImportDialog", "Decimal comma 1,5"),
    ".": QT_TRANSLATE_NOOP("ImportDialog", "Decimal point 1.5"),
}
DATE_ORDER_TITLES = {
    "ISO": QT_TRANSLATE_NOOP("ImportDialog", "Year first (2026-02-03)"),
    "DMY": QT_TRANSLATE_NOOP("ImportDialog", "Day first (03.02.2026)"),
    "MDY": QT_TRANSLATE_NOOP("ImportDialog", "Month first (02/03/2026)"),
}
COUNT_TITLES = {
    "accounts_created": QT_TRANSLATE_NOOP("ImportDialog", "accounts created"),
    "accounts_updated": QT_TRANSLATE_NOOP("ImportDialog", "accounts updated"),
    "accounts_unchanged": QT_TRANSLATE_NOOP("ImportDialog", "accounts unchanged"),
    "contacts_created": QT_TRANSLATE_NOOP("ImportDialog", "contacts created"),
    "contacts_updated": QT_TRANSLATE_NOOP("ImportDialog", "contacts updated"),
    "contacts_unchanged": QT_TRANSLATE_NOOP("ImportDialog", "contacts unchanged"),
    "potential_created": QT_TRANSLATE_NOOP("ImportDialog", "potential slots created"),
    "potential_updated": QT_TRANSLATE_NOOP("ImportDialog", "potential slots updated"),
    "potential_unchanged": QT_TRANSLATE_NOOP("ImportDialog", "potential slots unchanged"),
    "invoice_lines_inserted": QT_TRANSLATE_NOOP("ImportDialog", "invoice lines added"),
    "invoice_lines_skipped": QT_TRANSLATE_NOOP("ImportDialog", "invoice lines already there"),
    "ledger_entries_created": QT_TRANSLATE_NOOP("ImportDialog", "opening balances booked"),
    "ledger_entries_unchanged": QT_TRANSLATE_NOOP("ImportDialog", "opening balances already there"),
    "categories_created": QT_TRANSLATE_NOOP("ImportDialog", "categories created"),
    "users_created": QT_TRANSLATE_NOOP("ImportDialog", "KAM users created"),
}
PHASE_TITLES = {
    "reading": QT_TRANSLATE_NOOP("ImportDialog", "Reading and checking the file…"),
    "applying": QT_TRANSLATE_NOOP("ImportDialog", "Writing to the data store…"),
}


def translated(text: str) -> str:
    """A title marked with QT_TRANSLATE_NOOP above, translated now."""
    return QCoreApplication.translate(CTX, text)


# -- table models -----------------------------------------------------------------------------------

def issue_columns() -> list[Col[ImportIssue]]:
    return [
        Col("file", QT_TRANSLATE_NOOP("ImportDialog", "File"), lambda r, f: r.file),
        Col("row", QT_TRANSLATE_NOOP("ImportDialog", "Row"), lambda r, f: "" if r.row is None else str(r.row),
            sort=lambda r: -1 if r.row is None else r.row, numeric=True),
        Col("column", QT_TRANSLATE_NOOP("ImportDialog", "Column"), lambda r, f: r.column or ""),
        Col("message", QT_TRANSLATE_NOOP("ImportDialog", "Problem"), lambda r, f: _problem(r),
            tip=lambda r, f: _problem(r)),
    ]


def _problem(issue: ImportIssue) -> str:
    """A finding written as a template (an unprintable name) in the UI language; the others as they read."""
    return message_text(issue) if issue.template else issue.message


class SampleModel(QAbstractTableModel):
    """The first rows of the file as text, under the file's own headers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[tuple[str, ...], ...] = ()

    def set_sample(self, headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> None:
        self.beginResetModel()
        self._headers, self._rows = tuple(headers), tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if index.row() >= len(self._rows) or index.column() >= len(self._headers):
            return None
        row = self._rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 2) if 0 <= section < len(self._rows) else None  # spreadsheet rows: header is 1
