"""The store facade the services receive: an engine, units of work, read sessions, migration at open."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kam_desktop.paths import backups_dir
from kam_desktop.store import cipher, keys, migrate, problems
from kam_desktop.store.engine import is_sqlite, open_engine, resolve_url, sqlite_file, sqlite_path
from kam_desktop.store.keys import StoreKey
from kam_desktop.store.queries.people import PersonRow, person_by_login
from kam_desktop.store.uow import UnitOfWork, read_session

log = logging.getLogger(__name__)


@dataclass
class Store:
    engine: Engine
    url: str
    migration_backup: Path | None = None
    key: StoreKey | None = field(default=None, repr=False)  # an encrypted SQLite store's key

    @classmethod
    def open(cls, db: str | Path | None = None, *, upgrade: bool = True, key: StoreKey | None = None) -> Store:
        """Open `--db`/`KAM_DB`/the default file and bring its schema to head (backing up first).

        An encrypted file opens with `key`, else with the key this computer keeps for it (`keys.find_key`);
        `key` given for a file that does not exist yet creates it encrypted. A store that cannot be used as it
        is (busy, read-only, full, damaged, on a network drive, encrypted with no key or another key) raises
        `problems.StoreProblem`, which says what to do (a newer version's: `migrate.DatabaseNewerError`).
        """
        url = resolve_url(db)
        key = _key_for(sqlite_file(url), key)
        engine = open_engine(url, key.key if key is not None else None)
        store = cls(engine=engine, url=url, key=key)
        path = sqlite_path(engine)
        try:
            if path is not None:
                filesystem = problems.network_filesystem(path)
                if filesystem is not None:
                    raise problems.on_network_drive(path, filesystem)
            if key is not None:
                with engine.connect() as connection:  # a wrong key fails here, on page 1, before anything else
                    connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            if upgrade:
                store.migration_backup = store.upgrade()
            if path is not None:
                store.check_settings()
        except (DBAPIError, *cipher.database_errors()) as exc:  # type: ignore[misc]  # a tuple at run time
            engine.dispose()
            problem = _key_problem(exc, path, key) or problems.diagnose(exc, path)
            if problem is None:
                raise
            raise problem from exc
        except BaseException:
            engine.dispose()
            raise
        if key is not None and path is not None:
            cipher.wipe_leftover(path)  # the old plain file an interrupted conversion left
        return store

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def key_bytes(self) -> bytes | None:
        """The raw key of an encrypted store (its backups are encrypted with it), None for a plain one."""
        return None if self.key is None else self.key.key

    def check_settings(self) -> None:
        """The SQLite settings of DESIGN.md, read back from a fresh connection: a store that cannot take
        them (WAL on a file system without shared memory, a read-only file) is refused here, not mid-write."""
        with self.engine.connect() as connection:
            settings = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                        for name in ("journal_mode", "synchronous", "foreign_keys")}
        expected = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}
        if settings != expected:
            raise sqlite3.OperationalError(f"the store's settings are {settings}, not {expected}")
        if self.key is not None:  # a store that opens with its key but is not encrypted would be a silent lie
            with self.engine.connect() as connection:
                cipher_version = connection.exec_driver_sql("PRAGMA cipher_version").scalar()
            if not cipher_version:
                raise sqlite3.OperationalError("the store was opened with a key but SQLCipher is not in force")

    def convert(self, key: StoreKey | None) -> cipher.Converted:
        """Rewrite the store's file encrypted with `key` (None: decrypted) and go on working on the new file.

        This process's connections are closed first; a connection still in use (another task of the same
        window) or another process's (StoreInUse) refuses the conversion, and nothing changes. A plain file
        is overwritten before it is removed (`cipher.convert`).
        """
        path = sqlite_path(self.engine)
        if path is None:
            raise cipher.ConversionError("only a SQLite store file can be encrypted")
        if self.engine.pool.checkedout():  # type: ignore[attr-defined]
            raise cipher.StoreInUse(f"{path} is in use by another task of this window")
        self.engine.dispose()
        try:
            converted = cipher.convert(path, self.key_bytes, key.key if key is not None else None,
                                       wipe_old=self.key is None)
        except BaseException:
            self.engine = open_engine(self.url, self.key_bytes)  # the file is unchanged: its old form
            raise
        self.engine = open_engine(self.url, key.key if key is not None else None)
        self.key = key
        self.check_settings()
        return converted

    def upgrade(self) -> Path | None:
        folder = self.backup_folder()
        backup = migrate.upgrade(self.engine, folder, self.key_bytes)
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


def _key_for(path: Path | None, given: StoreKey | None) -> StoreKey | None:
    """The key to open the SQLite file at `path` with: `given`, else (an encrypted file) the one this computer
    keeps; a plain or new file without `given` opens plainly. An encrypted file without any raises KEY_MISSING."""
    if path is None or given is not None:
        return given
    if not cipher.is_encrypted(path):
        return None
    found = keys.find_key(path)
    if found is None:
        raise problems.key_missing(path)
    return found


def _key_problem(exc: BaseException, path: Path | None, key: StoreKey | None) -> problems.StoreProblem | None:
    """A key that does not open the file: SQLCipher fails a page's HMAC and calls the file "not a database".

    That is a wrong key, or a damaged file: when the same key verifies one of this store's own backups, the key
    is right and the file is damaged (the way out is that backup); otherwise it is reported as the wrong key.
    """
    detail = str(getattr(exc, "orig", None) or exc)
    if key is None or path is None or "not a database" not in detail:
        return None
    backup = problems.newest_verified_backup(path, key.key)
    if backup is not None:
        return problems.damaged_store(path, detail, backup)
    return problems.wrong_key(path, key.source)
