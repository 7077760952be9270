"""Which team server and login this laptop belongs to: one `sync_state` row, written when it first connects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from kam_desktop.store import outbox
from kam_desktop.store.models import SyncState
from kam_desktop.store.store import Store


@dataclass(frozen=True)
class Binding:
    """The server (its URL without the password), the login, and how far this laptop has pulled."""

    server: str
    login: str
    epoch: str | None
    cursor: tuple[int, int]
    last_pull_at: datetime | None
    last_push_at: datetime | None


def binding(store: Store) -> Binding | None:
    """The store's binding to a team server, or None for a solo store."""
    with store.read() as session:
        state = session.scalar(select(SyncState).where(SyncState.login.is_not(None)))
        if state is None:
            return None
        return Binding(state.server, state.login or "", state.epoch, (state.cursor_xid, state.cursor_id),
                       state.last_pull_at, state.last_push_at)


def bound_login(store: Store) -> str | None:
    """The login a bound laptop belongs to; None for a solo store or a server."""
    if not outbox.is_bound(store.engine):
        return None
    found = binding(store)
    return None if found is None else found.login


def bind(store: Store, server: str, login: str) -> None:
    """Bind the laptop to `server` as `login`: from now on every change of a replicated row goes to the outbox."""
    with store.unit_of_work(login) as uow:
        uow.session.execute(delete(SyncState))
        uow.session.add(SyncState(server=server, login=login, cursor_xid=0, cursor_id=0))
        uow.commit()
    outbox.mark_bound(store.engine, True)
