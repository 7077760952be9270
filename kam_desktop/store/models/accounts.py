"""Accounts (client companies), their people, and the product categories we sell."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kam_desktop.domain.vocabulary import AccountKind, AccountStatus, ContactRole, Language
from kam_desktop.store.models.base import Base, SyncedMixin, one_of
from kam_desktop.store.models.people import User


class Account(SyncedMixin, Base):
    __tablename__ = "accounts"
    __table_args__ = (
        one_of("kind", AccountKind),
        one_of("status", AccountStatus),
        one_of("language", Language),
        # the active accounts' grading columns in id order, the roll-up's key order (migration 0018): a grading's
        # seeks into the monthly roll-up read its pages in turn, and the wide account rows are not read at all
        Index("ix_accounts_graded", "id", "status", "deleted_at", "enrolled_on", "code", "kind", "currency"),
    )

    code: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)  # from the ERP
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    tax_id: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default=AccountKind.CUSTOMER)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    region: Mapped[str | None] = mapped_column(String(100))
    industry: Mapped[str | None] = mapped_column(String(100))
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    language: Mapped[str] = mapped_column(String(2), nullable=False, default=Language.EN)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=AccountStatus.ACTIVE)
    enrolled_on: Mapped[date | None] = mapped_column(Date)  # joined the loyalty program
    address: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    control_group: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)  # for ROI increment

    owner: Mapped[User | None] = relationship(lazy="joined")


class Contact(SyncedMixin, Base):
    __tablename__ = "contacts"
    __table_args__ = (
        one_of("role", ContactRole),
        CheckConstraint("nps IS NULL OR (nps BETWEEN 0 AND 10)", name="nps_range"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False, default=ContactRole.OTHER)
    position: Mapped[str | None] = mapped_column(String(200))  # job title as the client writes it
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    language: Mapped[str | None] = mapped_column(String(2))
    marketing_consent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    consent_on: Mapped[date | None] = mapped_column(Date)
    nps: Mapped[int | None] = mapped_column(Integer)
    nps_on: Mapped[date | None] = mapped_column(Date)


class ProductCategory(SyncedMixin, Base):
    __tablename__ = "product_categories"

    code: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_pl: Mapped[str | None] = mapped_column(String(200))
    name_ru: Mapped[str | None] = mapped_column(String(200))
