"""Settlement: locked quarters, manual adjustments, payout documents, MDF funds and claims, late facts, clawbacks."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kam_desktop.domain.adjustments import AdjustmentStatus
from kam_desktop.domain.late_facts import FactKind
from kam_desktop.domain.mdf import ClaimStatus
from kam_desktop.domain.payout import PayoutMethod
from kam_desktop.domain.vocabulary import LedgerUnit
from kam_desktop.store.models.base import AppendOnlyMixin, Base, SyncedMixin, one_of
from kam_desktop.store.types import Money, Rate, UTCDateTime


class PeriodLock(AppendOnlyMixin, Base):
    """A quarter finance has locked: nothing is booked into it any more (`created_by`/`created_at`: who, when)."""

    __tablename__ = "period_locks"

    quarter: Mapped[str] = mapped_column(String(6), unique=True, nullable=False)  # 2026Q1
    locked_on: Mapped[date] = mapped_column(Date, nullable=False)  # the business day of the lock


class LedgerAdjustment(SyncedMixin, Base):
    """A manual correction of a balance: proposed (with a reason), approved by a second person, booked by finance."""

    __tablename__ = "ledger_adjustments"
    __table_args__ = (one_of("unit", LedgerUnit), one_of("status", AdjustmentStatus))

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)  # ADJ-2026-00007
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    unit: Mapped[str] = mapped_column(String(16), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)  # signed: what it adds to the balance
    currency: Mapped[str | None] = mapped_column(String(3))  # cashback only
    dated: Mapped[date] = mapped_column(Date, nullable=False)  # the day it belongs to
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default=AdjustmentStatus.PROPOSED)
    proposed_by: Mapped[str] = mapped_column(String(64), nullable=False)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    decision_note: Mapped[str | None] = mapped_column(Text)
    booked_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))


class PayoutDocument(AppendOnlyMixin, Base):
    """A payout of cashback: the ledger entry it booked and the document it was settled with.

    A rebate note / correcting invoice also lives in the document register (`document_id`: its frozen PDF
    and SHA-256); a next-invoice discount or an MDF budget transfer is numbered here only.
    """

    __tablename__ = "payout_documents"
    __table_args__ = (one_of("method", PayoutMethod),)

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)  # RBN-/DSC-/MDT-2026-00001
    method: Mapped[str] = mapped_column(String(20), nullable=False)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_entries.id"), unique=True, nullable=False)
    document_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("documents.id"))
    benefit: Mapped[str] = mapped_column(String(24), nullable=False)
    period: Mapped[str] = mapped_column(String(20), nullable=False)  # what it settles, e.g. 2026Q1
    issued_on: Mapped[date] = mapped_column(Date, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    total_net: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    total_vat: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    total_gross: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    vat_percent: Mapped[Decimal | None] = mapped_column(Rate())
    seller: Mapped[dict[str, object] | None] = mapped_column(JSON)  # name, tax_id, address as printed
    buyer: Mapped[dict[str, object] | None] = mapped_column(JSON)
    lines: Mapped[list[dict[str, object]]] = mapped_column(JSON, nullable=False)
    lots: Mapped[list[dict[str, object]]] = mapped_column(JSON, nullable=False)  # the lots the entry took
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the rebate note's PDF


class MdfFund(SyncedMixin, Base):
    """A partner's market development fund for one quarter, in the partner's currency."""

    __tablename__ = "mdf_funds"
    __table_args__ = (UniqueConstraint("account_id", "quarter"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    quarter: Mapped[str] = mapped_column(String(6), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    allocated: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    claim_days: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    settled_on: Mapped[date | None] = mapped_column(Date)  # after the claim window, every claim decided


class MdfFundTransfer(AppendOnlyMixin, Base):
    """Cashback paid into a fund (a payout by MDF budget)."""

    __tablename__ = "mdf_fund_transfers"

    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("mdf_funds.id"), index=True, nullable=False)
    payout_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payout_documents.id"), unique=True, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)


class MdfClaim(SyncedMixin, Base):
    """A partner's claim for one activity against its quarter's fund: submitted → approved | rejected → paid."""

    __tablename__ = "mdf_claims"
    __table_args__ = (one_of("status", ClaimStatus),)

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)  # MDF-2026-00012
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("mdf_funds.id"), index=True, nullable=False)
    activity: Mapped[str] = mapped_column(Text, nullable=False)
    performed_on: Mapped[date] = mapped_column(Date, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default=ClaimStatus.SUBMITTED)
    submitted_by: Mapped[str] = mapped_column(String(64), nullable=False)
    submitted_on: Mapped[date] = mapped_column(Date, nullable=False)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_note: Mapped[str | None] = mapped_column(Text)
    paid_on: Mapped[date | None] = mapped_column(Date)
    payment_ref: Mapped[str | None] = mapped_column(String(120))


class MdfProof(AppendOnlyMixin, Base):
    """Proof of performance attached to a claim: an invoice, photos, an attendee list, a campaign report."""

    __tablename__ = "mdf_proofs"

    claim_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("mdf_claims.id"), index=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    reference: Mapped[str] = mapped_column(String(200), nullable=False)
    received_on: Mapped[date] = mapped_column(Date, nullable=False)


class LateFactRecord(AppendOnlyMixin, Base):
    """A sale or return that reached us after its quarter was closed, and what settling it changed.

    Written once when the fact is first settled (at an import or a close); its entries carry the keys
    `late:{quarter}:{account}:{ref}:{unit}`. `shortfall` is cashback already spent that the reversal could
    not take back: the clawback rule settles it.
    """

    __tablename__ = "late_facts"
    __table_args__ = (UniqueConstraint("account_id", "quarter", "ref"), one_of("kind", FactKind))

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    quarter: Mapped[str] = mapped_column(String(6), nullable=False)
    ref: Mapped[str] = mapped_column(String(120), nullable=False)  # the invoice (or credit note) number
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False)
    category: Mapped[str] = mapped_column(String(40), nullable=False)
    net: Mapped[Decimal] = mapped_column(Money(), nullable=False)  # positive
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)  # when its import was applied
    import_id: Mapped[uuid.UUID | None] = mapped_column()
    settled_on: Mapped[date] = mapped_column(Date, nullable=False)  # the business day the entries are booked on
    cashback_change: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    points_change: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    shortfall: Mapped[Decimal] = mapped_column(Money(), nullable=False)  # cashback, in `currency`


class ClawbackDue(AppendOnlyMixin, Base):
    """Cashback an account owes back for a quarter (a net-negative quarter, or a late return already spent).

    Dues of one account and quarter add up; the ledger's takings (keys `clawback:{quarter}:{account}:n`)
    say how much is settled, the rest is a negative balance carried forward.
    """

    __tablename__ = "clawback_dues"
    __table_args__ = (UniqueConstraint("account_id", "quarter", "origin"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    quarter: Mapped[str] = mapped_column(String(6), nullable=False)
    origin: Mapped[str] = mapped_column(String(140), nullable=False)  # "net" or "late:{ref}"
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)  # positive
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
