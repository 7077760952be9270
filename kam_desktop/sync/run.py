"""One sync: bind the laptop on its first connection, push the outbox, then pull; say what happened."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from kam_desktop.store.models import Account, SyncConflict
from kam_desktop.store.store import Store
from kam_desktop.sync.binding import bind, binding
from kam_desktop.sync.pull import pull
from kam_desktop.sync.push import push
from kam_desktop.sync.server import public_address, server_engine


class Failure(StrEnum):
    OFFLINE = "offline"  # the server did not answer: try again later
    LOGIN = "login"  # the server refused the login or password
    BINDING = "binding"  # this store belongs to another server or person, or holds solo data


class SyncFailed(Exception):
    def __init__(self, failure: Failure, detail: str) -> None:
        super().__init__(detail)
        self.failure = failure
        self.detail = detail


@dataclass(frozen=True)
class SyncReport:
    pushed: int
    pulled: int
    conflicts: int  # new conflicts this sync
    open_conflicts: int  # all not yet re-applied or dismissed
    snapshot: bool
    arrived: int  # accounts that came to this laptop
    revoked: int  # accounts that left it (reassigned)
    seconds: float
    leased: int = 0  # number blocks leased from the server this sync
    encryption: str = ""  # what the services' `when_bound` step said of the store's encryption at rest


Hook = Callable[[str], None]
OnServer = Callable[[Engine], int]  # a step after the pull with the server's engine (numbering: blocks leased)
WhenBound = Callable[[], str]  # a step on the bound store before the push (the services' encryption at rest)


def sync(store: Store, url: str, login: str, password: str | None, on_committed: Hook | None = None,
         after_pull: OnServer | None = None, when_bound: WhenBound | None = None) -> SyncReport:
    """Push then pull (then `after_pull`, the services' numbering); a first connection binds the store to `url`.

    `when_bound` runs once the store is bound, before anything is pushed or pulled: at the first connection
    the store is still empty then.
    """
    started = time.perf_counter()
    server = server_engine(url, login, password)
    encryption = ""
    try:
        _check_login(server, login)
        _ensure_bound(store, public_address(url), login)
        if when_bound is not None:
            encryption = when_bound()
        pushed = push(server, store, on_committed)
        pulled = pull(server, store, on_committed)
        leased = after_pull(server) if after_pull is not None else 0
    except OperationalError as exc:
        raise SyncFailed(_kind(exc), str(exc.orig or exc).strip()) from exc
    finally:
        server.dispose()
    return SyncReport(
        pushed=pushed.pushed, pulled=pulled.pulled, conflicts=pushed.conflicts + pulled.conflicts,
        open_conflicts=open_conflicts(store), snapshot=pulled.snapshot, arrived=pulled.arrived,
        revoked=pulled.revoked, seconds=time.perf_counter() - started, leased=leased, encryption=encryption,
    )


def check_connection(url: str, login: str, password: str | None) -> str:
    """Log in and return the server's version string (the connect dialog's "Test connection")."""
    server = server_engine(url, login, password)
    try:
        with server.connect() as connection:
            return str(connection.scalar(text("SHOW server_version")))
    except OperationalError as exc:
        raise SyncFailed(_kind(exc), str(exc.orig or exc).strip()) from exc
    finally:
        server.dispose()


def open_conflicts(store: Store) -> int:
    with store.read() as session:
        count = select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        return int(session.scalar(count) or 0)


def _check_login(server: object, login: str) -> None:
    with server.connect() as connection:  # type: ignore[attr-defined]
        connection.scalar(text("SELECT 1"))


def _ensure_bound(store: Store, address: str, login: str) -> None:
    """A laptop belongs to one server and one person; a store with solo data is never merged into a team."""
    current = binding(store)
    if current is not None:
        if (current.server, current.login) != (address, login):
            raise SyncFailed(Failure.BINDING,
                             f"this data folder is bound to {current.server} as {current.login}")
        return
    if not store.is_sqlite:
        raise SyncFailed(Failure.BINDING, "only a laptop's own SQLite store syncs; this store is a server")
    with store.read() as session:
        if session.scalar(select(func.count()).select_from(Account)):
            raise SyncFailed(Failure.BINDING,
                             "this data folder already holds accounts of its own; connect a new data folder")
    bind(store, address, login)


def _kind(exc: DBAPIError) -> Failure:
    said = str(exc.orig or exc).lower()
    if "password authentication failed" in said or "role" in said and "does not exist" in said:
        return Failure.LOGIN
    return Failure.OFFLINE
