"""kamctl engine commands as JSON on a real SQLite file: grade, slots, quarter close, ledger, policy, exceptions, kpi, simulate."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.cli.main import main
from kam_desktop.store.store import Store

# tests/cli is not a package: load the service tests' builders by path
_spec = importlib.util.spec_from_file_location("engine_builders", Path(__file__).parents[1] / "services" / "builders.py")
assert _spec is not None and _spec.loader is not None
_builders = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_builders)
account, sale, world = _builders.account, _builders.sale, _builders.world


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith(("[", "{")) else out, err


@pytest.fixture
def db(sqlite_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KAM_TODAY", "2026-02-01")
    store = Store.open(sqlite_path)
    world(store)
    for n, net in ((1, "9000.00"), (2, "3000.00"), (3, "1000.00")):
        account(store, f"C{n}")
        sale(store, f"C{n}", date(2025, 12, 1), net, units="5")
    store.dispose()
    return str(sqlite_path)


def test_grade_dry_run_then_apply(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, _ = run(capsys, "grade", "--as-of", "2025-12-31", "--json", "--db", db)
    assert code == 0
    assert [{k: r[k] for k in ("code", "basis", "rank", "grade", "previous_grade", "at_risk")} for r in rows] == [
        {"code": "C1", "basis": "9000.00", "rank": 1, "grade": "L3", "previous_grade": None, "at_risk": False},
        {"code": "C2", "basis": "3000.00", "rank": 2, "grade": "L4", "previous_grade": None, "at_risk": False},
        {"code": "C3", "basis": "1000.00", "rank": 3, "grade": "L4", "previous_grade": None, "at_risk": False},
    ]  # N = 3: L1 needs rank ≤ 0.3, L2 ≤ 0.9, L3 ≤ 1.8: rank 1 is L3, ranks 2 and 3 are L4
    assert run(capsys, "grade", "--as-of", "2025-12-31", "--apply", "--json", "--db", db)[0] == 0
    code, _, err = run(capsys, "grade", "--as-of", "2025-12-31", "--apply", "--db", db)
    assert code == 1 and "already applied" in err and err.count("\n") == 1


def test_quarter_close_ledger_and_rerun(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "grade", "--as-of", "2025-09-30", "--apply", "--db", db)
    code, result, _ = run(capsys, "quarter", "close", "2025Q4", "--json", "--db", db)
    assert code == 0 and result["points"] == "130.00" and result["booked"] == 3  # 90 + 30 + 10 points
    assert run(capsys, "quarter", "close", "2025Q4", "--json", "--db", db)[1]["booked"] == 0
    code, ledger, _ = run(capsys, "ledger", "C1", "--json", "--db", db)
    assert ledger["balance"] == {"points": "90.00", "cashback": "0.00"}
    assert [e["key"] for e in ledger["entries"]] == ["close:2025Q4:C1:points"]
    code, _, err = run(capsys, "quarter", "close", "2026Q1", "--db", db)
    assert code == 1 and "2026Q1 ends on 2026-03-31" in err


def test_slots_and_policy_check(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, view, _ = run(capsys, "slots", "C1", "--json", "--db", db)
    assert code == 0 and view["code"] == "C1" and view["categories"] == []
    code, check, _ = run(capsys, "policy", "check", "C1", "--discount", "5", "--payment-days", "30",
                         "--gift", "CFO=250", "--json", "--db", db)
    assert code == 0 and check["grade"] == "L4" and not check["graded"]
    assert [(v["rule"], v["cap"], v["requested"]) for v in check["violations"]] == [
        ("discount", "3", "5"), ("payment_terms", "14", "30"), ("gift_value", "200.00", "250")]
    code, out, _ = run(capsys, "policy", "check", "C1", "--discount", "5", "--strict", "--db", db)
    assert code == 3 and "discount" in out  # scripts can stop on an offer beyond the policy
    code, _, _ = run(capsys, "policy", "check", "C1", "--discount", "1", "--strict", "--db", db)
    assert code == 0


def test_exception_commands(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, row, _ = run(capsys, "exception", "request", "C1", "--kind", "payment_terms", "--requested", "30",
                       "--justification", "framework deal", "--as", "kam1", "--json", "--db", db)
    assert code == 0 and (row["number"], row["status"]) == ("EXC-2026-00001", "draft")
    assert run(capsys, "exception", "submit", "EXC-2026-00001", "--as", "kam1", "--json", "--db", db)[1]["status"] == "submitted"
    code, _, err = run(capsys, "exception", "decide", "EXC-2026-00001", "--approve", "--as", "kam2", "--db", db)
    assert code == 4 and err.startswith("kamctl: not permitted: kam2 (kam) may not decide a policy exception")
    assert err.count("\n") == 1
    code, row, _ = run(capsys, "exception", "decide", "EXC-2026-00001", "--approve", "--as", "boss",
                       "--note", "ok", "--json", "--db", db)
    assert code == 0 and row["status"] == "approved"
    assert [r["number"] for r in run(capsys, "exception", "list", "--status", "approved", "--json", "--db", db)[1]] == [
        "EXC-2026-00001"]
    run(capsys, "exception", "request", "C2", "--kind", "discount", "--requested", "9", "--justification", "x",
        "--as", "kam1", "--db", db)
    assert run(capsys, "exception", "withdraw", "EXC-2026-00002", "--as", "kam1", "--json", "--db", db)[1]["status"] == "withdrawn"


def test_kpi_and_simulate(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "grade", "--as-of", "2025-12-31", "--apply", "--db", db)
    code, k, _ = run(capsys, "kpi", "--as-of", "2025-12-31", "--json", "--db", db)
    assert code == 0 and k["ltv_12m"] == "13000.00" and k["roi_note"]
    assert [t["grade"] for t in k["tier_table"]] == ["L1", "L2", "L3", "L4"]
    code, sim, _ = run(capsys, "simulate", "--cutoffs", "0.34,0.67,1", "--cashback", "3,2,1,0",
                       "--as-of", "2025-12-31", "--json", "--db", db)
    assert code == 0 and (sim["upgrades"], sim["downgrades"]) == (3, 0)
    assert sim["cost_scenario"] == "340.00"  # 3 % of 9 000 + 2 % of 3 000 + 1 % of 1 000
    assert run(capsys, "simulate", "--cutoffs", "0.5,0.4,1", "--cashback", "3,2,1,0", "--db", db)[0] == 1


def test_a_ledger_whose_stored_rows_break_its_rules_says_where(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    import uuid

    from sqlalchemy import select

    from kam_desktop.store.models import LedgerAllocation, LedgerEntry

    run(capsys, "grade", "--as-of", "2025-09-30", "--apply", "--db", db)
    run(capsys, "quarter", "close", "2025Q4", "--db", db)
    assert run(capsys, "ledger", "C1", "--db", db)[0] == 0  # 90 points, consistent
    store = Store.open(db)
    with store.unit_of_work("intruder") as uow:  # rows written past the domain: the same 90-point lot taken twice
        lot = uow.session.scalars(select(LedgerEntry).where(LedgerEntry.idempotency_key == "close:2025Q4:C1:points")).one()
        for n in (1, 2):
            entry = LedgerEntry(id=uuid.uuid4(), account_id=lot.account_id, kind="redemption", unit="points",
                                amount=-lot.amount, booked_on=date(2026, 1, 5), quarter="2026Q1",
                                source_kind="manual", idempotency_key=f"forged:{n}")
            uow.session.add(entry)
            uow.session.flush()
            uow.session.add(LedgerAllocation(entry_id=entry.id, lot_id=lot.id, amount=lot.amount))
        uow.commit()
    store.dispose()
    code, _, err = run(capsys, "ledger", "C1", "--db", db)
    assert code == 5 and "breaks its own rules (1 found)" in err
    assert "close:2025Q4:C1:points: lot consumed 180.00 of 90.00" in err
    code, view, _ = run(capsys, "ledger", "C1", "--json", "--db", db)
    assert code == 5 and [p["entry_key"] for p in view["problems"]] == ["close:2025Q4:C1:points"]
