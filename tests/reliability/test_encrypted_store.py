"""A lost laptop gives nothing away: the encrypted store through kamctl, and every way out of a key problem.

Each command runs as a person would run it (kamctl's main in this process, or a real kamctl process); the
OS password store is `os_vault` (tests/vault.py, shared with the subprocesses) or none at all.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from kam_desktop.cli.main import main
from kam_desktop.paths import backups_dir
from kam_desktop.store import cipher, keys
from kam_desktop.store.backup import verify_store
from tests.vault import FileVault

ROOT = Path(__file__).resolve().parents[2]
KEY_WAYS_OUT = ("kamctl store key set", "kamctl store set-aside", "kamctl restore FILE")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def kamctl(*argv: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """kamctl as a separate process (the environment of the test: its data folder and password store)."""
    return subprocess.run([sys.executable, "-m", "kam_desktop.cli.main", *argv], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


def logins(capsys: pytest.CaptureFixture[str], db: Path) -> set[str]:
    code, out, err = run(capsys, "--db", str(db), "users", "list", "--json")
    assert code == 0, err
    return {u["login"] for u in json.loads(out)}


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_init_encrypt_seals_the_key_in_the_password_store_and_every_command_opens_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], os_vault: FileVault
) -> None:
    db = tmp_path / "kam.sqlite"
    code, out, err = run(capsys, "--db", str(db), "init", "--encrypt")
    assert code == 0, err
    assert cipher.is_encrypted(db)
    sealed = os_vault.entries()
    assert list(sealed) == [f"{keys.SERVICE}\n{keys.entry_name(db)}"]  # named by the store's path
    key = bytes.fromhex(next(iter(sealed.values())))
    assert not list(tmp_path.glob("*key*"))  # no key file beside the store
    assert run(capsys, "--db", str(db), "users", "add", "anna", "--role", "kam")[0] == 0
    assert logins(capsys, db) == {"admin", "anna"}

    code, out, err = run(capsys, "--db", str(db), "backup", str(tmp_path / "copy.sqlite"))
    assert code == 0, err
    assert cipher.is_encrypted(tmp_path / "copy.sqlite") and verify_store(tmp_path / "copy.sqlite", key=key)

    code, out, err = run(capsys, "--db", str(db), "export", "accounts", str(tmp_path / "accounts.csv"))
    assert code == 0, err
    assert "The file is not encrypted (the store is)" in out  # an export is marked plain
    code, out, err = run(capsys, "--db", str(db), "store", "key", "show")
    assert code == 0 and out.strip() == key.hex()


def test_init_encrypt_without_a_password_store_or_kam_store_key_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kam.sqlite"
    code, _, err = run(capsys, "--db", str(db), "init", "--encrypt")
    assert code == 1
    assert "has no password store to keep the key" in one_line(err) and "KAM_STORE_KEY" in err
    assert not db.exists()


def test_kam_store_key_is_the_way_on_a_machine_without_a_password_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, key = tmp_path / "kam.sqlite", keys.new_key()
    monkeypatch.setenv("KAM_STORE_KEY", key.hex())
    assert run(capsys, "--db", str(db), "init", "--encrypt")[0] == 0
    assert cipher.is_encrypted(db) and cipher.opens_with(db, key)
    assert logins(capsys, db) == {"admin"}

    monkeypatch.delenv("KAM_STORE_KEY")
    code, _, err = run(capsys, "--db", str(db), "users", "list")
    line = one_line(err)
    assert code == 1 and f"{db} is encrypted and this computer holds no key for it" in line
    assert all(way in line for way in KEY_WAYS_OUT)

    monkeypatch.setenv("KAM_STORE_KEY", keys.new_key().hex())
    code, _, err = run(capsys, "--db", str(db), "users", "list")
    line = one_line(err)
    assert code == 1 and f"{db} does not open with the key in KAM_STORE_KEY" in line
    assert all(way in line for way in KEY_WAYS_OUT)

    monkeypatch.setenv("KAM_STORE_KEY", "0123")
    code, _, err = run(capsys, "--db", str(db), "users", "list")
    assert code == 1 and "KAM_STORE_KEY is not a store key" in one_line(err)


def test_a_lost_password_store_entry_is_one_clear_line_from_a_real_kamctl_and_key_set_restores_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], os_vault: FileVault
) -> None:
    db = tmp_path / "kam.sqlite"
    assert run(capsys, "--db", str(db), "init", "--encrypt")[0] == 0
    key = next(iter(os_vault.entries().values()))
    os_vault.delete_password(keys.SERVICE, keys.entry_name(db))  # a new Windows profile, a reset laptop

    done = kamctl("--db", str(db), "users", "list")
    line = one_line(done.stderr)
    assert done.returncode == 1 and "is encrypted and this computer holds no key for it" in line
    assert all(way in line for way in KEY_WAYS_OUT) and done.stdout == ""

    wrong = kamctl("--db", str(db), "store", "key", "set", stdin=keys.new_key().hex() + "\n")
    assert wrong.returncode == 1 and f"this key does not open {db}" in one_line(wrong.stderr)
    assert not os_vault.entries()
    typo = kamctl("--db", str(db), "store", "key", "set", stdin="not-a-key\n")
    assert typo.returncode == 1 and "this is not a store key" in one_line(typo.stderr)

    restored = kamctl("--db", str(db), "store", "key", "set", stdin=key + "\n")
    assert restored.returncode == 0, restored.stderr
    assert "is kept by this computer's password store now" in restored.stdout
    assert list(os_vault.entries().values()) == [key]
    assert logins(capsys, db) == {"admin"}


def test_at_a_terminal_kamctl_asks_for_the_missing_key_and_keeps_it(tmp_path: Path, os_vault: FileVault) -> None:
    db = tmp_path / "kam.sqlite"
    assert kamctl("--db", str(db), "init", "--encrypt").returncode == 0
    key = next(iter(os_vault.entries().values()))
    os_vault.delete_password(keys.SERVICE, keys.entry_name(db))

    transcript, status = at_terminal(["--db", str(db), "users", "list"], answer=key)
    assert "is encrypted and this computer holds no key for it." in transcript
    assert "Key of the store (64 hexadecimal digits; Enter to stop):" in transcript
    assert key not in transcript  # typed without echo
    assert status == 0 and "admin" in transcript.split("Enter to stop):", 1)[1]
    assert list(os_vault.entries().values()) == [key]  # kept again for the next command

    os_vault.delete_password(keys.SERVICE, keys.entry_name(db))
    transcript, status = at_terminal(["--db", str(db), "users", "list"], answer="")  # Enter: no key at hand
    assert status == 1 and "kamctl store set-aside" in transcript and "Traceback" not in transcript


def at_terminal(argv: list[str], answer: str) -> tuple[str, int]:
    """Run kamctl on a pseudo-terminal (its controlling terminal, as in a console window); type `answer` at the
    key prompt. Returns everything the terminal showed, and the exit status."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: kamctl, with the pty as stdin, stdout, stderr and /dev/tty
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "kam_desktop.cli.main", *argv])
    shown, answered = b"", False
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:
            os.kill(pid, 9)
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
        if not answered and b"Enter to stop):" in shown:
            os.write(fd, answer.encode() + b"\n")
            answered = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return shown.decode("utf-8", "replace"), os.waitstatus_to_exitcode(status)


