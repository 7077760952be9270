"""People who use the program: KAMs, the sales director, finance, admins."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from kam_desktop.domain.vocabulary import Language, Role
from kam_desktop.store.models.base import Base, SyncedMixin, one_of


class User(SyncedMixin, Base):
    __tablename__ = "users"
    __table_args__ = (one_of("role", Role), one_of("language", Language))

    login: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    email: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2), nullable=False, default=Language.EN)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
