"""What a start can show before the store is opened: the portfolio of an existing local file, read plainly."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kam_desktop.domain.permissions import SOLO_LOGIN, Person, Scope, UseCase, scope_of
from kam_desktop.domain.vocabulary import Role
from kam_desktop.paths import backups_dir
from kam_desktop.services.plain import PortfolioRow, StoreInfo
from kam_desktop.store import cipher, keys, quick_read
from kam_desktop.store.quick_read import PortfolioRead

__all__ = ["LocalStore", "PortfolioRead", "quick_start_store"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LocalStore:
    """A local store file ready to be read before it is opened (at this version's schema, with accounts)."""

    path: Path
    key: bytes | None = field(default=None, repr=False)  # an encrypted store's key

    @property
    def info(self) -> StoreInfo:
        return StoreInfo("sqlite", str(self.path), self.path, encrypted=self.key is not None)

    @property
    def backups_dir(self) -> Path:
        return backups_dir() / self.path.stem  # as Store.backup_folder

    def read_portfolio(self, as_of: date) -> PortfolioRead:
        """Every account with its figures as of a day, as `accounts.portfolio.portfolio` gives them to a
        director or an administrator (the store's snapshot of them while it is exact)."""
        return quick_read.read_portfolio(self.path, as_of, self.key)

    def portfolio_if_readable(self, as_of: date) -> list[PortfolioRow] | None:
        """`read_portfolio`'s rows, or None when the file cannot be read now (locked or damaged since it was
        checked): the ordinary open then says what to do."""
        try:
            return self.read_portfolio(as_of).rows
        except cipher.database_errors():
            return None

    def remember_portfolio(self, as_of: date, read: PortfolioRead) -> bool:
        """Keep the portfolio a start read and showed for the next start, which then shows it at once while the
        data, the day and the program are the same (True when kept). Best effort: a locked or read-only file
        only means the next start computes the portfolio again."""
        try:
            return quick_read.remember_portfolio(self.path, as_of, read, self.key)
        except cipher.database_errors() as error:
            log.info("the portfolio snapshot was not kept: %s", error)
            return False


def quick_start_store(db: str | os.PathLike[str] | None, login: str | None) -> LocalStore | None:
    """The local store `db` names when its portfolio can show before the store opens; else None.

    Only a start without `--as` on a solo store qualifies, and only when its administrator is active and may see
    every account: a KAM's own portfolio, a laptop bound to a team server (it acts as the login that connected
    it) and an unknown or inactive person take the ordinary path, which checks and explains. A server, a new or
    older file, an empty store and an encrypted one without its key take it too: it migrates, offers the demo,
    explains.
    """
    if login is not None:
        return None
    path = quick_read.sqlite_file(db)
    if path is None:
        return None
    key = None
    if cipher.is_encrypted(path):
        try:
            found = keys.find_key(path)
        except keys.KeyFormatError:
            return None
        if found is None:
            return None
        key = found.key
    person = quick_read.ready_solo_person(path, SOLO_LOGIN, key)
    if person is None or not _sees_every_account(Person(person[0], Role(person[1]))):
        return None
    return LocalStore(path, key)


def _sees_every_account(person: Person) -> bool:
    """The permission rule of the portfolio, as the ordinary path applies it (`Context.owner_filter`)."""
    return scope_of(person.role, UseCase.VIEW_PORTFOLIO) is Scope.ANY
