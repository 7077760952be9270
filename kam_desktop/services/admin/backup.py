"""Use cases for backups: a verified copy of the embedded store, and restoring one."""

from __future__ import annotations

from pathlib import Path

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


def backup(store: Store, target: Path) -> Path:
    """Write a verified backup of the SQLite store to `target` (online: the app may stay open)."""
    source = _sqlite_file(store, "back up")
    try:
        return backup_sqlite(source, target)
    except BackupError as exc:
        raise ServiceError(str(exc)) from exc


def restore(store: Store, source: Path) -> Path:
    """Replace the store's content with the backup `source`; the current content is saved first.

    Refuses a file that is not a sound KAM Desktop store, or one from a newer version. Returns the
    path of the safety copy of what was there before.
    """
    target = _sqlite_file(store, "restore")
    try:
        verify_sqlite(source)
    except BackupError as exc:
        raise ServiceError(f"cannot restore: {exc}") from exc
    engine = open_engine(f"sqlite:///{source.resolve()}")
    try:
        state = migrate.schema_state(engine)
    except migrate.DatabaseNewerError as exc:
        raise ServiceError(f"cannot restore {source}: {exc}") from exc
    finally:
        engine.dispose()
    if state.current is None:
        raise ServiceError(f"cannot restore {source}: it is not a KAM Desktop store (no schema revision)")
    folder = store.backup_folder()
    assert folder is not None
    safety = backup_sqlite(target, folder / timestamped_name("before-restore"))
    store.engine.dispose()  # no pooled connection may hold the file while its pages are replaced
    try:
        restore_sqlite(source, target)
    except BackupError as exc:
        raise ServiceError(f"restore failed, the store is unchanged or restorable from {safety}: {exc}") from exc
    store.upgrade()  # an older backup is brought to this version's schema (after its own backup)
    return safety


def _sqlite_file(store: Store, verb: str) -> Path:
    path = sqlite_path(store.engine)
    if path is None:
        raise ServiceError(
            f"cannot {verb} a team server store from the app; use the server's own backups (pg_dump)"
        )
    return path
