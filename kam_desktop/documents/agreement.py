"""The participation agreement: parties, program rules in plain words, compliance, term, signatures."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from kam_desktop.documents.clauses import agreement_clauses
from kam_desktop.documents.content import AgreementContent, DocumentHeader, GradeRule, Lang
from kam_desktop.documents.formats import Formats, formats_for
from kam_desktop.documents.layout import data_table, para, party_block, signature_blocks, styles, two_columns
from kam_desktop.documents.pdf import PageDecor, build_pdf, creation_moment
from kam_desktop.documents.texts import text


def render_agreement(content: AgreementContent, *, created_at: datetime | None = None) -> bytes:
    """The agreement as PDF bytes (deterministic: the same content and `created_at` give the same bytes)."""
    header = content.header
    lang = header.lang
    decor = PageDecor(content.company, text(lang, "agreement_title"), header.number, lang)
    moment = creation_moment(header.issued_on, created_at)
    return build_pdf(_story(content), decor, moment, subject=content.client.name)


def _story(content: AgreementContent) -> list[Flowable]:
    st = styles()
    header = content.header
    lang = header.lang
    fmt = formats_for(lang)
    story: list[Flowable] = [
        para(text(lang, "agreement_title"), st.title),
        para(text(lang, "agreement_subtitle", number=header.number, date=fmt.long_date(header.issued_on),
                  place=content.place), st.subtitle),
    ]
    story += version_note(header)
    story.append(para(text(lang, "between"), st.body))
    story.append(Spacer(1, 4))
    story.append(two_columns(
        party_block(lang, content.company.party, text(lang, "hereinafter_organiser")),
        party_block(lang, content.client, text(lang, "hereinafter_participant")),
    ))
    for key, (title, paragraphs) in agreement_clauses(content):
        story.append(para(title, st.h2))
        story += [para(p, st.clause) for p in paragraphs]
        if key == "grades":
            story.append(_grades_table(lang, fmt, content.rules.grades))
    story.append(signature_blocks(lang, content.company.party, content.client))
    return story


def version_note(header: DocumentHeader) -> list[Flowable]:
    if not header.supersedes:
        return []
    note = text(header.lang, "version_note", version=header.version, supersedes=header.supersedes)
    return [para(note, styles().small), Spacer(1, 4)]


def _grades_table(lang: Lang, fmt: Formats, grades: tuple[GradeRule, ...]) -> Flowable:
    rows: list[list[object]] = []
    start = Decimal(0)
    for index, grade in enumerate(grades):
        end = start + grade.top_percent
        if index == 0:
            band = text(lang, "top_band", to=fmt.percent(end))
        else:
            band = text(lang, "band", frm=fmt.percent(start), to=fmt.percent(end))
        rows.append([grade.code, Paragraph(escape(grade.name), styles().cell), band,
                     fmt.percent(grade.cashback_percent)])
        start = end
    header = [text(lang, "grade"), text(lang, "grade_name"), text(lang, "ranking_position"),
              text(lang, "cashback_rate")]
    return data_table(header, rows, widths=(0.14, 0.36, 0.3, 0.2), right=(3,))
