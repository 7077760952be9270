"""View models of the documents: frozen plain data the renderers turn into PDF (no store, no Qt).

Services (phase 2) build these from the store and the domain engine; the renderers only lay them out.
Money is `Decimal` with its currency; business dates are plain dates. Free texts (benefit titles,
terms, offer descriptions) arrive already in the document's language: we print them as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from kam_desktop.documents.taxids import country_of_tax_id
from kam_desktop.domain.periods import Quarter

Lang = Literal["pl", "ru", "en"]
LANGUAGES: tuple[Lang, ...] = ("pl", "ru", "en")

Settlement = Literal["invoice", "quarterly_rebate", "service_budget"]
GradeBasis = Literal["gross_margin", "net_revenue"]
BenefitType = Literal[
    "cashback", "volume_discount", "rebate", "points", "mdf", "early_access", "priority_delivery",
    "data_insights", "extended_sla", "training", "payment_terms", "extended_warranty", "other",
]
Approval = Literal["within_policy", "approved", "pending"]
LedgerUnit = Literal["points", "cashback"]
EntryKind = Literal["accrual", "redemption", "expiry", "adjustment"]


@dataclass(frozen=True)
class Party:
    """One side of a document: a company with its tax id, address and (if known) its signatory."""

    name: str
    tax_id: str
    address_lines: tuple[str, ...]
    signatory_name: str = ""
    signatory_title: str = ""
    code: str = ""  # our account code for a client; empty for our own company
    country: str = ""  # ISO 3166 alpha-2; names the tax ID (NIP, ИНН, VAT ID), "" when unknown

    @property
    def tax_country(self) -> str:
        """The country that names the tax ID: the party's own, else the prefix of a VAT number."""
        return self.country or country_of_tax_id(self.tax_id)


@dataclass(frozen=True)
class CompanyIdentity:
    """Our company as the settings describe it; `logo_png` is printed in the page header if given."""

    party: Party
    email: str = ""
    phone: str = ""
    website: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True)
class DocumentHeader:
    """What every issued document carries: its number, date, language and version."""

    number: str
    issued_on: date
    lang: Lang
    version: int = 1
    supersedes: str = ""  # the number of the version this one replaces, if any


@dataclass(frozen=True)
class GradeRule:
    """A grade of the program: the percentile band of accounts it covers and its cashback rate."""

    code: str  # "L1" (best) … "L4"
    name: str  # e.g. "Platinum"
    top_percent: Decimal  # the best `top_percent` % of active accounts that are not in a better grade
    cashback_percent: Decimal


@dataclass(frozen=True)
class ProgramRules:
    """The program terms an agreement writes out in plain words."""

    grades: tuple[GradeRule, ...]
    basis: GradeBasis
    window_months: int
    grace_quarters: int
    settlement: Settlement
    points_per_currency_unit: Decimal  # points accrued per 1 unit of net purchases
    points_expiry_months: int
    reward_budget_percent_of_margin: Decimal
    benefit_cap_per_person: Decimal  # yearly cap on benefits to one natural person
    currency: str


@dataclass(frozen=True)
class AgreementContent:
    header: DocumentHeader
    company: CompanyIdentity
    client: Party
    rules: ProgramRules
    term_start: date
    term_end: date | None  # None: for an indefinite period
    notice_days: int
    place: str  # where it is signed, e.g. "Warszawa"


@dataclass(frozen=True)
class ExceptionRef:
    """A policy exception an annex relies on."""

    number: str  # "EXC-2026-00017"
    summary: str
    approver: str  # empty while pending
    decided_on: date | None
    valid_until: date | None
    status: Literal["approved", "pending"]


