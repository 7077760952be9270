"""Reward liability: the per-currency roll-forward of any period, breakage, and the estimate for finance.

opening + accrued − reversed − redeemed − paid out − expired − clawed back ± adjusted = closing,
per denomination (cashback per currency, points apart). Lots expired by the period's end are counted
as expired on the day after their expiry date even when the expiry run has not booked them yet
(`due_expiries` says how much of that is not booked), so the usable balance never includes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from kam_desktop.domain.ledger import Allocation, LedgerEntry, LedgerError, expire
from kam_desktop.domain.money import money
from kam_desktop.domain.movements import (
    Denomination,
    Movement,
    PointValue,
    classify,
    denomination_of,
    money_of,
)
from kam_desktop.domain.vocabulary import LedgerKind, LedgerUnit

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class RollForward:
    """One denomination over [start, end]: `lines` are signed (what each movement added to the balance)."""

    denomination: Denomination
    start: date
    end: date
    opening: Decimal = ZERO
    lines: Mapping[Movement, Decimal] = field(default_factory=dict)
    closing: Decimal = ZERO
    due_expiries: Decimal = ZERO  # part of `expired` the expiry run has not booked yet (positive)

    def _out(self, *movements: Movement) -> Decimal:
        return -sum((self.lines.get(m, ZERO) for m in movements), ZERO)

    @property
    def accrued(self) -> Decimal:
        return self.lines.get(Movement.ACCRUED, ZERO)

    @property
    def reversed(self) -> Decimal:
        return self._out(Movement.REVERSED)

    @property
    def redeemed(self) -> Decimal:
        return self._out(Movement.REDEEMED)

    @property
    def paid_out(self) -> Decimal:
        return self._out(*(m for m in Movement if m.is_payout))

    @property
    def expired(self) -> Decimal:
        return self._out(Movement.EXPIRED)

    @property
    def clawed_back(self) -> Decimal:
        return self._out(Movement.CLAWED_BACK)

    @property
    def adjusted(self) -> Decimal:
        return self.lines.get(Movement.ADJUSTED, ZERO)

    def closes(self) -> bool:
        """The identity finance checks: the lines explain the change from opening to closing exactly."""
        moved = (
            self.accrued - self.reversed - self.redeemed - self.paid_out - self.expired - self.clawed_back
            + self.adjusted
        )
        return self.opening + moved == self.closing


Valuer = Callable[[LedgerEntry], tuple[Denomination, Decimal]]


def in_units(entry: LedgerEntry) -> tuple[Denomination, Decimal]:
    """Count an entry in its own unit: cashback in its currency, points in points."""
    return denomination_of(entry), entry.amount


def in_money(point_value: PointValue) -> Valuer:
    """Count an entry in money: cashback as it is, points at the point value (each entry rounded)."""

    def value(entry: LedgerEntry) -> tuple[Denomination, Decimal]:
        amount = money_of(entry, point_value)
        return Denomination(entry.unit, amount.currency), amount.amount

    return value


def with_due_expiries(entries: Iterable[LedgerEntry], end: date) -> tuple[list[LedgerEntry], set[UUID]]:
    """The entries booked by `end` plus the expiries due by then that are not booked (and their ids)."""
    booked = [e for e in entries if e.booked_on <= end]
    due = expire(booked, end)
    return booked + due, {e.id for e in due}


def roll_forward(
    entries: Iterable[LedgerEntry], start: date, end: date, value: Valuer = in_units,
    include_due_expiries: bool = True,
) -> dict[Denomination, RollForward]:
    """The roll-forward of [start, end] per denomination; entries after `end` are ignored."""
    if end < start:
        raise LedgerError("a period cannot end ({end}) before it starts ({start})", end=end, start=start)
    if include_due_expiries:
        ledger, due_ids = with_due_expiries(entries, end)
    else:
        ledger, due_ids = [e for e in entries if e.booked_on <= end], set()
    movements = classify(ledger)
    opening: dict[Denomination, Decimal] = {}
    lines: dict[Denomination, dict[Movement, Decimal]] = {}
    due: dict[Denomination, Decimal] = {}
    for e in ledger:
        denomination, amount = value(e)
        lines.setdefault(denomination, {})
        if e.booked_on < start:
            opening[denomination] = opening.get(denomination, ZERO) + amount
            continue
        movement = movements[e.id]
        lines[denomination][movement] = lines[denomination].get(movement, ZERO) + amount
        if e.id in due_ids:
            due[denomination] = due.get(denomination, ZERO) - amount
    closing = _closing(ledger, value)
    return {
        d: RollForward(d, start, end, opening.get(d, ZERO), lines[d], closing.get(d, ZERO), due.get(d, ZERO))
        for d in sorted(lines)
    }


def _closing(ledger: Iterable[LedgerEntry], value: Valuer) -> dict[Denomination, Decimal]:
    # Folded separately from the lines, so `closes()` checks the classification, not a restatement of it.
    result: dict[Denomination, Decimal] = {}
    for e in ledger:
        denomination, amount = value(e)
        result[denomination] = result.get(denomination, ZERO) + amount
    return result


def historical_breakage(entries: Iterable[LedgerEntry], as_of: date, unit: LedgerUnit) -> Decimal | None:
    """Share of matured lots (expired by `as_of`) that expired unused: expired / (lot − reversed).

    None when no lot of the unit has matured yet (then the program's assumed rate applies).
    """
    pool = list(entries)
    lots = {e.id: e for e in pool if e.unit is unit and _matured(e, as_of)}
    expired = sum((a.amount for a in _taken_from(pool, lots, LedgerKind.EXPIRY)), ZERO)
    taken_back: dict[UUID, Decimal] = {}
    for a in _taken_from((e for e in pool if e.amount < 0), lots, LedgerKind.REVERSAL):
        taken_back[a.lot_id] = taken_back.get(a.lot_id, ZERO) + a.amount
    base = sum((lot.amount - taken_back.get(i, ZERO) for i, lot in lots.items()), ZERO)
    if base <= 0:
        return None
    return (expired / base).quantize(Decimal("0.0001"))


def _matured(entry: LedgerEntry, as_of: date) -> bool:
    """A lot whose expiry day has passed by `as_of`."""
    return entry.is_lot and entry.expires_on is not None and entry.expires_on < as_of


def _taken_from(entries: Iterable[LedgerEntry], lots: Mapping[UUID, LedgerEntry], kind: LedgerKind) -> Iterator[Allocation]:
    """What entries of `kind` took from `lots`."""
    for e in entries:
        if e.kind is kind:
            yield from (a for a in e.allocations if a.lot_id in lots)


@dataclass(frozen=True)
class LiabilityEstimate:
    """What finance carries: the usable balance less the share expected to expire unused."""

    denomination: Denomination
    as_of: date
    balance: Decimal
    breakage_rate: Decimal
    expected_breakage: Decimal
    estimated_liability: Decimal


def estimate(
    roll_forwards: Mapping[Denomination, RollForward], breakage: Mapping[LedgerUnit, Decimal]
) -> list[LiabilityEstimate]:
    """The estimated liability per denomination at each roll-forward's end (rounded half up to cents)."""
    result = []
    for d, rf in roll_forwards.items():
        rate = breakage.get(d.unit, ZERO)
        if not ZERO <= rate <= 1:
            raise LedgerError("breakage rate for {unit} must be between 0 and 1, not {rate}", unit=d.unit, rate=rate)
        expected = money(max(rf.closing, ZERO) * rate)
        result.append(LiabilityEstimate(d, rf.end, rf.closing, rate, expected, rf.closing - expected))
    return result
