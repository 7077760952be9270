"""A ruled table of text cells drawn straight onto the canvas: the batch fast path.

Platypus' `Table` saves and restores the graphics state and builds a text object for every cell; for the
long tables of statements (ledger entries, expiries) that is most of a page's cost. `FastTable` draws the
same look (shaded header, zebra rows, bold balance rows, rules) with one `drawString` per line, wraps
long text at word boundaries, and splits across pages repeating its header. A cell may also hold one
flowable (a paragraph with markup, a share bar), placed at the cell's top-left as platypus places it.
`layout.data_table` picks it whenever every header cell is a plain string and every cell a string or
one flowable; anything else (lists of flowables in a cell) goes to platypus' `Table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from kam_desktop.documents.fonts import BOLD, REGULAR
from kam_desktop.documents.pdf import ACCENT, RULE
from kam_desktop.documents.textrun import TextRun

PADDING = 4.0
V_PADDING = 2.5
SIZE = 8.0
LEADING = 10.0


@dataclass(frozen=True)
class TableLook:
    widths: tuple[float, ...]
    right: frozenset[int]  # right-aligned (number) columns: one line, set smaller if too wide
    header_bg: Color
    zebra_bg: Color


@dataclass(frozen=True)
class _Box:
    """A flowable cell, wrapped to its column once when the row is laid out."""

    flowable: Flowable
    width: float
    height: float


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[str, ...] | _Box, ...]  # per cell: its lines, or a flowable
    sizes: tuple[float, ...]  # font size per cell
    bold: bool
    index: int  # position in the whole table (zebra striping survives a page split)
    height: float


def layout_row(
    cells: Sequence[str | Flowable], look: TableLook, font: str, index: int, bold: bool, header: bool = False
) -> _Row:
    """Break each cell into lines that fit its column; amounts stay on one line, smaller if need be.

    Header cells wrap in every column (a long column title in a number column too, right-aligned).
    """
    laid: list[tuple[str, ...] | _Box] = []
    sizes: list[float] = []
    for col, value in enumerate(cells):
        room = look.widths[col] - 2 * PADDING
        sizes.append(SIZE)
        if isinstance(value, Flowable):
            laid.append(_Box(value, *value.wrap(room, 1e6)))
        elif col in look.right and not header:
            width = stringWidth(value, font, SIZE)
            sizes[-1] = SIZE if width <= room else max(5.0, SIZE * room / width)
            laid.append((value,))
        else:
            laid.append(_lines(value, font, room))
    tallest = max(c.height if isinstance(c, _Box) else len(c) * LEADING for c in laid)
    return _Row(tuple(laid), tuple(sizes), bold, index, tallest + 2 * V_PADDING)


def _lines(value: str, font: str, room: float) -> tuple[str, ...]:
    """The cell's lines: most cells fit as they are, which one width tells without splitting into words."""
    if value == " ".join(value.split()) and stringWidth(value, font, SIZE) <= room:
        return (value,)
    return tuple(simpleSplit(value, font, SIZE, room)) or ("",)


class FastTable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    def __init__(self, header: _Row, rows: Sequence[_Row], look: TableLook) -> None:
        super().__init__()
        self.header = header
        self.rows = list(rows)
        self.look = look
        self.width = sum(look.widths)
        self.height = header.height + sum(r.height for r in self.rows)

    @classmethod
    def build(
        cls, header: Sequence[str], rows: Sequence[Sequence[str | Flowable]], look: TableLook,
        bold_rows: frozenset[int],
    ) -> FastTable:
        head = layout_row(header, look, BOLD, -1, True, header=True)
        body = [layout_row(r, look, BOLD if i in bold_rows else REGULAR, i, i in bold_rows)
                for i, r in enumerate(rows)]
        return cls(head, body, look)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - self.header.height
        fits = 0
        for row in self.rows:
            if row.height > room:
                break
            room -= row.height
            fits += 1
        if fits < 2 or fits >= len(self.rows):  # never leave a header with one lonely row
            return []
        return [FastTable(self.header, self.rows[:fits], self.look),
                FastTable(self.header, self.rows[fits:], self.look)]

    def draw(self) -> None:
        self._draw_rules()
        run = TextRun(self.canv)
        y = self.height - self.header.height
        self._draw_cells(run, self.header, y, BOLD, ACCENT)
        for row in self.rows:
            y -= row.height
            self._draw_cells(run, row, y, BOLD if row.bold else REGULAR, black)
        run.flush()

    def _draw_rules(self) -> None:
        """Header shading and zebra stripes first (the text goes over them), then the rules."""
        canvas = self.canv
        y = self.height - self.header.height
        canvas.setFillColor(self.look.header_bg)
        canvas.rect(0, y, self.width, self.header.height, stroke=0, fill=1)
        canvas.setLineCap(1)  # round ends, as platypus' table rules have
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(0, y, self.width, y)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setFillColor(self.look.zebra_bg)
        for position, row in enumerate(self.rows):
            y -= row.height
            if row.index % 2 == 1:
                canvas.rect(0, y, self.width, row.height, stroke=0, fill=1)
            if row.bold and position > 0:
                canvas.line(0, y + row.height, self.width, y + row.height)
        canvas.line(0, 0, self.width, 0)

    def _draw_cells(self, run: TextRun, row: _Row, y: float, font: str, color: Color) -> None:
        x = 0.0
        top = y + row.height - V_PADDING
        for col, cell in enumerate(row.cells):
            width = self.look.widths[col]
            right = col in self.look.right
            if isinstance(cell, _Box):
                run.flush()  # a text object cannot hold a flowable; ending it keeps the reading order
                left = x + width - PADDING - cell.width if right else x + PADDING
                cell.flowable.drawOn(self.canv, left, top - cell.height)
            else:
                size = row.sizes[col]
                baseline = top - SIZE
                for line in cell:
                    if right:
                        run.right(x + width - PADDING, baseline, line, font, size, color)
                    else:
                        run.left(x + PADDING, baseline, line, font, size, color)
                    baseline -= LEADING
            x += width
