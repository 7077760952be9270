"""kamctl's base commands on a real SQLite file: init, users, accounts, backup/restore, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kam_desktop.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_users_add_and_list_as_json(sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(sqlite_path)
    assert run(capsys, "--db", db, "init")[0] == 0
    code, out, _ = run(capsys, "users", "add", "a.nowak", "--role", "kam", "--name", "Anna Nowak", "--db", db)
    assert code == 0 and "a.nowak" in out
    code, out, _ = run(capsys, "users", "list", "--json", "--db", db)
    users = {u["login"]: u for u in json.loads(out)}
    assert users["a.nowak"] == {"login": "a.nowak", "name": "Anna Nowak", "role": "kam", "active": True}
    assert users["admin"]["role"] == "admin"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["users", "add", "a.nowak", "--role", "kam"], "already exists"),
        (["account", "show", "NOPE"], "no account with code 'NOPE'"),
    ],
)
def test_errors_exit_non_zero_with_one_clear_line(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    db = str(sqlite_path)
    run(capsys, "--db", db, "init")
    run(capsys, "--db", db, "users", "add", "a.nowak", "--role", "kam")
    code, out, err = run(capsys, "--db", db, *argv)
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_a_missing_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "nowhere" / "x.sqlite"), "init")
    assert code == 1 and "does not exist" in err


def test_only_init_creates_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "kam.sqlte"
    code, _, err = run(capsys, "--db", str(typo), "users", "list")
    assert code == 1 and f"there is no store at {typo}" in err and "kamctl init" in err
    assert not typo.exists()  # a mistyped --db leaves nothing behind
    assert run(capsys, "--db", str(typo), "init")[0] == 0
    assert run(capsys, "--db", str(typo), "users", "list")[0] == 0


def test_backup_then_restore_brings_back_exactly_the_backed_up_users(
    sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(sqlite_path)
    run(capsys, "--db", db, "init")
    run(capsys, "--db", db, "users", "add", "before", "--role", "finance")
    backup = tmp_path / "backup.sqlite"
    code, out, _ = run(capsys, "--db", db, "backup", str(backup), "--json")
    assert code == 0 and json.loads(out)["backup"] == str(backup)
    assert run(capsys, "--db", db, "backup", str(backup))[0] == 1  # never overwrites
    run(capsys, "--db", db, "users", "add", "after", "--role", "kam")

    code, out, _ = run(capsys, "--db", db, "restore", str(backup), "--json")
    assert code == 0 and Path(json.loads(out)["previous_content_saved_to"]).is_file()
    _, out, _ = run(capsys, "--db", db, "users", "list", "--json")
    assert {u["login"] for u in json.loads(out)} == {"admin", "before"}


def test_restore_refuses_a_file_that_is_not_a_store(
    sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(sqlite_path)
    run(capsys, "--db", db, "init")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    code, _, err = run(capsys, "--db", db, "restore", str(junk))
    assert code == 1 and "cannot restore" in err
    _, out, _ = run(capsys, "--db", db, "users", "list", "--json")
    assert [u["login"] for u in json.loads(out)] == ["admin"]
