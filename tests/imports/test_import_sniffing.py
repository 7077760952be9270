"""Sniffing real-looking PL/RU/EN exports, header synonyms and saved mapping profiles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from import_builders import INVOICE_HEADER, SAMPLES

from kam_desktop.imports.errors import ProfileError
from kam_desktop.imports.formats import FORMATS, describe_formats, get_format
from kam_desktop.imports.options import ReadOptions
from kam_desktop.imports.profiles import (
    MappingProfile,
    load_profile,
    load_profiles,
    match_headers,
    save_profile,
)
from kam_desktop.imports.sniff import SniffError, detect_date_order, detect_decimal, detect_encoding
from kam_desktop.imports.sniffing import sniff_file
from kam_desktop.imports.staged import ImportResult
from kam_desktop.imports.synonyms import normalise_label, synonyms_for

INVOICES = get_format("invoices")


def test_polish_windows_1250_export_is_sniffed() -> None:
    sniffed = sniff_file(SAMPLES / "invoices_pl_cp1250.csv", INVOICES)
    assert sniffed.options == ReadOptions(encoding="cp1250", delimiter=";", decimal=",", date_order="DMY")
    assert sniffed.headers[7] == "Ilość"


def test_russian_windows_1251_export_is_sniffed() -> None:
    sniffed = sniff_file(SAMPLES / "invoices_ru_cp1251.csv", INVOICES)
    assert sniffed.options == ReadOptions(encoding="cp1251", delimiter=";", decimal=",", date_order="DMY")
    assert sniffed.headers[0] == "Номер счета"


def test_english_export_is_sniffed() -> None:
    sniffed = sniff_file(SAMPLES / "invoices.csv", INVOICES)
    assert sniffed.options == ReadOptions(encoding="utf-8", delimiter=",", decimal=".", date_order="ISO")
    assert len(sniffed.sample) == 4


@pytest.mark.parametrize("word", ["Wartość netto", "Źródło", "Ilość", "ŁÓDŹ", "Marża brutto"])
def test_polish_text_is_never_read_as_cyrillic(word: str) -> None:
    assert detect_encoding(f"{word};{word.lower()}\n".encode("cp1250"), complete=True).codec == "cp1250"


@pytest.mark.parametrize("word", ["Количество", "Сумма без НДС", "Щитовое оборудование", "ЁЛКА"])
def test_russian_text_is_never_read_as_polish(word: str) -> None:
    assert detect_encoding(f"{word};{word.lower()}\n".encode("cp1251"), complete=True).codec == "cp1251"


def test_utf8_with_and_without_bom_and_utf16() -> None:
    assert detect_encoding("Ilość;Маржа\n".encode()).codec == "utf-8"
    assert detect_encoding("\ufeffIlość\n".encode()).codec == "utf-8-sig"
    assert detect_encoding("Ilość\n".encode("utf-16")).codec == "utf-16"


def test_undecidable_bytes_raise_rather_than_guess() -> None:
    with pytest.raises(SniffError, match="choose the encoding"):
        detect_encoding(b"a;b\n\xa7\xb0;\xb1\n", complete=True)


@pytest.mark.parametrize(("values", "delimiter", "mark"), [
    (["1 234,56", "12"], ";", ","), (["1.234,56"], ";", ","), (["1,234.56"], ",", "."),
    (["12.5", "3"], ",", "."), (["12,5"], ";", ","), (["1\u00a0234,5"], ";", ","),
])
def test_decimal_mark(values: list[str], delimiter: str, mark: str) -> None:
    assert detect_decimal(values, delimiter)[0] == mark


def test_decimal_mark_without_evidence_follows_the_delimiter_and_says_so() -> None:
    assert detect_decimal(["1,234", "5"], ";") == (",", "no number shows its decimal mark; assumed ','")
    assert detect_decimal(["1,234"], ",")[0] == "."


@pytest.mark.parametrize(("values", "order"), [
    (["2026-01-05", "2026-12-31"], "ISO"), (["13.01.2026", "01.02.2026"], "DMY"),
    (["01/13/2026", "02/01/2026"], "MDY"), (["05.01.2026"], "DMY"), (["31/12/2026 00:00:00"], "DMY"),
])
def test_date_order(values: list[str], order: str) -> None:
    assert detect_date_order(values)[0] == order


def test_ambiguous_slash_dates_say_they_guessed() -> None:
    order, note = detect_date_order(["01/02/2026", "03/04/2026"])
    assert order == "DMY" and "assumed day-first" in note


def test_month_first_export_reads_dates_right(write: Callable[..., Path], run: Callable[..., ImportResult]) -> None:
    path = write("us.csv", f"{INVOICE_HEADER}\nA1,1,01/13/2026,EU-0001,Cables,1,1.00,0.50,EUR\n"
                           "A2,1,02/03/2026,EU-0001,Cables,1,1.00,0.50,EUR\n")
    result = run(path)
    assert result.ok, result.error_lines()
    assert [line.invoice_date.isoformat() for line in result.staged] == ["2026-01-13", "2026-02-03"]


def test_every_detected_choice_can_be_overridden(write: Callable[..., Path],
                                                 run: Callable[..., ImportResult]) -> None:
    header = INVOICE_HEADER.replace(",", ";")
    path = write("amb.csv", f"{header}\nA1;1;02/03/2026;EU-0001;Cables;1;1.000;500;EUR\n")
    detected = run(path)
    assert detected.options.decimal == "," and detected.options.date_order == "DMY"
    line = next(iter(detected.staged))
    assert (line.net_amount, line.invoice_date.isoformat()) == (Decimal("1000"), "2026-03-02")
    month_first = next(iter(run(path, options=ReadOptions(date_order="MDY")).staged))
    assert month_first.invoice_date.isoformat() == "2026-02-03"
    point = run(path, options=ReadOptions(decimal="."))
    assert point.error_lines() == ["amb.csv:2:net_amount: '1.000' is too precise: an amount has at most 2 "
                                   "decimal places"]


@pytest.mark.parametrize("header", ["Nr  faktury:", "NR_FAKTURY", "nr\u00a0faktury", " Nr faktury ", "Номер счёта"])
def test_headers_match_case_and_space_insensitively(header: str) -> None:
    assert normalise_label(header) in synonyms_for("invoices", "invoice_no")


def test_issue_synonyms_map_to_canonical_columns() -> None:
    pl = ["Nr faktury", "Lp", "Data wystawienia", "Kod kontrahenta", "Kategoria", "Ilość", "Wartość netto",
          "Marża", "Waluta", "Kontrahent", "NIP"]
    match = match_headers(INVOICES, pl)
    assert not match.missing and match.ignored == ("Kontrahent", "NIP")
    ru = ["Номер счета", "№ строки", "Дата", "Код контрагента", "Категория", "Количество", "Сумма без НДС",
          "Маржа", "Валюта"]
    assert not match_headers(INVOICES, ru).missing
    accounts = match_headers(get_format("accounts"), ["Kod kontrahenta", "Nazwa", "NIP", "Typ", "Opiekun",
                                                       "Region", "Branża", "Waluta", "Język"])
    assert accounts.header_of("owner_login") == "Opiekun" and accounts.header_of("name") == "Nazwa"
    assert match_headers(get_format("accounts"), ["Наименование", "ИНН", "Менеджер"]).columns == {
        "name": 0, "tax_id": 1, "owner_login": 2}


def test_no_synonym_means_two_columns_of_one_format() -> None:
    for spec in FORMATS.values():
        seen: dict[str, str] = {}
        for col in spec.names:
            for word in synonyms_for(spec.name, col):
                assert seen.setdefault(word, col) == col, f"{spec.name}: {word!r} → {seen[word]} and {col}"


def test_unknown_columns_are_listed(run: Callable[..., ImportResult]) -> None:
    result = run(SAMPLES / "invoices_pl_cp1250.csv")
    assert result.ok, result.error_lines()
    assert result.ignored_columns == ("Kontrahent", "NIP", "Uwagi")


def test_formats_print_as_tables() -> None:
    text = describe_formats()
    assert "| `margin_amount` | money |" in text and "Natural key (unique in a file): `invoice_no + line_no`" in text


def test_profiles_round_trip_through_a_folder(tmp_path: Path) -> None:
    profile = MappingProfile("Optima / faktury", "invoices", {"Numer dok.": "invoice_no", "Poz.": "line_no"},
                             {"encoding": "cp1250", "delimiter": ";"})
    saved = save_profile(tmp_path / "profiles", profile)
    assert saved.name == "Optima_faktury.json"
    assert load_profiles(tmp_path / "profiles") == {"Optima / faktury": profile}
    assert load_profile(tmp_path / "profiles", "Optima / faktury") == profile
    with pytest.raises(ProfileError, match="no mapping profile named 'x'"):
        load_profile(tmp_path / "profiles", "x")


def test_a_profile_maps_odd_headers_and_pins_options(write: Callable[..., Path],
                                                     run: Callable[..., ImportResult]) -> None:
    header = "Numer dok.;Poz.;Data;Kod kontrahenta;Kategoria;Ilość;Wartość netto;Marża;Waluta"
    path = write("optima.csv", f"{header}\nFV/1;1;05.02.2026;PL-0001;Kable;1;10,00;1,00;PLN\n", "cp1250")
    assert "invoice_no" in run(path).error_lines()[0]
    profile = MappingProfile("Optima", "invoices", {"numer dok": "invoice_no", "POZ": "line_no"},
                             {"encoding": "cp1250"})
    result = run(path, profile=profile)
    assert result.ok, result.error_lines()
    assert next(iter(result.staged)).net_amount == Decimal("10.00")
    assert result.options.encoding == "cp1250"


@pytest.mark.parametrize("data", [
    [], {"name": "x", "format": "invoices", "columns": {"a": "nope"}}, {"name": "", "format": "invoices"},
    {"name": "x", "format": "bills", "columns": {}}, {"name": "x", "format": "invoices", "columns": {"a": 1}},
    {"name": "x", "format": "invoices", "columns": {}, "options": {"password": "x"}},
])
def test_malformed_profiles_are_refused(data: object) -> None:
    with pytest.raises(ProfileError):
        MappingProfile.from_json(data)


def test_a_broken_profile_file_names_itself(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError, match="bad.json"):
        load_profiles(tmp_path)


def test_sniff_result_is_a_frozen_preview() -> None:
    sniffed = sniff_file(SAMPLES / "invoices_pl_cp1250.csv", INVOICES)
    assert replace(sniffed.options, delimiter=",").delimiter == ","
    with pytest.raises(AttributeError):
        sniffed.options.delimiter = ","  # type: ignore[misc]
