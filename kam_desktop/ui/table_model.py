"""A thin table model over a list of plain rows from a service: columns say how a cell reads and sorts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from kam_desktop.ui.i18n import Formats

R = TypeVar("R")
ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts natively (numbers as numbers)
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the row object itself
BAR_ROLE = Qt.ItemDataRole.UserRole + 10  # a share 0…1 a bar delegate draws


@dataclass(frozen=True)
class Col(Generic[R]):
    """One column: its (untranslated) title, how a row reads in it, and optionally sorts and colours."""

    key: str
    title: str
    text: Callable[[R, Formats], str]
    sort: Callable[[R], Any] | None = None
    numeric: bool = False
    color: Callable[[R], str | None] | None = None
    tip: Callable[[R, Formats], str | None] | None = None
    bar: Callable[[R], float | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Adapts rows (dataclasses from a service) for Qt views; it keeps nothing but the list."""

    def __init__(self, context: str, columns: Sequence[Col[R]], formats: Formats, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self.columns = tuple(columns)
        self._formats = formats
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def set_formats(self, formats: Formats) -> None:
        self._formats = formats
        self.retranslate()

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        answer = _ROLES.get(role)
        return None if answer is None else answer(self._rows[index.row()], self.columns[index.column()], self._formats)


def _foreground(row: Any, column: Col[Any], _formats: Formats) -> QColor | None:
    color = column.color(row) if column.color is not None else None
    return QColor(color) if color else None


# What each role answers for (row, column, formats); a role not here answers None.
_ROLES: dict[int, Callable[[Any, Col[Any], Formats], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda row, column, formats: column.text(row, formats),
    SORT_ROLE: lambda row, column, formats: _sortable(column.sort(row) if column.sort else column.text(row, formats)),
    Qt.ItemDataRole.TextAlignmentRole: lambda row, column, _formats: _alignment(column),
    Qt.ItemDataRole.ForegroundRole: _foreground,
    Qt.ItemDataRole.ToolTipRole: lambda row, column, formats: column.tip(row, formats) if column.tip else None,
    ROW_ROLE: lambda row, _column, _formats: row,
    BAR_ROLE: lambda row, column, _formats: column.bar(row) if column.bar is not None else None,
}


def _alignment(column: Col[Any]) -> int:
    horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
    return int(horizontal | Qt.AlignmentFlag.AlignVCenter)


def _sortable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if value is None:
        return float("-inf")
    if isinstance(value, str):
        return value.casefold()
    if hasattr(value, "toordinal"):
        return value.toordinal()
    return value
