"""Syncing a laptop with its team server: the door the GUI and `kamctl sync` use.

Sync is not a use case of the local store's permission table: the server decides, by the login that pushes
(row-level security, column privileges, decision functions), what that person may read and write. Locally it
only needs the store, the server's URL and the person's login and password.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from kam_desktop.services.admin.encryption import TeamEncryption, encrypt_for_team
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, Refused, ServiceError
from kam_desktop.services.numbering import top_up
from kam_desktop.services.potential import forget_thresholds
from kam_desktop.store.store import Store
from kam_desktop.sync import conflicts as _conflicts
from kam_desktop.sync import credentials
from kam_desktop.sync.binding import binding
from kam_desktop.sync.conflicts import Conflict
from kam_desktop.sync.run import Failure, SyncFailed, SyncReport, check_connection, sync
from kam_desktop.sync.server import public_address

__all__ = ["Conflict", "SyncReport", "TeamEncryption", "TeamSyncError", "bound_to", "conflicts", "dismiss_conflict", "reapply_conflict",
           "save_password", "saved_password", "sync_with_team", "test_connection"]


class TeamSyncError(ServiceError):
    """The sync did not happen: offline, a refused login, or a data folder bound elsewhere."""

    failure: Failure = Failure.OFFLINE


@dataclass(frozen=True)
class BoundTo:
    server: str
    login: str


def bound_to(store: Store) -> BoundTo | None:
    """The server and login this laptop belongs to, or None (a solo store)."""
    found = binding(store)
    return None if found is None else BoundTo(found.server, found.login)


def saved_password(server: str, login: str) -> str | None:
    return credentials.saved_password(public_address(server), login)


def save_password(server: str, login: str, password: str) -> bool:
    return credentials.save_password(public_address(server), login, password)


def sync_with_team(store: Store, server: str, login: str, password: str | None) -> SyncReport:
    """Push this laptop's changes, pull the server's, lease number blocks that run low; the engine's caches then
    forget what they derived. A team laptop's store is encrypted at rest once bound (`encrypt_for_team`;
    the report's `encryption` says whether it is, or why not)."""
    try:
        report = sync(store, server, login, password, after_pull=lambda engine: top_up(store, engine, login),
                      when_bound=lambda: str(encrypt_for_team(store)))
    except SyncFailed as exc:
        raise _error(exc) from exc
    forget_thresholds()  # the potential matrix's medians assume sales arrive through audited imports
    return report


def test_connection(server: str, login: str, password: str | None) -> str:
    """Log in to the server; returns its version."""
    try:
        return check_connection(server, login, password)
    except SyncFailed as exc:
        raise _error(exc) from exc


def _error(exc: SyncFailed) -> TeamSyncError:
    if exc.failure is Failure.LOGIN:
        error = TeamSyncError("the team server refused the login: check the login and password ({detail})",
                              detail=exc.detail)
    elif exc.failure is Failure.BINDING:
        error = TeamSyncError("this data folder cannot sync with that server: {detail}", detail=exc.detail)
    else:
        error = TeamSyncError("the team server is not reachable; your changes stay on this laptop until the "
                              "next sync ({detail})", detail=exc.detail)
    error.failure = exc.failure
    return error


# -- conflicts: only the person this laptop belongs to handles them ---------------------------------------------
def conflicts(ctx: Context) -> list[Conflict]:
    """The conflicts waiting on this laptop, oldest first."""
    _laptop_owner(ctx)
    with ctx.read() as session:
        return _conflicts.open_conflicts(session)


def reapply_conflict(ctx: Context, conflict_id: uuid.UUID) -> Conflict:
    """Put the laptop's values back on the row; the next sync pushes them against the server's current version."""
    _laptop_owner(ctx)
    with ctx.unit_of_work() as uow:
        done = _conflicts.reapply(uow.session, conflict_id)
        if done is None:
            raise Refused("this conflict cannot be re-applied (the row is gone or it was not about its fields); "
                          "make the change again or dismiss it")
        uow.audit("sync.conflict_reapplied", done.entity, done.entity_id, fields=sorted(done.laptop))
        uow.commit()
    return done


def dismiss_conflict(ctx: Context, conflict_id: uuid.UUID) -> None:
    """Accept the server's values: the conflict leaves the list (it stays on record)."""
    _laptop_owner(ctx)
    with ctx.unit_of_work() as uow:
        if not _conflicts.resolve(uow.session, conflict_id):
            raise NotFound("no open conflict {id}", id=str(conflict_id))
        uow.audit("sync.conflict_dismissed", "sync_conflicts", conflict_id)
        uow.commit()


def _laptop_owner(ctx: Context) -> None:
    bound = bound_to(ctx.store)
    if bound is not None and bound.login != ctx.actor.login:
        raise Refused("only {login}, whom this laptop belongs to, handles its sync conflicts", login=bound.login)
