"""Where the store is and how to open it: the embedded SQLite default or a team PostgreSQL URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from kam_desktop.paths import default_database_path

SQLITE_BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another writer; KAM_BUSY_TIMEOUT_MS overrides
WRITE = {"kam_write": True}  # execution option: this connection's transaction will write


class StoreLocationError(ValueError):
    """The --db / KAM_DB value names nothing we can open."""


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for `--db PATH|URL`, else `KAM_DB`, else the SQLite file in the data folder."""
    value = os.fspath(db) if db is not None else os.environ.get("KAM_DB") or None
    if value is None:
        return _sqlite_url(default_database_path())
    if "://" not in value:
        return _sqlite_url(Path(value))
    url = make_url(value)
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if url.drivername.startswith("sqlite"):
        return value
    raise StoreLocationError(
        f"unsupported database URL scheme {url.drivername!r}: use a file path or postgresql://user@host/db"
    )


def _sqlite_url(path: Path) -> str:
    path = path.expanduser().resolve()
    if not path.parent.exists():
        raise StoreLocationError(f"folder {path.parent} does not exist; create it or choose another --db path")
    return f"sqlite:///{path}"


def open_engine(url: str, key: bytes | None = None, **kwargs: Any) -> Engine:
    """An engine configured for the store: SQLite pragmas and write locks, or psycopg for PostgreSQL.

    With `key`, the SQLite file is a SQLCipher database: SQLAlchemy's pysqlcipher dialect (sqlcipher3 as the
    DB-API, so its errors are wrapped like sqlite3's) keys each new connection before anything else runs on it,
    then the same pragmas follow. The pool is the one a plain file gets (the dialect's own default keeps one
    connection per thread for ever).
    """
    if url.startswith("sqlite") and key is not None:
        from sqlalchemy.pool import QueuePool

        from kam_desktop.store.cipher import ENCRYPTED_CACHE_KIB, dbapi, key_text

        keyed = make_url(url).set(drivername="sqlite+pysqlcipher", password=key_text(key))
        engine = create_engine(keyed, module=dbapi(), poolclass=QueuePool, **kwargs)
        _configure_sqlite(engine, ENCRYPTED_CACHE_KIB)
        return engine
    if url.startswith("sqlite"):
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(engine: Engine, cache_kib: int | None = None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself, so writers can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
        if cache_kib is not None:
            cursor.execute(f"PRAGMA cache_size=-{cache_kib}")  # negative: KiB, not pages
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the write lock at BEGIN (IMMEDIATE): it waits its turn instead of failing
        # with "database is locked" half-way through. Readers use a plain deferred BEGIN.
        if connection.get_execution_options().get("kam_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def busy_timeout_ms() -> int:
    """How long a SQLite write waits for the lock before the store is reported busy."""
    value = os.environ.get("KAM_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else SQLITE_BUSY_TIMEOUT_MS


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names, or None for PostgreSQL / in-memory (read before any engine exists)."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine, or None for PostgreSQL / in-memory."""
    if not is_sqlite(engine) or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(str(engine.url.database))
