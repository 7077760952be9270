"""The benefit catalog and the benefits granted to accounts."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kam_desktop.domain.vocabulary import BenefitType, CostModel, GrantStatus, Hardness
from kam_desktop.store.models.base import Base, SyncedMixin, one_of
from kam_desktop.store.types import Money, Rate


class BenefitCatalogItem(SyncedMixin, Base):
    """A benefit the program offers: behaviour → business value → reward."""

    __tablename__ = "benefit_catalog"
    __table_args__ = (
        one_of("benefit_type", BenefitType),
        one_of("hardness", Hardness),
        one_of("cost_model", CostModel),
    )

    code: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_pl: Mapped[str | None] = mapped_column(String(200))
    name_ru: Mapped[str | None] = mapped_column(String(200))
    benefit_type: Mapped[str] = mapped_column(String(24), nullable=False)
    hardness: Mapped[str] = mapped_column(String(8), nullable=False)
    cost_model: Mapped[str] = mapped_column(String(24), nullable=False)
    default_value: Mapped[Decimal | None] = mapped_column(Rate())  # e.g. 5 (% discount), 60 (days)
    value_unit: Mapped[str | None] = mapped_column(String(16))  # pct, days, money, units
    eligible_grades: Mapped[str] = mapped_column(String(20), nullable=False, default="L1,L2,L3,L4")
    limit_per_account_year: Mapped[Decimal | None] = mapped_column(Money())
    limit_count_per_year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class BenefitGrant(SyncedMixin, Base):
    """A benefit given to one account, on terms, for a period; activated by a signed annex."""

    __tablename__ = "benefit_grants"
    __table_args__ = (one_of("status", GrantStatus),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    catalog_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("benefit_catalog.id"), nullable=False)
    terms: Mapped[str | None] = mapped_column(Text)
    value: Mapped[Decimal | None] = mapped_column(Rate())  # what is granted, in the catalog's unit
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_to: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=GrantStatus.PROPOSED)
    cost_estimate: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    used_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False, default=Decimal("0.00"))
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    exception_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("exception_requests.id"))
    annex_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("documents.id"))
    granted_by: Mapped[str | None] = mapped_column(String(64))

    catalog_item: Mapped[BenefitCatalogItem] = relationship(lazy="joined")
