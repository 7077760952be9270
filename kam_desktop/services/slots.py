"""Potential slots: per category total vs our trailing-12-month sales, the roll-up and the potential matrix."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.slots import (
    AccountPotential,
    CategorySlot,
    CategorySpend,
    OurSales,
    PotentialMatrix,
    Quadrant,
    category_slots,
    potential_matrix,
    roll_up,
)
from kam_desktop.domain.vocabulary import SlotSource
from kam_desktop.services.clock import today
from kam_desktop.services.errors import NotFound, ServiceError
from kam_desktop.store.models import PotentialSlot, ProductCategory
from kam_desktop.store.queries.grades import account_by_code
from kam_desktop.store.queries.sales import sales_by_category
from kam_desktop.store.queries.slots import SlotRow, latest_slots
from kam_desktop.store.store import Store


@dataclass(frozen=True)
class SlotLine:
    """One category of one account: gathered total, ours over 12 months, slot and share of wallet."""

    category: str
    total_units: Decimal
    total_money: Decimal
    our_units: Decimal
    our_money: Decimal
    slot_units: Decimal
    slot_money: Decimal
    share_units: Decimal | None
    share_money: Decimal | None
    source: str
    collected_on: date
    confidence: Decimal
    needs_refresh: bool  # we already sell more than the gathered total


@dataclass(frozen=True)
class AccountSlots:
    """An account's slots, their roll-up and its place on the portfolio's potential matrix."""

    code: str
    as_of: date
    categories: list[SlotLine]
    total: AccountPotential | None
    quadrant: Quadrant | None
    units_threshold: Decimal
    money_threshold: Decimal


@dataclass(frozen=True)
class PortfolioPotential:
    """Every account's rolled-up potential and the matrix that places them (keys: account id as text)."""

    potentials: dict[str, AccountPotential]
    matrix: PotentialMatrix


def portfolio_potential(session: Session, as_of: date) -> PortfolioPotential:
    """Slots of every account against its trailing-12-month sales; thresholds = portfolio medians."""
    first, last = trailing_window(as_of, 12)
    ours = {
        (str(s.account_id), str(s.category_id)): OurSales(s.units, s.net_revenue)
        for s in sales_by_category(session, first, last)
    }
    slots = category_slots((_spend(r) for r in latest_slots(session, as_of)), ours)
    potentials = roll_up(slots)
    return PortfolioPotential(potentials, potential_matrix(potentials))


def _spend(row: SlotRow) -> CategorySpend:
    # keyed by ids here (matched with sales by id); the category code is shown by the callers
    return CategorySpend(
        str(row.account_id), str(row.category_id), row.total_units, row.total_value, row.source,
        row.collected_on, str(row.confidence),
    )


def account_slots(store: Store, code: str, as_of: date | None = None) -> AccountSlots:
    """The slot view of one account (the matrix is computed over the whole portfolio)."""
    as_of = as_of or today()
    with store.read() as session:
        account = account_by_code(session, code)
        if account is None:
            raise NotFound(f"no account with code {code!r}; see `kamctl accounts list`")
        first, last = trailing_window(as_of, 12)
        rows = latest_slots(session, as_of, account.id)
        ours = {
            (str(s.account_id), str(s.category_id)): OurSales(s.units, s.net_revenue)
            for s in sales_by_category(session, first, last, account.id)
        }
        slots = category_slots((_spend(r) for r in rows), ours)
        portfolio = portfolio_potential(session, as_of)
    key = str(account.id)
    lines = [_line(slot, row) for slot, row in zip(slots, rows, strict=True)]
    return AccountSlots(
        code=code, as_of=as_of, categories=lines, total=roll_up(slots).get(key),
        quadrant=portfolio.matrix.placements.get(key), units_threshold=portfolio.matrix.units_threshold,
        money_threshold=portfolio.matrix.money_threshold,
    )


def _line(slot: CategorySlot, row: SlotRow) -> SlotLine:
    return SlotLine(
        category=row.category, total_units=slot.total_units, total_money=slot.total_money,
        our_units=slot.our_units, our_money=slot.our_money, slot_units=slot.slot_units,
        slot_money=slot.slot_money, share_units=slot.share_units, share_money=slot.share_money,
        source=row.source, collected_on=row.collected_on, confidence=row.confidence,
        needs_refresh=slot.ours_exceed_total,
    )


def save_slot(
    store: Store, code: str, category: str, *, total_units: Decimal, total_money: Decimal, source: str,
    collected_on: date, confidence: Decimal, note: str | None = None, actor: str = "admin",
) -> uuid.UUID:
    """Record a gathered total for (account, category, date); the same date again updates it. Validated."""
    problems = _slot_problems(total_units, total_money, source, collected_on, confidence)
    if problems:
        raise ServiceError(f"slot {code}/{category}: " + "; ".join(problems))
    with store.unit_of_work(actor) as uow:
        session = uow.session
        account = account_by_code(session, code)
        if account is None:
            raise NotFound(f"no account with code {code!r}")
        category_id = session.scalar(select(ProductCategory.id).where(ProductCategory.code == category))
        if category_id is None:
            raise NotFound(f"no product category {category!r}")
        row = session.scalar(select(PotentialSlot).where(
            PotentialSlot.account_id == account.id, PotentialSlot.category_id == category_id,
            PotentialSlot.collected_on == collected_on,
        ))
        if row is None:
            row = PotentialSlot(account_id=account.id, category_id=category_id, collected_on=collected_on)
            session.add(row)
        row.total_units, row.total_value, row.currency = total_units, total_money, account.currency
        row.source, row.confidence, row.note, row.deleted_at = source, confidence, note, None
        session.flush()
        uow.audit("slot.save", "potential_slot", row.id, account=code, category=category,
                  total_units=total_units, total_money=total_money, source=source, collected_on=collected_on)
        uow.commit()
        return row.id


def _slot_problems(units: Decimal, money: Decimal, source: str, on: date, confidence: Decimal) -> list[str]:
    problems = []
    if units < 0 or money < 0:
        problems.append("totals cannot be negative")
    if units != units.quantize(Decimal("0.001")) or money != money.quantize(Decimal("0.01")):
        problems.append("units take at most 3 decimal places and money 2")
    if source not in {s.value for s in SlotSource}:
        problems.append(f"source {source!r} is not one of {', '.join(s.value for s in SlotSource)}")
    if not Decimal(0) <= confidence <= Decimal(1):
        problems.append(f"confidence {confidence} must be between 0 and 1")
    if on > today():
        problems.append(f"collected on {on.isoformat()} is in the future")
    return problems
