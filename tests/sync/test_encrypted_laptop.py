"""A team laptop's store is encrypted at rest when it is bound to its server, and syncs on encrypted (real server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kam_desktop.cli.main import main
from kam_desktop.services.team_sync import TeamEncryption, sync_with_team
from kam_desktop.store import cipher, keys
from tests.sync.team import PASSWORD, Team, wait_for_quiet
from tests.sync.test_round_trip import edit, field
from tests.vault import FileVault

pytestmark = pytest.mark.pg
SECRET_CLIENT = "Tajny Klient Sp. z o.o."


def test_the_first_sync_encrypts_the_laptop_and_later_syncs_work_on_the_encrypted_store(
    team: Team, os_vault: FileVault, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    team.account("A1", "kam1", name=SECRET_CLIENT)
    laptop = team.laptop("kam1")
    db = Path(laptop.store.url.removeprefix("sqlite:///"))
    assert not cipher.is_encrypted(db)  # a new laptop store starts plain (a solo laptop stays so)
    wait_for_quiet(team.url)

    report = sync_with_team(laptop.store, team.url, laptop.login, PASSWORD)
    assert report.encryption == TeamEncryption.ENCRYPTED and report.arrived == 1
    assert laptop.store.encrypted and cipher.is_encrypted(db)
    assert keys.entry_name(db) in "".join(os_vault.entries())  # its key sealed by the OS password store
    assert field(laptop.store, "A1", "name") == SECRET_CLIENT  # the same store object syncs on, encrypted
    laptop.store.dispose()
    written = db.read_bytes() + (Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b"")
    assert SECRET_CLIENT.encode() not in written

    edit(team.store, "admin", "A1", city="Łódź")
    wait_for_quiet(team.url)
    monkeypatch.setenv("KAM_PASSWORD", PASSWORD)
    assert main(["sync", "--db", str(db), "--json"]) == 0  # a scheduled kamctl sync opens it with the sealed key
    second = json.loads(capsys.readouterr().out)
    assert second["pulled"] >= 1 and second["store_encryption"] == "already"


def test_without_a_password_store_the_laptop_stays_plain_and_every_sync_says_so(
    team: Team, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    db = Path(laptop.store.url.removeprefix("sqlite:///"))
    laptop.store.dispose()
    monkeypatch.setenv("KAM_PASSWORD", PASSWORD)
    wait_for_quiet(team.url)
    assert main(["sync", "--db", str(db), "--server", team.url, "--user", laptop.login]) == 0
    err = capsys.readouterr().err
    assert "This laptop's store is not encrypted: this computer has no password store" in err
    assert not cipher.is_encrypted(db)

    monkeypatch.setenv("KAM_STORE_KEY", keys.new_key().hex())  # the documented fallback: a key from the environment
    assert main(["sync", "--db", str(db)]) == 0
    assert "This laptop's store is encrypted now" in capsys.readouterr().out
    assert cipher.is_encrypted(db)
