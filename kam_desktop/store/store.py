"""The store facade the services receive: an engine, units of work, read sessions, migration at open."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kam_desktop.paths import backups_dir
from kam_desktop.store import migrate, problems
from kam_desktop.store.engine import is_sqlite, open_engine, resolve_url, sqlite_path
from kam_desktop.store.queries.people import PersonRow, person_by_login
from kam_desktop.store.uow import UnitOfWork, read_session

log = logging.getLogger(__name__)


@dataclass
class Store:
    engine: Engine
    url: str
    migration_backup: Path | None = None

    @classmethod
    def open(cls, db: str | Path | None = None, *, upgrade: bool = True) -> Store:
        """Open `--db`/`KAM_DB`/the default file and bring its schema to head (backing up first).

        A store that cannot be used as it is (busy, read-only, full, damaged, on a network drive) raises
        `problems.StoreProblem`, which says what to do (a newer version's: `migrate.DatabaseNewerError`).
        """
        url = resolve_url(db)
        engine = open_engine(url)
        store = cls(engine=engine, url=url)
        path = sqlite_path(engine)
        try:
            if path is not None:
                filesystem = problems.network_filesystem(path)
                if filesystem is not None:
                    raise problems.on_network_drive(path, filesystem)
            if upgrade:
                store.migration_backup = store.upgrade()
            if path is not None:
                store.check_settings()
        except (DBAPIError, sqlite3.Error) as exc:
            engine.dispose()
            problem = problems.diagnose(exc, path)
            if problem is None:
                raise
            raise problem from exc
        except BaseException:
            engine.dispose()
            raise
        return store

    def check_settings(self) -> None:
        """The SQLite settings of DESIGN.md, read back from a fresh connection: a store that cannot take
        them (WAL on a file system without shared memory, a read-only file) is refused here, not mid-write."""
        with self.engine.connect() as connection:
            settings = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                        for name in ("journal_mode", "synchronous", "foreign_keys")}
        expected = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}
        if settings != expected:
            raise sqlite3.OperationalError(f"the store's settings are {settings}, not {expected}")

    def upgrade(self) -> Path | None:
        folder = self.backup_folder()
        backup = migrate.upgrade(self.engine, folder)
        if folder is not None:
            # A start that needed no migration is a good start: the previous safety copy can go.
            migrate.prune_pre_migration_backups(folder, keep=backup)
        return backup

    def backup_folder(self) -> Path | None:
        path = sqlite_path(self.engine)
        if path is None:
            return None
        folder = backups_dir() / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.engine)

    def unit_of_work(self, actor: str) -> UnitOfWork:
        return UnitOfWork(self.engine, actor)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with read_session(self.engine) as session:
            yield session

    def person(self, login: str) -> PersonRow | None:
        """The person with this login (who may act on the store), or None."""
        with self.read() as session:
            return person_by_login(session, login)

    def dispose(self) -> None:
        self.engine.dispose()
