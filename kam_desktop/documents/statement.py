"""The quarterly statement: grade and progress, balances with entries and expiries, benefits, offers, wallet.

A statement is only printed when every balance adds up (closing = opening + Σ entries); otherwise
`StatementBalanceError` is raised and nothing is rendered — a client must never see a wrong balance.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from kam_desktop.documents.agreement import version_note
from kam_desktop.documents.charts import progress_chart, share_bar
from kam_desktop.documents.content import BenefitUsage, LedgerSection, StatementContent
from kam_desktop.documents.errors import StatementBalanceError
from kam_desktop.documents.formats import Formats, formats_for
from kam_desktop.documents.layout import (
    HALF_WIDTH,
    data_table,
    heading,
    key_values,
    para,
    party_block,
    styles,
    two_columns,
)
from kam_desktop.documents.pdf import FRAME_WIDTH, PageDecor, build_pdf, creation_moment
from kam_desktop.documents.texts import grade_label, quarter_name, text


def check_statement(content: StatementContent) -> None:
    """Raise `StatementBalanceError` unless every ledger's closing balance equals its entries' fold."""
    problems = content.balance_problems()
    if problems:
        raise StatementBalanceError(problems)


def render_statement(content: StatementContent, *, created_at: datetime | None = None) -> bytes:
    """The statement as PDF bytes, after checking its balances (see `check_statement`)."""
    check_statement(content)
    header = content.header
    decor = PageDecor(content.company, text(header.lang, "statement_title"), header.number, header.lang)
    moment = creation_moment(header.issued_on, created_at)
    return build_pdf(statement_story(content), decor, moment, subject=content.client.name)


def statement_story(content: StatementContent) -> list[Flowable]:
    st = styles()
    header = content.header
    lang = header.lang
    fmt = formats_for(lang)
    quarter = quarter_name(lang, content.quarter)
    story: list[Flowable] = [
        para(text(lang, "statement_title"), st.title),
        para(text(lang, "statement_subtitle", quarter=quarter, number=header.number,
                  date=fmt.long_date(header.issued_on)), st.subtitle),
    ]
    story += version_note(header)
    period = f"{fmt.date(content.quarter.start)} – {fmt.date(content.quarter.end)}"
    right = [key_values([(text(lang, "period"), period), (text(lang, "account_manager"), content.kam_name)],
                        width=HALF_WIDTH, split=0.45)]
    story.append(two_columns(party_block(lang, content.client, text(lang, "participant")), right))
    story += _progress(content, fmt)
    for section in content.ledgers:
        story += _ledger(content, section, fmt)
    story += _owed(content, fmt)
    story += _benefits(content, fmt)
    story += _offers(content, fmt)
    story += _wallet(content, fmt)
    story += [Spacer(1, 6 * mm), para(text(lang, "statement_footer"), st.small)]
    return story


def _progress(content: StatementContent, fmt: Formats) -> list[Flowable]:
    lang = content.header.lang
    progress = content.progress
    pairs = [
        (text(lang, "your_grade"), grade_label(progress.grade_code, progress.grade_name)),
        (text(lang, "basis"), text(lang, "basis_line", basis=text(lang, f"basis_{progress.basis}"),
                                   currency=progress.currency, months=progress.window_months)),
        (text(lang, "grade_value"), fmt.money(progress.value, progress.currency)),
    ]
    if progress.next_threshold is not None:
        missing = max(progress.next_threshold - progress.value, Decimal(0))
        pairs.append((text(lang, "next_threshold", grade=grade_label(progress.next_grade_code, progress.next_grade_name)),
                      fmt.money(progress.next_threshold, progress.currency)))
        pairs.append((text(lang, "missing"), fmt.money(missing, progress.currency)))
    left: list[Flowable] = [key_values(pairs, width=HALF_WIDTH, split=0.5)]
    if progress.next_threshold is None:
        left += [Spacer(1, 4), para(text(lang, "top_reached"), styles().body)]
    chart = progress_chart(progress, fmt, HALF_WIDTH, 36 * mm)
    return [heading(text(lang, "grade_section")), two_columns(left, [chart])]


def _amount(fmt: Formats, section: LedgerSection, value: Decimal, signed: bool = False) -> str:
    if section.unit == "cashback":
        shown = fmt.money(value, section.currency)
        return "+" + shown if signed and value > 0 else shown
    return fmt.signed(value) if signed else fmt.quantity(value)


def _ledger(content: StatementContent, section: LedgerSection, fmt: Formats) -> list[Flowable]:
    st = styles()
    lang = content.header.lang
    title = text(lang, "ledger_points") if section.unit == "points" else text(
        lang, "ledger_cashback", currency=section.currency)
    rows: list[list[object]] = [
        [fmt.date(content.quarter.start), "", text(lang, "opening_balance"), "",
         _amount(fmt, section, section.opening)]]
    for entry in section.entries:
        rows.append([fmt.date(entry.booked_on), text(lang, f"entry_{entry.kind}"),
                     entry.description, entry.reference,
                     _amount(fmt, section, entry.amount, signed=True)])
    rows.append([fmt.date(content.quarter.end), "", text(lang, "closing_balance"), "",
                 _amount(fmt, section, section.closing)])
    header = [text(lang, k) for k in ("col_date", "col_type", "col_description", "col_reference", "col_amount")]
    table = data_table(header, rows, widths=(0.12, 0.16, 0.37, 0.17, 0.18), right=(4,),
                       bold_rows=(0, len(rows) - 1))
    out: list[Flowable] = [KeepTogether([heading(title), table])]
    if not section.entries:
        out.append(para(text(lang, "no_entries"), st.small))
    out.append(Spacer(1, 3))
    if section.expiry_schedule:
        expiry_rows = [[fmt.date(e.expires_on), _amount(fmt, section, e.amount)] for e in section.expiry_schedule]
        expiry = data_table([text(lang, "col_expires_on"), text(lang, "col_amount")], expiry_rows,
                            widths=(0.2, 0.18), right=(1,))
        expiry.hAlign = "LEFT"
        out.append(KeepTogether([para(f"{text(lang, 'expiry_title')} · {title}", st.bold), Spacer(1, 2),
                                 expiry]))
    else:
        out.append(para(f"{text(lang, 'expiry_title')}: {text(lang, 'nothing_expires')}", st.small))
    return out


def _owed(content: StatementContent, fmt: Formats) -> list[Flowable]:
    """The negative balance carried forward by net-negative quarters (nothing when none is owed)."""
    if not content.owed:
        return []
    lang = content.header.lang
    rows: list[list[object]] = [[quarter_name(lang, o.quarter), "−" + fmt.money(o.amount, o.currency)]
                                for o in content.owed]
    table = data_table([text(lang, "col_quarter"), text(lang, "col_owed")], rows, widths=(0.3, 0.2), right=(1,))
    table.hAlign = "LEFT"
    return [KeepTogether([heading(text(lang, "owed_title")), para(text(lang, "owed_note"), styles().body),
                          Spacer(1, 2), table]), Spacer(1, 3)]


def _benefits(content: StatementContent, fmt: Formats) -> list[Flowable]:
    lang = content.header.lang
    out: list[Flowable] = [heading(text(lang, "benefits_used_title"))]
    if not content.benefits:
        return [*out, para(text(lang, "none"), styles().body)]
    rows: list[list[object]] = []
    for item in content.benefits:
        use = fmt.ratio(item.used / item.entitled) if item.entitled else "—"
        rows.append([item.title, _usage(fmt, item, item.entitled),
                     _usage(fmt, item, item.used), _usage(fmt, item, item.entitled - item.used), use])
    header = [text(lang, k) for k in ("col_benefit_short", "col_entitled", "col_used", "col_left", "col_use")]
    return [*out, data_table(header, rows, widths=(0.36, 0.16, 0.16, 0.16, 0.16), right=(1, 2, 3, 4))]


def _usage(fmt: Formats, item: BenefitUsage, value: Decimal) -> str:
    if item.currency:
        return fmt.money(value, item.currency)
    return f"{fmt.quantity(value)} {item.unit}".strip()


def _offers(content: StatementContent, fmt: Formats) -> list[Flowable]:
    lang = content.header.lang
    st = styles()
    out: list[Flowable] = [heading(text(lang, "offers_title"))]
    if not content.offers:
        return [*out, para(text(lang, "none"), st.body)]
    rows: list[list[object]] = [
        [Paragraph(f"<b>{escape(o.title)}</b>", st.cell), o.description, fmt.date(o.valid_until)]
        for o in content.offers]
    header = [text(lang, k) for k in ("col_offer", "col_description", "col_valid_until")]
    return [*out, data_table(header, rows, widths=(0.28, 0.56, 0.16))]


def _wallet(content: StatementContent, fmt: Formats) -> list[Flowable]:
    lang = content.header.lang
    out: list[Flowable] = [heading(text(lang, "wallet_title"))]
    if not content.wallet:
        return [*out, para(text(lang, "none"), styles().body)]
    bar_width = 0.14 * FRAME_WIDTH - 8
    rows: list[list[object]] = []
    for item in content.wallet:
        rows.append([item.category, fmt.money(item.our_sales, item.currency),
                     fmt.money(item.total_spend, item.currency), fmt.ratio(item.share),
                     share_bar(item.share, bar_width),
                     fmt.money(max(item.total_spend - item.our_sales, Decimal(0)), item.currency)])
    header = [text(lang, k) for k in ("col_category", "col_our_sales", "col_total_spend", "col_share")]
    header += ["", text(lang, "col_slot")]
    return [*out, KeepTogether(data_table(header, rows, widths=(0.22, 0.17, 0.17, 0.12, 0.14, 0.18),
                                          right=(1, 2, 3, 5)))]
