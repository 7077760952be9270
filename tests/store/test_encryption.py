"""Encryption at rest of the SQLite store: what the file gives away, its settings, backups, conversions, readers.

Real SQLCipher files (sqlcipher3), real backups and conversions; the OS password store is the test's
`os_vault` (tests/vault.py) or nothing at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kam_desktop.paths import backups_dir
from kam_desktop.services.admin.quick_start import quick_start_store
from kam_desktop.services.demo.setup import initialize
from kam_desktop.store import cipher, keys, quick_read
from kam_desktop.store.backup import BackupError, backup_sqlite, restore_sqlite, verify_store
from kam_desktop.store.keys import KeySource, StoreKey
from kam_desktop.store.problems import Problem, StoreProblem
from kam_desktop.store.schema_head import SCHEMA_HEAD, stored_revisions
from kam_desktop.store.store import Store
from tests.acting import desk
from tests.fixtures.migrations.make_snapshots import HERE as SNAPSHOTS

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAME = "Zygmunt Sekretny-Wąż"  # a name that must never appear in an encrypted file's bytes


def typed(key: bytes | None = None) -> StoreKey:
    return StoreKey(key or keys.new_key(), KeySource.TYPED)


def encrypted_store(path: Path, key: StoreKey) -> Store:
    store = Store.open(path, key=key)
    initialize(store)
    desk(store).add_user("z.sekretny", "kam", SECRET_NAME)
    return store


def all_bytes(path: Path) -> bytes:
    return b"".join(Path(f"{path}{side}").read_bytes() for side in ("", "-wal") if Path(f"{path}{side}").exists())


def test_an_encrypted_store_gives_nothing_away_and_keeps_the_settings_of_the_design(tmp_path: Path) -> None:
    db, key = tmp_path / "kam.sqlite", typed()
    store = encrypted_store(db, key)
    try:
        with store.engine.connect() as connection:
            pragmas = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                       for name in ("journal_mode", "synchronous", "foreign_keys", "cipher_version", "cache_size")}
        assert pragmas["journal_mode"] == "wal" and pragmas["synchronous"] == 2 and pragmas["foreign_keys"] == 1
        assert pragmas["cipher_version"]  # SQLCipher is the library under this engine
        # decrypted pages stay in a cache big enough for the roll-up's seeks (the quick read's connection too)
        assert pragmas["cache_size"] == -cipher.ENCRYPTED_CACHE_KIB
        with contextlib.closing(cipher.connect(db, key.key)) as raw:
            assert raw.execute("PRAGMA cache_size").fetchone()[0] == -cipher.ENCRYPTED_CACHE_KIB
        written = all_bytes(db)  # the file and its write-ahead log, as a thief would copy them
    finally:
        store.dispose()
    assert cipher.is_encrypted(db) and not written.startswith(cipher.PLAIN_HEADER)
    for plain in (SECRET_NAME.encode(), b"z.sekretny", b"CREATE TABLE", b"alembic_version"):
        assert plain not in written
    plain_db = tmp_path / "plain.sqlite"
    plain = encrypted_store(plain_db, None)  # type: ignore[arg-type]  # the same, unencrypted, as a control
    plain.dispose()
    assert SECRET_NAME.encode() in all_bytes(plain_db)


def test_the_store_opens_with_the_key_the_computer_keeps_or_kam_store_key(
    tmp_path: Path, os_vault: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, key = tmp_path / "kam.sqlite", typed()
    encrypted_store(db, key).dispose()
    with pytest.raises(StoreProblem) as missing:
        Store.open(db)
    assert missing.value.kind == Problem.KEY_MISSING

    assert keys.seal_key(db, key.key)
    from_vault = Store.open(db)
    assert from_vault.key == StoreKey(key.key, KeySource.VAULT)
    assert [u.login for u in desk(from_vault).users()] == ["admin", "z.sekretny"]
    from_vault.dispose()

    monkeypatch.setenv("KAM_STORE_KEY", keys.new_key().hex())  # the environment wins over the password store
    with pytest.raises(StoreProblem) as wrong:
        Store.open(db)
    assert wrong.value.kind == Problem.WRONG_KEY and "the key in KAM_STORE_KEY" in str(wrong.value)
    monkeypatch.setenv("KAM_STORE_KEY", "not a key")
    with pytest.raises(keys.KeyFormatError, match="KAM_STORE_KEY is not a store key"):
        Store.open(db)


def test_a_key_is_64_hex_digits_and_its_bytes_never_show() -> None:
    key = keys.new_key()
    assert keys.parse_key(key.hex().upper()).key == key
    assert keys.parse_key(f"x'{key.hex()}'").key == key
    assert keys.parse_key(" ".join(key.hex()[i:i + 8] for i in range(0, 64, 8))).key == key
    for bad in ("", "abc", key.hex()[:-2], key.hex() + "00", "g" * 64):
        with pytest.raises(keys.KeyFormatError):
            keys.parse_key(bad)
    assert key.hex() not in repr(StoreKey(key, KeySource.VAULT))


def test_backups_of_an_encrypted_store_are_encrypted_and_verify_only_with_its_key(tmp_path: Path) -> None:
    db, key = tmp_path / "kam.sqlite", typed()
    store = encrypted_store(db, key)
    try:
        manual = desk(store).backup(tmp_path / "manual.sqlite")
        daily = desk(store).keep_daily_backup()
        assert daily is not None
    finally:
        store.dispose()
    for backup in (manual, daily):
        assert cipher.is_encrypted(backup) and SECRET_NAME.encode() not in backup.read_bytes()
        assert verify_store(backup, SCHEMA_HEAD, key=key.key) == SCHEMA_HEAD
        with pytest.raises(BackupError, match="no key"):
            verify_store(backup)
        with pytest.raises(BackupError, match="another key"):
            verify_store(backup, key=keys.new_key())
    with pytest.raises(BackupError):  # SQLCipher refuses to copy an encrypted store's pages into a plain file
        backup_sqlite(db, tmp_path / "plain-copy.sqlite", key=None)


def test_a_restore_keeps_the_store_encrypted_from_an_encrypted_or_a_plain_backup(tmp_path: Path) -> None:
    db, key = tmp_path / "kam.sqlite", typed()
    store = encrypted_store(db, key)
    encrypted_backup = desk(store).backup(tmp_path / "enc.sqlite")
    desk(store).add_user("later", "kam")
    store.dispose()
    plain_db = tmp_path / "plain.sqlite"
    plain = Store.open(plain_db)
    initialize(plain)
    plain_backup = desk(plain).backup(tmp_path / "plain-backup.sqlite")
    with pytest.raises(BackupError, match="encrypt the store first"):  # a plain store takes only a plain backup
        restore_sqlite(encrypted_backup, plain_db, tmp_path / "safety-plain.sqlite")
    plain.dispose()

    for backup, logins in ((encrypted_backup, {"admin", "z.sekretny"}), (plain_backup, {"admin"})):
        store = Store.open(db, key=key)
        safety = desk(store).restore(backup)
        assert {u.login for u in desk(store).users()} == logins
        store.dispose()
        assert cipher.is_encrypted(db) and cipher.is_encrypted(safety)  # the store and the copy of what it held
        assert verify_store(safety, key=key.key) == SCHEMA_HEAD


def test_converting_a_store_keeps_every_row_and_overwrites_the_plain_file(tmp_path: Path) -> None:
    db = tmp_path / "kam.sqlite"
    store = Store.open(db)
    initialize(store)
    desk(store).add_user("z.sekretny", "kam", SECRET_NAME)
    before = {u.login for u in desk(store).users()}
    old_name = tmp_path / "the-plain-file-as-it-was"  # a second name for the plain file's content
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    os.link(db, old_name)

    key = typed()
    converted = store.convert(key)
    assert converted.wiped and converted.rows > 0
    assert store.encrypted and cipher.is_encrypted(db)
    assert {u.login for u in desk(store).users()} == before  # the same store object works on the new file
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert set(old_name.read_bytes()) == {0}  # the old plain bytes were overwritten, not only unlinked
    assert not list(tmp_path.glob("*.old-plain")) and not list(tmp_path.glob("*.converting"))

    back = store.convert(None)
    assert not back.wiped and not store.encrypted and not cipher.is_encrypted(db)
    assert {u.login for u in desk(store).users()} == before
    store.dispose()


def test_a_store_open_in_another_process_is_not_converted(tmp_path: Path) -> None:
    db = tmp_path / "kam.sqlite"
    store = Store.open(db)
    initialize(store)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM users')"
         ".fetchall(); print('open', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "open"
        original = db.read_bytes()
        with pytest.raises(cipher.StoreInUse):
            store.convert(typed())
        assert db.read_bytes() == original and not store.encrypted
        assert [u.login for u in desk(store).users()] == ["admin"]  # the store goes on working, plain
    finally:
        holder.stdin.close()
        holder.wait(30)
        holder.stdout.close()
    store.convert(typed())  # once nobody else holds it
    assert cipher.is_encrypted(db)
    store.dispose()


def test_an_older_encrypted_store_is_migrated_after_an_encrypted_verified_backup(tmp_path: Path) -> None:
    db, key = tmp_path / "kam.sqlite", typed()
    shutil.copyfile(SNAPSHOTS / "store-0008.sqlite", db)
    cipher.convert(db, None, key.key, wipe_old=True)
    store = Store.open(db, key=key)
    try:
        assert stored_revisions(store.engine) == [SCHEMA_HEAD]
        backup = store.migration_backup
        assert backup is not None and backup.parent == backups_dir() / "kam"
        assert cipher.is_encrypted(backup) and verify_store(backup, key=key.key) == "0008"
    finally:
        store.dispose()


def test_the_quick_start_reads_an_encrypted_store_with_its_key_and_skips_one_without(
    tmp_path: Path, os_vault: object
) -> None:
    db, key = tmp_path / "kam.sqlite", typed()
    store = encrypted_store(db, key)
    from tests.ui.builders import populate

    populate(store)
    expected = sorted(r.code for r in desk(store).portfolio(as_of=date(2026, 3, 31)))
    store.dispose()
    assert quick_start_store(str(db), None) is None  # no key on this computer: the ordinary start explains
    assert not quick_read.ready_store(db) and not quick_read.ready_store(db, keys.new_key())
    keys.seal_key(db, key.key)
    local = quick_start_store(str(db), None)
    assert local is not None and local.info.encrypted
    first = local.read_portfolio(date(2026, 3, 31))
    assert sorted(r.code for r in first.rows) == expected
    # the portfolio a start remembers stays inside the encrypted file, and reads back with the key
    assert local.remember_portfolio(date(2026, 3, 31), first)
    again = local.read_portfolio(date(2026, 3, 31))
    assert again.remembered and again.rows == first.rows
    names = [r.name.encode() for r in first.rows if len(r.name) > 8]
    assert names and not any(name in all_bytes(db) for name in names)


def test_the_bulk_import_writes_an_encrypted_store_and_keeps_the_roll_up(tmp_path: Path) -> None:
    from kam_desktop.services.imports.files import run_import
    from tests.ui.builders import populate

    db, key = tmp_path / "kam.sqlite", typed()
    store = encrypted_store(db, key)
    try:
        populate(store)
        codes = [r.code for r in desk(store).portfolio(as_of=date(2026, 3, 31))][:3]
        lines = ["invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"]
        lines += [f"FV/ENC/{i},1,2026-02-{1 + i % 27:02d},{codes[i % 3]},CAB,1,{100 + i}.00,10.00,PLN" for i in range(300)]
        source = tmp_path / "invoices.csv"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = run_import(desk(store).ctx, source, "invoices")
        assert report.ok and report.counts["invoice_lines_inserted"] == 300, report.error_lines()[:3]
        assert desk(store).check_rollup().consistent
    finally:
        store.dispose()
    assert b"FV/ENC/" not in all_bytes(db)


def test_a_damaged_encrypted_store_offers_its_newest_backup_that_opens_with_the_same_key(
    tmp_path: Path, os_vault: object
) -> None:
    from kam_desktop.services.admin.stores import replace_damaged_store

    db, key = tmp_path / "kam.sqlite", typed()
    store = encrypted_store(db, key)
    backup = desk(store).backup_now()
    store.dispose()
    keys.seal_key(db, key.key)
    data = bytearray(db.read_bytes())
    data[100:4096] = bytes(4096 - 100)  # page 1 garbled past its salt: every HMAC check of it fails
    db.write_bytes(bytes(data))
    with pytest.raises(StoreProblem) as raised:
        Store.open(db)
    assert raised.value.kind == Problem.DAMAGED and raised.value.backup == backup  # the key is right: it opens that

    kept = replace_damaged_store(db, backup)
    assert kept.read_bytes() == bytes(data)
    reopened = Store.open(db)
    assert reopened.encrypted and {u.login for u in desk(reopened).users()} == {"admin", "z.sekretny"}
    reopened.dispose()


def test_a_key_that_opens_none_of_the_stores_backups_is_reported_as_the_wrong_key(tmp_path: Path) -> None:
    db, key = tmp_path / "kam.sqlite", typed()
    store = encrypted_store(db, key)
    desk(store).backup_now()
    store.dispose()
    with pytest.raises(StoreProblem) as raised:
        Store.open(db, key=typed())
    assert raised.value.kind == Problem.WRONG_KEY and "the key entered" in str(raised.value)
