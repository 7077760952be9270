"""Every document in every language: it renders, its names read back exactly, its fonts are embedded."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from kam_desktop.documents.agreement import render_agreement
from kam_desktop.documents.annex import render_annex
from kam_desktop.documents.content import LANGUAGES, Lang
from kam_desktop.documents.formats import formats_for
from kam_desktop.documents.statement import render_statement
from kam_desktop.documents.texts import text

from . import builders as build
from .pdfcheck import CYRILLIC, POLISH, flat, flat_text, fonts, page_texts


def all_documents(lang: Lang) -> dict[str, bytes]:
    return {
        "agreement": render_agreement(build.agreement(lang)),
        "annex": render_annex(build.annex(lang)),
        "statement": render_statement(build.statement(lang)),
    }


def test_the_test_names_carry_every_polish_and_cyrillic_letter() -> None:
    assert set(POLISH.replace(" ", "")) <= set(build.CLIENT_PL)
    assert set(CYRILLIC.split()[0]) <= set(build.CLIENT_RU.lower())


def test_each_language_renders_its_own_titles(lang: Lang) -> None:
    docs = all_documents(lang)
    assert text(lang, "agreement_title") in flat_text(docs["agreement"])
    assert text(lang, "annex_short") in flat_text(docs["annex"])
    assert text(lang, "statement_title") in flat_text(docs["statement"])
    others = [other for other in LANGUAGES if other != lang]
    for other in others:  # and not another language's
        assert text(other, "statement_title") not in flat_text(docs["statement"])


def test_polish_and_cyrillic_names_come_out_exactly(lang: Lang) -> None:
    party = build.client(lang)
    for kind, pdf in all_documents(lang).items():
        content = flat_text(pdf)
        assert flat(party.name) in content, kind
        if kind != "statement":  # signature blocks print the client's signatory
            assert flat(party.signatory_name) in content, kind
    company = build.agreement(lang).company.party
    assert company.signatory_name in flat_text(render_agreement(build.agreement(lang)))


def test_cyrillic_letters_are_not_replaced_by_lookalikes_or_boxes() -> None:
    content = flat_text(render_annex(build.annex("ru")))
    assert build.CLIENT_RU in content
    assert "■" not in content and "\ufffd" not in content


def test_only_embedded_truetype_fonts_are_used(lang: Lang) -> None:
    for kind, pdf in all_documents(lang).items():
        used = fonts(pdf)
        assert used, kind
        for font in used:
            assert font.subtype == "/TrueType" and font.embedded, (kind, font)
            assert "DejaVuSans" in font.name


def test_identical_input_gives_identical_bytes(lang: Lang) -> None:
    assert all_documents(lang) == all_documents(lang)


def test_the_creation_date_is_part_of_the_bytes_and_defaults_to_the_issue_date() -> None:
    content = build.annex("pl")
    default = render_annex(content)
    explicit_same = render_annex(content, created_at=datetime(2026, 3, 2, tzinfo=UTC))
    later = render_annex(content, created_at=datetime(2026, 3, 2, 10, 30, tzinfo=UTC))
    assert default == explicit_same
    assert default != later
    assert b"D:20260302103000" in later


_SCRIPT = """
import hashlib, sys
from kam_desktop.documents import samples
from kam_desktop.documents.annex import render_annex
from kam_desktop.documents.statement import render_statement
sys.stdout.write(hashlib.sha256(render_annex(samples.sample_annex('ru', draft=True))).hexdigest())
sys.stdout.write(hashlib.sha256(render_statement(samples.sample_statement('pl', 3))).hexdigest())
"""


def test_the_sha256_is_the_same_in_a_fresh_process() -> None:
    from kam_desktop.documents import samples

    here = hashlib.sha256(render_annex(samples.sample_annex("ru", draft=True))).hexdigest()
    here += hashlib.sha256(render_statement(samples.sample_statement("pl", 3))).hexdigest()
    fresh = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True)
    assert fresh.stdout == here


def test_every_page_has_a_page_count_footer() -> None:
    pages = page_texts(render_agreement(build.agreement("pl")))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert text("pl", "page", page=number, pages=len(pages)) in page


def test_a_second_version_says_what_it_replaces() -> None:
    from dataclasses import replace

    content = build.agreement("en")
    v2 = replace(content, header=replace(content.header, version=2, supersedes="AGR-2026-00017"))
    assert "replaces document AGR-2026-00017" in flat_text(render_agreement(v2))
    assert "replaces document" not in flat_text(render_agreement(content))


@pytest.mark.parametrize("lang", ["pl", "ru", "en"])
def test_the_agreement_writes_out_the_program_rules(lang: Lang) -> None:
    content = build.agreement(lang)
    pdf_text = flat_text(render_agreement(content))
    for grade in content.rules.grades:
        assert grade.code in pdf_text and grade.name in pdf_text
    assert {"pl": "antykorupcyjn", "ru": "антикоррупцион", "en": "anti-corruption"}[lang] in pdf_text
    cap = formats_for(lang).money(content.rules.benefit_cap_per_person, content.rules.currency)
    assert flat(cap) in pdf_text
    assert {"pl": "500,00 zł", "ru": "500,00 ₽", "en": "GBP 500.00"}[lang] == flat(cap)
