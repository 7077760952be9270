"""Side-by-side columns, label/value lines and one-line paragraphs, drawn without platypus' general flowables.

A statement has two column blocks and two label/value blocks. As platypus tables (one row of two
columns, two columns of a few rows) they cost as much as a ledger table: a table wraps every flowable
twice and draws every cell inside its own saved graphics state. `Columns` and `KeyValues` place the same
things at the same points as those tables did (cell paddings, round-capped rules, vertical alignment),
and `Line` sets a one-line paragraph where `Paragraph` does, so the pages look the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from kam_desktop.documents.pdf import RULE
from kam_desktop.documents.textrun import TextRun

_TABLE_LEADING = 12.0  # platypus' table leading, kept when only the font size is set
_TABLE_PADDING = 3.0  # platypus' default top and bottom cell padding


class Columns(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Flowables stacked in a left and a right column, top-aligned, with a gap between (never split)."""

    def __init__(self, left: Sequence[Flowable], right: Sequence[Flowable], width: float, gap: float) -> None:
        super().__init__()
        self.columns = (list(left), list(right))
        self.column_width = (width - gap) / 2
        self.gap = gap
        self.width = width
        self.hAlign = "CENTER"
        self.heights: tuple[list[float], list[float]] = ([], [])
        self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        stacked = max(self._stack(column, heights) for column, heights in zip(self.columns, self.heights, strict=True))
        self.height = max(stacked, _TABLE_LEADING) + 2 * _TABLE_PADDING  # an empty middle cell is one line high
        return self.width, self.height

    def _stack(self, flowables: list[Flowable], heights: list[float]) -> float:
        """The column's height as platypus measures a cell's list: no space before the first or after the last."""
        heights.clear()
        total = 0.0
        for item in flowables:
            heights.append(item.wrapOn(self.canv, self.column_width, 72000 - 2 * _TABLE_PADDING)[1])
            total += heights[-1] + item.getSpaceBefore() + item.getSpaceAfter()
        if flowables:
            total -= flowables[0].getSpaceBefore() + flowables[-1].getSpaceAfter()
        return total

    def draw(self) -> None:
        for x, flowables, heights in zip((0.0, self.column_width + self.gap), self.columns, self.heights,
                                         strict=True):
            y = self.height - _TABLE_PADDING + (flowables[0].getSpaceBefore() if flowables else 0)
            for item, height in zip(flowables, heights, strict=True):
                y -= item.getSpaceBefore() + height
                item.drawOn(self.canv, x, y)
                y -= item.getSpaceAfter()


@dataclass(frozen=True)
class Look:
    """How `KeyValues` sets its text (the table style it replaces)."""

    font: str
    last_font: str  # the last line's (a total may be bold)
    size: float
    padding: float  # left and right
    v_padding: float  # top and bottom
    rule_width: float


class KeyValues(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Label / value lines: labels left, values right, a thin rule under each line, each vertically centred.

    A cell is a string (one line per "\\n") or a flowable (a paragraph that wraps); widths are the two
    columns' widths.
    """

    def __init__(self, rows: Sequence[tuple[object, object]], widths: tuple[float, float], look: Look) -> None:
        super().__init__()
        self.rows = list(rows)
        self.widths = widths
        self.look = look
        self.width = sum(widths)
        self.hAlign = "CENTER"
        self.heights: list[float] = []
        self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.heights = [max(self._cell_height(cell, width) for cell, width in zip(row, self.widths, strict=True))
                        + 2 * self.look.v_padding for row in self.rows]
        self.height = sum(self.heights)
        return self.width, self.height

    def _cell_height(self, cell: object, width: float) -> float:
        if isinstance(cell, Flowable):
            return float(cell.wrapOn(self.canv, width - 2 * self.look.padding, 72000)[1])
        return _TABLE_LEADING * len(str(cell).split("\n"))

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineCap(1)  # round ends, as platypus' table rules have
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(self.look.rule_width)
        run = TextRun(canvas)
        top = self.height
        for index, (row, height) in enumerate(zip(self.rows, self.heights, strict=True)):
            bottom = top - height
            font = self.look.last_font if index == len(self.rows) - 1 else self.look.font
            self._draw_cell(run, row[0], 0.0, bottom, height, font, right=False)
            self._draw_cell(run, row[1], self.widths[0], bottom, height, font, right=True)
            canvas.line(0, bottom, self.width, bottom)
            top = bottom
        run.flush()

    def _draw_cell(
        self, run: TextRun, cell: object, x: float, bottom: float, height: float, font: str, right: bool
    ) -> None:
        look = self.look
        width = self.widths[1] if right else self.widths[0]
        if isinstance(cell, Flowable):
            run.flush()  # keeps the reading order
            cell_width, cell_height = cell.wrapOn(self.canv, width - 2 * look.padding, height)
            left = x + width - look.padding - cell_width if right else x + look.padding
            cell.drawOn(self.canv, left, bottom + (height + cell_height) / 2 - cell_height)
            return
        lines = str(cell).split("\n")
        baseline = bottom + (height + len(lines) * _TABLE_LEADING) / 2 - look.size
        for line in lines:
            if right:
                run.right(x + width - look.padding, baseline, line, font, look.size, black)
            else:
                run.left(x + look.padding, baseline, line, font, look.size, black)
            baseline -= _TABLE_LEADING


class Line(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Plain text in a paragraph style, set as `Paragraph` sets a one-line paragraph; wrapped by one if longer.

    Most paragraphs of a statement are one line (titles, headings, notes); `Paragraph` parses markup,
    splits words and builds fragments even for those.
    """

    def __init__(self, value: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = value
        self.style = style
        self.simple = _plain_line(value, style)
        self._paragraph: Paragraph | None = None
        self._text_width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if not self._fits(available_width):
            self.width, self.height = self.paragraph.wrap(available_width, available_height)
            return self.width, self.height
        self.width, self.height = available_width, self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self._fits(available_width):
            return []  # one line does not split
        return list(self.paragraph.split(available_width, available_height))

    def draw(self) -> None:
        if self._paragraph is not None and not self._fits(self.width):
            self._paragraph.drawOn(self.canv, 0, 0)
            return
        style = self.style
        canvas = self.canv
        room = self.width - self._text_width
        x = {TA_RIGHT: room, TA_CENTER: room / 2}.get(style.alignment, 0.0)  # justified: a last line is not
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize, style.leading)
        canvas.drawString(x, self.height - style.fontSize, self.text)

    @property
    def paragraph(self) -> Paragraph:
        if self._paragraph is None:
            self._paragraph = Paragraph(escape(self.text), self.style)
        return self._paragraph

    def _fits(self, available_width: float) -> bool:
        if not self.simple:
            return False
        self._text_width = stringWidth(self.text, self.style.fontName, self.style.fontSize)
        return bool(self._text_width <= available_width)


def _plain_line(value: str, style: ParagraphStyle) -> bool:
    """Whether `Line` may set `value` itself: single spaces only, and a style without indents or frames."""
    if not value or value != " ".join(value.split()):  # Paragraph would fold other white space
        return False
    return not (style.leftIndent or style.rightIndent or style.firstLineIndent or style.backColor
                or style.borderWidth)
