"""What the desktop shell shows about the store itself: where it is, whether it is empty, the sync state."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from kam_desktop.services.plain import StoreInfo, SyncStatus
from kam_desktop.store.engine import sqlite_path
from kam_desktop.store.models import Account, OutboxEntry, SyncConflict, SyncState
from kam_desktop.store.store import Store

__all__ = ["describe_store", "store_is_empty", "sync_status"]


def describe_store(store: Store) -> StoreInfo:
    """The store's kind and location, never including a password."""
    path = sqlite_path(store.engine)
    if store.is_sqlite:
        return StoreInfo("sqlite", str(path) if path else ":memory:", path, encrypted=store.encrypted)
    url = make_url(store.url)
    where = f"{url.host or 'localhost'}{f':{url.port}' if url.port else ''}/{url.database or ''}"
    user = f"{url.username}@" if url.username else ""
    return StoreInfo("postgresql", user + where, None)


def sync_status(store: Store) -> SyncStatus:
    """Whether a team server is configured here, the last sync, and the local changes waiting."""
    with store.read() as session:
        state = session.execute(select(SyncState.server, SyncState.last_pull_at, SyncState.last_push_at)
                                .order_by(SyncState.server)).first()
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
