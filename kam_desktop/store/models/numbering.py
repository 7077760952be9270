"""Document numbering that works offline (devices, leased blocks) and the benefits each annex lists.

The scheme is in `kam_desktop.domain.numbering`: every laptop has a device number; it issues numbers
from blocks the team server leased to it, and offline from a reserve slice computed from its device
number alone. `NumberingDevice` and `NumberBlockLease` are the server's registry (synced, so every
laptop sees all leases); `LocalDevice` is the one local, never-synced row that says which device *this*
store is. A single-user store (no server) registers itself as device 1 in solo mode.
"""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kam_desktop.store.models.base import AppendOnlyMixin, Base, SyncedMixin, one_of

NUMBERING_MODES = ("solo", "team")


class NumberingDevice(SyncedMixin, Base):
    """A laptop (or the solo install) registered for numbering: device numbers are never reused."""

    __tablename__ = "numbering_devices"
    __table_args__ = (CheckConstraint("device_no BETWEEN 1 AND 199", name="device_no_range"),)

    device_no: Mapped[int] = mapped_column(Integer, unique=True, nullable=False)
    label: Mapped[str] = mapped_column(String(200), nullable=False)  # e.g. the laptop's host name
    registered_by: Mapped[str] = mapped_column(String(64), nullable=False)


class NumberBlockLease(AppendOnlyMixin, Base):
    """Sequences `first`…`last` of one prefix and year, leased to one device; never changed or reused."""

    __tablename__ = "number_block_leases"
    __table_args__ = (
        UniqueConstraint("prefix", "year", "first_seq"),
        CheckConstraint("first_seq BETWEEN 1 AND last_seq", name="block_range"),
    )

    prefix: Mapped[str] = mapped_column(String(3), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    first_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    device_no: Mapped[int] = mapped_column(ForeignKey("numbering_devices.device_no"), nullable=False)


class LocalDevice(Base):
    """Which registered device this store is (one row, id 1); local only, never synced."""

    __tablename__ = "local_device"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"), one_of("mode", NUMBERING_MODES))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    device_no: Mapped[int] = mapped_column(Integer, nullable=False)
    mode: Mapped[str] = mapped_column(String(8), nullable=False, default="solo")


class AnnexBenefit(AppendOnlyMixin, Base):
    """A benefit grant an issued annex lists (frozen with it); signing the annex activates these grants."""

    __tablename__ = "annex_benefits"
    __table_args__ = (UniqueConstraint("document_id", "grant_id"),)

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id"), index=True, nullable=False)
    grant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("benefit_grants.id"), index=True, nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)  # order on the printed annex
    pending: Mapped[bool] = mapped_column(nullable=False, default=False)  # waited for approval at issue
