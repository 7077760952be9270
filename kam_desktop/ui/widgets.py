"""Small shared pieces: a sortable table over a RowTableModel, headings, a message line, bar delegate."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kam_desktop.ui.table_model import BAR_ROLE, ROW_ROLE, SORT_ROLE, RowTableModel

ERROR_COLOR, OK_COLOR, MUTED_COLOR = "#b3261e", "#1e7d34", "#5f6b7a"


def heading(text: str = "", parent: QWidget | None = None, scale: float = 1.15) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class MessageLine(QLabel):
    """A line under a form that says, in words, what went wrong (red) or what was done (green)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def error(self, text: str) -> None:
        self.setStyleSheet(f"color: {ERROR_COLOR}")
        self.setText(text)

    def ok(self, text: str) -> None:
        self.setStyleSheet(f"color: {OK_COLOR}")
        self.setText(text)

    def clear_message(self) -> None:
        self.setText("")


class RowTable(QTableView):
    """A read-only, sortable table of a RowTableModel behind a proxy; rows are selected whole."""

    def __init__(self, model: RowTableModel[Any], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        self.empty_text = ""
        model.headerDataChanged.connect(lambda *_a: self.fit_header_texts())

    def set_empty_text(self, text: str) -> None:
        """What the table says while it has no rows: why, and the next step."""
        self.empty_text = text
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.empty_text and self.proxy.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(MUTED_COLOR))
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()

    def current(self) -> Any:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def allow_many(self) -> None:
        """Let the person select several rows (Ctrl/Shift+click, Ctrl+A) to act on them at once."""
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def selected(self) -> list[Any]:
        """The selected rows in the order shown (the current row alone when none is selected)."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        if not rows:
            return [] if self.current() is None else [self.current()]
        return [self.proxy.index(row, 0).data(ROW_ROLE) for row in rows]

    def select_where(self, predicate: Any) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if predicate(index.data(ROW_ROLE)):
                self.setCurrentIndex(index)
                self.selectRow(row)
                return True
        return False

    def fit_columns(self, widths: dict[str, int]) -> None:
        for key, width in widths.items():
            self.horizontalHeader().resizeSection(self.source.column_of(key), width)
        self.fit_header_texts()

    def fit_header_texts(self) -> None:
        """Widen the sections whose (translated) title does not fit; never narrows what the person chose."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        style = header.style()
        room = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + style.pixelMetric(
            QStyle.PixelMetric.PM_HeaderMarkSize) + 8  # margins, the sort arrow and its gap
        for section in range(self.source.columnCount()):
            title = str(self.source.headerData(section, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title) + room
            if header.sectionSize(section) < needed and not (header.stretchLastSection()
                                                            and header.visualIndex(section) == header.count() - 1):
                header.resizeSection(section, needed)


class ShareBarDelegate(QStyledItemDelegate):
    """Paints a share (0…1, from BAR_ROLE) as a bar behind the cell's text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        share = index.data(BAR_ROLE)
        painter.save()
        rect = QRectF(option.rect.adjusted(4, 5, -4, -5))
        if share is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e3e8ef"))
            painter.drawRect(rect)
            filled = QRectF(rect)
            filled.setWidth(rect.width() * max(0.0, min(1.0, float(share))))
            painter.setBrush(QColor("#3b7dd8" if share <= 1 else "#b45309"))
            painter.drawRect(filled)
        painter.setPen(option.palette.text().color())
        painter.drawText(rect.adjusted(4, 0, -4, 0), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         text)
        painter.restore()


class Confirming:
    """A widget that asks Yes before it acts; the open box stays in `confirmation` while it waits (tests answer it)."""

    confirmation: QMessageBox | None = None

    def ask_yes(self, title: str, question: str,
                no: QMessageBox.StandardButton = QMessageBox.StandardButton.No) -> bool:
        """True only after Yes; `no` is the other button and the default one."""
        box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.Yes | no,
                          cast(QWidget, self))
        box.setDefaultButton(no)
        self.confirmation = box
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            self.confirmation = None
            box.deleteLater()
