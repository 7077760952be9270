"""Use cases for backups: a verified copy of the embedded store, and restoring one."""

from __future__ import annotations

from pathlib import Path

from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.store import migrate
from kam_desktop.store.backup import (
    BackupError,
    backup_sqlite,
    restore_sqlite,
    timestamped_name,
    verify_sqlite,
)
from kam_desktop.store.engine import open_engine, sqlite_path
from kam_desktop.store.store import Store


def backup(ctx: Context, target: Path) -> Path:
    """Write a verified backup of the SQLite store to `target` (online: the app may stay open)."""
    ctx.permit(UseCase.BACKUP)
    store = ctx.store
    source = _sqlite_file(store, Message.of("back up"))
    try:
        return backup_sqlite(source, target)
    except BackupError as exc:
        raise ServiceError("the backup was not made: {reason}", reason=str(exc)) from exc


def restore(ctx: Context, source: Path) -> Path:
    """Replace the store's content with the backup `source`; the current content is saved first.

    Refuses a file that is not a sound KAM Desktop store, or one from a newer version. Returns the
    path of the safety copy of what was there before.
    """
    ctx.permit(UseCase.RESTORE)
    store = ctx.store
    target = _sqlite_file(store, Message.of("restore"))
    try:
        verify_sqlite(source)
    except BackupError as exc:
        raise ServiceError("cannot restore: {reason}", reason=str(exc)) from exc
    engine = open_engine(f"sqlite:///{source.resolve()}")
    try:
        state = migrate.schema_state(engine)
    except migrate.DatabaseNewerError as exc:
        raise ServiceError("cannot restore {path}: {reason}", path=str(source), reason=str(exc)) from exc
    finally:
        engine.dispose()
    if state.current is None:
        raise ServiceError("cannot restore {path}: it is not a KAM Desktop store (no schema revision)", path=str(source))
    folder = store.backup_folder()
    assert folder is not None
    safety = backup_sqlite(target, folder / timestamped_name("before-restore"))
    store.engine.dispose()  # no pooled connection may hold the file while its pages are replaced
    try:
        restore_sqlite(source, target)
    except BackupError as exc:
        raise ServiceError("restore failed, the store is unchanged or restorable from {safety}: {reason}",
                           safety=str(safety), reason=str(exc)) from exc
    store.upgrade()  # an older backup is brought to this version's schema (after its own backup)
    return safety


def _sqlite_file(store: Store, verb: Message) -> Path:
    path = sqlite_path(store.engine)
    if path is None:
        raise ServiceError("cannot {verb} a team server store from the app; use the server's own backups (pg_dump)",
                           verb=verb)
    return path
