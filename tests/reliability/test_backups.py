"""Backups and restores that mean it: odd paths, structurally broken files, the current content kept, a racing write."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kam_desktop.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def logins(capsys: pytest.CaptureFixture[str], db: Path) -> set[str]:
    code, out, err = run(capsys, "--db", str(db), "users", "list", "--json")
    assert code == 0, err
    return {u["login"] for u in json.loads(out)}


def file_logins(path: Path) -> set[str]:
    with sqlite3.connect(path) as con:
        return {login for (login,) in con.execute("SELECT login FROM users")}


@pytest.mark.parametrize("folder", ["with#hash", "100% sure", "spaced out &amp; more", "zażółć"])
def test_a_backup_in_a_folder_with_uri_characters_holds_the_store_and_restores_it(
    tmp_path: Path, folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    place = tmp_path / folder
    place.mkdir()
    db = place / "kam#1.sqlite"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    run(capsys, "--db", str(db), "users", "add", "kept", "--role", "kam")
    backup = place / "copy#1.sqlite"
    assert run(capsys, "--db", str(db), "backup", str(backup))[0] == 0
    assert file_logins(backup) == {"admin", "kept"}  # not an empty file that "verified"

    run(capsys, "--db", str(db), "users", "add", "later", "--role", "kam")
    code, out, err = run(capsys, "--db", str(db), "restore", str(backup), "--json")
    assert code == 0, err
    assert logins(capsys, db) == {"admin", "kept"}
    assert file_logins(Path(json.loads(out)["previous_content_saved_to"])) == {"admin", "kept", "later"}


def _broken_by_dropping_a_table(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("DROP TABLE ledger_allocations")


def _broken_by_keeping_only_the_version_table(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA foreign_keys=OFF")
        tables = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for name in tables:
            if name != "alembic_version":
                con.execute(f'DROP TABLE "{name}"')


def _broken_by_a_dangling_foreign_key(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("UPDATE policy_caps SET policy_id = 'nobody-at-all'")


def _broken_by_two_revisions(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO alembic_version VALUES ('0001')")


def _from_a_newer_version(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")


@pytest.mark.parametrize(("breaking", "said"), [
    (_broken_by_dropping_a_table, "tables missing: ledger_allocations"),
    (_broken_by_keeping_only_the_version_table, "tables missing"),
    (_broken_by_a_dangling_foreign_key, "foreign keys"),
    (_broken_by_two_revisions, "2 schema revisions"),
    (_from_a_newer_version, "newer version"),
])
def test_a_structurally_broken_backup_is_refused_and_the_store_is_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breaking, said: str  # type: ignore[no-untyped-def]
) -> None:
    db = tmp_path / "kam.sqlite"
    run(capsys, "--db", str(db), "init")
    backup = tmp_path / "backup.sqlite"
    assert run(capsys, "--db", str(db), "backup", str(backup))[0] == 0
    breaking(backup)
    run(capsys, "--db", str(db), "users", "add", "current", "--role", "kam")

    code, _, err = run(capsys, "--db", str(db), "restore", str(backup))
    assert code == 1 and "cannot restore" in err and said in err, err
    assert len(err.strip().splitlines()) == 1
    assert logins(capsys, db) == {"admin", "current"}


def test_a_restore_racing_a_writer_loses_no_acknowledged_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kam.sqlite"
    run(capsys, "--db", str(db), "init")
    backup = tmp_path / "backup.sqlite"
    run(capsys, "--db", str(db), "backup", str(backup))
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.writer", str(db), "w", "400"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "ready"
    acknowledged = [writer.stdout.readline().strip() for _ in range(20)]  # the writer is mid-stream
    code, out, err = run(capsys, "--db", str(db), "restore", str(backup), "--json")
    rest, _ = writer.communicate(timeout=120)
    acknowledged += rest.split()
    assert code == 0, err
    assert writer.returncode == 0
    saved = file_logins(Path(json.loads(out)["previous_content_saved_to"]))
    now = logins(capsys, db)
    assert len(acknowledged) == 400
    # each acknowledged write was either replaced (and is in the safety copy) or landed after the restore
    assert all(login in saved or login in now for login in acknowledged)
    assert saved & now == {"admin"}  # the restored content: the backup, plus only writes after the restore
    assert [x for x in acknowledged if x in now] == sorted(x for x in acknowledged if x in now)


def test_a_daily_verified_backup_is_taken_once_a_day_and_kept_for_the_days_it_should(sqlite_store: object) -> None:
    from datetime import date, timedelta

    from kam_desktop.services.admin.backup import KEEP_DAILY_DAYS
    from kam_desktop.services.demo.setup import initialize
    from kam_desktop.store.backup import verify_store
    from tests.acting import desk

    initialize(sqlite_store)  # type: ignore[arg-type]
    first = date(2026, 4, 1)
    taken = [desk(sqlite_store, on=first + timedelta(days=n)).keep_daily_backup() for n in range(KEEP_DAILY_DAYS + 3)]
    assert all(path is not None for path in taken)
    assert desk(sqlite_store, on=first + timedelta(days=KEEP_DAILY_DAYS + 2)).keep_daily_backup() is None  # once a day
    kept = sorted(p.name[:14] for p in desk(sqlite_store).backups() if p.name.startswith("daily-"))
    assert kept[0] == f"daily-{first + timedelta(days=2):%Y%m%d}" and len(kept) == KEEP_DAILY_DAYS + 1
    for path in desk(sqlite_store).backups():
        verify_store(path)
