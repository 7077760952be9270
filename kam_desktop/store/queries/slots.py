"""Potential slots as gathered: the latest survey of each (account, category) up to a day."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from kam_desktop.store.models import PotentialSlot, ProductCategory


@dataclass(frozen=True)
class SlotRow:
    """One gathered total category spend (at us and at competitors)."""

    id: uuid.UUID
    account_id: uuid.UUID
    category_id: uuid.UUID
    category: str
    total_units: Decimal
    total_value: Decimal
    currency: str
    source: str
    collected_on: date
    confidence: Decimal
    note: str | None
    version: int


def latest_slots(session: Session, on: date, account_id: uuid.UUID | None = None) -> list[SlotRow]:
    """The most recent slot collected on or before `on` per (account, category), not deleted."""
    live = and_(PotentialSlot.deleted_at.is_(None), PotentialSlot.collected_on <= on)
    if account_id is not None:  # filter first: the latest survey of one account, not of every account
        live = and_(live, PotentialSlot.account_id == account_id)
    latest = (
        select(PotentialSlot.account_id, PotentialSlot.category_id, func.max(PotentialSlot.collected_on).label("on"))
        .where(live)
        .group_by(PotentialSlot.account_id, PotentialSlot.category_id)
        .subquery()
    )
    query = (
        select(
            PotentialSlot.id, PotentialSlot.account_id, PotentialSlot.category_id, ProductCategory.code,
            PotentialSlot.total_units, PotentialSlot.total_value, PotentialSlot.currency, PotentialSlot.source,
            PotentialSlot.collected_on, PotentialSlot.confidence, PotentialSlot.note, PotentialSlot.version,
        )
        .join(
            latest,
            and_(
                latest.c.account_id == PotentialSlot.account_id,
                latest.c.category_id == PotentialSlot.category_id,
                latest.c.on == PotentialSlot.collected_on,
            ),
        )
        .join(ProductCategory, ProductCategory.id == PotentialSlot.category_id)
        .where(live)
        .order_by(ProductCategory.code)
    )
    rows: list[tuple[Any, ...]] = [tuple(row) for row in session.execute(query)]
    return [SlotRow(*row) for row in rows]


def category_codes(session: Session) -> dict[uuid.UUID, str]:
    """Category id → code."""
    return dict(session.execute(select(ProductCategory.id, ProductCategory.code)).all())
