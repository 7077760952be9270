"""A store that cannot be used as it is: busy, damaged, on a network drive — one clear line and a way out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kam_desktop.cli.main import main
from kam_desktop.paths import backups_dir
from kam_desktop.store.problems import network_filesystem

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def logins(capsys: pytest.CaptureFixture[str], db: Path) -> set[str]:
    code, out, err = run(capsys, "--db", str(db), "users", "list", "--json")
    assert code == 0, err
    return {u["login"] for u in json.loads(out)}


def test_a_write_while_another_process_holds_the_store_says_busy_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kam.sqlite"
    run(capsys, "--db", str(db), "init")
    monkeypatch.setenv("KAM_BUSY_TIMEOUT_MS", "300")
    locker = subprocess.Popen([sys.executable, "-m", "tests.reliability.locker", str(db)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert locker.stdin is not None and locker.stdout is not None
    try:
        assert locker.stdout.readline().strip() == "locked"
        code, _, err = run(capsys, "--db", str(db), "users", "add", "waiting", "--role", "kam")
    finally:
        locker.stdin.close()
        locker.wait(30)
        locker.stdout.close()
    assert code == 1
    assert err.strip().splitlines() == [
        "kamctl: error: the store is busy: another KAM Desktop window or command is writing to it; try again when it has finished"
    ], err
    assert "Traceback" not in err
    assert run(capsys, "--db", str(db), "users", "add", "waiting", "--role", "kam")[0] == 0  # retriable


def test_two_processes_writing_the_same_store_lose_no_update(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "kam.sqlite"
    run(capsys, "--db", str(db), "init")
    env = {**os.environ}
    writers = [subprocess.Popen([sys.executable, "-m", "tests.reliability.writer", str(db), prefix, "60"], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for prefix in ("a", "b")]
    acknowledged: list[str] = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        acknowledged += [line for line in out.split() if line != "ready"]
    assert len(acknowledged) == 120
    assert logins(capsys, db) == {"admin", *acknowledged}


def test_a_damaged_store_names_its_newest_verified_backup_and_restoring_it_is_the_way_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kam.sqlite"
    run(capsys, "--db", str(db), "init")
    run(capsys, "--db", str(db), "users", "add", "saved", "--role", "kam")
    backup = backups_dir() / "kam" / "manual.sqlite"
    assert run(capsys, "--db", str(db), "backup", str(backup))[0] == 0
    (backups_dir() / "kam" / "junk.sqlite").write_bytes(b"not a store")  # newer, but does not verify
    data = bytearray(db.read_bytes())
    data[:100] = b"\x00" * 100  # the header is gone: SQLite sees no database
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    db.write_bytes(bytes(data))

    code, _, err = run(capsys, "--db", str(db), "users", "list")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"{db} is damaged" in err and f"kamctl restore {backup}" in err, err

    code, out, err = run(capsys, "--db", str(db), "restore", str(backup), "--json")
    assert code == 0, err
    kept = Path(json.loads(out)["previous_content_saved_to"])
    assert kept.read_bytes() == bytes(data)  # the damaged file is kept aside, as it was
    assert logins(capsys, db) == {"admin", "saved"}


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
srv:/export/home /home/kam/net nfs4 rw,relatime 0 0
//fs/share /mnt/share\\040drive cifs rw 0 0
tmpfs /home/kam/net/local tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/kam/kam.sqlite", None),
    ("/home/kam/net/kam.sqlite", "nfs4"),
    ("/home/kam/network/kam.sqlite", None),  # a prefix of the name is not the mount point
    ("/mnt/share drive/kam.sqlite", "cifs"),
    ("/home/kam/net/local/kam.sqlite", None),  # the longest mount point wins
])
def test_a_store_on_a_network_file_system_is_recognised(path: str, expected: str | None) -> None:
    assert network_filesystem(Path(path), MOUNTS) == expected


def test_the_store_settings_of_the_design_are_in_force_after_open(sqlite_store: object) -> None:
    from kam_desktop.store.store import Store

    assert isinstance(sqlite_store, Store)
    with sqlite_store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
