"""What a start can show before the store is opened: the portfolio of an existing local file, read plainly."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kam_desktop.paths import backups_dir
from kam_desktop.services.clock import today
from kam_desktop.services.plain import PortfolioRow, StoreInfo
from kam_desktop.store import quick_read


@dataclass(frozen=True)
class LocalStore:
    """A local store file ready to be read before it is opened (at this version's schema, with accounts)."""

    path: Path

    @property
    def info(self) -> StoreInfo:
        return StoreInfo("sqlite", str(self.path), self.path)

    @property
    def backups_dir(self) -> Path:
        return backups_dir() / self.path.stem  # as Store.backup_folder

    def read_portfolio(self) -> list[PortfolioRow]:
        """Every account with its figures as of today, as `ui_support.portfolio_for(store, None)` gives them."""
        return quick_read.read_portfolio(self.path, today())


def quick_start_store(db: str | os.PathLike[str] | None, login: str | None) -> LocalStore | None:
    """The local store `db` names when its portfolio can show before the store opens; else None.

    Only a start without `--as` qualifies: a KAM's own portfolio depends on the users' roles, which the
    ordinary path checks (an unknown login must be refused before anything shows). A server, a new or
    older file and an empty store take the ordinary path too: it migrates, offers the demo, explains.
    """
    if login is not None:
        return None
    path = quick_read.sqlite_file(db)
    if path is None or not quick_read.ready_store(path):
        return None
    return LocalStore(path)
