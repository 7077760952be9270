"""Opening a store for the GUI and the CLI, the store problems they show to people, and the way out of each."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from kam_desktop.services.errors import ServiceError
from kam_desktop.store import migrate
from kam_desktop.store.backup import BackupError, connect_read_only, timestamped_name, verify_store
from kam_desktop.store.engine import StoreLocationError
from kam_desktop.store.migrate import DatabaseNewerError
from kam_desktop.store.problems import Problem, StoreProblem, damaged_store, diagnose, newest_verified_backup
from kam_desktop.store.schema_head import SCHEMA_HEAD
from kam_desktop.store.store import Store

__all__ = [
    "damaged_store",
    "DatabaseNewerError", "Problem", "Store", "StoreLocationError", "StoreProblem", "newest_verified_backup",
    "open_store", "problem_of", "replace_damaged_store",
]


def open_store(db: str | Path | None = None) -> Store:
    """Open `--db`/`KAM_DB`/the default SQLite file, upgrading its schema after a verified backup."""
    return Store.open(db)


def problem_of(error: BaseException) -> StoreProblem | None:
    """The store problem (busy, read-only, full, damaged) behind a database error met mid-command."""
    return diagnose(error, None)


def replace_damaged_store(damaged: Path, backup: Path) -> Path:
    """Put the verified `backup` in the place of the damaged store file; return where the damaged file was kept.

    The way out of `Problem.DAMAGED`: no person can be identified in a store that cannot be read, so this
    needs no desk; it is the same file the person at the laptop could copy. The damaged file (and its WAL)
    is moved aside, never deleted.
    """
    try:
        migrate.refuse_unknown(verify_store(backup, SCHEMA_HEAD))
    except (BackupError, DatabaseNewerError) as exc:
        raise ServiceError("cannot restore {path}: {reason}", path=str(backup), reason=str(exc)) from exc
    kept = damaged.with_name(f"{damaged.stem}.damaged-{timestamped_name('')[1:]}")
    damaged.replace(kept)
    for suffix in ("-wal", "-shm"):
        side = damaged.with_name(damaged.name + suffix)
        if side.exists():
            side.replace(kept.with_name(kept.name + suffix))
    with contextlib.closing(connect_read_only(backup)) as src, contextlib.closing(sqlite3.connect(damaged)) as dst:
        src.backup(dst)
    Store.open(damaged).dispose()  # the restored store opens (and is brought to this version's schema)
    return kept
