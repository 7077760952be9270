"""Small vector charts for statements, drawn straight onto the canvas: grade progress and share-of-wallet bars.

They were `reportlab.graphics` drawings; the renderer walks a shape tree and saves and restores the
graphics state around every shape, which made these few rectangles ~a fifth of a statement's rendering
time. The flowables here issue the same rectangles, lines and strings in the same order.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable

from kam_desktop.documents.content import GradeProgress
from kam_desktop.documents.fonts import BOLD, REGULAR
from kam_desktop.documents.formats import Formats
from kam_desktop.documents.pdf import ACCENT, MUTED, RULE
from kam_desktop.documents.texts import quarter_short

BAR = HexColor("#5B8DB8")
TRACK = HexColor("#E5E7EB")
TARGET = HexColor("#C2410C")
WHITE = HexColor("#FFFFFF")
BASELINE = 30.0  # the bars stand on this line; the quarter labels and the progress bar are below it


def _short(fmt: Formats, value: Decimal) -> str:
    """Compact axis labels in the document's language: 755.9k, 755,9 tys., 755,9 тыс."""
    return fmt.compact(value)


class _Chart(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A fixed-size flowable that draws itself with plain canvas calls."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _box(self, x: float, y: float, width: float, height: float, color: Color) -> None:
        self.canv.setFillColor(color)
        self.canv.rect(x, y, width, height, stroke=0, fill=1)


class ProgressChart(_Chart):
    """Bars of the grade metric at each quarter end, the next grade's threshold as a line, a progress bar."""

    def __init__(self, progress: GradeProgress, fmt: Formats, width: float, height: float) -> None:
        super().__init__(width, height)
        self.progress = progress
        self.fmt = fmt

    def draw(self) -> None:
        progress = self.progress
        bar_area = self.height - 10 - 34  # leave room for the labels and the progress bar below
        threshold = progress.next_threshold
        peak = max([v for _, v in progress.history] + [threshold or Decimal(0), Decimal(1)]) * Decimal("1.12")
        self._bars(peak, bar_area)
        if threshold is not None:
            self._threshold(BASELINE + float(threshold / peak) * bar_area)
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(0, BASELINE, self.width, BASELINE)
        self._progress_bar()

    def _bars(self, peak: Decimal, bar_area: float) -> None:
        history = self.progress.history
        if not history:
            return
        canvas = self.canv
        slot = (self.width - 22) / len(history)  # the right edge is kept for the threshold's label
        for index, (quarter, value) in enumerate(history):
            h = float(max(value, Decimal(0)) / peak) * bar_area
            x = index * slot + slot * 0.2
            self._box(x, BASELINE, slot * 0.6, h, BAR)
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, 6)
            canvas.drawCentredString(x + slot * 0.3, BASELINE + 3 + h, _short(self.fmt, value))
            canvas.setFont(REGULAR, 6.5)
            canvas.drawCentredString(x + slot * 0.3, 22, quarter_short(self.fmt.lang, quarter))

    def _threshold(self, y: float) -> None:
        canvas = self.canv
        canvas.setFillColor(TARGET)
        canvas.setFont(BOLD, 7)
        canvas.drawRightString(self.width, y - 2.5, self.progress.next_grade_code)
        canvas.saveState()  # the dash must not carry over to the base line
        canvas.setStrokeColor(TARGET)
        canvas.setLineWidth(0.8)
        canvas.setDash([3, 2], 0)
        canvas.line(0, y, self.width - 18, y)
        canvas.restoreState()

    def _progress_bar(self) -> None:
        progress = self.progress
        threshold = progress.next_threshold
        ratio = Decimal(1) if not threshold else min(max(progress.value / threshold, Decimal(0)), Decimal(1))
        self._box(0, 4, self.width, 8, TRACK)
        self._box(0, 4, float(ratio) * self.width, 8, ACCENT)
        label = f"{progress.grade_code} → {progress.next_grade_code}" if threshold else progress.grade_code
        self.canv.setFillColor(WHITE if ratio > Decimal("0.35") else ACCENT)
        self.canv.setFont(BOLD, 6)
        self.canv.drawString(2, 6, f"{label}  {self.fmt.ratio(ratio)}")


class ShareBar(_Chart):
    """A thin bar filled to `share` (0…1)."""

    def __init__(self, share: Decimal, width: float, height: float = 8) -> None:
        super().__init__(width, height)
        self.filled = float(min(max(share, Decimal(0)), Decimal(1))) * width

    def draw(self) -> None:
        self._box(0, 1, self.width, self.height - 2, TRACK)
        self._box(0, 1, self.filled, self.height - 2, BAR)


def progress_chart(progress: GradeProgress, fmt: Formats, width: float, height: float) -> ProgressChart:
    """The grade progress chart of a statement (see `ProgressChart`)."""
    return ProgressChart(progress, fmt, width, height)


def share_bar(share: Decimal, width: float, height: float = 8) -> ShareBar:
    """A thin bar filled to `share` (0…1)."""
    return ShareBar(share, width, height)
