"""The commercial policy (caps per grade, versioned) and policy-exception requests with their decisions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kam_desktop.domain.vocabulary import Decision, ExceptionKind, ExceptionStatus, GradeCode, Role
from kam_desktop.store.models.base import AppendOnlyMixin, Base, SyncedMixin, one_of
from kam_desktop.store.types import Money, Rate, UTCDateTime


class CommercialPolicy(SyncedMixin, Base):
    """One version of the commercial policy, in force from `valid_from`."""

    __tablename__ = "commercial_policies"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, unique=True, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)

    caps: Mapped[list[PolicyCap]] = relationship(
        back_populates="policy", order_by="PolicyCap.grade", cascade="all, delete-orphan"
    )


class PolicyCap(SyncedMixin, Base):
    """The limits a grade may get without an exception."""

    __tablename__ = "policy_caps"
    __table_args__ = (UniqueConstraint("policy_id", "grade"), one_of("grade", GradeCode))

    policy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("commercial_policies.id"), nullable=False)
    grade: Mapped[str] = mapped_column(String(2), nullable=False)
    max_discount_pct: Mapped[Decimal] = mapped_column(Rate(), nullable=False)
    max_payment_days: Mapped[int] = mapped_column(Integer, nullable=False)
    benefit_budget_pct_of_margin: Mapped[Decimal] = mapped_column(Rate(), nullable=False)
    gift_limit_per_person_year: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)

    policy: Mapped[CommercialPolicy] = relationship(back_populates="caps")


class ExceptionRequest(SyncedMixin, Base):
    """A KAM's request to go beyond the policy: who, what, why, who decided, until when."""

    __tablename__ = "exception_requests"
    __table_args__ = (one_of("kind", ExceptionKind), one_of("status", ExceptionStatus))

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)  # EXC-2026-…
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    policy_value: Mapped[Decimal | None] = mapped_column(Rate())  # the cap
    requested_value: Mapped[Decimal] = mapped_column(Rate(), nullable=False)
    value_unit: Mapped[str | None] = mapped_column(String(16))
    justification: Mapped[str] = mapped_column(Text, nullable=False)
    expected_incremental_margin: Mapped[Decimal | None] = mapped_column(Money())
    expected_cost: Mapped[Decimal | None] = mapped_column(Money())
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=ExceptionStatus.DRAFT)
    requested_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), nullable=False)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    required_steps: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # 1: director; 2: + finance
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)

    steps: Mapped[list[ApprovalStep]] = relationship(order_by="ApprovalStep.step_no", viewonly=True)


class ApprovalStep(AppendOnlyMixin, Base):
    """One decision on a request, by one approver; never edited."""

    __tablename__ = "approval_steps"
    __table_args__ = (
        UniqueConstraint("exception_id", "step_no"),
        one_of("approver_role", Role),
        one_of("decision", Decision),
    )

    exception_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exception_requests.id"), nullable=False)
    step_no: Mapped[int] = mapped_column(Integer, nullable=False)
    approver_role: Mapped[str] = mapped_column(String(16), nullable=False)
    decided_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), nullable=False)
    decision: Mapped[str] = mapped_column(String(8), nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
    request_version: Mapped[int] = mapped_column(Integer, nullable=False)  # what the approver read
