"""Alembic migrations at start-up: find the scripts, back up first, refuse a database newer than us.

Alembic itself is imported only when the database is not already at `schema_head.SCHEMA_HEAD` (the
usual start), checked by plain SQL: its import costs about a second of the application's start.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from kam_desktop.store.backup import backup_sqlite, timestamped_name
from kam_desktop.store.engine import WRITE, sqlite_path
from kam_desktop.store.schema_head import at_head

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)
PRE_MIGRATION_PREFIX = "pre-migration"


class DatabaseNewerError(RuntimeError):
    """The database was migrated by a newer KAM Desktop; opening it could damage it."""


def script_location() -> Path:
    """The Alembic folder: inside a frozen app, next to a source checkout, or packaged in the wheel."""
    import kam_desktop

    package = Path(kam_desktop.__file__).resolve().parent
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "db" if getattr(sys, "frozen", False) else None,
        package.parent / "db",  # source checkout or editable install
        package / "_db",  # wheel: setup.py maps db/ to kam_desktop._db
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError("the migration scripts (db/env.py) are missing from this installation")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location()))
    return config


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def schema_state(engine: Engine) -> SchemaState:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return SchemaState(current, refuse_unknown(current, script))


def refuse_unknown(revision: str | None, script: ScriptDirectory | None = None) -> str:
    """This version's head; raise DatabaseNewerError if `revision` is one this version does not know."""
    from alembic.script import ScriptDirectory

    script = script or ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None, "the migration history is empty"
    if not _known(script, revision):
        raise DatabaseNewerError(
            f"this database is at schema revision {revision}, which this KAM Desktop does not know "
            f"(it knows up to {head}); it was opened by a newer version — update KAM Desktop to open it"
        )
    return head


def _known(script: ScriptDirectory, revision: str | None) -> bool:
    if revision is None:
        return True
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def upgrade(engine: Engine, backup_dir: Path | None = None, key: bytes | None = None) -> Path | None:
    """Bring the schema to head. A SQLite file that has data is backed up (and verified) first; the backup of an
    encrypted store (`key`) is encrypted with the same key.

    Returns the backup's path, if one was taken. Raises DatabaseNewerError before touching anything.
    """
    if at_head(engine):  # the usual start: nothing to do, and no Alembic import
        return None
    from alembic import command

    state = schema_state(engine)
    if state.up_to_date:
        return None
    backup: Path | None = None
    db_file = sqlite_path(engine)
    if db_file is not None and state.current is not None and backup_dir is not None:
        backup = backup_sqlite(db_file, backup_dir / timestamped_name(f"{PRE_MIGRATION_PREFIX}-{state.current}"),
                               key=key)
        log.info("verified backup before migration: %s", backup)
    config = alembic_config()
    # The write lock up front (BEGIN IMMEDIATE): a second start that races this one (two `init`s on a new
    # file) waits for it, then finds the schema at head, instead of failing half-way with "locked".
    with engine.connect() as plain:
        raw = plain.connection.dbapi_connection if db_file is not None else None
        if raw is not None:
            # SQLite rebuilds a table to alter it (Alembic's batch mode): with foreign keys on, dropping the old
            # `documents` fails as soon as a document file points at it. Off during the migration (outside the
            # transaction, where SQLite allows the switch), checked once before the commit, on again after.
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with plain.execution_options(**WRITE) as connection, connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if raw is not None:
                    _refuse_dangling_rows(connection)
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
    log.info("schema upgraded from %s to %s", state.current, state.head)
    return backup


def _refuse_dangling_rows(connection: Connection) -> None:
    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(5)
    if dangling:
        found = "; ".join(f"{row[0]} row {row[1]} -> {row[2]}" for row in dangling)
        raise RuntimeError(f"the migration left rows pointing at nothing ({found}); the store is unchanged")


def prune_pre_migration_backups(backup_dir: Path, keep: Path | None = None) -> list[Path]:
    """After a good start, drop older pre-migration backups (the newest one is kept until the next)."""
    removed = []
    for path in sorted(backup_dir.glob(f"{PRE_MIGRATION_PREFIX}-*.sqlite")):
        if keep is None or path != keep:
            path.unlink()
            removed.append(path)
    return removed
