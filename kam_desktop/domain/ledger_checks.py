"""Whole-ledger invariants: unique ids and keys, allocations only to known lots of the same account, unit and
currency, no lot consumed beyond its amount. The account ledger reports what breaks them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from kam_desktop.domain.ledger import ZERO, LedgerEntry


@dataclass(frozen=True)
class LedgerProblem:
    """One thing wrong with a ledger, for a check that reports every problem at once."""

    entry_key: str
    message: str


def validate(entries: Sequence[LedgerEntry]) -> list[LedgerProblem]:
    """Check a whole ledger: unique ids and keys, allocations to known lots, no lot over-consumed."""
    by_id = {e.id: e for e in entries}
    problems = _identity_problems(entries)
    for e in entries:
        if e.reverses is not None and e.reverses not in by_id:
            problems.append(LedgerProblem(e.idempotency_key, f"reverses unknown entry {e.reverses}"))
        problems.extend(_allocation_problems(e, by_id))
    return problems + _consumption_problems(entries, by_id)


def _identity_problems(entries: Sequence[LedgerEntry]) -> list[LedgerProblem]:
    problems: list[LedgerProblem] = []
    seen_ids: set[UUID] = set()
    seen_keys: set[str] = set()
    for e in entries:
        if e.id in seen_ids:
            problems.append(LedgerProblem(e.idempotency_key, f"duplicate id {e.id}"))
        if e.idempotency_key in seen_keys:
            problems.append(LedgerProblem(e.idempotency_key, "duplicate idempotency key"))
        seen_ids.add(e.id)
        seen_keys.add(e.idempotency_key)
    return problems


def _allocation_problems(e: LedgerEntry, by_id: dict[UUID, LedgerEntry]) -> Iterator[LedgerProblem]:
    """An entry takes only from known lots of its own account, unit and currency."""
    for a in e.allocations:
        lot = by_id.get(a.lot_id)
        if lot is None or not lot.is_lot:
            yield LedgerProblem(e.idempotency_key, f"allocation to unknown lot {a.lot_id}")
        elif (lot.account, lot.unit) != (e.account, e.unit):
            yield LedgerProblem(e.idempotency_key, f"allocation to another account's lot {a.lot_id}")
        elif lot.currency != e.currency and None not in (lot.currency, e.currency):
            yield LedgerProblem(e.idempotency_key, f"takes {lot.currency} lot {a.lot_id} as {e.currency}")


def _consumption_problems(entries: Sequence[LedgerEntry], by_id: dict[UUID, LedgerEntry]) -> list[LedgerProblem]:
    """No lot is consumed beyond its amount (or below zero)."""
    used: dict[UUID, Decimal] = {}
    for e in entries:
        for a in e.allocations:
            used[a.lot_id] = used.get(a.lot_id, ZERO) + a.amount
    problems = []
    for lot_id, amount in used.items():
        lot = by_id.get(lot_id)
        if lot is not None and lot.is_lot and not ZERO <= amount <= lot.amount:
            problems.append(LedgerProblem(lot.idempotency_key, f"lot consumed {amount} of {lot.amount}"))
    return problems
