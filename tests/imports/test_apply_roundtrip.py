"""Export → import through the store gives the same data; report exports neutralise formulas."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from apply_builders import TODAY, csv_file, seed
from import_builders import SAMPLES
from openpyxl import load_workbook

from kam_desktop.services.imports.exports import CANONICAL_KINDS, export
from kam_desktop.services.imports.files import run_import
from kam_desktop.store.store import Store


def _fill(store: Store) -> None:
    for fmt, name in (("accounts", "accounts.csv"), ("invoices", "invoices.csv"),
                      ("invoices", "invoices_pl_cp1250.csv"), ("invoices", "invoices_ru_cp1251.csv"),
                      ("potential", "potential.csv"), ("contacts", "contacts.csv")):
        report = run_import(store, SAMPLES / name, fmt, actor="t")
        assert report.ok, report.error_lines()


def _rows(path: Path) -> list[list[Any]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh))
    book = load_workbook(path, read_only=True)
    try:
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_canonical_exports_import_back_into_an_empty_store_as_the_same_data(
        any_store: Store, sqlite_path: Path, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    _fill(any_store)
    second = Store.open(tmp_path / "second.sqlite")
    try:
        for kind in CANONICAL_KINDS:  # accounts first: the others refer to them
            out = tmp_path / f"{kind}{suffix}"
            written = export(any_store, kind, out)
            assert written.rows > 0
            report = run_import(second, out, kind, actor="t")
            assert report.ok, report.error_lines()
        for kind in CANONICAL_KINDS:
            again = tmp_path / f"again-{kind}{suffix}"
            export(second, kind, again)
            assert _rows(again) == _rows(tmp_path / f"{kind}{suffix}"), kind
            # and once more into the first store: everything is already there
            report = run_import(any_store, again, kind, actor="t")
            assert report.ok and not any(k.endswith(("_created", "_updated", "_inserted")) and v
                                         for k, v in report.counts.items()), (kind, report.counts)
    finally:
        second.dispose()


def test_report_exports_neutralise_formulas(sqlite_store: Store, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    seed(sqlite_store)
    header = "account_code,name,tax_id,kind,owner_login,region,industry,currency,language"
    path = csv_file(tmp_path / "a.csv", header, 'EVIL-1,"=HYPERLINK(""http://x"")",,customer,anowak,@SUM(A1),,PLN,en')
    assert run_import(sqlite_store, path, "accounts", actor="t").ok
    export(sqlite_store, "portfolio", tmp_path / "p.xlsx", account="EVIL-1")
    export(sqlite_store, "accounts", tmp_path / "a.csv", account="EVIL-1")
    (head, row) = _rows(tmp_path / "p.xlsx")
    assert row[head.index("name")] == "'=HYPERLINK(\"http://x\")" and row[head.index("region")] == "'@SUM(A1)"
    assert _rows(tmp_path / "a.csv")[1][1] == "'=HYPERLINK(\"http://x\")"
    # and the importer takes the quote back off: the name survives the round trip
    report = run_import(sqlite_store, tmp_path / "a.csv", "accounts", actor="t")
    assert report.counts == {"accounts_unchanged": 1}


def test_report_exports_filter_by_owner_and_account(sqlite_store: Store, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    _fill(sqlite_store)
    assert export(sqlite_store, "portfolio", tmp_path / "all.csv").rows == 6
    assert export(sqlite_store, "portfolio", tmp_path / "mine.csv", owner="anowak").rows == 2
    assert export(sqlite_store, "slots", tmp_path / "slots.csv", account="PL-0001").rows == 2
    assert [r[1] for r in _rows(tmp_path / "slots.csv")[1:]] == ["Cables", "Switchgear"]
    assert export(sqlite_store, "invoices", tmp_path / "i.xlsx", owner="ipetrov").rows == 3
    run_import(sqlite_store, SAMPLES / "opening-balances.csv", "opening-balances", actor="t")
    assert export(sqlite_store, "ledger", tmp_path / "l.csv", account="PL-0001").rows == 2
