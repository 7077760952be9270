"""The portfolio pane: filter-as-you-type box with saved filters, the account table with its code and name
frozen on the left and grade badges, a column chooser, copy and export of what is shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

# QInputDialog is imported where it is used: a Qt class named here is made (with its enums) before the first paint.
from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.plain import PortfolioRow
from kam_desktop.ui.frozen_table import FrozenColumnsTable
from kam_desktop.ui.i18n import Formats, Retranslating, fill
from kam_desktop.ui.portfolio_filter import PortfolioFilterProxy
from kam_desktop.ui.portfolio_model import COLUMN_INDEX, COLUMNS, PortfolioModel, Roles

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

ROW_HEIGHT = 26
INITIAL_WIDTHS = {"code": 78, "name": 230, "kind": 90, "grade": 58, "segment": 120, "ltv_12m": 120, "trend": 88,
                  "share_of_wallet": 96, "slot_money": 130, "open_benefits": 100, "pending_exceptions": 118,
                  "at_risk": 76, "churned": 76, "last_statement": 100, "owner": 76, "region": 110, "status": 80,
                  "evaluated_on": 110}
HIDDEN_BY_DEFAULT = ("kind", "region", "status", "evaluated_on")  # the column chooser shows them
FILTER_DELAY_MS = 80
FROZEN = ("code", "name")  # stay on the left while the other columns scroll


KeyHandler = Callable[[QKeyEvent], bool]  # True: the key was acted on (the widget does not see it)


class _KeysFirst:
    """A widget mixin (listed before the Qt class): the owner's key handler sees each key press first.

    A key handler, not an event filter: a filter in Python is called for every event of the widget (~40 before the
    first paint, each event made a Python object)."""

    def __init__(self, keys: KeyHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[call-arg]  # the Qt class after this one in the MRO
        self._keys = keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if not self._keys(event):
            super().keyPressEvent(event)  # type: ignore[misc]


class _KeyedTable(_KeysFirst, FrozenColumnsTable):
    """The portfolio's table: Enter and Ctrl+C are the view's."""


class _KeyedSearch(_KeysFirst, QLineEdit):
    """The portfolio's search field: Down, Enter and Escape are the view's."""


class GradeBadgeDelegate(QStyledItemDelegate):
    """Paints the grade as a coloured pill, so L1…L4 read at a glance."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """The cell as Qt draws it (background, selection, focus) but without its text: the pill says it."""
        super().initStyleOption(option, index)
        option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        grade = index.data(Roles.GRADE)
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
        hint = super().sizeHint(option, index)  # without the text (initStyleOption): the pill's room instead
        font = QFont(option.font)
        font.setBold(True)
        pill = QFontMetrics(font).horizontalAdvance(index.data(Roles.GRADE) or "") + 16
        return QSize(max(hint.width(), pill + 12, 56), hint.height())


class PortfolioView(Retranslating, QWidget):
    """Search box and table over the portfolio model; emits the selected PortfolioRow (or None).

    Code and Account stay on the left while the other columns scroll; the search also finds tax IDs and
    contacts (once `set_search_keys` brought them); Down or Enter in the search box goes to the first result;
    Ctrl+C copies the selected rows; filters can be saved by name. An empty portfolio or a filter that matches
    nothing says so, and what to do next.
    """

    current_row_changed = Signal(object)
    visible_count_changed = Signal(int, int)  # shown, total
    account_opened = Signal(object)  # a PortfolioRow: double click or Enter
    filters_changed = Signal()  # a filter was saved or deleted
    import_requested = Signal()  # the empty store's next steps
    demo_requested = Signal()

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PortfolioModel(formats, self)
        self._reported: PortfolioRow | None = None  # the row current_row_changed last named
        self._loaded = False
        self.saved_filters: dict[str, str] = {}
        self.proxy = PortfolioFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
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
        self.search = _KeyedSearch(self._search_key, self)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.search.setObjectName("portfolioSearch")
        self.filters_button = QToolButton(self)
        self.filters_button.setObjectName("savedFiltersButton")
        self.filters_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filters_menu = QMenu(self.filters_button)
        self.filters_menu.aboutToShow.connect(self._fill_filters_menu)
        self.filters_button.setMenu(self.filters_menu)
        self.count_label = QLabel(self)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search)
        top.addWidget(self.filters_button)
        self.table = self._build_table()
        self.empty = QWidget(self)
        self.empty.setObjectName("portfolioEmpty")
        self.empty_text = QLabel(self.empty)
        self.empty_text.setObjectName("portfolioEmptyText")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_action = QPushButton(self.empty)
        self.empty_action.setObjectName("portfolioEmptyAction")
        self.empty_action.clicked.connect(self._on_empty_action_clicked)
        self.empty_demo = QPushButton(self.empty)
        self.empty_demo.setObjectName("portfolioEmptyDemo")
        self.empty_demo.clicked.connect(self.demo_requested.emit)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        empty_buttons.addWidget(self.empty_action)
        empty_buttons.addWidget(self.empty_demo)
        empty_buttons.addStretch(1)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    def _build_table(self) -> FrozenColumnsTable:
        table = _KeyedTable(self._table_key, self)
        table.setObjectName("portfolioTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        table.freeze([COLUMN_INDEX[key] for key in FROZEN])
        return table

    # -- data ---------------------------------------------------------------------------------------
    def set_rows(self, rows: list[PortfolioRow]) -> None:
        current = self.current_row()
        self._loaded = True
        self.model.set_rows(rows)
        if current is not None:
            self.select_account(current.code)
        self._show_empty_state()

    def set_search_keys(self, keys: Mapping[str, str]) -> None:
        """Tax IDs and contacts the search also finds accounts by (read after the rows)."""
        self.model.set_search_keys(keys)
        self.proxy.refilter()
        self._emit_counts()

    def current_row(self) -> PortfolioRow | None:
        index = self.table.currentIndex()
        return index.data(Roles.ROW) if index.isValid() else None

    def selected_rows(self) -> list[PortfolioRow]:
        """The selected accounts in the order shown (the current one when none is selected)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not rows:
            current = self.current_row()
            return [] if current is None else [current]
        return [self.proxy.index(r, 0).data(Roles.ROW) for r in rows]

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

    # -- what the screen shows: for copying and exporting ------------------------------------------------
    def visible_sections(self) -> list[int]:
        """The columns shown, in the order shown."""
        header = self.table.horizontalHeader()
        return [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]

    def view_table(self, rows: list[PortfolioRow] | None = None) -> tuple[list[str], list[list[Any]]]:
        """(headers, rows) of the view: the visible columns in their order; cells as the screen writes them,
        except amounts and counts, which stay numbers (a spreadsheet then sums and sorts them)."""
        sections = self.visible_sections()
        headers = [str(self.model.headerData(s, Qt.Orientation.Horizontal)) for s in sections]
        shown = rows if rows is not None else [self.proxy.index(r, 0).data(Roles.ROW)
                                               for r in range(self.proxy.rowCount())]
        return headers, [[self.model.export_value(row, COLUMNS[s].key) for s in sections] for row in shown]

    def copy_selection(self) -> int:
        """Ctrl+C: the selected rows (visible columns, with their titles) as tab-separated text."""
        rows = self.selected_rows()
        if not rows:
            return 0
        sections = self.visible_sections()
        headers = [str(self.model.headerData(s, Qt.Orientation.Horizontal)) for s in sections]
        lines = ["\t".join(headers)]
        for row in rows:
            lines.append("\t".join(self.model.display_text(row, COLUMNS[s].key).replace("\t", " ") for s in sections))
        QGuiApplication.clipboard().setText("\r\n".join(lines) + "\r\n")
        return len(rows)

    # -- filter ---------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def _apply_filter(self) -> None:
        self.proxy.set_filter_text(self.search.text())
        self._emit_counts()

    def apply_filter_now(self) -> None:
        """Filter at once (a chosen saved filter, Enter in the search box) instead of after the typing pause."""
        self._filter_timer.stop()
        self._apply_filter()

    def save_filter(self, name: str) -> bool:
        """Remember the search text under `name` (replacing one of that name); False for an empty name or text."""
        name, text = name.strip(), self.search.text().strip()
        if not name or not text:
            return False
        self.saved_filters[name] = text
        self.filters_changed.emit()
        return True

    def delete_filter(self, name: str) -> None:
        if self.saved_filters.pop(name, None) is not None:
            self.filters_changed.emit()

    def use_filter(self, name: str) -> None:
        self.search.setText(self.saved_filters[name])
        self.apply_filter_now()

    def _fill_filters_menu(self) -> None:
        menu = self.filters_menu
        menu.clear()
        for name in sorted(self.saved_filters, key=str.casefold):
            action = menu.addAction(name)
            action.setToolTip(self.saved_filters[name])
            action.triggered.connect(lambda _c=False, n=name: self.use_filter(n))
        if self.saved_filters:
            menu.addSeparator()
        save = menu.addAction(self.tr("Save this filter…"))
        save.setEnabled(bool(self.search.text().strip()))
        save.triggered.connect(self._ask_filter_name)
        if self.saved_filters:
            delete = menu.addMenu(self.tr("Delete a saved filter"))
            for name in sorted(self.saved_filters, key=str.casefold):
                delete.addAction(name).triggered.connect(lambda _c=False, n=name: self.delete_filter(n))

    def _ask_filter_name(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, self.tr("Save this filter"),
                                        fill(self.tr("A name for the filter “{text}”:"), text=self.search.text()))
        if ok:
            self.save_filter(name)

    def _emit_counts(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self._count_text(shown, total))
        self.visible_count_changed.emit(shown, total)
        self._show_empty_state()

    def _count_text(self, shown: int, total: int) -> str:
        if shown == total:
            return self.tr("%n account(s)", "", total)
        return fill(self.tr("{shown} of {total} accounts"), shown=self.model.formats_number(shown),
                    total=self.model.formats_number(total))

    def _show_empty_state(self) -> None:
        """No rows: say why (a new store, a filter with no match) and offer the next step."""
        empty = self._loaded and self.proxy.rowCount() == 0
        self.table.setVisible(not empty)
        self.empty.setVisible(empty)
        if not empty:
            return
        if self.model.rowCount() == 0:
            self.empty_text.setText(self.tr("This data store has no accounts yet.\n\nImport your accounts from the "
                                            "ERP (a CSV or Excel export), or load the demo company to try KAM "
                                            "Desktop first."))
            self.empty_action.setText(self.tr("&Import accounts…"))
            self.empty_demo.setVisible(True)
        else:
            self.empty_text.setText(fill(self.tr("No account matches “{text}”.\n\nThe search looks in codes, names, "
                                                 "KAMs, regions, tax IDs and contacts; every word must match."),
                                         text=self.search.text().strip()))
            self.empty_action.setText(self.tr("&Clear the filter"))
            self.empty_demo.setVisible(False)

    def _on_empty_action_clicked(self) -> None:
        if self.model.rowCount() == 0:
            self.import_requested.emit()
        else:
            self.search.clear()
            self.apply_filter_now()
            self.focus_search()

    # -- keys ------------------------------------------------------------------------------------------
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.account_opened.emit(index.data(Roles.ROW))

    def _table_key(self, event: QKeyEvent) -> bool:
        """Enter on a row opens the account; Ctrl+C copies the rows."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.current_row()
            if row is not None:
                self.account_opened.emit(row)
                return True
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return True
        return False

    def _search_key(self, event: QKeyEvent) -> bool:
        """Down or Enter reaches the first result (Enter opens it); Escape clears the search."""
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._go_to_first_result(open_it=key != Qt.Key.Key_Down)
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        return False

    def _go_to_first_result(self, open_it: bool) -> bool:
        self.apply_filter_now()
        if self.proxy.rowCount() == 0:
            return True
        current = self.table.currentIndex()
        if not current.isValid():
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if open_it:
            row = self.current_row()
            if row is not None:
                self.account_opened.emit(row)
        return True

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
        """Show/hide columns (code and account, frozen on the left, always stay) and reset the layout."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i in range(len(COLUMNS)):
            action = QAction(str(self.model.headerData(i, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(COLUMNS[i].key not in FROZEN)
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
        self.table._sync_columns()  # the frozen part follows the restored widths

    # -- language ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Portfolio"))
        self.search.setPlaceholderText(self.tr("Code, name, tax ID, contact, KAM, region (Ctrl+F)"))
        self.filters_button.setText(self.tr("Saved filters"))
        self.filters_button.setToolTip(self.tr("Apply, save or delete a named filter"))
        self.empty_demo.setText(self.tr("Load the &demo company…"))
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
