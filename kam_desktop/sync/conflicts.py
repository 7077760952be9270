"""The conflicts a sync left on the laptop: listing them, re-applying the laptop's values, dismissing them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, Numeric, Uuid, select, update
from sqlalchemy.orm import Session

from kam_desktop.store.models import Account, Base, SyncConflict
from kam_desktop.store.types import utc_now

MAPPED = {mapper.persist_selectable.fullname: mapper.class_ for mapper in Base.registry.mappers}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Conflict:
    """One conflict: which row (and the account it belongs to), why, and both sides' values."""

    id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    account: str | None  # the account's code, when the row still exists here
    reason: str
    laptop: dict[str, Any]
    server: dict[str, Any]
    created_at: datetime
    reapplicable: bool  # the row is here and the conflict is about some of its columns


def open_conflicts(session: Session) -> list[Conflict]:
    rows = session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                           .order_by(SyncConflict.created_at))
    return [_conflict(session, row) for row in rows]


def _conflict(session: Session, row: SyncConflict) -> Conflict:
    target = _row(session, row.entity, row.entity_id)
    laptop = dict(row.local_changes or {})
    return Conflict(row.id, row.entity, row.entity_id, _account_code(session, target), row.reason, laptop,
                    dict(row.server_values or {}), row.created_at,
                    reapplicable=target is not None and bool(laptop) and bool(row.server_values))


def _row(session: Session, entity: str, entity_id: uuid.UUID) -> Any:
    model = MAPPED.get(entity)
    return None if model is None else session.get(model, entity_id)


def _account_code(session: Session, target: Any) -> str | None:
    if isinstance(target, Account):
        return target.code
    account_id = getattr(target, "account_id", None)
    return None if account_id is None else session.scalar(select(Account.code).where(Account.id == account_id))


def reapply(session: Session, conflict_id: uuid.UUID) -> Conflict | None:
    """Write the laptop's values over the row again (the outbox sends them at the next sync); None if not possible."""
    row = session.get(SyncConflict, conflict_id)
    if row is None or row.resolved_at is not None:
        return None
    found = _conflict(session, row)
    if not found.reapplicable:
        return None
    target = _row(session, row.entity, row.entity_id)
    columns = {c.name: c for c in target.__table__.columns}
    for name, value in found.laptop.items():
        setattr(target, name, from_json(columns[name].type, value))
    resolve(session, conflict_id)
    return found


def resolve(session: Session, conflict_id: uuid.UUID) -> bool:
    """Mark the conflict handled (re-applied or dismissed); the row itself stays as a record."""
    done = session.execute(update(SyncConflict).where(SyncConflict.id == conflict_id, SyncConflict.resolved_at.is_(None))
                           .values(resolved_at=utc_now()))
    return bool(done.rowcount)  # type: ignore[attr-defined]  # an UPDATE's CursorResult


def from_json(kind: Any, value: Any) -> Any:
    """A column's Python value from the outbox's plain JSON."""
    base = getattr(kind, "impl", kind)  # a TypeDecorator (UTC time, exact decimal) by what it stores
    if value is None:
        return None
    if isinstance(base, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(base, Date):
        return date.fromisoformat(value)
    if isinstance(base, Uuid):
        return uuid.UUID(str(value))
    if isinstance(base, Numeric):
        return Decimal(str(value))
    return value
