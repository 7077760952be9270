"""Use cases for the people of the program: list and add users."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kam_desktop.domain.vocabulary import Role
from kam_desktop.services.errors import NotFound, ServiceError
from kam_desktop.store.models import User
from kam_desktop.store.store import Store


@dataclass(frozen=True)
class UserRow:
    login: str
    name: str
    role: str
    active: bool


def list_users(store: Store) -> list[UserRow]:
    """Every user, by login."""
    with store.read() as session:
        users = session.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.login))
        return [UserRow(u.login, u.name, u.role, u.active) for u in users]


def add_user(store: Store, login: str, role: str, name: str | None = None, actor: str = "admin") -> UserRow:
    """Create a user; the login must be new and the role one of kam, director, finance, admin."""
    login = login.strip()
    if not login or not login.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise ServiceError(f"login {login!r} must be letters, digits, '.', '_' or '-'")
    try:
        role_value = Role(role)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise ServiceError(f"role {role!r} is not one of: {allowed}") from None
    with store.unit_of_work(actor) as uow:
        if uow.session.scalar(select(User).where(User.login == login)) is not None:
            raise ServiceError(f"user {login!r} already exists")
        user = User(login=login, name=name or login, role=role_value)
        uow.session.add(user)
        uow.session.flush()
        uow.audit("user.add", "user", user.id, login=login, role=role_value)
        uow.commit()
    return UserRow(user.login, user.name, user.role, user.active)


def get_user(store: Store, login: str) -> UserRow:
    with store.read() as session:
        user = session.scalar(select(User).where(User.login == login))
        if user is None:
            raise NotFound(f"no user with login {login!r}; see `kamctl users list`")
        return UserRow(user.login, user.name, user.role, user.active)
