"""The one door: who is acting, on which store, by which clock — and the permission check every use case asks.

A use case is a function `fn(ctx, …)`. Its first act is `ctx.permit(UseCase.X)` (or `ctx.permit_on(…)` once
it has loaded the account), so every door that calls it — the GUI's desk, `kamctl`, the sync applier — gets
the same answer from the one table in `domain.permissions`. The actor is a known, active person of the store,
resolved once when the context is made.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import (
    SOLO_LOGIN,
    NotPermitted,
    Person,
    Scope,
    UseCase,
    require,
    require_on,
)
from kam_desktop.domain.vocabulary import Role
from kam_desktop.services.clock import Clock, SystemClock
from kam_desktop.services.errors import NotFound, NotPermittedError, Refused

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kam_desktop.store.store import Store
    from kam_desktop.store.uow import UnitOfWork

DEFAULT_LOGIN = SOLO_LOGIN  # a solo laptop's person when nobody is named


@dataclass(frozen=True)
class Actor:
    """The person at the keyboard (or behind a pushed change): a login of the store, its role and name."""

    login: str
    role: Role
    name: str

    @property
    def person(self) -> Person:
        return Person(self.login, self.role)


@dataclass(frozen=True)
class Context:
    """A store, the person acting on it and the clock: what every use case receives."""

    store: Store
    actor: Actor
    clock: Clock = field(default_factory=SystemClock)
    shared: Session | None = None  # the session of `one_read()`, shared by every read inside it

    # -- permissions ---------------------------------------------------------------------------------
    def permit(self, use_case: UseCase) -> Scope:
        """The actor's scope for `use_case`; refused when their role may not use it at all."""
        try:
            return require(self.actor.person, use_case)
        except NotPermitted as exc:
            raise NotPermittedError.of(exc) from None

    def permit_on(self, use_case: UseCase, account: str, owner: str | None) -> None:
        """Refused unless the actor may use `use_case` on `account`, owned by `owner` (a login or None)."""
        try:
            require_on(self.actor.person, use_case, account, owner)
        except NotPermitted as exc:
            raise NotPermittedError.of(exc) from None

    def owner_filter(self, use_case: UseCase, owner: str | None = None) -> str | None:
        """The owner a list must be limited to: the actor's own login for an OWN scope, else `owner`."""
        if self.permit(use_case) is Scope.OWN:
            if owner not in (None, self.actor.login):
                raise NotPermittedError.of(NotPermitted(self.actor.person, use_case,
                                                        Message.of("{owner}'s accounts", owner=owner)))
            return self.actor.login
        return owner

    # -- the store ----------------------------------------------------------------------------------------
    def unit_of_work(self) -> UnitOfWork:
        """One transaction as the actor; it rolls back unless committed."""
        from kam_desktop.services.work import UseCaseWork  # the store's modules: loaded by the first write

        return UseCaseWork(self.store.engine, self.actor.login)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session: the shared one inside `one_read()`, else a fresh one closed after the block."""
        if self.shared is not None:
            yield self.shared
            return
        with self.store.read() as session:
            yield session

    @contextmanager
    def one_read(self) -> Iterator[Context]:
        """A context whose reads all share one session, so a screen that shows many views of the same data
        reads them in one transaction (one snapshot) instead of one session per view."""
        with self.store.read() as session:
            yield replace(self, shared=session)

    def today(self) -> date:
        return self.clock.today()

    def now(self) -> datetime:
        return self.clock.now()

    def as_(self, login: str) -> Context:
        """The same store and clock, acted on by another known person (solo stores and tests only)."""
        return open_context(self.store, login, self.clock)


def open_context(store: Store, login: str | None = None, clock: Clock | None = None) -> Context:
    """A context for `login` (default: the store's administrator); unknown or inactive people are refused.

    A laptop bound to a team server belongs to the person who connected it: it acts as that login only (the
    server proved it at the first sync and authorises every pushed change by it), so "act as" is for solo stores.
    """
    from kam_desktop.store.server.identity import server_login
    from kam_desktop.sync.binding import bound_login  # one small query; the sync package loads nothing else

    online = server_login(store.engine)  # connected straight to the team server: the server says who this is
    if online is not None and login not in (None, online):
        raise Refused("connected to the team server as {owner}; it cannot act as {login}", owner=online,
                      login=login)
    owner = online or bound_login(store)
    if owner is not None and login not in (None, owner):
        raise Refused("this laptop belongs to {owner} (connected to the team server); it cannot act as {login}",
                      owner=owner, login=login)
    wanted = login or owner or DEFAULT_LOGIN
    user = store.person(wanted)
    if user is None:
        raise NotFound("no person with login {login!r} in this store; see `kamctl users list`", login=wanted)
    if not user.active:
        raise Refused("{login} is no longer active in this store; ask an administrator", login=wanted)
    return Context(store, Actor(user.login, Role(user.role), user.name), clock or SystemClock())
