"""The small tables behind a document's words: tax-ID labels by country, counted phrases, job titles."""

from __future__ import annotations

import pytest

from kam_desktop.documents.content import Party
from kam_desktop.documents.counts import counted, plural_catalogue
from kam_desktop.documents.positions import position_in
from kam_desktop.documents.taxids import country_of_tax_id, tax_id_label


@pytest.mark.parametrize(("country", "en", "pl", "ru"), [
    ("PL", "NIP", "NIP", "NIP"),
    ("pl", "NIP", "NIP", "NIP"),
    ("RU", "INN", "INN", "ИНН"),
    ("DE", "VAT ID", "NIP UE", "ИНН/VAT"),
    ("EL", "VAT ID", "NIP UE", "ИНН/VAT"),  # Greece, as VAT numbers spell it
    ("GB", "VAT ID", "Nr VAT", "ИНН/VAT"),  # not in the EU: no "NIP UE"
    ("", "Tax ID", "Nr identyfikacji podatkowej", "Налоговый номер"),
])
def test_the_tax_id_label_follows_the_country_in_the_documents_language(country: str, en: str, pl: str,
                                                                        ru: str) -> None:
    assert (tax_id_label(country, "en"), tax_id_label(country, "pl"), tax_id_label(country, "ru")) == (en, pl, ru)


def test_a_party_without_a_country_is_named_by_its_vat_prefix() -> None:
    assert country_of_tax_id("PL5260250274") == "PL" and country_of_tax_id("5260250274") == ""
    assert Party("Nordwind", "DE811907980", ()).tax_country == "DE"
    assert Party("Nordwind", "DE811907980", (), country="PL").tax_country == "PL"


@pytest.mark.parametrize(("count", "pl", "ru"), [
    (1, "1 dzień", "1 день"), (2, "2 dni", "2 дня"), (4, "4 dni", "4 дня"), (5, "5 dni", "5 дней"),
    (11, "11 dni", "11 дней"), (12, "12 dni", "12 дней"), (21, "21 dni", "21 день"), (22, "22 dni", "22 дня"),
    (25, "25 dni", "25 дней"), (111, "111 dni", "111 дней"),
])
def test_a_count_takes_the_form_the_catalogues_plural_rule_picks(count: int, pl: str, ru: str) -> None:
    days = ("{count} day", "{count} days")
    assert counted("pl", *days, count, "document: a value in days") == pl
    assert counted("ru", *days, count, "document: a value in days") == ru
    assert counted("en", *days, count, "document: a value in days") == (f"{count} day" if count == 1
                                                                         else f"{count} days")


def test_polish_forms_differ_by_case_and_come_from_the_catalogue() -> None:
    # "po upływie 2 miesięcy" and "za 2 месяца" (accusative) vs "по истечении 2 месяцев" (genitive)
    window, after = "document: over the preceding N months", "document: after N months (points expire)"
    assert counted("ru", "{count} month", "{count} months", 2, window) == "2 месяца"
    assert counted("ru", "{count} month", "{count} months", 2, after) == "2 месяцев"
    assert counted("pl", "{count} quarter", "{count} consecutive quarters", 3,
                   "document: for N quarters (grace period)") == "3 kolejnych kwartałów"
    assert ("document: a value in days", "{count} day", "{count} days") in plural_catalogue("pl").forms


@pytest.mark.parametrize(("title", "en", "pl", "ru"), [
    ("Sales Director", "Sales Director", "Dyrektor sprzedaży", "директор по продажам"),
    ("sales  director", "Sales Director", "Dyrektor sprzedaży", "директор по продажам"),
    ("Prezes zarządu", "President of the Management Board", "Prezes zarządu", "председатель правления"),
    ("Генеральный директор", "General Director", "Dyrektor generalny", "генеральный директор"),
    ("finance", "Finance Director", "Dyrektor finansowy", "финансовый директор"),
    ("Head of Logistics", "Head of Logistics", "Head of Logistics", "Head of Logistics"),  # unknown: as written
])
def test_a_known_position_is_printed_in_the_documents_language(title: str, en: str, pl: str, ru: str) -> None:
    assert (position_in("en", title), position_in("pl", title), position_in("ru", title)) == (en, pl, ru)
