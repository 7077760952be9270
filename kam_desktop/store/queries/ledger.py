"""Ledger rows with their allocations, read in two statements (entries, then their allocations); the keys booked
under a prefix; the accounts an expiry run can book for."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kam_desktop.store.models import Account, LedgerAllocation, LedgerEntry


@dataclass(frozen=True)
class StoredEntry:
    """A ledger row and the (lot id, amount) allocations it carries."""

    row: LedgerEntry
    allocations: tuple[tuple[uuid.UUID, Decimal], ...]


def keyed_entries(session: Session, key_prefix: str) -> list[tuple[str, str]]:
    """(idempotency key, account code) of the entries whose key starts with a prefix (as `ledger_entries` selects
    them), with no entry decoded: what a quarter close has booked already."""
    query = (select(LedgerEntry.idempotency_key, Account.code).join(Account, Account.id == LedgerEntry.account_id)
             .where(LedgerEntry.idempotency_key.startswith(key_prefix, autoescape=True)))
    return [(key, code) for key, code in session.execute(query)]


def ledger_entries(
    session: Session, account_ids: Collection[uuid.UUID] | Select[Any] | None = None, key_prefix: str | None = None
) -> list[StoredEntry]:
    """Entries (of some accounts — their ids, or a query selecting them —, or whose idempotency key starts with a
    prefix), oldest first."""
    query = select(LedgerEntry).order_by(LedgerEntry.booked_on, LedgerEntry.created_at, LedgerEntry.idempotency_key)
    if account_ids is not None:
        query = query.where(LedgerEntry.account_id.in_(account_ids if isinstance(account_ids, Select)
                                                       else list(account_ids)))
    if key_prefix is not None:
        query = query.where(LedgerEntry.idempotency_key.startswith(key_prefix, autoescape=True))
    rows = list(session.scalars(query))
    allocations: dict[uuid.UUID, list[tuple[uuid.UUID, Decimal]]] = {}
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for entry_id, lot_id, amount in session.execute(
            select(LedgerAllocation.entry_id, LedgerAllocation.lot_id, LedgerAllocation.amount)
            .where(LedgerAllocation.entry_id.in_(chunk))
        ):
            allocations.setdefault(entry_id, []).append((lot_id, amount))
    return [StoredEntry(r, tuple(allocations.get(r.id, ()))) for r in rows]


def accounts_with_expired_lots(session: Session, on: date) -> set[uuid.UUID]:
    """Accounts holding an entry expired by `on` (its expiry day before it) with something left after its allocations.

    The expiry run books only for lots like that, so it reads only these accounts' ledgers: the others would give
    nothing (a close at 20,000 accounts read the whole ledger back for its run). A superset of what the run books:
    it does not look at the entry's kind (the domain's `is_lot` does).
    """
    used = (select(LedgerAllocation.lot_id, func.sum(LedgerAllocation.amount).label("amount"))
            .group_by(LedgerAllocation.lot_id).subquery())
    left = LedgerEntry.amount - func.coalesce(used.c.amount, 0)
    query = (select(LedgerEntry.account_id).distinct()
             .select_from(LedgerEntry).outerjoin(used, used.c.lot_id == LedgerEntry.id)
             .where(LedgerEntry.expires_on.is_not(None), LedgerEntry.expires_on < on, left > 0))
    return set(session.scalars(query))
