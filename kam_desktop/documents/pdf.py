"""Turning a platypus story into deterministic PDF bytes: page header, footer, page count, DRAFT mark."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache, partial
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from kam_desktop.documents.content import CompanyIdentity, Lang
from kam_desktop.documents.fonts import BOLD, REGULAR, document_fonts, register_fonts
from kam_desktop.documents.taxids import tax_id_label
from kam_desktop.documents.textrun import TextRun
from kam_desktop.documents.texts import text

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP_MARGIN = 30 * mm
BOTTOM_MARGIN = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
ACCENT = HexColor("#1F4E79")
MUTED = HexColor("#6B7280")
RULE = HexColor("#C9D3DF")
DRAFT_RED = Color(0.80, 0.10, 0.10, alpha=0.22)


@dataclass(frozen=True)
class PageDecor:
    """What every page carries besides the story: who issues it, what it is, and whether it is a draft."""

    company: CompanyIdentity
    title: str
    number: str
    lang: Lang
    draft: bool = False


def creation_moment(issued_on: date, created_at: datetime | None) -> datetime:
    """The PDF's creation date: given explicitly, or midnight UTC of the issue date (reproducible)."""
    if created_at is None:
        return datetime.combine(issued_on, time(0, 0), tzinfo=UTC)
    return created_at.astimezone(UTC) if created_at.tzinfo else created_at.replace(tzinfo=UTC)


def _fixed_timestamp(moment: datetime) -> TimeStamp:
    stamp = TimeStamp(invariant=True)
    stamp.t = moment.timestamp()
    stamp.lt = moment.timetuple()
    stamp.YMDhms = tuple(moment.timetuple())[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


class _DecoratedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Keeps each page until `save`, so that the footer can say "page 2 of 3" without a second layout."""

    def __init__(self, *args: Any, decor: PageDecor, moment: datetime, **kwargs: Any) -> None:
        kwargs["invariant"] = 1
        kwargs["initialFontName"] = REGULAR  # else the page declares an unembedded Helvetica
        kwargs["initialFontSize"] = 9
        super().__init__(*args, **kwargs)
        self.decor = decor
        self._doc._timeStamp = _fixed_timestamp(moment)
        for font in document_fonts():
            font.seed(self._doc, decor.lang)  # the same subset in every document: built once, see `subsets`
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            _draw_page_frame(self, self.decor, total)
            super().showPage()
        super().save()


def _draw_page_frame(canvas: Canvas, decor: PageDecor, total: int) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - 12 * mm
    x = MARGIN
    if decor.company.logo_png:
        logo = ImageReader(io.BytesIO(decor.company.logo_png))
        canvas.drawImage(logo, x, top - 10 * mm, height=11 * mm, width=30 * mm,
                         preserveAspectRatio=True, anchor="sw", mask="auto")
        x += 33 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 12 * mm, PAGE_WIDTH - MARGIN, top - 12 * mm)
    canvas.line(MARGIN, 16 * mm, PAGE_WIDTH - MARGIN, 16 * mm)
    run = TextRun(canvas)
    run.left(x, top - 4 * mm, decor.company.party.name, BOLD, 10, ACCENT)
    run.left(x, top - 8.5 * mm, ", ".join(decor.company.party.address_lines), REGULAR, 7.5, MUTED)
    run.right(PAGE_WIDTH - MARGIN, top - 4 * mm, decor.title, BOLD, 9, ACCENT)
    run.right(PAGE_WIDTH - MARGIN, top - 8.5 * mm, decor.number, REGULAR, 8, MUTED)
    _set_footer(run, decor, canvas.getPageNumber(), total)
    run.flush()
    if decor.draft:
        _draw_draft_mark(canvas, decor.lang)
    canvas.restoreState()


def _set_footer(run: TextRun, decor: PageDecor, page_number: int, total: int) -> None:
    party = decor.company.party
    y = 12 * mm
    contact = " · ".join(p for p in (decor.company.email, decor.company.phone, decor.company.website) if p)
    run.left(MARGIN, y, f"{party.name} · {tax_id_label(party.tax_country, decor.lang)}: {party.tax_id}", REGULAR, 7, MUTED)
    if contact:
        run.left(MARGIN, y - 3.2 * mm, contact, REGULAR, 7, MUTED)
    page = text(decor.lang, "page", page=page_number, pages=total)
    run.right(PAGE_WIDTH - MARGIN, y, f"{decor.number} · {page}", REGULAR, 7, MUTED)


def _draw_draft_mark(canvas: Canvas, lang: Lang) -> None:
    canvas.saveState()
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(45)
    canvas.setFillColor(DRAFT_RED)
    canvas.setFont(BOLD, 120)
    canvas.drawCentredString(0, 0, text(lang, "draft_word"))
    canvas.setFont(BOLD, 26)
    canvas.drawCentredString(0, -38, text(lang, "draft_mark"))
    canvas.restoreState()


def _page_template() -> PageTemplate:
    """A fresh one per document (frames keep layout state, and batches may run in several threads).

    No frame padding: text and tables then line up with the header and footer rules at the margins.
    """
    frame = Frame(MARGIN, BOTTOM_MARGIN, FRAME_WIDTH, PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return PageTemplate(id="page", frames=[frame])


@cache
def configure_reportlab() -> None:
    """Once per process: our fonts, and binary (not ASCII85) page streams — smaller and faster to write."""
    register_fonts()
    rl_config.useA85 = 0


def build_pdf(
    story: Sequence[Flowable], decor: PageDecor, moment: datetime, *, subject: str = ""
) -> bytes:
    """Lay out `story` on A4 pages and return the PDF; identical input gives identical bytes."""
    configure_reportlab()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN, title=f"{decor.title} {decor.number}", author=decor.company.party.name,
        subject=subject, creator="KAM Desktop", invariant=1, pageTemplates=[_page_template()],
    )
    document.build(list(story), canvasmaker=partial(_DecoratedCanvas, decor=decor, moment=moment))
    return buffer.getvalue()
