"""Opening a store for the GUI and the CLI, the store problems they show to people, and the way out of each."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from kam_desktop.services.errors import ServiceError
from kam_desktop.store import cipher, keys, migrate
from kam_desktop.store.backup import BackupError, connect_read_only, timestamped_name, verify_store
from kam_desktop.store.engine import StoreLocationError, resolve_url, sqlite_file, sqlite_path
from kam_desktop.store.keys import KeyFormatError, StoreKey
from kam_desktop.store.migrate import DatabaseNewerError
from kam_desktop.store.problems import Problem, StoreProblem, damaged_store, diagnose, newest_verified_backup
from kam_desktop.store.schema_head import SCHEMA_HEAD
from kam_desktop.store.store import Store

__all__ = [
    "damaged_store",
    "DatabaseNewerError", "KeyFormatError", "Problem", "Store", "StoreKey", "StoreLocationError", "StoreProblem",
    "UNREADABLE", "newest_verified_backup", "open_store", "problem_of", "remember_key", "replace_damaged_store",
    "replace_unreadable_store", "set_aside_store", "store_file", "typed_key",
]

# Problems whose way out replaces the file itself: no person can act in a store that cannot be read.
UNREADABLE = frozenset({Problem.DAMAGED, Problem.KEY_MISSING, Problem.WRONG_KEY})


def open_store(db: str | Path | None = None, key: StoreKey | None = None) -> Store:
    """Open `--db`/`KAM_DB`/the default SQLite file, upgrading its schema after a verified backup.

    An encrypted file opens with `key` (typed by the person) or the key this computer keeps for it.
    """
    return Store.open(db, key=key)


def store_file(db: str | Path | None = None) -> Path:
    """The SQLite file `--db`/`KAM_DB`/the default names (refused for a team server's URL)."""
    path = sqlite_file(resolve_url(db))
    if path is None:
        raise ServiceError("this command works on a laptop's SQLite store file, not on a team server")
    return path


def problem_of(error: BaseException) -> StoreProblem | None:
    """The store problem (busy, read-only, full, damaged) behind a database error met mid-command."""
    return diagnose(error, None)


def typed_key(text: str) -> StoreKey:
    """The key a person typed or pasted (64 hexadecimal digits); KeyFormatError when it is not one."""
    return keys.parse_key(text)


def remember_key(store: Store) -> bool:
    """Seal the key an encrypted store was just opened with in this computer's password store (the key is
    restored: the next start finds it). False when there is no password store, or nothing to seal."""
    path = sqlite_path(store.engine)
    if store.key is None or path is None:
        return False
    if store.key.source is not keys.KeySource.TYPED:
        return True
    return keys.seal_key(path, store.key.key)


def replace_damaged_store(damaged: Path, backup: Path, key: StoreKey | None = None) -> Path:
    """Put the verified `backup` in the place of the damaged store file; return where the damaged file was kept.

    The way out of `Problem.DAMAGED`: no person can be identified in a store that cannot be read, so this
    needs no desk; it is the same file the person at the laptop could copy. The damaged file (and its WAL)
    is moved aside, never deleted.
    """
    return replace_unreadable_store(damaged, backup, key, label="damaged")


def replace_unreadable_store(path: Path, backup: Path, key: StoreKey | None = None, *, label: str = "unreadable") -> Path:
    """Put the verified `backup` in the place of a store that cannot be read (damaged, or encrypted without a
    working key); return where the old file was kept (moved aside, never deleted).

    An encrypted backup verifies only with `key` (typed) or the key this computer keeps for the store; a plain
    backup restores as a plain store (encrypt it again with `kamctl store encrypt`).
    """
    known = key or _known_key(path)
    secret = known.key if known is not None else None
    try:
        migrate.refuse_unknown(verify_store(backup, SCHEMA_HEAD, key=secret))
    except (BackupError, DatabaseNewerError) as exc:
        raise ServiceError("cannot restore {path}: {reason}", path=str(backup), reason=str(exc)) from exc
    encrypted = cipher.is_encrypted(backup)
    kept = _set_aside(path, label)
    with contextlib.closing(connect_read_only(backup, secret)) as src, \
            contextlib.closing(cipher.connect(path, secret) if encrypted else sqlite3.connect(path)) as dst:
        src.backup(dst)
    Store.open(path, key=known if encrypted else None).dispose()  # it opens (and is brought to this version's schema)
    return kept


def set_aside_store(path: Path) -> Path:
    """Move a store that cannot be read (encrypted without a working key, or damaged) aside, so that the next
    start makes a new one; return where it was kept. The documented way back for a team laptop: connect the
    new store to the team server, which sends everything this person may see again."""
    try:
        Store.open(path).dispose()
    except StoreProblem as problem:
        if problem.kind not in UNREADABLE:
            raise
    else:
        raise ServiceError("{path} opens with this computer's key: there is nothing to set aside (to start afresh, "
                           "back it up and create a new store elsewhere)", path=str(path))
    return _set_aside(path, "set-aside")


def _known_key(path: Path) -> StoreKey | None:
    try:
        return keys.find_key(path)
    except KeyFormatError:
        return None


def _set_aside(path: Path, label: str) -> Path:
    """Move the store file (and its WAL and shared-memory files) to `NAME.LABEL-<time>.sqlite` beside it."""
    kept = path.with_name(f"{path.stem}.{label}-{timestamped_name('')[1:]}")
    path.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    return kept
