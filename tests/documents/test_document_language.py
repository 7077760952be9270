"""What a Polish or Russian reader sees on a real document: their own words, formats, tax-ID names and grammar.

Agreements, annexes and statements of three clients (Polish, Russian, British) are issued through the services
from a real store in English, Polish and Russian, and read back from the PDF (pypdf). A Polish or Russian
document holds no unit code ("(money)"), no ISO date, no quarter key ("2025Q4") and no English job title; money,
chart figures and quarters are in the language's format; the tax ID is labelled by the client's country; the
Russian representative is named without a case the code cannot decline; counted words take the plural form
the catalogue's Plural-Forms picks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.documents.content import Lang
from kam_desktop.services.benefits.grants import add_benefit_grant
from kam_desktop.store.models import Account
from tests.acting import as_, desk

from .pdfcheck import flat_text
from .world import TODAY, build

ISO_DATE = re.compile(r"\b20\d\d-[01]\d-[0-3]\d\b")
QUARTER_KEY = re.compile(r"\b20\d\dQ[1-4]\b")
UNIT_CODES = ("(money)", "(pct)", "(days)")
ENGLISH_TITLES = re.compile(r"\b(director|finance|kam|manager)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Issued:
    texts: dict[tuple[str, str], str]  # (account code, kind) → the PDF's text, whitespace made single spaces

    def __getitem__(self, key: tuple[str, str]) -> str:
        return self.texts[key]

    def all(self) -> str:
        return " ".join(self.texts.values())


def _issue_all(store: Any, lang: Lang) -> Issued:
    kasia = desk(store, "kasia", date.fromisoformat(TODAY))
    texts = {}
    for code in ("PL1", "RU1", "EN1"):
        for kind in ("agreement", "annex", "statement"):
            texts[(code, kind)] = flat_text(kasia.issue_document(code, kind, lang=lang).pdf)
    return Issued(texts)


@pytest.fixture
def issued(sqlite_store: Any, lang: Lang) -> Issued:
    """The world's three clients, a signatory with an English title and benefits counted in days and percent."""
    build(sqlite_store)
    with sqlite_store.unit_of_work("test") as uow:
        en1 = uow.session.scalar(select(Account).where(Account.code == "EN1"))
        assert en1 is not None
        en1.country = "GB"
        uow.commit()
    kasia = as_(sqlite_store, "kasia", date.fromisoformat(TODAY))
    for code, days in (("PL1", 1), ("RU1", 21), ("EN1", 5)):
        add_benefit_grant(kasia, code, "PAY-TERMS", cost_estimate=Decimal("120.00"), value=Decimal(days),
                          valid_from=date(2026, 3, 1), valid_to=date(2026, 12, 31))
    add_benefit_grant(kasia, "RU1", "VOL-DISC", cost_estimate=Decimal("800.00"), value=Decimal("2.5"),
                      valid_from=date(2026, 3, 1), valid_to=date(2026, 12, 31))
    return _issue_all(sqlite_store, lang)


@pytest.mark.parametrize("lang", ["pl", "ru"])
def test_no_internal_words_iso_dates_or_english_titles_in_polish_and_russian_documents(
        issued: Issued, lang: Lang) -> None:
    body = issued.all()
    assert not [code for code in UNIT_CODES if code in body]
    assert ISO_DATE.findall(body) == []
    assert QUARTER_KEY.findall(body) == []  # statements' references and chart axes
    assert ENGLISH_TITLES.findall(body) == []  # the company's "Sales Director" is translated
    sales_director = {"pl": "Katarzyna Wiśniewska, Dyrektor sprzedaży", "ru": "Katarzyna Wiśniewska, директор по продажам"}
    assert sales_director[lang] in issued[("PL1", "agreement")]


def test_money_dates_and_figures_are_in_the_polish_format(sqlite_store: Any) -> None:
    texts = _issued_in(sqlite_store, "pl")
    annex, statement = texts[("PL1", "annex")], texts[("PL1", "statement")]
    assert "Budżet benefitów: 90 000,00 zł" in annex  # the exception's request, not "90000.00 PLN"
    assert "1 dzień" in annex  # the payment term's value
    assert "IV kw. 2025" in statement and " tys." in statement  # the chart's axis and figures
    assert re.search(r"\b\d{2}\.\d{2}\.20\d\d\b", statement)


def test_money_dates_and_figures_are_in_the_russian_format(sqlite_store: Any) -> None:
    texts = _issued_in(sqlite_store, "ru")
    annex, statement = texts[("RU1", "annex")], texts[("RU1", "statement")]
    assert "21 день" in annex and "2,5%" in annex
    assert "IV кв. 2025" in statement and " тыс." in statement
    assert "г.." not in texts[("RU1", "agreement")]  # a long date ends the term's sentence with its own "г."


