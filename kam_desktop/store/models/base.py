"""Declarative base, constraint naming and the mixins every synced or append-only table uses."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Integer, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from kam_desktop.store.types import UTCDateTime, utc_now

# Named constraints make Alembic batch migrations on SQLite and diffs on PostgreSQL predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_id() -> uuid.UUID:
    """Client-generated keys: unique across laptops that create rows offline."""
    return uuid.uuid4()


def one_of(column: str, values: Iterable[str] | type[StrEnum], name: str | None = None) -> CheckConstraint:
    """A CHECK that keeps a text column inside its vocabulary."""
    allowed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name or f"{column}_allowed")


class KeyMixin:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)


class SyncedMixin(KeyMixin):
    """A row that laptops and the team server exchange.

    `version` counts changes (optimistic locking locally; the server assigns its own on push),
    and rows are never hard-deleted, because a delete cannot be synced: `deleted_at` marks them.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str] = mapped_column(String(64), nullable=False, default="system")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805 - SQLAlchemy passes the class
        return {"version_id_col": cls.version}


class AppendOnlyMixin(KeyMixin):
    """A row that is written once and never changed: ledgers, audit, decisions.

    A correction is a new row pointing at the one it corrects. The unit of work refuses updates
    and deletes of these rows.
    """

    __append_only__ = True

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default="system")
