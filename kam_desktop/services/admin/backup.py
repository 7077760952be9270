"""Use cases for backups: a verified copy of the embedded store, and restoring one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.store import migrate
from kam_desktop.store.backup import (
    BackupError,
    backup_sqlite,
    refuse_encrypted_into_plain,
    restore_sqlite,
    timestamped_name,
    verify_store,
)
from kam_desktop.store.engine import sqlite_path
from kam_desktop.store.schema_head import SCHEMA_HEAD
from kam_desktop.store.store import Store


def backup(ctx: Context, target: Path) -> Path:
    """Write a verified backup of the SQLite store to `target` (online: the app may stay open)."""
    ctx.permit(UseCase.BACKUP)
    store = ctx.store
    source = _sqlite_file(store, Message.of("back up"))
    try:
        return backup_sqlite(source, target, key=store.key_bytes)  # an encrypted store's backup is encrypted too
    except BackupError as exc:
        raise ServiceError("the backup was not made: {reason}", reason=str(exc)) from exc


DAILY_PREFIX = "daily"
KEEP_DAILY_DAYS = 14


def backup_now(ctx: Context) -> Path:
    """A verified backup into the store's backups folder ("Back up now"): the newest one a damaged store offers."""
    ctx.permit(UseCase.BACKUP)
    return backup(ctx, _folder(ctx) / timestamped_name("manual"))


def keep_daily_backup(ctx: Context, keep_days: int = KEEP_DAILY_DAYS) -> Path | None:
    """Once a business day, a verified automatic backup; those older than `keep_days` days are removed.

    Returns the backup taken today by this call, or None when today's exists (or the store is a server's).
    """
    ctx.permit(UseCase.BACKUP)
    if sqlite_path(ctx.store.engine) is None:
        return None
    folder = _folder(ctx)
    today = ctx.clock.today()
    taken = None
    if not any(folder.glob(f"{DAILY_PREFIX}-{today:%Y%m%d}*.sqlite")):
        taken = backup(ctx, folder / f"{DAILY_PREFIX}-{today:%Y%m%d}-{timestamped_name('')[1:]}")
    oldest_kept = f"{DAILY_PREFIX}-{today - timedelta(days=keep_days):%Y%m%d}"
    for old in folder.glob(f"{DAILY_PREFIX}-*.sqlite"):
        if old.name < oldest_kept:
            old.unlink()
    return taken


def backups(ctx: Context) -> list[Path]:
    """The store's backups (manual, daily, before a migration or a restore), newest first."""
    ctx.permit(UseCase.BACKUP)
    if sqlite_path(ctx.store.engine) is None:
        return []
    return sorted(_folder(ctx).glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)


def _folder(ctx: Context) -> Path:
    _sqlite_file(ctx.store, Message.of("back up"))
    folder = ctx.store.backup_folder()
    assert folder is not None
    return folder


def restore(ctx: Context, source: Path) -> Path:
    """Replace the store's content with the backup `source`; the current content is saved first.

    Refuses a file that is not a sound KAM Desktop store (integrity, foreign keys, tables), or one from a
    newer version. The safety copy and the replacement are one transaction under the store's write lock.
    Returns the path of the safety copy of what was there before.
    """
    ctx.permit(UseCase.RESTORE)
    store = ctx.store
    target = _sqlite_file(store, Message.of("restore"))
    try:
        refuse_encrypted_into_plain(source, store.key_bytes)
        revision = verify_store(source, SCHEMA_HEAD, key=store.key_bytes)
        migrate.refuse_unknown(revision)
    except (BackupError, migrate.DatabaseNewerError) as exc:
        raise ServiceError("cannot restore {path}: {reason}", path=str(source), reason=str(exc)) from exc
    folder = store.backup_folder()
    assert folder is not None
    store.engine.dispose()  # this process holds no connection while the content is replaced
    try:
        safety = restore_sqlite(source, target, folder / timestamped_name("before-restore"), key=store.key_bytes)
    except BackupError as exc:
        raise ServiceError("restore failed, the store is unchanged: {reason}", reason=str(exc)) from exc
    store.upgrade()  # an older backup is brought to this version's schema (after its own backup)
    return safety


def _sqlite_file(store: Store, verb: Message) -> Path:
    path = sqlite_path(store.engine)
    if path is None:
        raise ServiceError("cannot {verb} a team server store from the app; use the server's own backups (pg_dump)",
                           verb=verb)
    return path
