"""Does every text fit? Walk every screen and dialog in every language and list each label, button, tab, column
title, group title, combo text or placeholder that is cut or elided where it should fit, and each widget squeezed
below its minimum size — by comparing font-metric widths with the room the widget has.

Used in-process by tests/ui/test_layout.py, and as a program in a subprocess with another scale:

    QT_SCALE_FACTOR=1.5 python -m tests.ui.layout_check DEMO.sqlite     # prints one JSON list of problems
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTabBar,
    QWidget,
)

WINDOW = QSize(1280, 800)
WAIT_MS = 60_000
_TAGS = re.compile(r"<[^>]+>")
SLACK = 1  # a pixel of rounding


def _inside_view_or_chart(widget: QWidget) -> bool:
    """Cells of item views (their text is data, elided by design) and chart internals are not checked."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGraphicsView | QAbstractItemView) and not isinstance(widget, QHeaderView):
            return True
        parent = parent.parentWidget()
    return False


def _shown(widget: QWidget) -> bool:
    """A widget of ours on screen (Qt's own parts, named qt_…, are sized by their owner)."""
    return (widget.isVisible() and widget.width() > 0 and not widget.objectName().startswith("qt_")
            and not _inside_view_or_chart(widget))


def _name(widget: QWidget) -> str:
    chain = []
    current: QWidget | None = widget
    while current is not None and len(chain) < 3:
        chain.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(chain))


def _label(label: QLabel) -> Iterator[str]:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    if label.wordWrap():
        if label.heightForWidth(label.width()) > label.height() + SLACK:
            yield f"{_name(label)}: wrapped text needs {label.heightForWidth(label.width())} px of height, has {label.height()}"
        return
    rich = label.textFormat() == Qt.TextFormat.RichText or (label.textFormat() == Qt.TextFormat.AutoText
                                                            and GuiQt.mightBeRichText(text))
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        needed = int(document.idealWidth())
        shown = _TAGS.sub("", text)
    else:
        metrics = label.fontMetrics()
        needed = max(metrics.horizontalAdvance(line) for line in text.replace("&", "").splitlines() or [""])
        shown = text
    if needed > room + SLACK:
        yield f"{_name(label)}: “{shown[:60]}” needs {needed} px, has {room}"


def _button(button: QAbstractButton) -> Iterator[str]:
    if button.text() and button.sizeHint().width() > button.width() + SLACK:
        yield f"{_name(button)}: button “{button.text()}” needs {button.sizeHint().width()} px, has {button.width()}"


def _tabs(bar: QTabBar) -> Iterator[str]:
    for i in range(bar.count()):
        hint, rect = bar.tabSizeHint(i).width(), bar.tabRect(i).width()
        if bar.tabText(i) and rect + SLACK < hint and bar.elideMode() != Qt.TextElideMode.ElideNone:
            yield f"{_name(bar)}: tab “{bar.tabText(i)}” needs {hint} px, has {rect}"


def _header(header: QHeaderView) -> Iterator[str]:
    if header.orientation() != Qt.Orientation.Horizontal or not header.isVisible():
        return
    model = header.model()
    if model is None:
        return
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
    metrics = header.fontMetrics()
    last = header.count() - 1
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not title:
            continue
        needed = metrics.horizontalAdvance(title) + margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += mark
        stretched = header.stretchLastSection() and header.visualIndex(section) == last
        if needed > header.sectionSize(section) + SLACK and not stretched:
            yield f"{_name(header)}: column “{title}” needs {needed} px, has {header.sectionSize(section)}"


def _group(box: QGroupBox) -> Iterator[str]:
    needed = box.fontMetrics().horizontalAdvance(box.title().replace("&", "")) + 16
    if box.title() and needed > box.width() + SLACK:
        yield f"{_name(box)}: group “{box.title()}” needs {needed} px, has {box.width()}"


def _combo(combo: QComboBox) -> Iterator[str]:
    text = combo.currentText()
    arrow = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 12
    needed = combo.fontMetrics().horizontalAdvance(text) + arrow
    if text and needed > combo.width() + SLACK:
        yield f"{_name(combo)}: choice “{text}” needs {needed} px, has {combo.width()}"


def _line(edit: QLineEdit) -> Iterator[str]:
    placeholder = edit.placeholderText()
    if placeholder and not edit.text():
        needed = edit.fontMetrics().horizontalAdvance(placeholder) + 12
        if needed > edit.width() + SLACK:
            yield f"{_name(edit)}: placeholder “{placeholder}” needs {needed} px, has {edit.width()}"


def _squeezed(widget: QWidget) -> Iterator[str]:
    smallest = widget.minimumSizeHint()
    if widget.layout() is None and isinstance(widget, QLabel | QAbstractButton | QComboBox | QLineEdit) and (
            widget.width() + SLACK < smallest.width() or widget.height() + SLACK < smallest.height()):
        yield (f"{_name(widget)}: squeezed to {widget.width()}×{widget.height()} below its minimum "
               f"{smallest.width()}×{smallest.height()}")


