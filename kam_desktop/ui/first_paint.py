"""Run something once a widget has painted: work that would compete with the first paint waits for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _PaintWatch(QObject):
    """Calls `then` on the event-loop turn after `widget`'s next paint, or after `fallback_ms` if it never paints
    (a minimized window), whichever comes first; once."""

    def __init__(self, widget: QWidget, then: Callable[[], object], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], object] | None = then
        self._fallback = QTimer(self, singleShot=True, interval=fallback_ms)
        self._fallback.timeout.connect(self._run)
        widget.installEventFilter(self)
        self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # Qt asks for paints at low priority: a zero timer set before the paint would run before it, one set
            # while it is delivered runs after it
            QTimer.singleShot(0, self, self._run)
        return False  # the widget paints as ever

    def _run(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None  # once
        self._fallback.stop()
        self._widget.removeEventFilter(self)
        then()
        self.deleteLater()


def after_next_paint(widget: QWidget, then: Callable[[], object], fallback_ms: int = 1_000) -> None:
    """Call `then` once `widget` has painted (or after `fallback_ms` without a paint)."""
    _PaintWatch(widget, then, fallback_ms)
