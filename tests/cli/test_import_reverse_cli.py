"""kamctl import history and kamctl import reverse on a real SQLite file: a bad file of absurd amounts is undone,
`accounts list` and the grading say what they said before it; a KAM is refused (4), a second reversal too (1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.cli.main import EXIT_NOT_PERMITTED, main

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
HEADER = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"
# a wrong unit: each amount within the 15-digit limit, the file's sum within the limit, every figure absurd
BAD = [f"ERR/{n},1,2026-02-0{n},PL-000{1 + n % 2},Kable,1,999999999999.00,99999999999.00,PLN" for n in range(1, 9)]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith(("[", "{")) else out, err


@pytest.fixture
def db(sqlite_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("KAM_TODAY", "2026-03-01")
    db = str(sqlite_path)
    assert run(capsys, "init", "--db", db)[0] == 0
    for argv in (["import", "accounts", str(SAMPLES / "accounts.csv")],
                 ["import", "invoices", str(SAMPLES / "invoices_pl_cp1250.csv")],
                 ["users", "add", "fin", "--role", "finance"]):
        code, _, err = run(capsys, *argv, "--db", db)
        assert code == 0, err
    return db


def _bad_import(db: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = folder / "wrong-unit.csv"
    path.write_text("\n".join([HEADER, *BAD]) + "\n", encoding="utf-8")
    code, report, err = run(capsys, "import", "invoices", str(path), "--db", db, "--json")
    assert code == 0, err
    return str(report["import_id"])


def test_a_bad_import_reversed_gives_back_the_portfolio_and_the_grading(db: str, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    portfolio = run(capsys, "accounts", "list", "--db", db, "--json")[1]
    grading = run(capsys, "grade", "--db", db, "--json")[1]
    bad = _bad_import(db, tmp_path, capsys)
    assert run(capsys, "accounts", "list", "--db", db, "--json")[1] != portfolio
    code, out, err = run(capsys, "import", "reverse", bad[:8], "--reason", "amounts in grosze", "--db", db,
                         "--as", "fin")
    assert code == 0, err
    assert out.startswith(f"reversed import {bad[:8]} (wrong-unit.csv): 8 lines written back as import ")
    assert run(capsys, "accounts", "list", "--db", db, "--json")[1] == portfolio
    assert run(capsys, "grade", "--db", db, "--json")[1] == grading
    code, out, err = run(capsys, "check", "--db", db)
    assert code == 0, err


def test_history_names_the_reversal_and_a_second_one_is_refused(db: str, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_import(db, tmp_path, capsys)
    code, done, err = run(capsys, "import", "reverse", bad, "--reason", "wrong unit", "--db", db, "--json")
    assert code == 0, err
    assert (done["reverses"], done["lines"], done["reason"]) == (bad, 8, "wrong unit")
    code, rows, _ = run(capsys, "import", "history", "--db", db, "--json")
    assert code == 0
    assert [(r["kind"], r["file"], r["lines"]) for r in rows] == [
        ("reversal", "wrong-unit.csv", 8), ("invoices", "wrong-unit.csv", 8),
        ("invoices", "invoices_pl_cp1250.csv", 4), ("accounts", "accounts.csv", rows[3]["lines"])]
    assert rows[1]["reversed_by"] == done["import_id"] and rows[0]["reverses"] == bad
    code, text, _ = run(capsys, "import", "history", "--db", db)
    assert f"{bad[:8]} " in text and f"(reversed by {done['short_id']}: wrong unit)" in text
    code, _, err = run(capsys, "import", "reverse", bad[:8], "--reason", "again", "--db", db)
    assert code == 1 and f"import {bad[:8]} was already reversed by admin" in err
    code, _, err = run(capsys, "--lang", "pl", "import", "reverse", bad[:8], "--reason", "again", "--db", db)
    assert code == 1 and "został już wycofany przez admin" in err


def test_who_may_and_what_is_asked(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _bad_import(db, tmp_path, capsys)
    code, _, err = run(capsys, "import", "reverse", bad, "--reason", "mine", "--db", db, "--as", "anowak")
    assert code == EXIT_NOT_PERMITTED and "may not reverse an import of invoice lines" in err
    code, _, err = run(capsys, "import", "history", "--db", db, "--as", "anowak")
    assert code == EXIT_NOT_PERMITTED and "may not view the import history" in err
    code, _, err = run(capsys, "import", "reverse", bad, "--db", db)
    assert code == 2 and "give --reason" in err
    code, _, err = run(capsys, "import", "reverse", "--reason", "x", "--db", db)
    assert code == 2 and "give the id" in err
    code, _, err = run(capsys, "import", "reverse", "feedface", "--reason", "x", "--db", db)
    assert code == 1 and "no import 'feedface'" in err
    code, _, err = run(capsys, "import", "invoices", "--db", db)
    assert code == 2 and "give the file" in err
