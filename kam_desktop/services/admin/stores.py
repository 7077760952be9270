"""Opening a store for the GUI and the CLI, and the store errors they show to people."""

from __future__ import annotations

from pathlib import Path

from kam_desktop.store.engine import StoreLocationError, resolve_url
from kam_desktop.store.migrate import DatabaseNewerError
from kam_desktop.store.store import Store

__all__ = ["DatabaseNewerError", "Store", "StoreLocationError", "describe", "open_store"]


def open_store(db: str | Path | None = None) -> Store:
    """Open `--db`/`KAM_DB`/the default SQLite file, upgrading its schema after a verified backup."""
    return Store.open(db)


def describe(store: Store) -> str:
    """Where the data is, for a status bar or a log line (never with a password)."""
    from sqlalchemy.engine import make_url

    url = make_url(store.url)
    if url.drivername.startswith("sqlite"):
        return f"SQLite {url.database}"
    return f"PostgreSQL {url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def default_location() -> str:
    return resolve_url(None)
