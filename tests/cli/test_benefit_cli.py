"""kamctl benefit grant | list | why | use | cancel on a real SQLite file: amounts with their currency, one clear
line per refusal, another KAM's account refused with exit 4."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.cli.main import main
from kam_desktop.store.store import Store

_spec = importlib.util.spec_from_file_location("benefit_builders", Path(__file__).parents[1] / "services" / "builders.py")
assert _spec is not None and _spec.loader is not None
_builders = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_builders)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(sqlite_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KAM_TODAY", "2026-02-01")
    store = Store.open(sqlite_path)
    _builders.world(store)
    _builders.account(store, "C1")
    _builders.sale(store, "C1", date(2025, 12, 1), "100000.00")  # ungraded: the L4 caps (gifts 200 a person)
    store.dispose()
    return str(sqlite_path)


def grant_id(capsys: pytest.CaptureFixture[str], db: str, *extra: str) -> tuple[str, str]:
    code, out, err = run(capsys, "benefit", "grant", "C1", "GIFT", *extra, "--db", db, "--as", "kam1")
    assert code == 0, err
    return out.split()[0], out


def test_a_gift_beyond_the_cap_waits_and_says_which_exception_to_ask(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    short, out = grant_id(capsys, db, "--value", "900", "--cost", "900")
    assert out.splitlines()[0] == f"{short} pending_approval"
    assert "kamctl exception request C1 --kind gift_value --requested 900" in out and "(PLN 900.00 asked)" in out
    code, out, _ = run(capsys, "benefit", "why", "C1", short, "--db", db, "--as", "kam1")
    assert code == 0
    assert "GIFT: gift_value PLN 900.00 is beyond the cap PLN 200.00; no exception was requested" in out.splitlines()
    code, out, _ = run(capsys, "benefit", "list", "C1", "--db", db, "--as", "kam1")
    line = next(x for x in out.splitlines() if x.startswith(short))
    assert "PLN 900.00" in line and "pending_approval" in line


def test_use_then_cancel_with_every_amount_in_its_currency(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    short, _out = grant_id(capsys, db, "--value", "150", "--cost", "150")
    assert run(capsys, "benefit", "activate", "C1", short, "--db", db, "--as", "kam1")[1].strip() == "GIFT active"
    code, out, _ = run(capsys, "benefit", "use", "C1", short, "120.50", "--note", "flowers", "--db", db, "--as", "kam1")
    assert (code, out.strip()) == (0, "GIFT: used PLN 120.50 of PLN 150.00 (active)")
    code, out, err = run(capsys, "benefit", "use", "C1", short, "500", "--db", db, "--as", "kam1")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "at most PLN 29.50 is left" in err
    code, out, _ = run(capsys, "benefit", "cancel", "C1", short, "--reason", "client declined", "--json", "--db", db,
                       "--as", "kam1")
    assert code == 0 and json.loads(out)["status"] == "cancelled"


def test_another_kams_account_and_bad_input_are_refused_in_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "benefit", "grant", "C1", "GIFT", "--value", "100", "--db", db, "--as", "kam2")
    assert code == 4 and "another KAM's account" in err
    with pytest.raises(SystemExit) as usage:  # argparse: a usage error exits 2 with the reason
        main(["benefit", "grant", "C1", "GIFT", "--to", "31.12.2026", "--db", db, "--as", "kam1"])
    assert usage.value.code == 2
    assert "'31.12.2026' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
    code, _out, err = run(capsys, "benefit", "use", "C1", "zz", "10", "--db", db, "--as", "kam1")
    assert code == 1 and "at least 4 characters" in err


def test_json_output_carries_the_grant(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "benefit", "grant", "C1", "GIFT", "--value", "100", "--json", "--db", db, "--as", "kam1")
    data: Any = json.loads(out)
    assert code == 0 and data["status"] == "proposed" and data["drafts"] == []
