"""Potential slots: untapped category spend per account, share of wallet and the potential matrix."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kam_desktop.domain.vocabulary import SlotSource

SHARE_PLACES = Decimal("0.0001")
ZERO = Decimal(0)


@dataclass(frozen=True)
class CategorySpend:
    """The client's total spend in one category (at us and at competitors), as gathered."""

    account: str
    category: str
    total_units: Decimal
    total_money: Decimal
    source: str  # questionnaire, interview, client's sales books …
    observed_on: date
    confidence: str = ""  # free text or a scale the team agrees on; carried, not computed with


@dataclass(frozen=True)
class OurSales:
    """What the account bought from us in the category over the trailing 12 months."""

    units: Decimal = ZERO
    money: Decimal = ZERO


@dataclass(frozen=True)
class CategorySlot:
    """Total vs ours in one category: the slot (what is left to win) and the share of wallet."""

    account: str
    category: str
    total_units: Decimal
    total_money: Decimal
    our_units: Decimal
    our_money: Decimal

    @property
    def slot_units(self) -> Decimal:
        """max(0, total − ours) in units."""
        return max(ZERO, self.total_units - self.our_units)

    @property
    def slot_money(self) -> Decimal:
        """max(0, total − ours) in money."""
        return max(ZERO, self.total_money - self.our_money)

    @property
    def share_units(self) -> Decimal | None:
        """ours / total in units; None when the total is 0 (nothing to share)."""
        return share_of_wallet(self.our_units, self.total_units)

    @property
    def share_money(self) -> Decimal | None:
        """ours / total in money; None when the total is 0."""
        return share_of_wallet(self.our_money, self.total_money)

    @property
    def ours_exceed_total(self) -> bool:
        """The gathered total is below what we already sell: the survey needs refreshing."""
        return self.our_units > self.total_units or self.our_money > self.total_money


def share_of_wallet(ours: Decimal, total: Decimal) -> Decimal | None:
    """ours / total to four places; None when total is 0 or less."""
    if total <= 0:
        return None
    return (ours / total).quantize(SHARE_PLACES)


def category_slots(
    spends: Iterable[CategorySpend], ours: Mapping[tuple[str, str], OurSales]
) -> list[CategorySlot]:
    """One slot per gathered (account, category) spend; our sales keyed by (account, category)."""
    slots = []
    for spend in spends:
        mine = ours.get((spend.account, spend.category), OurSales())
        slots.append(
            CategorySlot(
                spend.account,
                spend.category,
                spend.total_units,
                spend.total_money,
                mine.units,
                mine.money,
            )
        )
    return slots


@dataclass(frozen=True)
class AccountPotential:
    """An account's slots summed over its categories."""

    account: str
    total_units: Decimal
    total_money: Decimal
    our_units: Decimal
    our_money: Decimal
    slot_units: Decimal  # the sum of category slots (a category where we exceed the total adds 0)
    slot_money: Decimal
    categories: int

    @property
    def share_money(self) -> Decimal | None:
        """Share of wallet over all gathered categories, in money."""
        return share_of_wallet(self.our_money, self.total_money)


def roll_up(slots: Iterable[CategorySlot]) -> dict[str, AccountPotential]:
    """Sum category slots per account (slots are summed per category, so never netted against each other)."""
    grouped: dict[str, list[CategorySlot]] = {}
    for slot in slots:
        grouped.setdefault(slot.account, []).append(slot)
    return {
        account: AccountPotential(
            account=account,
            total_units=sum((s.total_units for s in items), ZERO),
            total_money=sum((s.total_money for s in items), ZERO),
            our_units=sum((s.our_units for s in items), ZERO),
            our_money=sum((s.our_money for s in items), ZERO),
            slot_units=sum((s.slot_units for s in items), ZERO),
            slot_money=sum((s.slot_money for s in items), ZERO),
            categories=len(items),
        )
        for account, items in grouped.items()
    }


class Quadrant(StrEnum):
    """Where an account sits on the units × money potential matrix."""

    HIGH_UNITS_HIGH_MONEY = "high_units_high_money"
    HIGH_UNITS_LOW_MONEY = "high_units_low_money"
    LOW_UNITS_HIGH_MONEY = "low_units_high_money"
    LOW_UNITS_LOW_MONEY = "low_units_low_money"

    @property
    def high_money(self) -> bool:
        """High potential in money: the half that gets growth offers."""
        return self in (Quadrant.HIGH_UNITS_HIGH_MONEY, Quadrant.LOW_UNITS_HIGH_MONEY)


@dataclass(frozen=True)
class PotentialMatrix:
    """The thresholds used and every account's quadrant."""

    units_threshold: Decimal
    money_threshold: Decimal
    placements: Mapping[str, Quadrant]


def potential_matrix(
    potentials: Mapping[str, AccountPotential],
    units_threshold: Decimal | None = None,
    money_threshold: Decimal | None = None,
) -> PotentialMatrix:
    """Place accounts by slot units × slot money; at or above a threshold is high.

    Thresholds default to the portfolio median of the slots (so roughly half of the accounts are high
    on each axis, whatever the currency or unit scale).
    """
    values = list(potentials.values())
    units_cut = units_threshold if units_threshold is not None else _median(v.slot_units for v in values)
    money_cut = money_threshold if money_threshold is not None else _median(v.slot_money for v in values)
    placements = {
        p.account: _quadrant(p.slot_units >= units_cut, p.slot_money >= money_cut) for p in values
    }
    return PotentialMatrix(units_cut, money_cut, placements)


def _median(values: Iterable[Decimal]) -> Decimal:
    items = list(values)
    return statistics.median(items) if items else ZERO


def _quadrant(high_units: bool, high_money: bool) -> Quadrant:
    if high_units:
        return Quadrant.HIGH_UNITS_HIGH_MONEY if high_money else Quadrant.HIGH_UNITS_LOW_MONEY
    return Quadrant.LOW_UNITS_HIGH_MONEY if high_money else Quadrant.LOW_UNITS_LOW_MONEY


def slot_problems(units: Decimal, money: Decimal, source: str, on: date, confidence: Decimal,
                  today: date) -> list[str]:
    """Every reason a gathered total cannot be recorded (empty: it can)."""
    problems = []
    if units < 0 or money < 0:
        problems.append("totals cannot be negative")
    if units != units.quantize(Decimal("0.001")) or money != money.quantize(Decimal("0.01")):
        problems.append("units take at most 3 decimal places and money 2")
    if source not in {s.value for s in SlotSource}:
        problems.append(f"source {source!r} is not one of {', '.join(s.value for s in SlotSource)}")
    if not Decimal(0) <= confidence <= Decimal(1):
        problems.append(f"confidence {confidence} must be between 0 and 1")
    if on > today:
        problems.append(f"collected on {on.isoformat()} is in the future")
    return problems
