"""Short strings set in one PDF text object, the font and colour set only when they change.

`canvas.drawString` opens a text object, measures the string and sets the font for every string; on a
statement's ~300 table cells, labels and page lines that was a large share of the drawing time and of
the page content. A run is ended (`flush`) before anything that must be drawn between two strings.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


class TextRun:
    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.text: PDFTextObject | None = None
        self.font: tuple[str, float] | None = None
        self.color: Color | None = None

    def left(self, x: float, y: float, value: str, font: str, size: float, color: Color) -> None:
        """`value` starting at (x, y), as `drawString` sets it."""
        if self.text is None:
            self.text = self.canvas.beginText()
            self.font = self.color = None
        if color != self.color:
            self.text.setFillColor(color)
            self.color = color
        if (font, size) != self.font:
            self.text.setFont(font, size)
            self.font = (font, size)
        self.text.setTextOrigin(x, y)
        self.text.textLine(value)  # its line feed is harmless (each string sets its origin) and reads as one

    def right(self, x: float, y: float, value: str, font: str, size: float, color: Color) -> None:
        """`value` ending at (x, y), as `drawRightString` sets it."""
        self.left(x - stringWidth(value, font, size), y, value, font, size, color)

    def flush(self) -> None:
        """Put the strings so far on the page (before drawing something that must come after them)."""
        if self.text is not None:
            self.canvas.drawText(self.text)
            self.text = None
