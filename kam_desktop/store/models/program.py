"""The loyalty program's configuration (versioned by validity date) and each account's grade history."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kam_desktop.domain.vocabulary import GradeCode, Segment
from kam_desktop.store.models.base import AppendOnlyMixin, Base, SyncedMixin, one_of
from kam_desktop.store.types import Money, Rate


class ProgramConfig(SyncedMixin, Base):
    """One version of the program rules, in force from `valid_from` until the next version."""

    __tablename__ = "program_configs"
    __table_args__ = (one_of("basis", ["net_revenue", "gross_margin"]),)

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, unique=True, nullable=False)
    basis: Mapped[str] = mapped_column(String(16), nullable=False, default="net_revenue")
    basis_months: Mapped[int] = mapped_column(Integer, nullable=False, default=12)
    downgrade_grace: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # evaluations held
    points_expiry_quarters: Mapped[int] = mapped_column(Integer, nullable=False, default=4)
    churn_months: Mapped[int] = mapped_column(Integer, nullable=False, default=6)
    exception_director_limit: Mapped[Decimal] = mapped_column(Money(), nullable=False)  # above: + finance
    base_currency: Mapped[str] = mapped_column(String(3), nullable=False)
    segment_rules: Mapped[str | None] = mapped_column(Text)  # JSON of thresholds, read by the domain

    grade_terms: Mapped[list[ProgramGradeTerm]] = relationship(
        back_populates="program", order_by="ProgramGradeTerm.grade", cascade="all, delete-orphan"
    )
    earning_rules: Mapped[list[EarningRule]] = relationship(
        back_populates="program", cascade="all, delete-orphan"
    )


class ProgramGradeTerm(SyncedMixin, Base):
    """A grade of one program version: its percentile cut-off, names and cashback."""

    __tablename__ = "program_grade_terms"
    __table_args__ = (UniqueConstraint("program_id", "grade"), one_of("grade", GradeCode))

    program_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("program_configs.id"), nullable=False)
    grade: Mapped[str] = mapped_column(String(2), nullable=False)
    cutoff: Mapped[Decimal | None] = mapped_column(Rate())  # upper percentile; None for the last grade
    name_customer: Mapped[str] = mapped_column(String(60), nullable=False)
    name_partner: Mapped[str] = mapped_column(String(60), nullable=False)
    cashback_pct: Mapped[Decimal] = mapped_column(Rate(), nullable=False)

    program: Mapped[ProgramConfig] = relationship(back_populates="grade_terms")


class EarningRule(SyncedMixin, Base):
    """How points are earned: per money spent, per category multiplier, or per partner event."""

    __tablename__ = "earning_rules"
    __table_args__ = (one_of("kind", ["per_money", "category_multiplier", "partner_event"]),)

    program_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("program_configs.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("product_categories.id"))
    event_code: Mapped[str | None] = mapped_column(String(60))  # e.g. certification, customer_active_90d
    points: Mapped[Decimal] = mapped_column(Rate(), nullable=False)  # points per `per_amount`, or per event
    per_amount: Mapped[Decimal | None] = mapped_column(Money())
    multiplier: Mapped[Decimal | None] = mapped_column(Rate())
    description: Mapped[str | None] = mapped_column(Text)

    program: Mapped[ProgramConfig] = relationship(back_populates="earning_rules")


class GradeEvaluation(AppendOnlyMixin, Base):
    """The grade an account got on an evaluation date, with every input that produced it."""

    __tablename__ = "grade_evaluations"
    __table_args__ = (
        UniqueConstraint("account_id", "evaluated_on"),
        Index("ix_grade_evaluations_date", "evaluated_on"),
        one_of("computed_grade", GradeCode),
        one_of("grade", GradeCode),
        one_of("segment", Segment),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), nullable=False)
    evaluated_on: Mapped[date] = mapped_column(Date, nullable=False)
    program_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("program_configs.id"), nullable=False)
    basis_kind: Mapped[str] = mapped_column(String(16), nullable=False)
    basis: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    rank: Mapped[int | None] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer, nullable=False)
    percentile: Mapped[Decimal | None] = mapped_column(Rate())
    cutoff: Mapped[Decimal | None] = mapped_column(Rate())
    computed_grade: Mapped[str] = mapped_column(String(2), nullable=False)
    previous_grade: Mapped[str | None] = mapped_column(String(2))
    grade: Mapped[str] = mapped_column(String(2), nullable=False)  # in force after grace and overrides
    at_risk: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    held_evaluations: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    override_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("grade_overrides.id"))
    segment: Mapped[str] = mapped_column(String(1), nullable=False)
    growth_pct: Mapped[Decimal | None] = mapped_column(Rate())
    potential_value: Mapped[Decimal | None] = mapped_column(Money())


class GradeOverride(AppendOnlyMixin, Base):
    """A manual grade, always with a reason and an expiry, and shown as an override."""

    __tablename__ = "grade_overrides"
    __table_args__ = (one_of("grade", GradeCode),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    grade: Mapped[str] = mapped_column(String(2), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    expires_on: Mapped[date] = mapped_column(Date, nullable=False)
    revokes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("grade_overrides.id"))
