"""kamctl fx: set and list exchange rates, with clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kam_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_replaces_the_days_rate_and_list_shows_newest_first(sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(sqlite_path)
    run(capsys, "--db", db, "init")
    assert run(capsys, "--db", db, "fx", "set", "eur", "4,25", "--date", "2026-01-01")[0] == 0
    assert run(capsys, "--db", db, "fx", "set", "EUR", "4.31", "--date", "2026-02-01")[0] == 0
    assert run(capsys, "--db", db, "fx", "set", "EUR", "4.30", "--date", "2026-02-01")[0] == 0
    code, out, _ = run(capsys, "--db", db, "fx", "list", "--json")
    assert code == 0
    assert [(r["rate_date"], r["currency"], r["rate"]) for r in json.loads(out)] == [
        ("2026-02-01", "EUR", "4.300000"), ("2026-01-01", "EUR", "4.250000")]


@pytest.mark.parametrize(("argv", "message"), [
    (["fx", "set", "PLN", "1"], "base currency"),
    (["fx", "set", "EURO", "4"], "three-letter"),
    (["fx", "set", "EUR", "-4"], "positive"),
    (["fx", "set", "EUR", "abc"], "not a number"),
    (["fx", "set", "EUR", "4.1234567"], "6 decimal places"),
    (["fx", "set", "EUR", "1e30"], "out of range"),
    (["fx", "set", "EUR", "1e999"], "out of range"),
])
def test_bad_rates_are_refused_with_one_line(sqlite_path: Path, capsys: pytest.CaptureFixture[str],
                                             argv: list[str], message: str) -> None:
    db = str(sqlite_path)
    run(capsys, "--db", db, "init")
    code, _, err = run(capsys, "--db", db, *argv)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert json.loads(run(capsys, "--db", db, "fx", "list", "--json")[1]) == []
