"""SQLCipher for the embedded store: which file is encrypted, a keyed connection, converting a store file.

A store encrypted at rest is a SQLCipher 4 database (every page AES-256 with its own HMAC) opened with a raw
256-bit key (`PRAGMA key = "x'…'"`): no passphrase derivation, so a connection opens as fast as a plain one.
Plain files are opened by the standard library's sqlite3 and encrypted ones by sqlcipher3, never both on one
live file in one process: two SQLite libraries in one process do not see each other's POSIX locks. Only a
conversion (which first makes sure nobody else has the file open) reads a plain live file through sqlcipher3.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KEY_BYTES = 32  # AES-256
PLAIN_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every plain SQLite database
_WIPE_CHUNK = 1 << 20


class ConversionError(RuntimeError):
    """The store could not be converted; the original file is untouched."""


class StoreInUse(ConversionError):
    """Another window or command has the store open: converting it now would lose what it writes."""


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A `file:` URI for `path`: `#`, `?` and `%` in a folder name are escaped, never read as URI syntax."""
    return f"{path.resolve().as_uri()}?mode={mode}"


def is_encrypted(path: Path) -> bool:
    """True for an existing file that is not a plain SQLite database but has the shape of a SQLCipher one.

    SQLCipher writes nothing recognisable (its first 16 bytes are a random salt), so this is by elimination:
    whole pages, no SQLite header, and not a header wiped to zeros (a damaged plain store, not an encrypted one).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and head != PLAIN_HEADER and head != bytes(len(PLAIN_HEADER))


def key_text(key: bytes | None) -> str:
    """The key as SQLCipher reads a raw key (`x'…'`), or "" for a plain database (an ATTACH of a plain file)."""
    return "" if key is None else f"x'{key.hex()}'"


def dbapi() -> Any:
    """sqlcipher3's DB-API module, loaded when an encrypted file is first touched (SQLCipher's own log muted:
    a wrong key is our message to say, not a line of SQLCipher's on stderr)."""
    from sqlcipher3 import dbapi2

    if not getattr(dbapi2, "_kam_quiet", False):
        probe = dbapi2.connect(":memory:")
        try:
            probe.execute("PRAGMA cipher_log_level = NONE")
        finally:
            probe.close()
        dbapi2._kam_quiet = True
    return dbapi2


# An encrypted file decrypts each page it reads into SQLite's own cache, 2 MB by default: the portfolio's per-account
# seeks into the roll-up come back to the same pages and paid the decryption again (1.6x the plain file's time at
# 20,000 accounts; 1.0x with this). A plain file's pages come back from the system's file cache, nothing to redo. The
# cache fills only as pages are read.
ENCRYPTED_CACHE_KIB = 64 * 1024


def connect(target: str | Path, key: bytes | None, **kwargs: Any) -> Any:
    """A sqlcipher3 connection to `target` (a path, or a URI with `uri=True`), keyed unless `key` is None."""
    connection = dbapi().connect(str(target), **kwargs)
    if key is not None:
        connection.execute(f'PRAGMA key = "{key_text(key)}"')
        connection.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")  # negative: KiB, not pages
    return connection


def database_errors() -> tuple[type[BaseException], ...]:
    """The error classes of both SQLite libraries (sqlcipher3's only once it is loaded: nothing else raises them)."""
    module = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error,) if module is None else (sqlite3.Error, module.Error)


