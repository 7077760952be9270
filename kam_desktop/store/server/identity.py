"""Who the team server says is connected: on a team server a person's login role is the person (the server
authenticated it), so the app acts as that login and nobody else; everywhere else this answers None."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session


def server_login(engine: Engine) -> str | None:
    """The person's login when `engine` is connected to a team server as an app login; else None."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        return login_of(connection)


def login_of(connection: Connection) -> str | None:
    installed = connection.scalar(text("SELECT to_regprocedure('kam.is_app_login()') IS NOT NULL"))
    if not installed or not connection.scalar(text("SELECT kam.is_app_login()")):
        return None
    return str(connection.scalar(text("SELECT session_user")))


def decides_on_server(session: Session) -> bool:
    """True when the session is a person's login on a team server that decides exceptions itself."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    connection = session.connection()
    return login_of(connection) is not None and bool(connection.scalar(text(
        "SELECT to_regprocedure('kam.decide_exception(text, boolean, text, integer)') IS NOT NULL")))
