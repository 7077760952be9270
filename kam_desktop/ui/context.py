"""The collaborators the composition root hands to the windows: service calls bound to the open store."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kam_desktop.services.plain import AccountWallet, PortfolioRow, StoreInfo, SyncStatus


@dataclass(frozen=True)
class AppServices:
    """Everything the UI may ask of the engine; tests pass fakes, app.py binds the real services."""

    load_portfolio: Callable[[], list[PortfolioRow]]
    store_info: StoreInfo
    sync_status: Callable[[], SyncStatus]
    store_is_empty: Callable[[], bool]
    load_demo: Callable[[], object]
    data_dir: Path
    log_dir: Path
    backups_dir: Path | None = None
    settings_file: str = ""
    actor: str | None = None
    desk: Any = None  # services.ui_desk.Desk bound to the store and the actor
    for_user: Callable[[str | None], AppServices | None] | None = None  # as another person (None: unknown login)
    # False while the store is still being opened behind a window that already shows the portfolio: the
    # status bar waits for it instead of blocking (any other call simply waits the moment it takes)
    store_ready: Callable[[], bool] = lambda: True
    load_wallets: Callable[[], Mapping[str, AccountWallet]] | None = None  # the portfolio's potential columns