def opens_with(path: Path, key: bytes) -> bool:
    """True when `key` decrypts the store at `path` (its first page and schema read)."""
    try:
        with contextlib.closing(connect(sqlite_uri(path), key, uri=True)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors():
        return False
    return True


@dataclass(frozen=True)
class Converted:
    """A store file converted in place; `wiped`: the old file's bytes were overwritten before it was removed."""

    path: Path
    tables: int
    rows: int
    wiped: bool


def convert(path: Path, key_from: bytes | None, key_to: bytes | None, *, wipe_old: bool) -> Converted:
    """Rewrite the store at `path` from one form to the other (plain → encrypted, encrypted → plain).

    `sqlcipher_export` copies schema and rows into `NAME.converting` under a lock that keeps writers out; the copy
    is checked (integrity, every table's row count) before it takes the store's name in one atomic rename.
    The original is then removed; with `wipe_old` (it was plain) its bytes are overwritten first. A crash at
    any moment leaves the store whole in one form or the other. Refuses (StoreInUse) while anyone else has
    the file open: the caller must have closed its own connections.
    """
    partial = path.with_name(path.name + ".converting")
    _remove(partial)
    wipe_leftover(path)
    source = connect(path, key_from, isolation_level=None, timeout=1.0)
    try:
        _claim(source, path)
        tables, rows = _export(source, partial, key_to)
        _check_copy(partial, key_to, tables)
        if sys.platform == "win32":  # Windows renames over a file only when nothing holds it open
            source.close()
        wiped = _swap(partial, path, wipe_old)
    except database_errors() as exc:
        raise ConversionError(f"{path} was not converted, it is unchanged: {exc}") from exc
    finally:
        source.close()
        _remove(partial)
    return Converted(path, len(tables), rows, wiped)


def _claim(source: Any, path: Path) -> None:
    """Make sure nobody else has the store open, and keep writers out until the conversion is done.

    Leaving WAL mode needs every other connection closed (each holds a lock on the shared-memory file while it
    is open, even idle), and it folds the WAL into the file: the file alone is then the whole store.
    """
    try:
        mode = source.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except database_errors() as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreInUse(f"{path} is open in another KAM Desktop window or command") from exc
        raise
    if str(mode).lower() != "delete":
        raise StoreInUse(f"{path} is open in another KAM Desktop window or command")
    # EXCLUSIVE locking keeps the shared lock of the first read until the connection closes: no writer can
    # commit to the old file between the copy and the rename.
    source.execute("PRAGMA locking_mode = EXCLUSIVE")


def _export(source: Any, partial: Path, key_to: bytes | None) -> tuple[dict[str, int], int]:
    source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(partial), key_text(key_to)))
    source.execute("BEGIN IMMEDIATE")
    try:
        tables = _row_counts(source, "main")
        source.execute("SELECT sqlcipher_export('converted')")
        source.execute(f"PRAGMA converted.user_version = {int(source.execute('PRAGMA main.user_version').fetchone()[0])}")
        source.execute("COMMIT")
    except BaseException:
        source.execute("ROLLBACK")
        raise
    source.execute("DETACH DATABASE converted")
    return tables, sum(tables.values())


def _row_counts(connection: Any, schema: str) -> dict[str, int]:
    names = [str(n) for (n,) in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: int(connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]) for name in names}


def _check_copy(partial: Path, key: bytes | None, expected: dict[str, int]) -> None:
    with contextlib.closing(connect(partial, key, isolation_level=None)) as copy:
        result = copy.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise ConversionError(f"the converted copy failed the integrity check: {result[:3]}")
        found = _row_counts(copy, "main")
        if found != expected:
            differ = sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))
            raise ConversionError(f"the converted copy differs from the store in: {', '.join(differ)}")
    _fsync(partial)


def _swap(partial: Path, path: Path, wipe_old: bool) -> bool:
    """Give the copy the store's name atomically; with `wipe_old`, overwrite the old file's bytes afterwards.

    A second name (a hard link) keeps the old content reachable across the atomic rename, so it can be
    overwritten after the store already is the new file: at no moment is the store missing or half-written.
    """
    old = path.with_name(path.name + ".old-plain")
    _remove(old)
    linked = False
    if wipe_old:
        try:
            os.link(path, old)
            linked = True
        except OSError:  # a file system without hard links (FAT on a USB stick): removed without overwriting
            linked = False
    os.replace(partial, path)
    _fsync_folder(path.parent)
    for side in ("-wal", "-shm", "-journal"):
        _remove(path.with_name(path.name + side))
    return wipe(old) if linked else False


def wipe(path: Path) -> bool:
    """Overwrite a file's bytes with zeros, flush them to the disk, then remove it. True when overwritten.

    On a hard disk this destroys the content; an SSD or a copy-on-write file system may keep the old blocks
    until they are reused (only full-disk encryption such as BitLocker covers those).
    """
    try:
        remaining = path.stat().st_size
        with path.open("r+b") as handle:
            while remaining > 0:
                step = min(_WIPE_CHUNK, remaining)
                handle.write(bytes(step))
                remaining -= step
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        _remove(path)
        return False
    _remove(path)
    return True


def wipe_leftover(path: Path) -> None:
    """Overwrite and remove the old plain file that a conversion interrupted after its rename left beside `path`."""
    old = path.with_name(path.name + ".old-plain")
    if old.exists():
        wipe(old)


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # a folder cannot be opened for fsync on Windows; NTFS journals the rename
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
