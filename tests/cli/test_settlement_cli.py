"""kamctl for finance on a real SQLite file: close, lock, settle, payout, adjust, mdf, liability, journal,
economics, settlement terms, regrade — every amount with its currency, in text and in JSON."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.cli.main import main
from kam_desktop.store.store import Store
from tests.services.settlement_world import line, settlement_world


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out.strip() else out, err


@pytest.fixture
def db(sqlite_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KAM_TODAY", "2026-01-15")
    store = Store.open(sqlite_path)
    settlement_world(store)
    store.dispose()
    return str(sqlite_path)


def test_close_lock_and_settle_say_every_amount_with_its_currency(db: str, capsys: Any, monkeypatch: Any) -> None:
    code, out, _ = run(capsys, "quarter", "close", "2025Q4", "--as", "money", "--db", db)
    assert code == 0 and "cashback EUR 200.01, PLN 50.00" in out
    assert "warning: graded before the quarter ended" in out and "EUR1 (L2, 2025-09-30)" in out
    code, report, _ = run(capsys, "quarter", "close", "2025Q4", "--as", "money", "--json", "--db", db)
    assert report["booked"] == 0 and report["cashback"] == []  # a rerun books nothing
    monkeypatch.setenv("KAM_TODAY", "2026-01-20")
    line(Store.open(db), "EUR1", date(2025, 12, 12), "2500.00", invoice="FV/L3", imported_at=datetime.now(UTC))
    code, done, _ = run(capsys, "settle", "--as", "money", "--json", "--db", db)
    assert code == 0 and [(f["ref"], f["cashback_change"]) for f in done["late_facts"]] == [
        ("FV/L3", {"amount": "50.00", "currency": "EUR"})]
    code, lock, _ = run(capsys, "lock", "2025Q4", "--as", "money", "--json", "--db", db)
    assert code == 0 and lock["quarter"] == "2025Q4"
    code, _, err = run(capsys, "lock", "2025Q3", "--as", "kam1", "--db", db)
    assert code == 4 and "may not lock a quarter" in err
    code, out, _ = run(capsys, "lock", "list", "--as", "money", "--db", db)
    assert "2025Q4" in out and "money" in out


def test_payout_adjust_and_mdf_through_kamctl(db: str, capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    run(capsys, "quarter", "close", "2025Q4", "--as", "money", "--db", db)
    monkeypatch.setenv("KAM_TODAY", "2026-02-20")
    pdf = tmp_path / "rbn.pdf"
    code, out, _ = run(capsys, "payout", "pay", "EUR1", "--amount", "150.00", "--period", "2025Q4", "--out", str(pdf),
                       "--as", "money", "--db", db)
    assert code == 0 and out.startswith("RBN-2026-00001 (rebate_note) EUR1 2025Q4: net EUR 150.00")
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "payout", "pay", "EUR1", "--amount", "150.00", "--period", "2025Q4", "--out",
                       str(pdf), "--as", "money", "--db", db)
    assert code == 2 and "nothing was issued or written" in err  # refused before paying twice
    code, rows, _ = run(capsys, "payout", "list", "--as", "kam1", "--json", "--db", db)
    assert [(r["number"], r["gross"]) for r in rows] == [("RBN-2026-00001", {"amount": "150.00", "currency": "EUR"})]
    code, adj, _ = run(capsys, "adjust", "propose", "EUR1", "--unit", "cashback", "--amount", "-10.00", "--reason",
                       "duplicate", "--as", "kam1", "--json", "--db", db)
    assert code == 0 and (adj["number"], adj["currency"], adj["status"]) == ("ADJ-2026-00001", "EUR", "proposed")
    code, out, _ = run(capsys, "adjust", "book", "ADJ-2026-00001", "--as", "money", "--db", db)
    assert code == 0 and "ADJ-2026-00001 EUR1 EUR -10.00 (booked)" in out
    run(capsys, "mdf", "fund", "P1", "2026Q1", "--allocated", "5000.00", "--as", "boss", "--db", db)
    code, claim, _ = run(capsys, "mdf", "claim", "P1", "2026Q1", "--activity", "trade fair", "--performed-on",
                         "2026-02-15", "--amount", "1200.00", "--proof", "invoice=FV/EXPO/31", "--as", "kam1",
                         "--json", "--db", db)
    assert code == 0 and claim["amount"] == {"amount": "1200.00", "currency": "EUR"}
    assert run(capsys, "mdf", "approve", claim["number"], "--as", "boss", "--db", db)[0] == 0
    code, out, _ = run(capsys, "mdf", "pay", claim["number"], "--ref", "TR-42", "--as", "money", "--db", db)
    assert code == 0 and "EUR 1200.00 (paid)" in out
    code, out, _ = run(capsys, "mdf", "funds", "--as", "money", "--db", db)
    assert "P1 2026Q1: budget EUR 5000.00" in out and "left EUR 3800.00" in out


def test_liability_journal_economics_terms_and_regrade(db: str, capsys: Any, monkeypatch: Any, tmp_path: Path) -> None:
    run(capsys, "quarter", "close", "2025Q4", "--as", "money", "--db", db)
    monkeypatch.setenv("KAM_TODAY", "2026-04-05")
    code, out, _ = run(capsys, "liability", "--from", "2025-10-01", "--to", "2025-12-31", "--as", "money", "--db", db)
    assert code == 0 and "closing per currency: EUR 200.01, PLN 50.00" in out
    code, report, _ = run(capsys, "liability", "--from", "2025-10-01", "--to", "2025-12-31", "--as", "money", "--json",
                          "--db", db)
    assert report["closing_by_currency"] == [{"amount": "200.01", "currency": "EUR"},
                                             {"amount": "50.00", "currency": "PLN"}]
    code, out, _ = run(capsys, "journal", "--from", "2025-10-01", "--to", "2025-12-31", str(tmp_path / "j.csv"),
                       "--as", "money", "--db", db)
    assert code == 0 and "4 journal lines" in out and "reconciled with the roll-forward" in out
    code, out, _ = run(capsys, "economics", "--from", "2025-10-01", "--to", "2025-12-31", "--as", "boss", "--db", db)
    assert code == 0 and "EUR1" in out and "EUR 200.24" in out and "kamctl exception request EUR1" in out
    code, out, err = run(capsys, "settlement", "set", "settlement.clawback", "sometimes", "--as", "money", "--db", db)
    assert code == 1 and "write claw_back, carry_forward or ignore" in err
    assert run(capsys, "settlement", "set", "settlement.clawback", "claw_back", "--as", "money", "--db", db)[0] == 0
    code, terms, _ = run(capsys, "settlement", "terms", "--json", "--db", db)
    assert {t["key"]: (t["value"], t["default"]) for t in terms}["settlement.clawback"] == ("claw_back", False)
    run(capsys, "grade", "--as-of", "2025-12-31", "--apply", "--as", "boss", "--db", db)
    code, out, _ = run(capsys, "regrade", "--as-of", "2025-12-31", "--as", "boss", "--db", db)
    assert code == 0 and "11 of 11 grades of 2025-12-31 reproduced" in out
