"""The benefit annex lists every benefit and exception, adds up against the budget, and is marked DRAFT
on every page exactly while something still waits for approval."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from kam_desktop.documents.agreement import render_agreement
from kam_desktop.documents.annex import render_annex
from kam_desktop.documents.content import BenefitLine, Lang
from kam_desktop.documents.formats import formats_for
from kam_desktop.documents.statement import render_statement
from kam_desktop.documents.texts import text

from . import builders as build
from .pdfcheck import flat, flat_text, page_texts


def many_benefits(count: int) -> tuple[BenefitLine, ...]:
    return tuple(
        BenefitLine("training", f"Szkolenie nr {n} — Łódź", f"Warunki {n}", "Brak", date(2026, 4, 1),
                    date(2026, 12, 31), Decimal(100 + n), "within_policy")
        for n in range(1, count + 1)
    )


def test_every_benefit_is_listed_with_its_value(lang: Lang) -> None:
    content = build.annex(lang)
    fmt = formats_for(lang)
    pdf_text = flat_text(render_annex(content))
    for line in content.benefits:
        assert flat(line.title) in pdf_text
        assert flat(fmt.money(line.estimated_value, content.currency)) in pdf_text
        assert text(lang, f"benefit_type_{line.type}") in pdf_text


def test_a_long_annex_lists_all_forty_benefits_across_pages() -> None:
    content = replace(build.annex("pl"), benefits=many_benefits(40), exceptions=())
    pdf = render_annex(content)
    pdf_text = flat_text(pdf)
    assert len(page_texts(pdf)) >= 2
    for line in content.benefits:
        assert f"{line.title} " in pdf_text + " "  # "nr 1 " must not only match inside "nr 10"
    assert text("pl", "no_exceptions") in pdf_text


def test_the_exceptions_relied_on_are_listed_with_approver_and_validity() -> None:
    content = build.annex("en")
    pdf_text = flat_text(render_annex(content))
    for exception in content.exceptions:
        assert exception.number in pdf_text
        assert exception.approver in pdf_text
    assert "31/12/2026" in pdf_text


def test_totals_are_computed_from_the_benefits_against_the_budget() -> None:
    content = build.annex("en")  # 36,500 of benefits, budget 30,000, 4,000 committed before
    pdf_text = flat_text(render_annex(content))
    assert "Total estimated value of the benefits in this annex GBP 36,500.00" in pdf_text
    assert "Remaining after this annex -GBP 10,500.00" in pdf_text
    assert "exceed the policy budget by GBP 10,500.00" in pdf_text
    within = replace(content, policy_budget=Decimal("50000"))
    within_text = flat_text(render_annex(within))
    assert "Remaining after this annex GBP 9,500.00" in within_text
    assert "exceed the policy budget" not in within_text


def test_a_pending_benefit_marks_every_page_draft_in_every_language(lang: Lang) -> None:
    content = replace(build.annex(lang, draft=True), benefits=build.annex(lang, draft=True).benefits
                      + many_benefits(25))
    assert content.is_draft
    pages = page_texts(render_annex(content))
    assert len(pages) >= 2
    for page in pages:
        assert text(lang, "draft_word") in page
        assert flat(text(lang, "draft_mark")) in flat(page)
        assert lang == "en" or "DRAFT" not in page  # only the document language's word
    assert flat(text(lang, "draft_banner")) in flat(pages[0])


def test_a_pending_exception_alone_makes_a_draft() -> None:
    content = build.annex("pl", draft=True)
    approved_benefits = tuple(replace(b, approval="approved") for b in content.benefits)
    content = replace(content, benefits=approved_benefits)
    assert content.is_draft
    pdf_text = flat_text(render_annex(content))
    assert "PROJEKT" in pdf_text and "DRAFT" not in pdf_text


def test_no_draft_mark_when_everything_is_approved(lang: Lang) -> None:
    content = build.annex(lang, draft=False)
    assert not content.is_draft
    for pdf in (render_annex(content), render_agreement(build.agreement(lang)),
                render_statement(build.statement(lang))):
        pdf_text = flat_text(pdf)
        assert "DRAFT" not in pdf_text and text(lang, "draft_word") not in pdf_text


def test_a_pending_benefit_alone_makes_a_draft() -> None:
    content = build.annex("ru", draft=False)
    first, *rest = content.benefits
    content = replace(content, benefits=(replace(first, approval="pending"), *rest))
    assert all(e.status == "approved" for e in content.exceptions)
    assert content.is_draft
    pdf_text = flat_text(render_annex(content))
    assert "ПРОЕКТ" in pdf_text and "DRAFT" not in pdf_text