CHECKS: list[tuple[type, Callable[[Any], Iterator[str]]]] = [
    (QLabel, _label), (QAbstractButton, _button), (QTabBar, _tabs), (QHeaderView, _header), (QGroupBox, _group),
    (QComboBox, _combo), (QLineEdit, _line),
]


def clipped(root: QWidget) -> list[str]:
    """Every text of `root` (and its visible children) that does not fit."""
    _settle()
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        for kind, check in CHECKS:
            if isinstance(widget, kind):
                found += check(widget)
        found += _squeezed(widget)
    return found


def _settle() -> None:
    for _ in range(4):  # layout requests cascade child → parent, one event-loop pass each
        QApplication.processEvents()


def _wait(signal: Any) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()


# -- every screen ------------------------------------------------------------------------------------------
def screens(window: Any) -> Iterator[tuple[str, QWidget, Callable[[], None]]]:
    """(name, widget to check, how to close it) for every screen, as a person would open them."""
    from kam_desktop.services.benefits.catalog import BenefitLine
    from kam_desktop.ui.approvals_inbox import ApprovalsInbox
    from kam_desktop.ui.decision_dialog import DecisionDialog

    window.resize(WINDOW)
    window.tabs.setCurrentIndex(0)
    yield "portfolio", window, lambda: None
    code = next(window.portfolio.model.row_at(r).code for r in range(window.portfolio.model.rowCount()))
    workspace = window.open_account(code)
    if workspace.data is None:
        _wait(workspace.loaded)
    for i in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(i)
        yield f"account tab {i}", window, lambda: None
    for table in (workspace.benefits.table, workspace.exceptions.table):
        if table.proxy.rowCount():
            table.selectRow(0)
    workspace.tabs.setCurrentWidget(workspace.benefits)
    yield "benefits with a benefit selected", window, lambda: None
    inbox = window.screens.open_inbox()
    assert isinstance(inbox, ApprovalsInbox)
    _wait(inbox.loaded)
    yield "approvals", window, lambda: None
    dashboard = window.screens.open_dashboard()
    if dashboard.data is None:
        _wait(dashboard.loaded)
    yield "dashboard", window, lambda: None
    for name, make in (("exception dialog", lambda: workspace.exceptions.new_request()),
                       ("benefit dialog", lambda: workspace.benefits.open_add_dialog()),
                       ("settings", window.open_settings), ("about", window.show_about),
                       ("shortcuts", window.show_shortcuts), ("guide", window.show_guide),
                       ("decision", lambda: DecisionDialog("Reject", "Reject EXC-2026-00001?", "Why?", "&Reject",
                                                           parent=window))):
        dialog = make()
        dialog.show()
        yield name, dialog, dialog.close
    line = BenefitLine(__import__("uuid").uuid4(), "GIFT", {"en": "Business gift", "pl": "Upominek", "ru": "Подарок"},
                       Decimal(500), "money", window.services.desk.today(), None, "active", Decimal(500), Decimal(100),
                       "PLN", None, None)
    from kam_desktop.ui.benefit_dialog import UsageDialog

    usage = UsageDialog(window.services.desk, line, window.formats, window)
    usage.show()
    yield "usage dialog", usage, usage.close
    simulator = window.screens.open_simulator()
    _wait(simulator.computed)
    yield "simulator", simulator, simulator.close


def problems(window: Any, languages: tuple[str, ...] = ("en", "pl", "ru")) -> list[str]:
    """Every clipped text of every screen in every language: `language · screen · what`."""
    found = []
    for language in languages:
        window.set_language(language)
        for name, widget, close in screens(window):
            found += [f"{language} · {name} · {problem}" for problem in clipped(widget)]
            close()
    return found


def main(argv: list[str]) -> int:
    """Open the demo store at argv[0] as its sales director and print the problems as JSON (exit 0)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KAM_TODAY", "2026-03-31")
    from kam_desktop.app import services_for
    from kam_desktop.services.clock import clock_from_environment
    from kam_desktop.services.desk import Desk
    from kam_desktop.store.store import Store
    from kam_desktop.ui.i18n import Translators
    from kam_desktop.ui.main_window import MainWindow
    from kam_desktop.ui.settings import UiSettings

    app = QApplication.instance() or QApplication(["layout-check"])
    store = Store.open(Path(argv[0]))
    translators = Translators()
    translators.switch("en")
    settings = UiSettings.at(Path(argv[0]).with_suffix(".ini"))
    window = MainWindow(services_for(Desk.open(store, "k.wisniewska", clock_from_environment()), settings), settings,
                        translators, interactive=False)
    window.show()
    window.portfolio.set_rows(window.services.load_portfolio())
    try:
        print(json.dumps(problems(window), ensure_ascii=False))
    finally:
        window.close()
        translators.clear()
        store.dispose()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
