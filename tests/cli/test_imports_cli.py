"""kamctl import and export on a real SQLite file: counts on success, FILE:ROW:COLUMN lines and exit 1 on errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kam_desktop.cli.main import main
from kam_desktop.store.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
HEADER = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith(("[", "{")) else out, err


@pytest.fixture
def db(sqlite_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("KAM_TODAY", "2026-03-01")
    assert run(capsys, "init", "--db", str(sqlite_path))[0] == 0
    code, _, err = run(capsys, "import", "accounts", str(SAMPLES / "accounts.csv"), "--db", str(sqlite_path))
    assert code == 0, err
    return str(sqlite_path)


def _lines(db: str) -> int:
    store = Store.open(db)
    try:
        with store.engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM invoice_lines")).scalar_one())
    finally:
        store.dispose()


def test_import_prints_counts_and_exits_0(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "invoices", str(SAMPLES / "invoices_pl_cp1250.csv"), "--db", db,
                         "--as", "anowak")
    assert code == 4 and "anowak (kam) may not import invoices" in err  # ERP sales come from finance or an admin
    code, out, err = run(capsys, "import", "invoices", str(SAMPLES / "invoices_pl_cp1250.csv"), "--db", db)
    assert code == 0, err
    assert "imported invoices_pl_cp1250.csv (invoices): 4 rows" in out
    assert "invoice_lines_inserted: 4" in out and "new categories: Kable, Rozdzielnice, Oświetlenie" in out
    assert _lines(db) == 4


def test_import_json_and_reimport_adds_nothing(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for inserted, skipped in ((4, 0), (0, 4)):
        code, data, _ = run(capsys, "import", "invoices", str(SAMPLES / "invoices.csv"), "--db", db, "--json")
        assert code == 0 and data["applied"] is True and data["errors"] == []
        assert data["counts"]["invoice_lines_inserted"] == inserted
        assert data["counts"]["invoice_lines_skipped"] == skipped
        assert len(data["sha256"]) == 64
    assert _lines(db) == 4


def test_errors_go_to_stderr_one_per_line_exit_1_nothing_written(db: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nFV/1,1,2026-02-30,PL-0001,Cables,1,1,0,PLN\nFV/2,1,2026-02-01,XX-1,Cables,1,1,0,PLN\n")
    code, out, err = run(capsys, "import", "invoices", str(bad), "--db", db)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("bad.csv:2:invoice_date: '2026-02-30' is not a date")
    assert lines[1].startswith("bad.csv:3:account_code: unknown account 'XX-1'")
    assert lines[2] == "kamctl: 2 errors in bad.csv; nothing was written"
    code, data, err = run(capsys, "import", "invoices", str(bad), "--db", db, "--json")
    assert code == 1 and data["applied"] is False and len(data["errors"]) == 2
    assert _lines(db) == 0


@pytest.mark.parametrize(("language", "lines"), [
    ("pl", ("bad.csv:2:invoice_date: „2026-02-30” nie jest datą; oczekiwany format: rok-miesiąc-dzień, np. 2026-01-31",
            "bad.csv:3:account_code: nieznany klient „XX-1”; najpierw zaimportuj lub utwórz klienta",
            "kamctl: błędy w pliku bad.csv: 2; nic nie zostało zapisane")),
    ("ru", ("bad.csv:2:invoice_date: «2026-02-30» — не дата; ожидается формат: год-месяц-день, например 2026-01-31",
            "bad.csv:3:account_code: неизвестный клиент «XX-1»; сначала импортируйте или создайте клиента",
            "kamctl: ошибок в файле bad.csv: 2; ничего не записано")),
])
def test_errors_read_in_the_language_asked_for_at_their_row_and_column(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, lines: tuple[str, ...]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nFV/1,1,2026-02-30,PL-0001,Cables,1,1,0,PLN\nFV/2,1,2026-02-01,XX-1,Cables,1,1,0,PLN\n")
    code, out, err = run(capsys, "--lang", language, "import", "invoices", str(bad), "--db", db)
    said = err.splitlines()
    assert code == 1 and out == "" and len(said) == 3
    assert said[0].startswith(lines[0]) and said[1:] == list(lines[1:])
    code, data, _ = run(capsys, "--lang", language, "import", "invoices", str(bad), "--db", db, "--json")
    assert code == 1 and data["errors"][1] == ("bad.csv:3:account_code: unknown account 'XX-1'; import or create "
                                               "the account first")  # --json stays English


def test_reading_options_and_dry_run(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pl.csv"
    path.write_bytes(f"{HEADER.replace(',', ';')}\nFV/1;1;02/05/2026;PL-0001;Cables;1;1,50;0,5;PLN\n".encode("cp1250"))
    code, data, err = run(capsys, "import", "invoices", str(path), "--db", db, "--json", "--dry-run",
                          "--encoding", "cp1250", "--delimiter", ";", "--decimal", ",", "--date-order", "mdy")
    assert code == 0, err
    assert data["dry_run"] is True and data["applied"] is False and data["counts"]["invoice_lines_inserted"] == 1
    assert data["options"] == {"encoding": "cp1250", "delimiter": ";", "decimal": ",", "date_order": "MDY",
                               "sheet": None}
    assert _lines(db) == 0
    code, _, err = run(capsys, "import", "invoices", str(path), "--db", db, "--date-order", "dmy")
    assert code == 0, err
    store = Store.open(db)
    try:
        with store.engine.connect() as conn:
            day = conn.execute(sa.text("SELECT invoice_date FROM invoice_lines")).scalar_one()
    finally:
        store.dispose()
    assert str(day) == "2026-05-02"  # day first, as asked; the dry run read it month first


def test_profile_by_name(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kam_desktop.services.imports.files import MappingProfile, save_mapping_profile

    save_mapping_profile(MappingProfile("erp-x", "invoices", {"Beleg": "invoice_no", "Pos": "line_no"}))
    path = tmp_path / "x.csv"
    path.write_text(HEADER.replace("invoice_no", "Beleg").replace("line_no", "Pos") +
                    "\nFV/9,1,2026-02-05,PL-0001,Cables,1,1,0,PLN\n")
    code, _, err = run(capsys, "import", "invoices", str(path), "--db", db)
    assert code == 1 and "missing required column 'invoice_no'" in err
    code, _, err = run(capsys, "import", "invoices", str(path), "--db", db, "--profile", "erp-x")
    assert code == 0, err
    code, _, err = run(capsys, "import", "invoices", str(path), "--db", db, "--profile", "nope")
    assert code == 1 and "no mapping profile named 'nope' (erp-x)" in err


def test_export_kinds(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", "invoices", str(SAMPLES / "invoices.csv"), "--db", db)
    assert code == 0, err
    code, data, _ = run(capsys, "export", "invoices", str(tmp_path / "i.xlsx"), "--db", db, "--json")
    assert code == 0 and data["rows"] == 4
    code, out, _ = run(capsys, "export", "portfolio", str(tmp_path / "p.csv"), "--db", db, "--owner", "anowak")
    assert code == 0 and out.strip() == f"exported 2 rows of portfolio to {tmp_path / 'p.csv'}"
    code, _, err = run(capsys, "export", "accounts", str(tmp_path / "a.txt"), "--db", db)
    assert code == 1 and "export to a .xlsx or .csv file" in err
    code, _, err = run(capsys, "export", "ledger", str(tmp_path / "l.csv"), "--db", db, "--account", "NOPE")
    assert code == 1 and "no account with code 'NOPE'" in err


def test_check_compares_the_rollup_with_the_lines_and_names_the_first_difference(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "import", "invoices", str(SAMPLES / "invoices_pl_cp1250.csv"), "--db", db)[0] == 0
    code, out, _ = run(capsys, "check", "--db", db, "--json")
    assert (code, out) == (0, {"consistent": True, "account": None, "month": None})
    store = Store.open(db)
    try:
        with store.engine.begin() as conn:  # a roll-up that lost one cell's line count (the first cell by key:
            # the table is clustered by its key and has no rowid)
            cell = conn.execute(sa.text("SELECT account_id, month, category_id, currency FROM sales_rollup "
                                        "ORDER BY account_id, month, category_id, currency LIMIT 1")).one()
            key = dict(zip(("account", "month", "category", "currency"), cell, strict=True))
            conn.execute(sa.text("UPDATE sales_rollup SET lines = lines + 1 WHERE account_id = :account "
                                 "AND month = :month AND category_id = :category AND currency = :currency"), key)
            code_of_changed = conn.execute(sa.text("SELECT code, :month FROM accounts WHERE id = :account"),
                                           key).one()
    finally:
        store.dispose()
    code, out, _ = run(capsys, "check", "--db", db)
    assert code == 1
    assert f"first at account {code_of_changed[0]}, month {code_of_changed[1]}" in out
