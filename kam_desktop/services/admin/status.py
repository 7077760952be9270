"""Small read-only use cases the desktop shell needs: which store, sync state, whose portfolio."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from kam_desktop.domain.vocabulary import Role
from kam_desktop.services.accounts.portfolio import list_portfolio
from kam_desktop.services.clock import today
from kam_desktop.services.people import get_user
from kam_desktop.services.plain import AccountWallet, PortfolioRow, StoreInfo, SyncStatus
from kam_desktop.services.potential import portfolio_potential
from kam_desktop.store.engine import sqlite_path
from kam_desktop.store.models import Account, OutboxEntry, SyncConflict, SyncState
from kam_desktop.store.store import Store

__all__ = ["AccountWallet", "PortfolioRow", "StoreInfo", "SyncStatus", "describe_store", "portfolio_for",
           "portfolio_wallets", "store_is_empty", "sync_status"]


def describe_store(store: Store) -> StoreInfo:
    """The store's kind and location, never including a password."""
    path = sqlite_path(store.engine)
    if store.is_sqlite:
        return StoreInfo("sqlite", str(path) if path else ":memory:", path)
    url = make_url(store.url)
    where = f"{url.host or 'localhost'}{f':{url.port}' if url.port else ''}/{url.database or ''}"
    user = f"{url.username}@" if url.username else ""
    return StoreInfo("postgresql", user + where, None)


def sync_status(store: Store) -> SyncStatus:
    """Whether a team server is configured here, the last sync, and the local changes waiting."""
    with store.read() as session:
        state = session.scalars(select(SyncState).order_by(SyncState.server)).first()
        pending = session.scalar(select(func.count()).select_from(OutboxEntry)) or 0
        conflicts = session.scalar(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        ) or 0
    if state is None:
        return SyncStatus(None, None, int(pending), int(conflicts))
    times = [t for t in (state.last_pull_at, state.last_push_at) if t is not None]
    return SyncStatus(state.server, max(times) if times else None, int(pending), int(conflicts))


def store_is_empty(store: Store) -> bool:
    """True when the store has no accounts yet (the first start: offer the demo)."""
    with store.read() as session:
        return not session.scalar(select(func.count()).select_from(Account).where(Account.deleted_at.is_(None)))


def portfolio_wallets(store: Store, as_of: date | None = None) -> dict[str, AccountWallet]:
    """Every account's share of wallet and slot value (keyed by account id text): the portfolio's last columns.

    Read after the portfolio itself: it sums sales per account and category, which at 20,000 accounts
    takes seconds, and the rows must not wait for it.
    """
    with store.read() as session:
        potential = portfolio_potential(session, as_of or today())
    return {key: AccountWallet(p.share_money, p.slot_money) for key, p in potential.potentials.items()}


def portfolio_for(store: Store, login: str | None = None, as_of: date | None = None) -> list[PortfolioRow]:
    """The portfolio `login` sees: a KAM their own accounts; directors, finance and admins all of them.

    Without a login (a single-user laptop with no `--as`) every account is shown.
    """
    if login is None:
        return list_portfolio(store, None, as_of)
    user = get_user(store, login)
    owner = login if user.role == Role.KAM else None
    return list_portfolio(store, owner, as_of)
