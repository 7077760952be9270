"""The portfolio pane: filter-as-you-type box, the account table with grade badges, a column chooser."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.plain import PortfolioRow
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.portfolio_filter import PortfolioFilterProxy
from kam_desktop.ui.portfolio_model import COLUMN_INDEX, COLUMNS, PortfolioModel, Roles

ROW_HEIGHT = 26
INITIAL_WIDTHS = {"code": 78, "name": 230, "kind": 90, "grade": 58, "segment": 120, "ltv_12m": 120, "trend": 88,
                  "share_of_wallet": 96, "slot_money": 130, "open_benefits": 100, "pending_exceptions": 118,
                  "at_risk": 76, "churned": 76, "last_statement": 100, "owner": 76, "region": 110, "status": 80,
                  "evaluated_on": 110}
HIDDEN_BY_DEFAULT = ("kind", "region", "status", "evaluated_on")  # the column chooser shows them
FILTER_DELAY_MS = 80


class GradeBadgeDelegate(QStyledItemDelegate):
    """Paints the grade as a coloured pill, so L1…L4 read at a glance."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        grade = index.data(Roles.GRADE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not grade:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(grade) + 16
        height = min(option.rect.height() - 6, metrics.height() + 4)
        rect = QRectF(option.rect.x() + 6, option.rect.center().y() - height / 2 + 0.5, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(index.data(Roles.BADGE_COLOR) or QColor("#9aa3b2"))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, grade)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 56), hint.height())


class PortfolioView(QWidget):
    """Search box and table over the portfolio model; emits the selected PortfolioRow (or None)."""

    current_row_changed = Signal(object)
    visible_count_changed = Signal(int, int)  # shown, total
    account_opened = Signal(object)  # a PortfolioRow: double click or Enter

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PortfolioModel(formats, self)
        self._reported: PortfolioRow | None = None  # the row current_row_changed last named
        self.proxy = PortfolioFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        self.proxy.rowsInserted.connect(self._emit_counts)
        self.proxy.rowsRemoved.connect(self._emit_counts)
        self.proxy.modelReset.connect(self._emit_counts)
        self.proxy.layoutChanged.connect(self._on_proxy_layout_changed)
        self.retranslate()

    def _build(self) -> None:
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.setObjectName("portfolioSearch")
        self.count_label = QLabel(self)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search)
        self.table = self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("portfolioTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setItemDelegateForColumn(COLUMN_INDEX["grade"], GradeBadgeDelegate(table))
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: instant at 20,000 accounts
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        self.reset_columns(table)
        return table

    # -- data ---------------------------------------------------------------------------------------
    def set_rows(self, rows: list[PortfolioRow]) -> None:
        current = self.current_row()
        self.model.set_rows(rows)
        if current is not None:
            self.select_account(current.code)

    def current_row(self) -> PortfolioRow | None:
        index = self.table.currentIndex()
        return index.data(Roles.ROW) if index.isValid() else None

    def select_account(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(Roles.ROW).code == code:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def set_formats(self, formats: Formats) -> None:
        self.model.set_formats(formats)

    # -- filter ---------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def _apply_filter(self) -> None:
        self.proxy.set_filter_text(self.search.text())
        self._emit_counts()

    def _emit_counts(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self._count_text(shown, total))
        self.visible_count_changed.emit(shown, total)

    def _count_text(self, shown: int, total: int) -> str:
        if shown == total:
            return self.tr("%n account(s)", "", total)
        return self.tr("%1 of %2 accounts").replace("%1", str(shown)).replace("%2", str(total))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.account_opened.emit(index.data(Roles.ROW))

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter on a row opens the account, as a double click does."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            row = self.current_row()
            if row is not None:
                self.account_opened.emit(row)
                return True
        return super().eventFilter(watched, event)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._report_current(current.data(Roles.ROW) if current.isValid() else None)

    def _on_proxy_layout_changed(self, *_args: object) -> None:
        self._emit_counts()
        if self._reported is not None and not self.table.currentIndex().isValid():
            self._report_current(None)  # filtered out: a layout change moves no current row, so say it

    def _report_current(self, row: PortfolioRow | None) -> None:
        self._reported = row
        self.current_row_changed.emit(row)

    # -- columns ---------------------------------------------------------------------------------------
    def reset_columns(self, table: QTableView | None = None) -> None:
        table = table or self.table
        header = table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            header.moveSection(header.visualIndex(i), i)
            header.setSectionHidden(i, column.key in HIDDEN_BY_DEFAULT)
            header.resizeSection(i, INITIAL_WIDTHS.get(column.key, 100))

    def _on_header_context_menu(self, pos: QPoint) -> None:
        self.column_menu().exec(self.table.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """Show/hide columns (the account column always stays) and reset the layout."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i in range(len(COLUMNS)):
            action = QAction(str(self.model.headerData(i, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(COLUMNS[i].key != "name")
            action.toggled.connect(lambda on, section=i: header.setSectionHidden(section, not on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.reset_columns)
        return menu

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray | None) -> None:
        if state is not None and not self.table.horizontalHeader().restoreState(state):
            self.reset_columns()

    # -- language ---------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Portfolio"))
        self.search.setPlaceholderText(self.tr("Filter by code, name, KAM or region  (Ctrl+F)"))
        self.table.setToolTip("")
        self.model.retranslate()
        self._emit_counts()
        self._fit_header_texts()

    def _fit_header_texts(self) -> None:
        """Widen sections whose (translated) title no longer fits; never narrows what the user chose."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for i in range(len(COLUMNS)):
            title = str(self.model.headerData(i, Qt.Orientation.Horizontal))
            needed = metrics.horizontalAdvance(title) + 22  # margins and the sort arrow
            if header.sectionSize(i) < needed:
                header.resizeSection(i, needed)
