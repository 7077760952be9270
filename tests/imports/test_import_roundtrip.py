"""Export then import gives the same data; risky text is neutralised and comes back unchanged."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from kam_desktop.domain.printable import is_printable
from kam_desktop.imports.export import neutralise, staged_table, write_csv, write_xlsx
from kam_desktop.imports.importer import import_file
from kam_desktop.imports.options import ReadOptions
from kam_desktop.imports.staged import (
    ImportResult,
    KnownData,
    StagedAccount,
    StagedContact,
    StagedInvoiceLine,
    StagedOpeningBalance,
    StagedPotential,
)

D = Decimal
RISKY = ["=SUM(A1:A9)", "+48 600 100 200", "-2+3", "@cmd", "\tTAB", "'=already quoted", "''@twice"]

ROWS: dict[str, list[object]] = {
    "invoices": [
        StagedInvoiceLine("FV/2026/1", 1, date(2026, 2, 5), "PL-0001", "Kable", D("1200"), D("14400.00"),
                          D("2880.00"), "PLN", 2),
        StagedInvoiceLine("FV/2026/1", 2, date(2026, 2, 5), "PL-0001", "=cmd|' /C calc'!A0", D("0.125"),
                          D("0.99"), D("-0.01"), "PLN", 3),
        StagedInvoiceLine("KOR/2026/1", 1, date(2026, 2, 27), "RU-0001", "Кабель", D("-10"), D("-1200.50"),
                          D("-240.10"), "RUB", 4),
    ],
    "accounts": [
        StagedAccount("PL-0001", "Elektro-Hurt Sp. z o.o.", "521-300-00-01", "customer", "anowak", "mazowieckie",
                      None, "PLN", "pl", "active", date(2025, 1, 15), 2),
        StagedAccount("RU-0002", "АО «ТехноИнтеграция»", None, "partner", "novyi", None, "+IT", "RUB", "ru",
                      "inactive", date(2024, 12, 31), 3),
    ],
    "potential": [
        StagedPotential("PL-0001", "Kable", D("9000"), D("1080000.00"), "PLN", "interview", date(2025, 11, 20),
                        D("0.7"), 2),
        StagedPotential("RU-0001", "@Щиты", D("0.5"), D("0.01"), "RUB", "sales_book", date(2025, 1, 2), D("1"), 3),
    ],
    "contacts": [
        StagedContact("PL-0001", RISKY[0], "@buyer", "a@b.pl", RISKY[1], "pl", "Kierownik działu zakupów", 2),
        StagedContact("PL-0001", "Łukasz Żółw", "-", None, "-1", None, None, 3),
        StagedContact("RU-0001", RISKY[5], "ФИО\nдве строки", None, RISKY[6], "ru", "=Директор", 4),
    ],
    "opening-balances": [
        StagedOpeningBalance("PL-0001", D("1250"), D("430.00"), "PLN", date(2026, 12, 31), "=1+1", 2),
        StagedOpeningBalance("RU-0001", D("0"), D("15000.00"), "RUB", None, None, 3),
    ],
}


def _import(path: Path, fmt: str, known: KnownData, **kwargs: object) -> ImportResult:
    result = import_file(path, fmt, known, **kwargs)  # type: ignore[arg-type]
    assert result.ok, result.error_lines()
    return result


@pytest.mark.parametrize("fmt", list(ROWS))
@pytest.mark.parametrize(("suffix", "delimiter", "decimal"), [
    ("csv", ",", "."), ("csv", ";", ","), ("csv", "\t", "."), ("csv", "|", ","), ("xlsx", "", ""),
])
def test_export_then_import_gives_the_same_rows(fmt: str, suffix: str, delimiter: str, decimal: str,
                                                 tmp_path: Path, known: KnownData) -> None:
    headers, rows = staged_table(fmt, ROWS[fmt])
    path = tmp_path / f"{fmt}.{suffix}"
    if suffix == "csv":
        write_csv(path, headers, rows, delimiter=delimiter, decimal=decimal)
    else:
        write_xlsx(path, headers, rows)
    result = _import(path, fmt, known)
    assert list(result.staged) == ROWS[fmt]
    if suffix == "csv":
        assert (result.options.delimiter, result.options.encoding) == (delimiter, "utf-8-sig")


def test_csv_cells_are_neutralised_but_numbers_stay_numbers(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    write_csv(path, ["text", "amount", "day"], [("=HYPERLINK(\"http://evil\")", D("-12.50"), date(2026, 1, 2)),
                                               {"text": "@SUM(1)", "amount": -3, "day": None}])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows == [["text", "amount", "day"], ["'=HYPERLINK(\"http://evil\")", "-12.50", "2026-01-02"],
                    ["'@SUM(1)", "-3", ""]]


def test_xlsx_has_no_formulas_and_real_numbers(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    write_xlsx(path, ["=head", "amount", "day"], [("+1+1", D("-12.50"), date(2026, 1, 2))])
    ws = load_workbook(path).active
    assert ws is not None
    values = [[c.value for c in row] for row in ws.iter_rows()]
    types = [c.data_type for c in next(ws.iter_rows(min_row=2))]
    assert values[0][0] == "'=head" and values[1][0] == "'+1+1" and values[1][1] == -12.5
    assert types == ["s", "n", "d"]


@pytest.mark.parametrize("text", RISKY + ["\rCR", "plain", "", "a=b"])
def test_neutralise_is_undone_by_exactly_one_quote(text: str) -> None:
    import pandas as pd

    from kam_desktop.imports.values import clean_text

    back = clean_text(pd.Series([neutralise(text)], dtype=object)).iloc[0]
    assert back == text.strip(" \t\r") if not neutralise(text).startswith("'") else back == text


# Names and roles are printed on documents: any text their font has (domain.printable; Latin, Greek, Cyrillic)
_text = st.text(st.characters(max_codepoint=0x52F, blacklist_categories=("Cs", "Cc"),
                              blacklist_characters="\u2028\u2029\x85").filter(is_printable),
                min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(_text, min_size=1, max_size=5, unique=True), roles=st.lists(_text, min_size=5, max_size=5))
def test_any_text_survives_a_csv_round_trip(names: list[str], roles: list[str], tmp_path: Path,
                                            known: KnownData) -> None:
    rows = [StagedContact("PL-0001", name, role, None, None, None, None, i + 2)
            for i, (name, role) in enumerate(zip(names, roles, strict=False))]
    path = tmp_path / "c.csv"
    write_csv(path, *staged_table("contacts", rows), delimiter=";")
    result = _import(path, "contacts", known, options=ReadOptions(delimiter=";"))
    assert list(result.staged) == rows


def test_round_trip_of_the_samples(tmp_path: Path, run: Callable[..., ImportResult]) -> None:
    from import_builders import SAMPLES

    first = run(SAMPLES / "invoices_pl_cp1250.csv")
    path = tmp_path / "again.xlsx"
    write_xlsx(path, *staged_table("invoices", first.staged))
    assert list(run(path).staged) == list(first.staged)
