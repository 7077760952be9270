"""The benefit annex: grade at issue, benefits granted, exceptions relied on, budget totals, signatures.

While any benefit or exception waits for approval the annex is a draft: every page carries a diagonal
DRAFT mark and the first page a banner, so that it cannot be mistaken for a version to sign.
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from kam_desktop.documents.agreement import version_note
from kam_desktop.documents.content import AnnexContent, BenefitLine, ExceptionRef, Lang
from kam_desktop.documents.formats import Formats, formats_for
from kam_desktop.documents.layout import (
    banner,
    data_table,
    heading,
    key_values,
    para,
    party_block,
    signature_blocks,
    styles,
    two_columns,
)
from kam_desktop.documents.pdf import PageDecor, build_pdf, creation_moment
from kam_desktop.documents.texts import grade_label, text


def render_annex(content: AnnexContent, *, created_at: datetime | None = None) -> bytes:
    """The annex as PDF bytes; a draft (see `AnnexContent.is_draft`) is marked DRAFT on every page."""
    header = content.header
    lang = header.lang
    decor = PageDecor(content.company, text(lang, "annex_short"), header.number, lang,
                      draft=content.is_draft)
    moment = creation_moment(header.issued_on, created_at)
    return build_pdf(_story(content), decor, moment, subject=content.client.name)


def _story(content: AnnexContent) -> list[Flowable]:
    st = styles()
    header = content.header
    lang = header.lang
    fmt = formats_for(lang)
    story: list[Flowable] = [para(text(lang, "annex_title", number=header.number), st.title)]
    story.append(para(text(
        lang, "annex_subtitle", agreement=content.agreement_number,
        agreement_date=fmt.long_date(content.agreement_date), date=fmt.long_date(header.issued_on),
        place=content.place), st.subtitle))
    if content.is_draft:
        story += [banner(text(lang, "draft_banner")), Spacer(1, 8)]
    story += version_note(header)
    story.append(two_columns(
        party_block(lang, content.company.party, text(lang, "hereinafter_organiser")),
        party_block(lang, content.client, text(lang, "hereinafter_participant")),
    ))
    story.append(Spacer(1, 8))
    story.append(para(text(lang, "annex_intro"), st.clause))
    grade = grade_label(content.grade_code, content.grade_name)
    story.append(Paragraph(escape(text(lang, "grade_at_issue", grade="\0")).replace(
        "\0", f"<b>{escape(grade)}</b>"), st.body))
    story.append(heading(text(lang, "benefits_granted")))
    story.append(_benefits_table(lang, fmt, content))
    story.append(heading(text(lang, "exceptions_title")))
    story.append(_exceptions_table(lang, fmt, content.exceptions))
    story.append(heading(text(lang, "totals_title")))
    story += _totals(lang, fmt, content)
    story.append(signature_blocks(lang, content.company.party, content.client))
    return story


def _benefit_cell(lang: Lang, line: BenefitLine) -> list[Paragraph]:
    st = styles()
    kind = text(lang, f"benefit_type_{line.type}")
    cell = [Paragraph(f"<b>{escape(line.title)}</b>", st.cell), Paragraph(escape(kind), st.cell_small)]
    if line.terms:
        cell.append(Paragraph(escape(line.terms), st.cell))
    return cell


def _status_cell(lang: Lang, line: BenefitLine) -> list[Paragraph]:
    st = styles()
    cell = [Paragraph(escape(text(lang, f"approval_{line.approval}")), st.cell)]
    if line.exception_numbers:
        cell.append(Paragraph(escape(", ".join(line.exception_numbers)), st.cell_small))
    return cell


def _benefits_table(lang: Lang, fmt: Formats, content: AnnexContent) -> Flowable:
    st = styles()
    rows: list[list[object]] = []
    for number, line in enumerate(content.benefits, start=1):
        validity = f"{fmt.date(line.valid_from)} – {fmt.date(line.valid_until)}"
        rows.append([
            str(number), _benefit_cell(lang, line), Paragraph(escape(line.conditions), st.cell), validity,
            fmt.money(line.estimated_value, content.currency), _status_cell(lang, line),
        ])
    keys = ("col_no", "col_benefit", "col_conditions", "col_validity", "col_value", "col_status")
    header = [text(lang, k) for k in keys]
    return data_table(header, rows, widths=(0.05, 0.29, 0.2, 0.135, 0.165, 0.16), right=(4,))


def _exceptions_table(lang: Lang, fmt: Formats, exceptions: tuple[ExceptionRef, ...]) -> Flowable:
    st = styles()
    if not exceptions:
        return para(text(lang, "no_exceptions"), st.body)
    rows: list[list[object]] = []
    for item in exceptions:
        rows.append([
            item.number, Paragraph(escape(item.summary), st.cell),
            Paragraph(escape(item.approver or "—"), st.cell),
            fmt.date(item.decided_on) if item.decided_on else "—",
            fmt.date(item.valid_until) if item.valid_until else "—",
            text(lang, f"exception_{item.status}"),
        ])
    keys = ("col_exception", "col_subject", "col_approver", "col_decided", "col_valid_until", "col_status")
    header = [text(lang, k) for k in keys]
    return data_table(header, rows, widths=(0.16, 0.28, 0.16, 0.12, 0.12, 0.16))


def _totals(lang: Lang, fmt: Formats, content: AnnexContent) -> list[Flowable]:
    total = content.total_value
    remaining = content.policy_budget - content.committed_before - total
    pairs = [
        (text(lang, "total_annex"), fmt.money(total, content.currency)),
        (text(lang, "policy_budget"), fmt.money(content.policy_budget, content.currency)),
        (text(lang, "committed_before"), fmt.money(content.committed_before, content.currency)),
        (text(lang, "remaining"), fmt.money(remaining, content.currency)),
    ]
    out: list[Flowable] = [key_values(pairs, bold_last=True)]
    if remaining < 0:
        out += [Spacer(1, 4), para(text(lang, "over_budget", amount=fmt.money(-remaining, content.currency)),
                                   styles().body)]
    return out