def test_set_aside_then_a_new_store_is_the_way_back_for_a_team_laptop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], os_vault: FileVault
) -> None:
    db = tmp_path / "kam.sqlite"
    assert run(capsys, "--db", str(db), "init", "--encrypt")[0] == 0
    code, _, err = run(capsys, "--db", str(db), "store", "set-aside")
    assert code == 1 and "opens with this computer's key: there is nothing to set aside" in one_line(err)
    os_vault.delete_password(keys.SERVICE, keys.entry_name(db))
    original = db.read_bytes()

    code, out, err = run(capsys, "--db", str(db), "store", "set-aside", "--json")
    assert code == 0, err
    kept = Path(json.loads(out)["kept_as"])
    assert not db.exists() and kept.read_bytes() == original and kept.name.startswith("kam.set-aside-")
    code, out, _ = run(capsys, "--db", str(db), "store", "set-aside")
    assert code == 1  # nothing there any more
    assert run(capsys, "--db", str(db), "init")[0] == 0  # the new store, to connect to the team server
    assert logins(capsys, db) == {"admin"}


def test_restore_puts_a_backup_in_the_place_of_a_store_whose_key_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], os_vault: FileVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kam.sqlite"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    assert run(capsys, "--db", str(db), "users", "add", "saved", "--role", "kam")[0] == 0
    plain_backup = tmp_path / "plain-backup.sqlite"
    assert run(capsys, "--db", str(db), "backup", str(plain_backup))[0] == 0
    assert run(capsys, "--db", str(db), "store", "encrypt")[0] == 0
    key = next(iter(os_vault.entries().values()))
    encrypted_backup = tmp_path / "encrypted-backup.sqlite"
    assert run(capsys, "--db", str(db), "backup", str(encrypted_backup))[0] == 0
    os_vault.delete_password(keys.SERVICE, keys.entry_name(db))

    code, _, err = run(capsys, "--db", str(db), "restore", str(encrypted_backup))  # its key is lost too
    assert code == 1 and "no key for it was given" in one_line(err)
    monkeypatch.setenv("KAM_STORE_KEY", key)  # the key, found elsewhere, opens the encrypted backup
    code, out, err = run(capsys, "--db", str(db), "users", "list")
    assert code == 0
    monkeypatch.delenv("KAM_STORE_KEY")

    code, out, err = run(capsys, "--db", str(db), "restore", str(plain_backup), "--json")
    assert code == 0, err
    kept = Path(json.loads(out)["previous_content_saved_to"])
    assert cipher.is_encrypted(kept) and kept.name.startswith("kam.key-missing-")  # the unreadable file, kept
    assert not cipher.is_encrypted(db) and logins(capsys, db) == {"admin", "saved"}


