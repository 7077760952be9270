"""Shared paragraph styles and building blocks (parties, tables, signature blocks), made once per process."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kam_desktop.documents.blocks import Columns, KeyValues, Line, Look
from kam_desktop.documents.content import Lang, Party
from kam_desktop.documents.fasttable import FastTable, TableLook
from kam_desktop.documents.fonts import BOLD, REGULAR, register_fonts
from kam_desktop.documents.pdf import ACCENT, FRAME_WIDTH, MUTED, RULE
from kam_desktop.documents.positions import position_in
from kam_desktop.documents.taxids import tax_id_label
from kam_desktop.documents.texts import text

GAP = 8 * mm
HALF_WIDTH = (FRAME_WIDTH - GAP) / 2
ZEBRA = HexColor("#F3F6FA")
HEAD_BG = HexColor("#E4EBF3")


class Styles:
    """The paragraph styles of all documents; build once with `styles()` and share."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12.2)
        self.body = base
        self.bold = ParagraphStyle("bold", base, fontName=BOLD)
        self.body_right = ParagraphStyle("body_right", base, alignment=TA_RIGHT)
        self.title = ParagraphStyle("title", base, fontName=BOLD, fontSize=15, leading=19, textColor=ACCENT,
                                    spaceAfter=2)
        self.subtitle = ParagraphStyle("subtitle", base, fontSize=9.5, textColor=MUTED, spaceAfter=8)
        self.h2 = ParagraphStyle("h2", base, fontName=BOLD, fontSize=10.5, leading=14, textColor=ACCENT,
                                 spaceBefore=9, spaceAfter=4, keepWithNext=1)
        self.clause = ParagraphStyle("clause", base, spaceAfter=4, alignment=4)  # justified
        self.small = ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=MUTED)
        self.cell = ParagraphStyle("cell", base, fontSize=8, leading=10)
        self.cell_small = ParagraphStyle("cell_small", base, fontSize=7, leading=8.8, textColor=MUTED)
        self.cell_right = ParagraphStyle("cell_right", self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", self.cell, fontName=BOLD, textColor=ACCENT)
        self.head_right = ParagraphStyle("head_right", self.head, alignment=TA_RIGHT)
        self.party = ParagraphStyle("party", base, fontSize=9, leading=12)
        self.banner = ParagraphStyle("banner", base, fontName=BOLD, fontSize=10, leading=13,
                                     textColor=HexColor("#B91C1C"), alignment=TA_CENTER)
        self.center_small = ParagraphStyle("center_small", self.small, alignment=TA_CENTER)


@cache
def styles() -> Styles:
    return Styles()


def para(value: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of plain text (no markup: client names may contain '&' or '<'); see `blocks.Line`."""
    return Line(value, style)


def heading(value: str) -> Flowable:
    return para(value, styles().h2)


def party_block(lang: Lang, party: Party, role: str) -> list[Flowable]:
    st = styles()
    lines = [f"<b>{escape(party.name)}</b>"]
    lines += [escape(line) for line in party.address_lines]
    lines.append(f"{tax_id_label(party.tax_country, lang)}: {escape(party.tax_id)}")
    if party.code:
        lines.append(f"{text(lang, 'account_code')}: {escape(party.code)}")
    if party.signatory_name:
        title = position_in(lang, party.signatory_title)
        key = "represented_by" if title else "represented_by_name"
        lines.append(escape(text(lang, key, name=party.signatory_name, title=title)))
    return [Paragraph("<br/>".join(lines), st.party), para(role, st.small)]


def two_columns(left: list[Flowable], right: list[Flowable], gap: float = GAP) -> Columns:
    """Two stacks of flowables side by side across the frame, top-aligned."""
    return Columns(left, right, FRAME_WIDTH, gap)


_PADDING = 4
_SIZE = 8
_GRID = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 10),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
    ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
]


def data_table(
    header: Sequence[object],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    right: Sequence[int] = (),
    bold_rows: Sequence[int] = (),
) -> Flowable:
    """A ruled table with a shaded header; `widths` are fractions of the frame width.

    Plain strings are drawn directly (fast) when they fit; a longer string becomes a wrapping paragraph,
    except in the right-aligned (number) columns, where it is set smaller instead of wrapping.
    `bold_rows` index into `rows` (balances, totals).
    """
    col_widths = [w * FRAME_WIDTH for w in widths]
    fast = _fast_table(header, rows, col_widths, right, bold_rows)
    if fast is not None:
        return fast
    st = styles()
    head = [_fit(h, col_widths[i], BOLD, st.head_right if i in right else st.head) for i, h in enumerate(header)]
    commands: list[tuple[object, ...]] = list(_GRID)
    body: list[list[object]] = []
    for row_index, row in enumerate(rows, start=1):
        cells: list[object] = []
        for col, value in enumerate(row):
            if col in right and isinstance(value, str):
                # numbers never wrap: an amount too wide for its column is set a little smaller instead
                size = _shrunk_size(value, col_widths[col], BOLD if row_index - 1 in bold_rows else REGULAR)
                if size < _SIZE:
                    commands.append(("FONTSIZE", (col, row_index), (col, row_index), size))
                cells.append(value)
            else:
                cells.append(_fit(value, col_widths[col], REGULAR, st.cell))
        body.append(cells)
    for col in right:
        commands.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    for stripe in range(2, len(rows) + 1, 2):
        commands.append(("BACKGROUND", (0, stripe), (-1, stripe), ZEBRA))
    for index in bold_rows:
        commands.append(("FONTNAME", (0, index + 1), (-1, index + 1), BOLD))
        commands.append(("LINEABOVE", (0, index + 1), (-1, index + 1), 0.5, RULE))
    table = Table([head, *body], colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _fast_table(
    header: Sequence[object],
    rows: Sequence[Sequence[object]],
    col_widths: list[float],
    right: Sequence[int],
    bold_rows: Sequence[int],
) -> FastTable | None:
    """A `FastTable` when the header is plain strings and every cell a string or one flowable.

    A list of flowables in a cell (a title over its terms) still needs platypus.
    """
    if not all(isinstance(h, str) and "\n" not in h for h in header):
        return None
    if not all(isinstance(v, Flowable) or (isinstance(v, str) and "\n" not in v) for row in rows for v in row):
        return None
    look = TableLook(tuple(col_widths), frozenset(right), HEAD_BG, ZEBRA)
    return FastTable.build(header, rows, look, frozenset(bold_rows))  # type: ignore[arg-type]


def _shrunk_size(value: str, width: float, font: str) -> float:
    needed = stringWidth(value, font, _SIZE)
    room = width - 2 * _PADDING
    return _SIZE if needed <= room else max(5.0, _SIZE * room / needed)


def _fit(value: object, width: float, font: str, style: ParagraphStyle) -> object:
    """A string that fits its column stays a string (drawn fast); a longer one becomes a wrapping paragraph."""
    if not isinstance(value, str) or "\n" in value:
        return value
    if stringWidth(value, font, _SIZE) <= width - 2 * _PADDING:
        return value
    return Paragraph(escape(value), style)


def key_values(
    pairs: Sequence[tuple[str, str]], bold_last: bool = False, width: float = FRAME_WIDTH, split: float = 0.72
) -> KeyValues:
    """Label / value lines, values right-aligned (totals, balances); `split` is the label's share.

    A label or value too long for its side wraps instead of running into the other.
    """
    st = styles()
    widths = (split * width, (1 - split) * width)
    font = BOLD if bold_last else REGULAR
    rows: list[tuple[object, object]] = []
    for index, (label, value) in enumerate(pairs):
        bold = bold_last and index == len(pairs) - 1
        rows.append((
            label if stringWidth(label, font, 9) <= widths[0] - 8 else para(label, st.bold if bold else st.body),
            value if stringWidth(value, font, 9) <= widths[1] - 8 else para(value, st.body_right),
        ))
    return KeyValues(rows, widths, _KEY_VALUES_BOLD_LAST if bold_last else _KEY_VALUES)


_KEY_VALUES = Look(REGULAR, REGULAR, size=9, padding=4, v_padding=2.5, rule_width=0.3)
_KEY_VALUES_BOLD_LAST = Look(REGULAR, BOLD, size=9, padding=4, v_padding=2.5, rule_width=0.3)


def banner(value: str) -> Table:
    """A boxed red line across the frame (the DRAFT notice on the first page)."""
    table = Table([[para(value, styles().banner)]], colWidths=[FRAME_WIDTH])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BOX", (0, 0), (-1, -1), 1.2, HexColor("#B91C1C")),
        ("BACKGROUND", (0, 0), (-1, -1), HexColor("#FEF2F2")),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


def _signature_cell(lang: Lang, caption: str, party: Party) -> list[Flowable]:
    st = styles()
    name = ", ".join(p for p in (party.signatory_name, position_in(lang, party.signatory_title)) if p)
    line = Table([[""]], colWidths=[(FRAME_WIDTH - 12 * mm) / 2], rowHeights=[16 * mm])
    line.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.7, MUTED), ("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
    return [
        para(caption, st.bold),
        line,
        para(f"{text(lang, 'sign_line')} · {text(lang, 'sign_date')}", st.small),
        Spacer(1, 3 * mm),
        para(name or " ", st.body),
        para(text(lang, "sign_name"), st.small),
    ]


def signature_blocks(lang: Lang, ours: Party, theirs: Party) -> Flowable:
    """Two signature blocks side by side, kept on one page."""
    left = _signature_cell(lang, text(lang, "sign_for_organiser"), ours)
    right = _signature_cell(lang, text(lang, "sign_for_participant"), theirs)
    return KeepTogether([Spacer(1, 10 * mm), two_columns(left, right, gap=12 * mm)])

