"""Potential slots as gathered: the latest survey of each (account, category) up to a day."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from kam_desktop.store.codec import scaled_decimal
from kam_desktop.store.models import Account, PotentialSlot, ProductCategory
from kam_desktop.store.queries.sales import NET
from kam_desktop.store.queries.sales_source import bound, quantity, windowed


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


SlotFigures = tuple[str, str, str, Decimal, Decimal, Decimal, Decimal]
"""(account key, category key, account currency, gathered units, gathered money, our units, our net revenue)"""


def slots_with_sales(session: Session, on: date, first: date, last: date) -> list[SlotFigures]:
    """Every account's latest slot per category up to `on`, beside our units and net revenue in that category for
    invoice dates in [first, last] (0 where we sold nothing): the whole portfolio's potential in one statement.

    Keys are the ids' 32 hex digits (as SQLite keeps them), so that no UUID is made per row: at 20,000 accounts the
    ~76,000 slots and ~72,000 sales cells read as ORM rows and matched in Python took ~4 s of CPU.
    """
    dialect = session.get_bind().dialect.name
    live = and_(PotentialSlot.deleted_at.is_(None), PotentialSlot.collected_on <= on)
    latest = (
        select(PotentialSlot.account_id, PotentialSlot.category_id, func.max(PotentialSlot.collected_on).label("on"))
        .where(live).group_by(PotentialSlot.account_id, PotentialSlot.category_id).subquery()
    )
    sales = windowed(bound(first, last), ["account_id", "category_id"], [quantity("units"), NET], dialect=dialect)
    slot = PotentialSlot
    query = (
        select(slot.account_id, slot.category_id, Account.currency, slot.total_units, slot.total_value,
               sales.c.units, sales.c.net)
        .join(latest, and_(latest.c.account_id == slot.account_id, latest.c.category_id == slot.category_id,
                           latest.c.on == slot.collected_on))
        .join(Account, Account.id == slot.account_id)
        .outerjoin(sales, and_(sales.c.account_id == slot.account_id, sales.c.category_id == slot.category_id))
        .where(live)
    )
    connection = session.connection()
    result = connection.execute(query)
    nothing = Decimal(0)  # no sales in the category: as the domain's `OurSales()`
    if dialect != "sqlite":
        return [(account.hex, category.hex, currency, units, money, nothing if ours_units is None else ours_units,
                 nothing if ours is None else ours)
                for account, category, currency, units, money, ours_units, ours in result]
    with closing(result):
        # the driver's tuples, scaled integers made Decimal as the Quantity and Money columns read them
        return [(account, category, currency, scaled_decimal(units, 3), scaled_decimal(money, 2),
                 nothing if ours_units is None else scaled_decimal(ours_units, 3),
                 nothing if ours is None else scaled_decimal(ours, 2))
                for account, category, currency, units, money, ours_units, ours in cast(Iterable[Any], result.cursor)]
