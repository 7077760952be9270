"""Reads of the program's people: one by login, or all of them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.store.models import User


@dataclass(frozen=True)
class PersonRow:
    """A person of the store as the services see them."""

    login: str
    name: str
    role: str
    active: bool


def person_by_login(session: Session, login: str) -> PersonRow | None:
    """The (not deleted) person with exactly this login, or None."""
    row = session.execute(select(User.login, User.name, User.role, User.active)
                          .where(User.login == login, User.deleted_at.is_(None))).first()
    return None if row is None else PersonRow(*row)


def people(session: Session) -> list[PersonRow]:
    """Every (not deleted) person, by login."""
    rows = session.execute(select(User.login, User.name, User.role, User.active)
                           .where(User.deleted_at.is_(None)).order_by(User.login))
    return [PersonRow(*row) for row in rows]
