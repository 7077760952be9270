"""Backups of the embedded SQLite store with the online backup API, each verified by integrity_check."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path


class BackupError(RuntimeError):
    """A backup or restore that could not be made or verified; the live store is untouched."""


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a live SQLite database to `target` (online backup API, never a file copy), then verify it."""
    if target.exists():
        raise BackupError(f"{target} already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    verify_sqlite(partial)
    partial.replace(target)
    return target


def verify_sqlite(path: Path) -> None:
    """Raise BackupError unless `path` is a SQLite database that passes `PRAGMA integrity_check`."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from exc
    if result != [("ok",)]:
        problems = "; ".join(str(row[0]) for row in result[:5])
        raise BackupError(f"{path} failed the integrity check: {problems}")


def restore_sqlite(backup: Path, target: Path) -> None:
    """Replace the content of the live database `target` with `backup`, in one step, after verifying it."""
    verify_sqlite(backup)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target, timeout=10)
        try:
            # The backup API copies page by page under the destination's lock, so other readers never
            # see a half-restored file; a failure leaves the old content in place.
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    verify_sqlite(target)


def timestamped_name(prefix: str) -> str:
    return f"{prefix}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}.sqlite"
