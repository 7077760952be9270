"""What can be wrong with the store's file at open or at a write, told as one clear line with a way out.

SQLite says `database is locked`, `attempt to write a readonly database`, `database or disk is full`,
`file is not a database`; a person needs to hear which store, what it means and what to do. A damaged
store names the newest backup that still verifies, so that the way out is one command or one button.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from kam_desktop.domain.messages import Message, Refusal

# File systems a SQLite store must not live on: their locks do not work across machines (SQLite's own advice).
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "fuse.sshfs", "ncpfs",
                                 "davfs", "fuse.davfs2", "glusterfs", "ceph", "lustre", "gpfs"})


class Problem(StrEnum):
    BUSY = "busy"
    READ_ONLY = "read_only"
    FULL = "full"
    DAMAGED = "damaged"
    NETWORK = "network"
    DISK_ERROR = "disk_error"
    KEY_MISSING = "key_missing"  # an encrypted store and no key for it on this computer
    WRONG_KEY = "wrong_key"  # an encrypted store the key found does not open


class StoreProblem(Refusal, RuntimeError):
    """The store cannot be used as it is; `kind` says why, `backup` is the newest verified backup (damaged)."""

    def __init__(self, kind: Problem, path: Path | None, template: str, /, backup: Path | None = None,
                 **params: Any) -> None:
        self.kind = kind
        self.path = path
        self.backup = backup
        super().__init__(template, **params)


def diagnose(exc: BaseException, path: Path | None) -> StoreProblem | None:
    """The store problem behind a SQLite (or SQLAlchemy-wrapped) error; None for anything else."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).lower()
    where = _named(path)
    if "database is locked" in text or "database table is locked" in text or "busy" in text:
        return StoreProblem(Problem.BUSY, path, "{store} is busy: another KAM Desktop window or command is writing "
                            "to it; try again when it has finished", store=where)
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return StoreProblem(Problem.READ_ONLY, path, "{store} cannot be written (a read-only file, folder or disk); "
                            "make it writable or open a copy in a writable folder", store=where)
    if "disk is full" in text or "disk i/o error" in text and _disk_full(path):
        return StoreProblem(Problem.FULL, path, "the disk of {store} is full: nothing was half-saved; "
                            "free some space and try again", store=where)
    if "disk i/o error" in text:  # the write failed, the transaction was rolled back: not damage by itself
        return StoreProblem(Problem.DISK_ERROR, path, "{store} could not be written: the disk reported an error; "
                            "nothing was half-saved: check the disk and try again", store=where)
    if "not a database" in text or "malformed" in text:
        return damaged(path, str(original))
    return None


def damaged(path: Path | None, detail: str, key: bytes | None = None) -> StoreProblem:
    """A damaged store, with the newest backup that still verifies (with the store's key) as the way out."""
    return damaged_store(path, detail, newest_verified_backup(path, key) if path is not None else None)


def damaged_store(path: Path | None, detail: str, backup: Path | None) -> StoreProblem:
    """The problem of a damaged store whose way out is `backup` (None: no verified backup was found)."""
    where = _named(path)
    if backup is None:
        return StoreProblem(Problem.DAMAGED, path, "{store} is damaged ({detail}) and no verified backup of it was "
                            "found; keep the file as it is and restore a backup you trust with `kamctl restore FILE`",
                            store=where, detail=detail)
    return StoreProblem(Problem.DAMAGED, path, "{store} is damaged ({detail}); the newest verified backup is "
                        "{backup_path}: restore it with `kamctl restore {backup_path}` (the damaged file is kept aside)",
                        backup=backup, store=where, detail=detail, backup_path=str(backup))


def key_missing(path: Path) -> StoreProblem:
    """An encrypted store with no key on this computer (the password store entry is gone, KAM_STORE_KEY unset)."""
    return StoreProblem(Problem.KEY_MISSING, path, "{store} is encrypted and this computer holds no key for it (its "
                        "password store has none and KAM_STORE_KEY is not set): enter the key you kept "
                        "(`kamctl store key set`), or set the file aside and sync again from the team server "
                        "(`kamctl store set-aside`), or restore a backup whose key you have (`kamctl restore FILE`)",
                        store=str(path))


def wrong_key(path: Path, source: str) -> StoreProblem:
    """An encrypted store that the key found (`source`: keys.KeySource) does not open."""
    return StoreProblem(Problem.WRONG_KEY, path, "{store} does not open with {key}: it was encrypted with another "
                        "key, or the file is damaged; enter the right key (`kamctl store key set`), or set the file "
                        "aside and sync again from the team server (`kamctl store set-aside`), or restore a backup "
                        "whose key you have (`kamctl restore FILE`)", store=str(path), key=_KEY_NAMES[source])


_KEY_NAMES = {
    "environment": Message.of("the key in KAM_STORE_KEY"),
    "vault": Message.of("the key kept in this computer's password store"),
    "typed": Message.of("the key entered"),
}


def on_network_drive(path: Path, filesystem: str) -> StoreProblem:
    return StoreProblem(Problem.NETWORK, path, "{store} is on a network drive ({filesystem}), where its locks do not "
                        "protect it: keep the store on a local disk (move the file, or back it up and restore it "
                        "into a local folder)", store=str(path), filesystem=filesystem)


def _named(path: Path | None) -> Message | str:
    return str(path) if path is not None else Message.of("the store")


def newest_verified_backup(path: Path, key: bytes | None = None) -> Path | None:
    """The newest backup of the store at `path` (in the backups folder) that passes `verify_store` (an encrypted
    one with `key`, the store's)."""
    from kam_desktop.paths import backups_dir
    from kam_desktop.store.backup import BackupError, verify_store

    folder = backups_dir() / path.stem
    candidates = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []
    for candidate in candidates:
        try:
            verify_store(candidate, key=key)
        except BackupError:
            continue
        return candidate
    return None


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system `path` lives on (nfs, cifs, …), or None for a local disk.

    Windows: a UNC path or a drive the system reports as remote. Elsewhere: the longest mount point of
    /proc/mounts (or `mounts`, its text) that contains the path.
    """
    if sys.platform == "win32":
        return _windows_remote(path)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    resolved = str(path.resolve(strict=False))
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind if kind in NETWORK_FILESYSTEMS else None


def _windows_remote(path: Path) -> str | None:
    text = str(path.resolve(strict=False))
    if text.startswith("\\\\"):
        return "network share"
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    drive_remote = 4  # GetDriveTypeW's DRIVE_REMOTE
    return "network drive" if ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote else None  # type: ignore[attr-defined]


def _disk_full(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        usage = os.statvfs(path.parent) if hasattr(os, "statvfs") else None
    except OSError:
        return False
    return usage is not None and usage.f_bavail * usage.f_frsize < 1_000_000