@dataclass(frozen=True)
class BenefitLine:
    """One benefit granted by an annex."""

    type: BenefitType
    title: str
    terms: str
    conditions: str
    valid_from: date
    valid_until: date
    estimated_value: Decimal
    approval: Approval
    exception_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnexContent:
    header: DocumentHeader
    company: CompanyIdentity
    client: Party
    agreement_number: str
    agreement_date: date
    grade_code: str
    grade_name: str
    benefits: tuple[BenefitLine, ...]
    exceptions: tuple[ExceptionRef, ...]
    policy_budget: Decimal  # the account's benefit budget for the period under the commercial policy
    committed_before: Decimal  # already committed to this account by earlier annexes in the period
    currency: str
    place: str

    @property
    def total_value(self) -> Decimal:
        return sum((b.estimated_value for b in self.benefits), Decimal(0))

    @property
    def is_draft(self) -> bool:
        """An annex is a draft while any benefit or exception it relies on still waits for approval."""
        return any(b.approval == "pending" for b in self.benefits) or any(
            e.status == "pending" for e in self.exceptions
        )


@dataclass(frozen=True)
class GradeProgress:
    """Where the account stands: its grade, the metric grades are cut on, and the next threshold."""

    grade_code: str
    grade_name: str
    basis: GradeBasis
    value: Decimal  # the account's metric over the window
    currency: str
    window_months: int = 12
    next_grade_code: str = ""  # empty at the top grade
    next_grade_name: str = ""
    next_threshold: Decimal | None = None
    # the metric over the window as it stood at the end of each recent quarter, oldest first
    history: tuple[tuple[Quarter, Decimal], ...] = ()


@dataclass(frozen=True)
class LedgerEntryLine:
    booked_on: date
    kind: EntryKind
    description: str
    reference: str  # invoice, quarter close or exception number: where the entry comes from
    amount: Decimal  # signed: accruals positive, redemptions and expiries negative


@dataclass(frozen=True)
class ExpiryLine:
    expires_on: date
    amount: Decimal


@dataclass(frozen=True)
class LedgerSection:
    """One balance on a statement (points, or cashback in a currency) and its movements."""

    unit: LedgerUnit
    opening: Decimal
    entries: tuple[LedgerEntryLine, ...]
    closing: Decimal
    expiry_schedule: tuple[ExpiryLine, ...] = ()
    currency: str = ""  # for cashback

    def balance_problem(self) -> str | None:
        """None if closing = opening + Σ entries; otherwise what is wrong, in words."""
        expected = self.opening + sum((e.amount for e in self.entries), Decimal(0))
        if expected == self.closing:
            return None
        return (
            f"{self.unit}: opening {self.opening} + entries {expected - self.opening} = {expected}, "
            f"but the closing balance says {self.closing}"
        )


@dataclass(frozen=True)
class BenefitUsage:
    title: str
    entitled: Decimal
    used: Decimal
    currency: str = ""  # money if set, otherwise a quantity in `unit`
    unit: str = ""


@dataclass(frozen=True)
class OpenOffer:
    title: str
    description: str
    valid_until: date


@dataclass(frozen=True)
class WalletShare:
    """Our sales in a category against the client's total spend on it (from slots)."""

    category: str
    our_sales: Decimal
    total_spend: Decimal
    currency: str

    @property
    def share(self) -> Decimal:
        return self.our_sales / self.total_spend if self.total_spend else Decimal(0)


@dataclass(frozen=True)
class OwedBack:
    """Cashback a net-negative quarter still owes back at the statement's end: a negative balance carried forward
    that later cashback pays off first (the program's clawback rule)."""

    quarter: Quarter
    amount: Decimal  # positive: what is still owed
    currency: str


@dataclass(frozen=True)
class StatementContent:
    header: DocumentHeader
    company: CompanyIdentity
    client: Party
    quarter: Quarter
    kam_name: str
    progress: GradeProgress
    ledgers: tuple[LedgerSection, ...]
    benefits: tuple[BenefitUsage, ...] = ()
    offers: tuple[OpenOffer, ...] = ()
    wallet: tuple[WalletShare, ...] = field(default_factory=tuple)
    owed: tuple[OwedBack, ...] = ()

    def balance_problems(self) -> list[str]:
        """Every ledger that does not add up (empty when the statement is consistent)."""
        return [p for p in (s.balance_problem() for s in self.ledgers) if p]
