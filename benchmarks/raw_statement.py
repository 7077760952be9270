"""Baseline: the same quarterly statement drawn with a raw reportlab canvas (no platypus, no wrapping logic).

What a hand-written script would do: register the same TrueType fonts, then `drawString` every line at
fixed positions, starting a new page when the cursor reaches the bottom margin. Same content, same
fonts embedded, same A4 pages — but no layout engine, no tables, no chart, no page decor beyond a header
line. `python -m benchmarks.raw_statement OUT.pdf` writes one sample.
"""

from __future__ import annotations

import io
import sys
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kam_desktop.documents.content import LedgerSection, StatementContent
from kam_desktop.documents.fonts import BOLD, REGULAR, register_fonts
from kam_desktop.documents.formats import formats_for

WIDTH, HEIGHT = A4
LEFT, TOP, BOTTOM = 18 * mm, HEIGHT - 20 * mm, 22 * mm
LINE = 11.5


class _Writer:
    def __init__(self, canvas: Canvas, title: str) -> None:
        self.canvas, self.title, self.y = canvas, title, TOP
        self._header()

    def _header(self) -> None:
        self.canvas.setFont(BOLD, 9)
        self.canvas.drawString(LEFT, HEIGHT - 12 * mm, self.title)
        self.y = TOP

    def line(self, *cells: tuple[float, str], bold: bool = False, size: float = 8.5) -> None:
        if self.y < BOTTOM:
            self.canvas.showPage()
            self._header()
        self.canvas.setFont(BOLD if bold else REGULAR, size)
        for x, value in cells:
            self.canvas.drawString(LEFT + x * mm, self.y, value)
        self.y -= LINE if size < 10 else LINE + 6


def draw_statement(content: StatementContent) -> bytes:
    """The statement's content as a PDF drawn line by line."""
    register_fonts()
    fmt = formats_for(content.header.lang)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    w = _Writer(canvas, f"{content.company.party.name} · {content.header.number}")
    w.line((0, f"Statement {content.quarter} · {content.header.number}"), bold=True, size=14)
    client = content.client
    for text in (client.name, *client.address_lines, client.tax_id, client.code, content.kam_name):
        w.line((0, text))
    p = content.progress
    w.line((0, "Grade"), (60, f"{p.grade_code} · {p.grade_name}"), bold=True)
    w.line((0, "Value"), (60, fmt.money(p.value, p.currency)))
    if p.next_threshold is not None:
        w.line((0, f"Next {p.next_grade_code}"), (60, fmt.money(p.next_threshold, p.currency)))
    for quarter, value in p.history:
        w.line((0, str(quarter)), (60, fmt.money(value, p.currency)))
    for section in content.ledgers:
        def amount(value: Decimal, section: LedgerSection = section) -> str:
            return fmt.money(value, section.currency) if section.unit == "cashback" else fmt.quantity(value)

        w.line((0, section.unit), bold=True, size=11)
        w.line((0, fmt.date(content.quarter.start)), (60, "Opening"), (150, amount(section.opening)), bold=True)
        for e in section.entries:
            w.line((0, fmt.date(e.booked_on)), (22, e.kind), (45, e.description[:48]), (115, e.reference[:20]),
                   (150, amount(e.amount)))
        w.line((0, fmt.date(content.quarter.end)), (60, "Closing"), (150, amount(section.closing)), bold=True)
        for x in section.expiry_schedule:
            w.line((0, fmt.date(x.expires_on)), (40, amount(x.amount)))
    w.line((0, "Benefits"), bold=True, size=11)
    for b in content.benefits:
        w.line((0, b.title[:50]), (90, str(b.entitled)), (120, str(b.used)), (150, str(b.entitled - b.used)))
    w.line((0, "Offers"), bold=True, size=11)
    for o in content.offers:
        w.line((0, o.title[:40]), (60, o.description[:70]))
        w.line((60, o.description[70:140]), (150, fmt.date(o.valid_until)))
    w.line((0, "Share of wallet"), bold=True, size=11)
    for s in content.wallet:
        w.line((0, s.category), (60, fmt.money(s.our_sales, s.currency)), (100, fmt.money(s.total_spend, s.currency)),
               (140, fmt.ratio(s.share)))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


if __name__ == "__main__":
    from kam_desktop.documents.samples import sample_statement

    with open(sys.argv[1] if len(sys.argv) > 1 else "raw-statement.pdf", "wb") as out:
        out.write(draw_statement(sample_statement("pl")))
