"""A table whose first columns stay in place while the others scroll sideways (Qt's frozen-column pattern):
a second view over the same model and selection lies on the left edge and scrolls up and down with it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kam_desktop.ui.qt_workarounds import python_viewport

ModelIndex = QModelIndex | QPersistentModelIndex


class FrozenColumnsTable(QTableView):
    """`frozen` are logical sections kept first and always visible; set the model before `freeze`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        python_viewport(self)  # `viewport()` is called before the first paint (see there)
        self.frozen_sections: tuple[int, ...] = ()
        self.front = QTableView(self)
        self.front.setObjectName("frozenColumns")
        self.front.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.front.verticalHeader().hide()
        self.front.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.front.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.front.setFrameShape(QTableView.Shape.NoFrame)
        self.front.setShowGrid(False)
        self.front.setWordWrap(False)
        self.front.setAlternatingRowColors(True)
        self.front.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.front.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.front.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.front.horizontalHeader().setHighlightSections(False)
        self.front.setStyleSheet("QTableView#frozenColumns { border: none; border-right: 1px solid #c8ced8; }")
        # Opaque (its header, cells and border cover its background anyway), so Qt leaves the table's cells beneath
        # it unpainted: they were painted and then hidden, a quarter of the cells of the first paint.
        self.front.setAutoFillBackground(True)
        self.viewport().stackUnder(self.front)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # scrollTo below counts pixels

    def freeze(self, sections: Sequence[int]) -> None:
        """Keep these logical sections first and in view (after `setModel`)."""
        self.frozen_sections = tuple(sections)
        self.front.setModel(self.model())
        self.front.setSelectionModel(self.selectionModel())
        self.front.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self.front.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.sectionResized.connect(self._on_header_section_resized)
        header.sectionMoved.connect(self._on_header_section_moved)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.front.horizontalHeader().sectionClicked.connect(self._on_front_section_clicked)
        self.verticalScrollBar().valueChanged.connect(self.front.verticalScrollBar().setValue)
        self.front.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.front.doubleClicked.connect(self.doubleClicked.emit)
        model = self.model()
        model.modelReset.connect(self._sync_columns)
        model.layoutChanged.connect(self._sync_columns)
        self._sync_columns()

    def _sync_columns(self, *_args: object) -> None:
        model = self.model()
        if model is None:
            return
        header, front = self.horizontalHeader(), self.front.horizontalHeader()
        for section in range(model.columnCount()):
            frozen = section in self.frozen_sections
            self.front.setColumnHidden(section, not frozen)
            if frozen:
                front.resizeSection(section, header.sectionSize(section))
        self._keep_first()
        self._place()

    def _keep_first(self) -> None:
        """The frozen sections stay the first ones, in their order, whatever the person moved."""
        header = self.horizontalHeader()
        for position, section in enumerate(self.frozen_sections):
            if header.visualIndex(section) != position:
                header.blockSignals(True)
                header.moveSection(header.visualIndex(section), position)
                header.blockSignals(False)
            header.setSectionHidden(section, False)

    def _on_header_section_resized(self, section: int, _old: int, new: int) -> None:
        if section in self.frozen_sections:
            self.front.horizontalHeader().resizeSection(section, new)
            self._place()

    def _on_header_section_moved(self, *_args: object) -> None:
        self._keep_first()
        self._place()

    def _on_header_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        self.front.horizontalHeader().setSortIndicatorShown(section in self.frozen_sections)
        self.front.horizontalHeader().setSortIndicator(section, order)

    def _on_front_section_clicked(self, section: int) -> None:
        header = self.horizontalHeader()
        same = header.sortIndicatorSection() == section
        order = header.sortIndicatorOrder()
        flipped = Qt.SortOrder.AscendingOrder if order == Qt.SortOrder.DescendingOrder else Qt.SortOrder.DescendingOrder
        self.sortByColumn(section, flipped if same else Qt.SortOrder.AscendingOrder)

    def frozen_width(self) -> int:
        header = self.horizontalHeader()
        return sum(header.sectionSize(s) for s in self.frozen_sections if not header.isSectionHidden(s))

    def _place(self) -> None:
        frame = self.frameWidth()
        self.front.setGeometry(self.verticalHeader().width() + frame, frame, self.frozen_width(),
                               self.viewport().height() + self.horizontalHeader().height())
        self.front.horizontalHeader().setFixedHeight(self.horizontalHeader().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt API
        super().updateGeometries()
        if self.frozen_sections:
            self._place()

    def scrollTo(self, index: ModelIndex,  # noqa: N802 - Qt API
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Only rows scroll for a frozen cell; a cell to its right scrolls clear of the frozen part."""
        if index.column() in self.frozen_sections:
            current = self.horizontalScrollBar().value()
            super().scrollTo(index, hint)
            self.horizontalScrollBar().setValue(current)
            return
        super().scrollTo(index, hint)
        x = self.visualRect(index).left()
        if 0 <= x < self.frozen_width():
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + x - self.frozen_width())
