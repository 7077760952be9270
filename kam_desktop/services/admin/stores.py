"""Opening a store for the GUI and the CLI, and the store errors they show to people."""

from __future__ import annotations

from pathlib import Path

from kam_desktop.store.engine import StoreLocationError
from kam_desktop.store.migrate import DatabaseNewerError
from kam_desktop.store.store import Store

__all__ = ["DatabaseNewerError", "Store", "StoreLocationError", "open_store"]


def open_store(db: str | Path | None = None) -> Store:
    """Open `--db`/`KAM_DB`/the default SQLite file, upgrading its schema after a verified backup."""
    return Store.open(db)
