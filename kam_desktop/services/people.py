"""Use cases for the people of the program: who they are, and adding one (an administrator's job)."""

from __future__ import annotations

import re

from sqlalchemy import select

from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.printable import unprintable_problem
from kam_desktop.domain.vocabulary import Role
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, ServiceError
from kam_desktop.store.models import User
from kam_desktop.store.queries.people import PersonRow, people, person_by_login

UserRow = PersonRow
LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")  # ASCII only: a look-alike letter never makes a second person


def list_users(ctx: Context) -> list[UserRow]:
    """Every person, by login."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        return people(session)


def get_user(ctx: Context, login: str) -> UserRow:
    """One person by login."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        user = person_by_login(session, login)
    if user is None:
        raise NotFound("no person with login {login!r}; see `kamctl users list`", login=login)
    return user


def valid_login(login: str) -> str:
    """The login as stored (trimmed, lower case), or a refusal saying what a login may contain."""
    cleaned = login.strip().lower()
    if not LOGIN.fullmatch(cleaned):
        raise ServiceError("login {login!r} must be 1–64 letters a–z, digits, '.', '_' or '-', starting with a "
                           "letter or digit", login=login)
    return cleaned


def add_user(ctx: Context, login: str, role: str, name: str | None = None) -> UserRow:
    """Create a person; the login must be new and the role one of kam, director, finance, admin."""
    ctx.permit(UseCase.MANAGE_USERS)
    login = valid_login(login)
    try:
        role_value = Role(role)
    except ValueError:
        raise ServiceError("role {role!r} is not one of: {allowed}", role=role,
                           allowed=", ".join(r.value for r in Role)) from None
    # a KAM's name is printed on the statements of their accounts, an approver's on annexes
    problem = unprintable_problem(Message.of("Name"), name or "")
    if problem is not None:
        raise ServiceError.with_message(problem)
    with ctx.unit_of_work() as uow:
        if uow.session.scalar(select(User).where(User.login == login)) is not None:
            raise ServiceError("person {login!r} already exists", login=login)
        user = User(login=login, name=(name or login).strip(), role=role_value)
        uow.session.add(user)
        uow.session.flush()
        uow.audit("user.add", "user", user.id, login=login, role=role_value)
        uow.commit()
    return UserRow(user.login, user.name, user.role, user.active)
