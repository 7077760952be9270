"""Small vector charts for statements (reportlab.graphics): grade progress and share-of-wallet bars."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor

from kam_desktop.documents.content import GradeProgress
from kam_desktop.documents.fonts import BOLD, REGULAR
from kam_desktop.documents.formats import Formats
from kam_desktop.documents.pdf import ACCENT, MUTED, RULE

BAR = HexColor("#5B8DB8")
TRACK = HexColor("#E5E7EB")
TARGET = HexColor("#C2410C")


def _short(fmt: Formats, value: Decimal) -> str:
    """Compact axis labels: 1.2k / 3.4M in the document's number format."""
    for limit, suffix in ((Decimal(1_000_000), "M"), (Decimal(1_000), "k")):
        if abs(value) >= limit:
            return fmt.number(value / limit, 1) + suffix
    return fmt.number(value)


def progress_chart(progress: GradeProgress, fmt: Formats, width: float, height: float) -> Drawing:
    """Bars of the grade metric at each quarter end, the next grade's threshold as a line, a progress bar."""
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=7)
    history = progress.history or ()
    bar_top = height - 10
    bar_area = bar_top - 34  # leave room for the labels and the progress bar below
    threshold = progress.next_threshold
    peak = max([v for _, v in history] + [threshold or Decimal(0), Decimal(1)]) * Decimal("1.12")
    if history:
        slot = (width - 22) / len(history)  # the right edge is kept for the threshold's label
        for index, (quarter, value) in enumerate(history):
            h = float(max(value, Decimal(0)) / peak) * bar_area
            x = index * slot + slot * 0.2
            drawing.add(Rect(x, 30, slot * 0.6, h, fillColor=BAR, strokeColor=None))
            drawing.add(String(x + slot * 0.3, 33 + h, _short(fmt, value), fontName=REGULAR, fontSize=6,
                               fillColor=MUTED, textAnchor="middle"))
            drawing.add(String(x + slot * 0.3, 22, str(quarter), fontName=REGULAR, fontSize=6.5,
                               fillColor=MUTED, textAnchor="middle"))
    if threshold is not None:
        y = 30 + float(threshold / peak) * bar_area
        drawing.add(String(width, y - 2.5, progress.next_grade_code, fontName=BOLD, fontSize=7,
                           fillColor=TARGET, textAnchor="end"))
        drawing.add(Line(0, y, width - 18, y, strokeColor=TARGET, strokeWidth=0.8, strokeDashArray=[3, 2]))
    drawing.add(Line(0, 30, width, 30, strokeColor=RULE, strokeWidth=0.5))
    _progress_bar(drawing, progress, fmt, width)
    return drawing


def _progress_bar(drawing: Drawing, progress: GradeProgress, fmt: Formats, width: float) -> None:
    threshold = progress.next_threshold
    ratio = Decimal(1) if not threshold else min(max(progress.value / threshold, Decimal(0)), Decimal(1))
    drawing.add(Rect(0, 4, width, 8, fillColor=TRACK, strokeColor=None))
    drawing.add(Rect(0, 4, float(ratio) * width, 8, fillColor=ACCENT, strokeColor=None))
    label = f"{progress.grade_code} → {progress.next_grade_code}" if threshold else progress.grade_code
    drawing.add(String(2, 6, f"{label}  {fmt.ratio(ratio)}", fontName=BOLD, fontSize=6,
                       fillColor=HexColor("#FFFFFF") if ratio > Decimal("0.35") else ACCENT))


def share_bar(share: Decimal, width: float, height: float = 8) -> Drawing:
    """A thin bar filled to `share` (0…1)."""
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=7)
    filled = float(min(max(share, Decimal(0)), Decimal(1))) * width
    drawing.add(Rect(0, 1, width, height - 2, fillColor=TRACK, strokeColor=None))
    drawing.add(Rect(0, 1, filled, height - 2, fillColor=BAR, strokeColor=None))
    return drawing
