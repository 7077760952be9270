"""The quarterly statement prints the ledger's balances exactly, and refuses one that does not add up."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kam_desktop.documents.content import Lang, LedgerEntryLine, LedgerSection
from kam_desktop.documents.errors import StatementBalanceError
from kam_desktop.documents.formats import formats_for
from kam_desktop.documents.statement import check_statement, render_statement
from kam_desktop.documents.texts import quarter_name, text

from . import builders as build
from .pdfcheck import flat, flat_text, page_texts


def test_balances_and_entries_equal_the_input(lang: Lang) -> None:
    content = build.statement(lang)
    fmt = formats_for(lang)
    pdf_text = flat_text(render_statement(content))
    points, cashback = content.ledgers
    assert points.closing == points.opening + sum(e.amount for e in points.entries)
    assert f"{text(lang, 'opening_balance')} {flat(fmt.quantity(points.opening))}" in pdf_text
    assert f"{text(lang, 'closing_balance')} {flat(fmt.quantity(points.closing))}" in pdf_text
    assert f"{text(lang, 'closing_balance')} {flat(fmt.money(cashback.closing, cashback.currency))}" in pdf_text
    for entry in points.entries:
        assert f"{entry.reference} {flat(fmt.signed(entry.amount))}" in pdf_text
    for expiry in points.expiry_schedule:
        assert f"{fmt.date(expiry.expires_on)} {flat(fmt.quantity(expiry.amount))}" in pdf_text


def test_the_english_statement_reads_as_expected() -> None:
    pdf_text = flat_text(render_statement(build.statement("en")))
    assert "Quarterly Statement Q1 2026 · No. STM-2026-00001" in pdf_text
    assert "Opening balance 14,250" in pdf_text
    assert "Closing balance 18,835" in pdf_text  # 14,250 + 7,725 accrued − 2,500 redeemed − 640 expired
    assert "Closing balance GBP 4,318.75" in pdf_text


def test_every_section_is_present(lang: Lang) -> None:
    content = build.statement(lang)
    pdf_text = flat_text(render_statement(content))
    assert quarter_name(lang, content.quarter) in pdf_text
    for key in ("grade_section", "expiry_title", "benefits_used_title", "offers_title", "wallet_title"):
        assert text(lang, key) in pdf_text
    for share in content.wallet:
        assert flat(formats_for(lang).ratio(share.share)) in pdf_text
        assert share.category in pdf_text
    for offer in content.offers:
        assert offer.title in pdf_text
    assert content.progress.next_grade_code in pdf_text


def _unbalanced(delta: str) -> LedgerSection:
    points = build.statement("pl").ledgers[0]
    return replace(points, closing=points.closing + Decimal(delta))


@pytest.mark.parametrize("delta", ["1", "-0.01", "100000"])
def test_a_closing_balance_that_does_not_add_up_is_refused(delta: str) -> None:
    content = build.statement("pl")
    bad = replace(content, ledgers=(_unbalanced(delta), content.ledgers[1]))
    with pytest.raises(StatementBalanceError) as caught:
        render_statement(bad)
    assert len(caught.value.problems) == 1
    assert "points" in caught.value.problems[0]


def test_a_missing_entry_is_caught_too() -> None:
    content = build.statement("pl")
    points = content.ledgers[0]
    dropped = replace(points, entries=points.entries[1:])
    with pytest.raises(StatementBalanceError):
        check_statement(replace(content, ledgers=(dropped, content.ledgers[1])))


def test_every_unbalanced_ledger_is_reported_at_once() -> None:
    content = build.statement("pl")
    cashback = content.ledgers[1]
    extra = LedgerEntryLine(cashback.entries[0].booked_on, "adjustment", "x", "ADJ-1", Decimal("5"))
    bad_cash = replace(cashback, entries=(*cashback.entries, extra))
    with pytest.raises(StatementBalanceError) as caught:
        check_statement(replace(content, ledgers=(_unbalanced("1"), bad_cash)))
    assert len(caught.value.problems) == 2


def test_a_top_grade_account_sees_no_next_threshold() -> None:
    content = build.statement("en")
    top = replace(content.progress, grade_code="L1", grade_name="Platinum", next_grade_code="",
                  next_grade_name="", next_threshold=None)
    pdf_text = flat_text(render_statement(replace(content, progress=top)))
    assert text("en", "top_reached") in pdf_text
    assert "Still needed" not in pdf_text


def test_a_long_ledger_flows_over_pages_with_every_entry_and_a_header_on_each() -> None:
    from kam_desktop.documents import samples

    content = replace(samples.sample_statement("pl", 7, entries=150), client=build.client("pl"))
    pdf = render_statement(content)
    pages = page_texts(pdf)
    assert len(pages) >= 4
    points = content.ledgers[0]
    references = [e.reference for e in points.entries]
    pdf_text = flat_text(pdf)
    assert all(ref in pdf_text for ref in references)
    assert sum(pdf_text.count(f"{ref} ") for ref in set(references)) >= len(points.entries)
    fmt = formats_for("pl")
    assert f"{text('pl', 'closing_balance')} {flat(fmt.quantity(points.closing))}" in pdf_text
    ledger_pages = [p for p in pages if "FV/2026/" in p]
    assert len(ledger_pages) >= 3
    assert all(text("pl", "col_reference") in flat(p) for p in ledger_pages)


def test_a_long_description_wraps_instead_of_running_over() -> None:
    content = build.statement("en")
    points = content.ledgers[0]
    long_text = "Points for the flagship project at the Łódź warehouse, phase two, lighting and automation"
    first = replace(points.entries[0], description=long_text)
    wrapped = replace(points, entries=(first, *points.entries[1:]))
    pdf_pages = page_texts(render_statement(replace(content, ledgers=(wrapped, content.ledgers[1]))))
    assert long_text in flat(" ".join(pdf_pages))
    assert long_text not in " ".join(pdf_pages)  # it was broken into lines


def test_a_grade_without_a_name_of_its_own_prints_once() -> None:
    content = build.statement("en")
    plain = replace(content.progress, grade_code="L3", grade_name="L3", next_grade_code="L2", next_grade_name="L2")
    pdf_text = flat_text(render_statement(replace(content, progress=plain)))
    assert "L3 · L3" not in pdf_text and "L2 · L2" not in pdf_text
    assert "L3" in pdf_text and "L2" in pdf_text
    named = replace(content.progress, grade_code="L3", grade_name="Silver")
    assert "L3 · Silver" in flat_text(render_statement(replace(content, progress=named)))
