"""The team's people on the server: each person is a `users` row and a PostgreSQL login role of the same name.

Run by the server's owner (a superuser): creating and disabling login roles needs it. A person's password is
PostgreSQL's (SCRAM); the app never stores it on the server.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from psycopg import sql
from sqlalchemy import Connection, Engine, insert, select, text, update

from kam_desktop.store.models import Account, User

APP_GROUP = "kam_app"


@dataclass(frozen=True)
class ServerPerson:
    login: str
    name: str
    role: str
    active: bool
    can_log_in: bool
    accounts: int


def _driver(connection: Connection) -> object:
    driver = connection.connection.driver_connection
    assert driver is not None
    return driver


def _execute(connection: Connection, statement: sql.Composed) -> None:
    _driver(connection).execute(statement)  # type: ignore[attr-defined]


def add_person(engine: Engine, login: str, role: str, name: str, password: str) -> bool:
    """Create (or update) the person and their login role; True when the person is new."""
    with engine.begin() as connection:
        found = connection.execute(select(User.id).where(User.login == login)).first()
        if found is None:
            connection.execute(insert(User).values(
                id=uuid.uuid4(), login=login, name=name, role=role, active=True, updated_by="server"))
        else:
            connection.execute(update(User).where(User.login == login).values(role=role, name=name, active=True))
        exists = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login})
        verb = "ALTER" if exists else "CREATE"
        _execute(connection, sql.SQL("{} ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
                                     "PASSWORD {}").format(sql.SQL(verb), sql.Identifier(login), sql.Literal(password)))
        _execute(connection, sql.SQL("GRANT {} TO {}").format(sql.Identifier(APP_GROUP), sql.Identifier(login)))
    return found is None


def disable_person(engine: Engine, login: str) -> bool:
    """The person can no longer log in; their rows and history stay. False when there is no such person."""
    with engine.begin() as connection:
        changed = connection.execute(update(User).where(User.login == login).values(active=False)).rowcount
        if connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}):
            _execute(connection, sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(login)))
        return bool(changed)


def assign_account(engine: Engine, code: str, owner: str) -> tuple[str | None, str] | None:
    """Move an account to another KAM: (previous owner, new owner), or None when the account or person is missing."""
    with engine.begin() as connection:
        person = connection.execute(select(User.id, User.login).where(User.login == owner, User.active)).first()
        account = connection.execute(select(Account.id, Account.owner_id).where(Account.code == code,
                                                                                Account.deleted_at.is_(None))).first()
        if person is None or account is None:
            return None
        before = connection.scalar(select(User.login).where(User.id == account.owner_id))
        connection.execute(update(Account).where(Account.id == account.id).values(
            owner_id=person.id, version=Account.version + 1, updated_by="server"))
        return before, person.login


def people(engine: Engine) -> list[ServerPerson]:
    """Everyone in `users`, with whether their login role may log in and how many accounts they own."""
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT u.login, u.name, u.role, u.active, coalesce(r.rolcanlogin, false) AS can_log_in, "
            "(SELECT count(*) FROM accounts a WHERE a.owner_id = u.id AND a.deleted_at IS NULL) AS accounts "
            "FROM users u LEFT JOIN pg_roles r ON r.rolname = u.login WHERE u.deleted_at IS NULL ORDER BY u.login"))
        return [ServerPerson(r.login, r.name, r.role, r.active, r.can_log_in, r.accounts) for r in rows]
