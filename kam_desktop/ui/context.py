"""The collaborators the composition root hands to the windows: the desk of the person at the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kam_desktop.services.plain import AccountWallet, PortfolioRow, StoreInfo, SyncStatus

if TYPE_CHECKING:  # the desk's module loads the engine: a quick start shows the portfolio before it
    from kam_desktop.services.desk import Desk


@dataclass(frozen=True)
class AppServices:
    """Everything the UI may ask of the engine; app.py binds it to a desk (tests build one the same way)."""

    load_portfolio: Callable[[], list[PortfolioRow]]
    store_info: StoreInfo
    sync_status: Callable[[], SyncStatus]
    store_is_empty: Callable[[], bool]
    load_demo: Callable[[], object]
    data_dir: Path
    log_dir: Path
    desk_source: Callable[[], Desk]  # the desk, waiting for the store while a quick start still opens it
    backups_dir: Path | None = None
    settings_file: str = ""
    for_user: Callable[[str], AppServices | None] | None = None  # as another person (None: unknown login)
    # False while the store is still being opened behind a window that already shows the portfolio: the
    # status bar waits for it instead of blocking (any other call simply waits the moment it takes)
    store_ready: Callable[[], bool] = lambda: True
    load_wallets: Callable[[], Mapping[str, AccountWallet]] | None = None  # the portfolio's potential columns
    load_search_keys: Callable[[], Mapping[str, str]] | None = None  # tax IDs and contacts the search finds
    portable: bool = False  # the data folder is beside the program (paths.PORTABLE_MARKER): the title says so
    # rows already read, if any (a quick start's first read once it has ended): shown without a worker's round trip
    portfolio_at_hand: Callable[[], list[PortfolioRow] | None] = lambda: None

    @property
    def desk(self) -> Desk:
        return self.desk_source()
