"""Market development funds (MDF) for partners: a fund per partner and quarter, claims, approval, payout.

A fund holds the quarter's allocation plus cashback moved into it (`payout.BudgetTransfer`), in the
partner's currency. A partner (through its KAM) claims a reimbursement for an activity performed in
the quarter, with proof of performance; a director or finance, never the submitter, approves it
within what is left of the fund; finance pays it. Claims are accepted until `claim_days` after the
quarter's end; the quarter is then settled: nothing may still wait for a decision, approved claims are
paid or listed to pay, and whatever was not approved lapses (budgets do not roll over).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from uuid import UUID, uuid4

from kam_desktop.domain.exceptions import Actor
from kam_desktop.domain.messages import Message
from kam_desktop.domain.monetary import CurrencyMismatch, Money
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.refusals import IllegalTransitionError, RuleRefused, SelfApprovalError, WrongRoleError
from kam_desktop.domain.vocabulary import Role

DEFAULT_CLAIM_DAYS = 30


class ClaimStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    PAID = "paid"


class NoProofError(RuleRefused):
    rule = "a claim needs proof of performance"


class FundExceededError(RuleRefused):
    rule = "claims stay within the fund"


class ClaimPeriodError(RuleRefused):
    rule = "claims belong to the fund's quarter and arrive in time"


class PendingClaimsError(RuleRefused):
    rule = "a quarter is settled when every claim is decided"


@dataclass(frozen=True)
class Proof:
    """Evidence the activity happened: an invoice, photos, an attendee list, a campaign report."""

    kind: str
    reference: str
    received_on: date


@dataclass(frozen=True)
class MdfFund:
    """A partner's fund for one quarter, in the partner's currency."""

    partner: str
    quarter: Quarter
    allocated: Money
    transfers_in: tuple[Money, ...] = ()  # cashback paid into the budget
    claim_days: int = DEFAULT_CLAIM_DAYS

    @property
    def currency(self) -> str:
        return self.allocated.currency

    @property
    def budget(self) -> Money:
        return Money.total((self.allocated, *self.transfers_in), self.currency)

    @property
    def claims_until(self) -> date:
        return self.quarter.end + timedelta(days=self.claim_days)

    def committed(self, claims: Iterable[MdfClaim]) -> Money:
        """Approved or paid claims of this fund."""
        return Money.total(
            (c.amount for c in claims if self.holds(c) and c.status in (ClaimStatus.APPROVED, ClaimStatus.PAID)),
            self.currency,
        )

    def left(self, claims: Iterable[MdfClaim]) -> Money:
        return self.budget - self.committed(claims)

    def holds(self, claim: MdfClaim) -> bool:
        return claim.partner == self.partner and claim.quarter == self.quarter


@dataclass(frozen=True)
class MdfClaim:
    """A reimbursement claim for one activity (a campaign, an event, a case study)."""

    number: str  # e.g. MDF-2026-00012
    partner: str
    quarter: Quarter
    activity: str
    performed_on: date
    amount: Money
    submitted_by: str
    submitted_on: date
    proofs: tuple[Proof, ...] = ()
    id: UUID = field(default_factory=uuid4)
    status: ClaimStatus = ClaimStatus.SUBMITTED
    decided_by: str | None = None
    decided_on: date | None = None
    decision_note: str = ""
    paid_on: date | None = None
    payment_ref: str = ""


def submit(fund: MdfFund, claim: MdfClaim) -> MdfClaim:
    """Check a new claim against its fund: same partner and currency, in the quarter, in time, positive."""
    actor = claim.submitted_by
    if not fund.holds(claim):
        raise ClaimPeriodError(actor, "{number} is for {partner} {quarter}, not this fund", number=claim.number,
                               partner=claim.partner, quarter=claim.quarter)
    if claim.amount.currency != fund.currency:
        raise CurrencyMismatch(Message.of("match claim {number} to its fund:", number=claim.number),
                               claim.amount.currency, fund.currency)
    if not claim.amount.is_positive or claim.amount.rounded() != claim.amount:
        raise ClaimPeriodError(actor, "{number}: claim a positive amount in whole cents, not {currency} {value}",
                               number=claim.number, currency=claim.amount.currency, value=claim.amount.amount)
    if not fund.quarter.contains(claim.performed_on):
        raise ClaimPeriodError(actor, "{number}: performed on {day}, outside {quarter}", number=claim.number,
                               day=claim.performed_on, quarter=fund.quarter)
    if claim.submitted_on > fund.claims_until:
        raise ClaimPeriodError(actor, "{number}: claims for {quarter} closed on {day}", number=claim.number,
                               quarter=fund.quarter, day=fund.claims_until)
    if not claim.activity.strip():
        raise ClaimPeriodError(actor, "{number}: say which activity is claimed", number=claim.number)
    return claim


def _require(claim: MdfClaim, status: ClaimStatus, actor: Actor, step: Message) -> None:
    if claim.status is not status:
        raise IllegalTransitionError(actor.login, "cannot {step} {number}: it is {status}", step=step,
                                     number=claim.number, status=claim.status)


def _approver(claim: MdfClaim, actor: Actor) -> None:
    if actor.role not in (Role.DIRECTOR, Role.FINANCE):
        raise WrongRoleError(actor.login, "a {role} cannot decide {number}; a director or finance does", role=actor.role,
                             number=claim.number)
    if actor.login == claim.submitted_by:
        raise SelfApprovalError(actor.login, "{number} is your own claim", number=claim.number)


def approve(fund: MdfFund, claims: Iterable[MdfClaim], claim: MdfClaim, actor: Actor, on: date, note: str = "") -> MdfClaim:
    """Approve a submitted claim with proof, if what is left of the fund covers it."""
    _require(claim, ClaimStatus.SUBMITTED, actor, Message.of("approve"))
    _approver(claim, actor)
    if not claim.proofs:
        raise NoProofError(actor.login, "{number} has no proof of performance attached", number=claim.number)
    left = fund.left(claims)
    if claim.amount > left:
        raise FundExceededError(actor.login, "{number} asks {amount}; {left} left in the fund", number=claim.number,
                                amount=claim.amount, left=left)
    return replace(claim, status=ClaimStatus.APPROVED, decided_by=actor.login, decided_on=on, decision_note=note)


def reject(claim: MdfClaim, actor: Actor, on: date, note: str) -> MdfClaim:
    _require(claim, ClaimStatus.SUBMITTED, actor, Message.of("reject"))
    _approver(claim, actor)
    if not note.strip():
        raise IllegalTransitionError(actor.login, "{number}: a rejection says why", number=claim.number)
    return replace(claim, status=ClaimStatus.REJECTED, decided_by=actor.login, decided_on=on, decision_note=note)


def pay(claim: MdfClaim, actor: Actor, on: date, payment_ref: str) -> MdfClaim:
    """Finance pays an approved claim (the transfer or credit note reference makes it traceable)."""
    _require(claim, ClaimStatus.APPROVED, actor, Message.of("pay"))
    if actor.role is not Role.FINANCE:
        raise WrongRoleError(actor.login, "a {role} cannot pay {number}; finance pays", role=actor.role,
                             number=claim.number)
    if not payment_ref.strip():
        raise IllegalTransitionError(actor.login, "{number}: a payment needs its transfer or note reference",
                                     number=claim.number)
    return replace(claim, status=ClaimStatus.PAID, paid_on=on, payment_ref=payment_ref)


@dataclass(frozen=True)
class MdfSettlement:
    """A fund's quarter settled: budget = paid + to pay + lapsed."""

    fund: MdfFund
    paid: Money
    to_pay: Money
    lapsed: Money
    rejected: Money
    claims: tuple[MdfClaim, ...]


def settle(fund: MdfFund, claims: Iterable[MdfClaim], on: date, actor: str = "system") -> MdfSettlement:
    """Settle the fund once its claim window has closed and every claim is decided."""
    mine = tuple(c for c in claims if fund.holds(c))
    if on <= fund.claims_until:
        raise ClaimPeriodError(actor, "{partner} {quarter} takes claims until {day}", partner=fund.partner,
                               quarter=fund.quarter, day=fund.claims_until)
    pending = [c.number for c in mine if c.status is ClaimStatus.SUBMITTED]
    if pending:
        raise PendingClaimsError(actor, "decide {claims} before settling {partner} {quarter}", claims=", ".join(pending),
                                 partner=fund.partner, quarter=fund.quarter)

    def total(status: ClaimStatus) -> Money:
        return Money.total((c.amount for c in mine if c.status is status), fund.currency)

    paid, to_pay = total(ClaimStatus.PAID), total(ClaimStatus.APPROVED)
    return MdfSettlement(fund, paid, to_pay, fund.budget - paid - to_pay, total(ClaimStatus.REJECTED), mine)
