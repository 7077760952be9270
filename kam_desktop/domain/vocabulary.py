"""The closed vocabularies of the program: roles, kinds, statuses (values are stored as text)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a user does in the program; the director and finance decide exceptions."""

    KAM = "kam"
    DIRECTOR = "director"
    FINANCE = "finance"
    ADMIN = "admin"


class AccountKind(StrEnum):
    CUSTOMER = "customer"
    PARTNER = "partner"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class Language(StrEnum):
    PL = "pl"
    RU = "ru"
    EN = "en"


class ContactRole(StrEnum):
    """The person's role in the client: each wants something else from the program."""

    FINANCE = "finance"  # CFO / finance: predictable settlement
    PURCHASING = "purchasing"  # terms
    OPERATIONS = "operations"  # SLA
    TECHNICAL = "technical"
    MANAGEMENT = "management"
    OTHER = "other"


class SlotSource(StrEnum):
    SURVEY = "survey"
    INTERVIEW = "interview"
    SALES_BOOK = "sales_book"
    ESTIMATE = "estimate"


class BenefitType(StrEnum):
    VOLUME_DISCOUNT = "volume_discount"
    REBATE = "rebate"
    CASHBACK = "cashback"
    POINTS = "points"
    MDF = "mdf"
    EXCLUSIVE_ACCESS = "exclusive_access"
    DATA_INSIGHTS = "data_insights"
    SERVICE = "service"
    TRAINING = "training"
    PAYMENT_TERMS = "payment_terms"
    EXTENDED_WARRANTY = "extended_warranty"
    GIFT = "gift"


class Hardness(StrEnum):
    HARD = "hard"  # discounts, cashback: money
    SOFT = "soft"  # service, access, know-how


class CostModel(StrEnum):
    PERCENT_OF_REVENUE = "percent_of_revenue"
    FIXED = "fixed"
    PER_UNIT = "per_unit"
    FINANCING = "financing"  # cost of money for deferred payment
    NONE = "none"


class GrantStatus(StrEnum):
    PROPOSED = "proposed"
    PENDING_APPROVAL = "pending_approval"
    ACTIVE = "active"
    USED = "used"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class LedgerKind(StrEnum):
    """The five kinds of ledger entry."""

    ACCRUAL = "accrual"
    REDEMPTION = "redemption"
    EXPIRY = "expiry"
    REVERSAL = "reversal"
    ADJUSTMENT = "adjustment"


class LedgerUnit(StrEnum):
    """What a ledger counts: loyalty points or cashback money."""

    POINTS = "points"
    CASHBACK = "cashback"


class ExceptionKind(StrEnum):
    """What an exception goes beyond; the first four are also the commercial policy's caps."""

    DISCOUNT = "discount"
    PAYMENT_TERMS = "payment_terms"
    BENEFIT_BUDGET = "benefit_budget"
    GIFT_VALUE = "gift_value"
    OTHER = "other"


class ExceptionStatus(StrEnum):
    """Where a policy-exception request is in its life."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


class DocumentKind(StrEnum):
    AGREEMENT = "agreement"
    ANNEX = "annex"
    STATEMENT = "statement"
    REBATE_NOTE = "rebate_note"  # a payout of cashback: rebate note, or correcting invoice when VAT applies


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    SIGNED = "signed"
    VOID = "void"


class Segment(StrEnum):
    """The four strategic segments (rules in `domain.segments`)."""

    STRATEGIC = "A"
    DEVELOPMENT = "B"
    VOLUME = "C"
    PARTNER = "P"


class Grade(StrEnum):
    """A loyalty grade; L1 is the best."""

    L1 = "L1"
    L2 = "L2"
    L3 = "L3"
    L4 = "L4"

    @property
    def level(self) -> int:
        """1 for L1 (best) … 4 for L4 (worst)."""
        return int(self.value[1])

    def is_better_than(self, other: Grade) -> bool:
        """True when this grade ranks above `other` (L1 is better than L2)."""
        return self.level < other.level

    def is_worse_than(self, other: Grade) -> bool:
        """True when this grade ranks below `other`."""
        return self.level > other.level


GradeCode = Grade  # the name the store's CHECK constraints use; one definition
