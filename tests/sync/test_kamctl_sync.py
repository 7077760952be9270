"""kamctl sync as a scheduled task runs it: the figures, and exit codes that say what to do next."""

from __future__ import annotations

import json

import pytest

from kam_desktop.cli.main import main
from kam_desktop.domain.numbering import LEASED_PREFIXES
from tests.sync.team import PASSWORD, Team
from tests.sync.test_round_trip import edit, field

pytestmark = pytest.mark.pg


def test_kamctl_sync_reports_and_exits_by_outcome(team: Team, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    db = str(laptop.store.url.removeprefix("sqlite:///"))
    monkeypatch.setenv("KAM_PASSWORD", PASSWORD)
    assert main(["sync", "--db", db, "--server", team.url, "--user", laptop.login, "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["snapshot"] is True and first["accounts_arrived"] == 1 and first["pulled"] > 0
    assert first["leased"] >= len(LEASED_PREFIXES)  # its first number blocks, one per prefix (and year)

    edit(team.store, "admin", "A1", city="Łódź")
    edit(laptop.store, laptop.login, "A1", city="Poznań")
    assert main(["sync", "--db", db, "--json"]) == 5  # bound: no --server or --user needed; a new conflict
    second = json.loads(capsys.readouterr().out)
    assert (second["pushed"], second["conflicts"], second["open_conflicts"]) == (1, 1, 1)

    assert main(["sync", "--db", db]) == 0
    assert "0 new conflicts (1 open)" in capsys.readouterr().out

    # (the test server trusts local connections, so an unknown login stands for a wrong password)
    assert main(["sync", "--db", db, "--server", team.url, "--user", "nobody_" + team.suffix]) == 7
    assert "refused the login" in capsys.readouterr().err

    assert main(["sync", "--db", db, "--server", "postgresql://127.0.0.1:1/kam", "--user", laptop.login]) == 6

    other = team.laptop("kam2")
    other_db = str(other.store.url.removeprefix("sqlite:///"))
    assert main(["sync", "--db", other_db, "--server", team.url, "--user", team.login("kam2")]) == 0
    assert main(["sync", "--db", other_db, "--server", team.url, "--user", laptop.login]) == 8  # not its person


def test_kamctl_conflicts_lists_reapplies_and_dismisses(team: Team, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    db = str(laptop.store.url.removeprefix("sqlite:///"))
    monkeypatch.setenv("KAM_PASSWORD", PASSWORD)
    laptop.sync()
    assert main(["conflicts", "list", "--db", db]) == 0
    assert "No conflicts" in capsys.readouterr().out
    for value in ("Łódź", "Gdynia"):
        edit(team.store, "admin", "A1", city=value + " (server)")
        edit(laptop.store, laptop.login, "A1", city=value)
        laptop.sync()
    assert main(["conflicts", "list", "--db", db, "--json"]) == 0
    first, second = json.loads(capsys.readouterr().out)
    assert (first["account"], first["laptop"], first["server"]) == ("A1", {"city": "Łódź"}, {"city": "Łódź (server)"})
    assert main(["conflicts", "dismiss", first["id"], "--db", db]) == 0
    assert main(["conflicts", "reapply", second["id"], "--db", db]) == 0
    assert "Re-applied" in capsys.readouterr().out
    assert main(["sync", "--db", db]) == 0
    assert field(team.store, "A1", "city") == "Gdynia"
    assert main(["conflicts", "reapply", second["id"], "--db", db]) == 1  # already handled
