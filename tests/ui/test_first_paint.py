"""Work started after the first paint runs after it, once, and still runs when the widget never paints."""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from kam_desktop.ui.first_paint import after_next_paint


class _Painted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        self.paints += 1
        super().paintEvent(event)


def test_it_runs_after_the_widget_has_painted_and_only_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _Painted()
    qtbot.addWidget(widget)
    seen: list[int] = []
    after_next_paint(widget, lambda: seen.append(widget.paints), fallback_ms=60_000)
    widget.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0] >= 1  # the paint had happened when it ran
    widget.update()
    qtbot.wait(100)
    assert len(seen) == 1


def test_a_widget_that_never_paints_still_gets_it_after_the_fallback(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _Painted()
    qtbot.addWidget(widget)  # never shown: no paint
    seen: list[int] = []
    after_next_paint(widget, lambda: seen.append(widget.paints), fallback_ms=50)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [0]
    widget.show()
    qtbot.wait(100)
    assert seen == [0]