def test_encrypt_and_decrypt_convert_the_store_and_its_backups_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], os_vault: FileVault
) -> None:
    db = tmp_path / "kam.sqlite"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    folder = backups_dir() / "kam"
    assert run(capsys, "--db", str(db), "backup", str(folder / "manual-1.sqlite"))[0] == 0
    (folder / "junk.sqlite").write_bytes(b"not a store")

    code, out, err = run(capsys, "--db", str(db), "store", "encrypt", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["backups_encrypted"] == 1 and result["backups_left"] == [str(folder / "junk.sqlite")]
    assert result["key_kept"] == "vault" and result["old_file_overwritten"] is True
    key = bytes.fromhex(next(iter(os_vault.entries().values())))
    assert cipher.is_encrypted(db) and verify_store(folder / "manual-1.sqlite", key=key)
    code, _, err = run(capsys, "--db", str(db), "store", "encrypt")
    assert code == 1 and "is encrypted already" in one_line(err)

    code, out, err = run(capsys, "--db", str(db), "store", "decrypt")
    assert code == 0, err
    assert "is a plain file now" in out
    assert not cipher.is_encrypted(db) and not cipher.is_encrypted(folder / "manual-1.sqlite")
    assert verify_store(folder / "manual-1.sqlite") and logins(capsys, db) == {"admin"}
    assert os_vault.entries()  # kept for backups written elsewhere while encrypted

    code, _, err = run(capsys, "--db", str(db), "store", "encrypt")  # the same key again: those backups open
    assert code == 0 and bytes.fromhex(next(iter(os_vault.entries().values()))) == key


def test_a_store_open_elsewhere_is_not_converted_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], os_vault: FileVault
) -> None:
    db = tmp_path / "kam.sqlite"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    holder = subprocess.Popen([sys.executable, "-m", "tests.reliability.locker", str(db)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        code, _, err = run(capsys, "--db", str(db), "store", "encrypt")
    finally:
        holder.stdin.close()
        holder.wait(30)
        holder.stdout.close()
    assert code == 1 and "is open in another KAM Desktop window or command" in one_line(err)
    assert not cipher.is_encrypted(db) and logins(capsys, db) == {"admin"}


def test_a_team_laptop_store_stays_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], os_vault: FileVault
) -> None:
    from kam_desktop.store.store import Store
    from kam_desktop.sync.binding import bind

    db = tmp_path / "kam.sqlite"
    assert run(capsys, "--db", str(db), "init", "--encrypt")[0] == 0
    store = Store.open(db)
    bind(store, "postgresql://server.example/kam", "admin")  # the binding a first sync writes
    store.dispose()
    code, _, err = run(capsys, "--db", str(db), "store", "decrypt")
    assert code == 1 and "a team laptop's store stays encrypted" in one_line(err)
    assert cipher.is_encrypted(db)
