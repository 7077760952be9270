"""Setting up and running the team server: its schema and security, its people, who owns which account.

These are the server owner's jobs, done with the owner's (superuser's) connection rather than as a person of the
program: the people they create are PostgreSQL logins, and what those may then do is decided by the server
(row-level security and the decision functions), not by the laptop that asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from kam_desktop.domain.vocabulary import Role
from kam_desktop.services.errors import NotFound, ServiceError
from kam_desktop.services.people import valid_login
from kam_desktop.store.models import Account
from kam_desktop.store.server import people as server_people
from kam_desktop.store.server.install import Installed, ServerSetupError, install
from kam_desktop.store.store import Store

ServerPerson = server_people.ServerPerson
DEMO_PASSWORD = "demo-{login}"  # the team demo's people only: documented, never for a real server


@dataclass(frozen=True)
class ServerReady:
    installed: Installed
    demo_people: tuple[tuple[str, str], ...] = ()  # (login, password) of the demo's people


def _open(url: str) -> Store:
    if not url.startswith(("postgresql:", "postgresql+psycopg:", "postgres:")):
        raise ServiceError("a team server is a PostgreSQL database: give --url postgresql://…")
    return Store.open(url)


def init_server(url: str, demo: bool = False) -> ServerReady:
    """Create or upgrade the server: the schema (Alembic), roles, functions, sync, and RLS on every table."""
    store = _open(url)
    try:
        created = []
        if demo and not _has_accounts(store):  # run again on a demo server: it is kept as it is
            from kam_desktop.services.demo.setup import initialize  # the demo generator: only for --demo

            initialize(store, demo=True)
        try:
            installed = install(store.engine)
            if demo:
                for person in server_people.people(store.engine):
                    password = DEMO_PASSWORD.format(login=person.login)
                    server_people.add_person(store.engine, person.login, person.role, person.name, password)
                    created.append((person.login, password))
        except (ServerSetupError, DBAPIError) as exc:
            raise ServiceError("the team server could not be set up: {reason}", reason=_first_line(exc)) from None
        return ServerReady(installed, tuple(created))
    finally:
        store.dispose()


def _has_accounts(store: Store) -> bool:
    with store.engine.connect() as connection:
        return connection.execute(select(Account.id).limit(1)).first() is not None


def add_server_user(url: str, login: str, role: str, name: str | None, password: str) -> bool:
    """A person who can log in to the server (and sync a laptop) as `login`; True when new."""
    login = valid_login(login)
    try:
        role_value = Role(role)
    except ValueError:
        raise ServiceError("role {role!r} is not one of: {allowed}", role=role,
                           allowed=", ".join(r.value for r in Role)) from None
    if len(password) < 8:
        raise ServiceError("a password needs at least 8 characters")
    store = _open(url)
    try:
        return server_people.add_person(store.engine, login, role_value.value, (name or login).strip(), password)
    except DBAPIError as exc:
        raise ServiceError("{login} could not be added: {reason}", login=login, reason=_first_line(exc)) from None
    finally:
        store.dispose()


def disable_server_user(url: str, login: str) -> None:
    store = _open(url)
    try:
        if not server_people.disable_person(store.engine, valid_login(login)):
            raise NotFound("no person with login {login!r} on the server", login=login)
    finally:
        store.dispose()


def assign_account(url: str, code: str, owner: str) -> tuple[str | None, str]:
    """Move account `code` to KAM `owner`; their laptops see the change at the next sync (the old one loses it)."""
    store = _open(url)
    try:
        moved = server_people.assign_account(store.engine, code.strip(), valid_login(owner))
    finally:
        store.dispose()
    if moved is None:
        raise NotFound("no account {code!r} or no active person {login!r} on the server", code=code, login=owner)
    return moved


def server_users(url: str) -> list[ServerPerson]:
    store = _open(url)
    try:
        return server_people.people(store.engine)
    finally:
        store.dispose()


def _first_line(exc: BaseException) -> str:
    return (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [""])[0]