def test_the_english_documents_keep_english_formats(sqlite_store: Any) -> None:
    texts = _issued_in(sqlite_store, "en")
    assert "5 days" in texts[("EN1", "annex")] and "Q4 2025" in texts[("EN1", "statement")]
    assert "represented by Olivia Grant, Prezes" not in texts[("EN1", "agreement")]
    assert "President of the Management Board" in texts[("EN1", "agreement")]  # the contact's "Prezes"


@pytest.mark.parametrize("lang", ["en", "pl", "ru"])
def test_the_tax_id_is_labelled_by_the_clients_country(issued: Issued, lang: Lang) -> None:
    labels = {  # PL1 is Polish, RU1 Russian, EN1 British (outside the EU)
        "en": ("NIP: 525-000-12-34", "INN: 525-000-12-34", "VAT ID: 525-000-12-34"),
        "pl": ("NIP: 525-000-12-34", "INN: 525-000-12-34", "Nr VAT: 525-000-12-34"),
        "ru": ("NIP: 525-000-12-34", "ИНН: 525-000-12-34", "ИНН/VAT: 525-000-12-34"),
    }[lang]
    for code, label in zip(("PL1", "RU1", "EN1"), labels, strict=True):
        for kind in ("agreement", "annex", "statement"):
            assert label in issued[(code, kind)], (code, kind)
    assert "NIP: PL5260250274" in issued[("RU1", "agreement")]  # our company: its VAT number says Poland


@pytest.mark.parametrize("lang", ["ru"])
def test_the_russian_representative_is_named_without_a_case_the_code_cannot_decline(
        issued: Issued, lang: Lang) -> None:
    agreement = issued[("RU1", "agreement")]
    assert "в лице" not in issued.all()
    assert "Представитель: Щёкина Юлия Эдуардовна, председатель правления" in agreement  # "Prezes" translated
    assert "Представитель: Katarzyna Wiśniewska, директор по продажам" in agreement


@pytest.mark.parametrize("lang", ["pl", "ru"])
def test_counted_words_take_the_plural_form_of_their_number(issued: Issued, lang: Lang) -> None:
    agreement = issued[("PL1", "agreement")]
    expected = {
        "pl": ("okresie 12 miesięcy", "przez okres 1 kwartału", "wynoszącego 90 dni", "po upływie 12 miesięcy",
               "obrotu netto zrealizowanego"),
        "ru": ("за предшествующие 12 месяцев", "в течение 1 квартала", "не менее чем за 90 календарных дней",
               "по истечении 12 месяцев"),
    }[lang]
    assert [phrase for phrase in expected if phrase not in agreement] == []
    annexes = {"pl": ("1 dzień", "21 dni", "5 dni"), "ru": ("1 день", "21 день", "5 дней")}[lang]
    found = [issued[(code, "annex")] for code in ("PL1", "RU1", "EN1")]
    assert [phrase in text for phrase, text in zip(annexes, found, strict=True)] == [True, True, True]
    assert re.findall(r"(?<!\d)1 (?:dni|дня|дней)\b", " ".join(found)) == []  # never "1 dni"


def _issued_in(store: Any, lang: Lang) -> dict[tuple[str, str], str]:
    build(store)
    kasia = as_(store, "kasia", date.fromisoformat(TODAY))
    for code, days in (("PL1", 1), ("RU1", 21), ("EN1", 5)):
        add_benefit_grant(kasia, code, "PAY-TERMS", cost_estimate=Decimal("120.00"), value=Decimal(days),
                          valid_from=date(2026, 3, 1), valid_to=date(2026, 12, 31))
    add_benefit_grant(kasia, "RU1", "VOL-DISC", cost_estimate=Decimal("800.00"), value=Decimal("2.5"),
                      valid_from=date(2026, 3, 1), valid_to=date(2026, 12, 31))
    return _issue_all(store, lang).texts


@pytest.mark.parametrize(("lang", "period"), [("pl", "IV kwartał 2025 r."), ("ru", "IV квартал 2025 г.")])
def test_a_rebate_note_names_the_quarter_in_words_and_no_store_id(sqlite_store: Any, lang: Lang, period: str) -> None:
    build(sqlite_store)  # PL1's 2025Q4 cashback is closed and open to pay out
    paid = desk(sqlite_store, "money", date.fromisoformat(TODAY)).pay_out("PL1", "100.00", period="2025Q4", lang=lang)
    assert paid.pdf is not None
    body = flat_text(paid.pdf)
    assert period in body
    assert QUARTER_KEY.findall(body) == [] and ISO_DATE.findall(body) == []
    assert re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-", body) == []  # the ledger entry's id is not printed
    assert {"pl": "100,00 zł", "ru": "100,00 PLN"}[lang] in body
