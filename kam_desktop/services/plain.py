"""The plain values the windows are given: no SQLAlchemy behind them, so the first paint can import them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from kam_desktop.store.portfolio_row import PortfolioRow

__all__ = ["AccountWallet", "PortfolioRow", "StoreInfo", "SyncStatus"]


@dataclass(frozen=True)
class RollupCheck:
    """`kamctl check`: whether the sales roll-up equals the lines; else the first account and month that differ."""

    account_code: str | None = None
    month: str | None = None  # "YYYY-MM"

    @property
    def consistent(self) -> bool:
        return self.account_code is None


@dataclass(frozen=True)
class StoreInfo:
    """Where the data lives, fit to show: a SQLite file, or a server without its password."""

    kind: str  # "sqlite" | "postgresql"
    location: str
    file: Path | None
    encrypted: bool = False  # a SQLite store encrypted at rest (exports from it are still plain files)

    @property
    def is_server(self) -> bool:
        return self.kind != "sqlite"


@dataclass(frozen=True)
class SyncStatus:
    """Team-mode state: the server last synced with (if any), when, and what waits to be pushed."""

    server: str | None
    last_sync: datetime | None
    pending_changes: int
    open_conflicts: int


@dataclass(frozen=True)
class AccountWallet:
    """An account's potential rolled up over its surveyed categories, as the portfolio shows it."""

    share_of_wallet: Decimal | None  # our sales / the client's total spend; None when nothing was surveyed
    slot_money: Decimal  # what is left to win, in the account's currency
