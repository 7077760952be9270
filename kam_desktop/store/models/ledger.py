"""The points/cashback ledger: append-only entries; balances are folds, never stored."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kam_desktop.domain.vocabulary import LedgerKind, LedgerUnit
from kam_desktop.store.models.base import AppendOnlyMixin, Base, one_of
from kam_desktop.store.types import Money


class LedgerEntry(AppendOnlyMixin, Base):
    """One movement: accruals are positive; redemptions, expiries and reversals negative.

    `idempotency_key` is unique, so a quarter close that runs twice (or resumes after a crash)
    cannot book the same accrual again.
    """

    __tablename__ = "ledger_entries"
    __table_args__ = (
        one_of("kind", LedgerKind),
        one_of("unit", LedgerUnit),
        Index("ix_ledger_entries_account_booked", "account_id", "booked_on"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    unit: Mapped[str] = mapped_column(String(16), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)  # points also kept to 2 places
    currency: Mapped[str | None] = mapped_column(String(3))  # cashback only
    booked_on: Mapped[date] = mapped_column(Date, nullable=False)
    quarter: Mapped[str | None] = mapped_column(String(6))  # e.g. 2026Q1
    expires_on: Mapped[date | None] = mapped_column(Date)
    source_kind: Mapped[str] = mapped_column(String(24), nullable=False)  # quarter_close, exception, …
    source_ref: Mapped[str | None] = mapped_column(String(120))  # invoice no., quarter, EXC number
    idempotency_key: Mapped[str] = mapped_column(String(160), unique=True, nullable=False)
    reverses_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    # a late accrual or a clawback names the entry it corrects (usually the quarter's close accrual)
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    note: Mapped[str | None] = mapped_column(Text)


class LedgerAllocation(AppendOnlyMixin, Base):
    """Which accrual lot a redemption or expiry consumed, and how much of it (FIFO by expiry)."""

    __tablename__ = "ledger_allocations"

    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_entries.id"), index=True, nullable=False)
    lot_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_entries.id"), index=True, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
