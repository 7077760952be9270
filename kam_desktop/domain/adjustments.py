"""Manual ledger adjustments: a reason always, a second person's approval above a limit, finance books.

proposed → approved → booked; proposed | approved → rejected | withdrawn. Anyone may propose (a KAM
usually does); a director or finance approves, never the proposer; only finance books. Up to the
limit of the adjustment's currency (or the points limit) finance may book a proposal without an
approval; above it, or in a currency without a limit, the approval must come first. The entry is
booked on the adjustment's date, or on the first open day when that date is in a locked quarter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID, uuid4

from kam_desktop.domain.closing import PeriodLocks
from kam_desktop.domain.exceptions import Actor
from kam_desktop.domain.ledger import IdFactory, LedgerEntry, LedgerError, adjust
from kam_desktop.domain.messages import NoteTemplate
from kam_desktop.domain.monetary import check_amount, check_currency
from kam_desktop.domain.refusals import IllegalTransitionError, RuleRefused, SelfApprovalError, WrongRoleError
from kam_desktop.domain.vocabulary import LedgerUnit, Role


class AdjustmentStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    BOOKED = "booked"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Step(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    BOOK = "book"


ALLOWED: Mapping[AdjustmentStatus, frozenset[Step]] = {
    AdjustmentStatus.PROPOSED: frozenset({Step.APPROVE, Step.REJECT, Step.WITHDRAW, Step.BOOK}),
    AdjustmentStatus.APPROVED: frozenset({Step.REJECT, Step.WITHDRAW, Step.BOOK}),
    AdjustmentStatus.BOOKED: frozenset(),
    AdjustmentStatus.REJECTED: frozenset(),
    AdjustmentStatus.WITHDRAWN: frozenset(),
}

APPROVERS = frozenset({Role.DIRECTOR, Role.FINANCE})


# an adjustment dated in a locked quarter is booked in the open period and says so
MOVED_NOTE = NoteTemplate("{reason} (dated {day}, booked in the open period)", {"day": date.fromisoformat})


class SecondApprovalRequired(RuleRefused):
    rule = "a second person approves above the limit"


class NotProposerError(RuleRefused):
    rule = "only the proposer withdraws"


def _default_limits() -> dict[str, Decimal]:
    return {"PLN": Decimal(5000), "EUR": Decimal(1200), "RUB": Decimal(100000)}


@dataclass(frozen=True)
class ApprovalLimits:
    """Up to these amounts (absolute) finance books an adjustment alone; a currency not listed has no limit."""

    per_currency: Mapping[str, Decimal] = field(default_factory=_default_limits)
    points: Decimal = Decimal(50000)

    def needs_approval(self, unit: LedgerUnit, amount: Decimal, currency: str | None) -> bool:
        if unit is LedgerUnit.POINTS:
            return abs(amount) > self.points
        limit = self.per_currency.get(currency or "")
        return limit is None or abs(amount) > limit


@dataclass(frozen=True)
class Adjustment:
    """A proposed correction of an account's balance: signed amount, its date, and why."""

    number: str  # e.g. ADJ-2026-00007: the entry's source_ref
    account: str
    unit: LedgerUnit
    amount: Decimal
    currency: str | None
    dated: date  # the day it belongs to
    reason: str
    proposed_by: str
    id: UUID = field(default_factory=uuid4)
    status: AdjustmentStatus = AdjustmentStatus.PROPOSED
    approved_by: str | None = None
    booked_entry: UUID | None = None
    version: int = 1

    def __post_init__(self) -> None:
        check_amount(self.amount)
        if self.amount == 0:
            raise LedgerError("{number}: an adjustment of zero changes nothing", number=self.number)
        if not self.reason.strip():
            raise LedgerError("{number}: an adjustment needs a reason", number=self.number)
        if self.unit is LedgerUnit.CASHBACK:
            check_currency(self.currency or "")
        elif self.currency is not None:
            raise LedgerError("{number}: points carry no currency, not {currency}", number=self.number,
                              currency=self.currency)


@dataclass(frozen=True)
class AdjustmentChange:
    """The adjustment after a step and the audit line that explains it."""

    adjustment: Adjustment
    step: Step
    actor: str
    at: datetime
    note: str = ""


def _require(adj: Adjustment, step: Step, actor: Actor) -> None:
    if step not in ALLOWED[adj.status]:
        raise IllegalTransitionError(actor.login, "cannot {step} {number}: it is {status}", step=step, number=adj.number,
                                     status=adj.status)


def _change(adj: Adjustment, step: Step, actor: Actor, at: datetime, note: str = "", **changes: object) -> AdjustmentChange:
    after = replace(adj, version=adj.version + 1, **changes)  # type: ignore[arg-type]
    return AdjustmentChange(after, step, actor.login, at, note)


def approve(adj: Adjustment, actor: Actor, at: datetime, note: str = "") -> AdjustmentChange:
    """A director or finance, not the proposer, approves."""
    _require(adj, Step.APPROVE, actor)
    if actor.role not in APPROVERS:
        raise WrongRoleError(actor.login, "a {role} cannot approve {number}; a director or finance does",
                             role=actor.role, number=adj.number)
    if actor.login == adj.proposed_by:
        raise SelfApprovalError(actor.login, "{number} is your own proposal", number=adj.number)
    return _change(adj, Step.APPROVE, actor, at, note, status=AdjustmentStatus.APPROVED, approved_by=actor.login)


def reject(adj: Adjustment, actor: Actor, at: datetime, note: str) -> AdjustmentChange:
    """A director or finance refuses it, saying why."""
    _require(adj, Step.REJECT, actor)
    if actor.role not in APPROVERS:
        raise WrongRoleError(actor.login, "a {role} cannot reject {number}", role=actor.role, number=adj.number)
    if not note.strip():
        raise LedgerError("{number}: a rejection needs a note saying why", number=adj.number)
    return _change(adj, Step.REJECT, actor, at, note, status=AdjustmentStatus.REJECTED)


def withdraw(adj: Adjustment, actor: Actor, at: datetime) -> AdjustmentChange:
    _require(adj, Step.WITHDRAW, actor)
    if actor.login != adj.proposed_by:
        raise NotProposerError(actor.login, "{number} was proposed by {login}", number=adj.number, login=adj.proposed_by)
    return _change(adj, Step.WITHDRAW, actor, at, status=AdjustmentStatus.WITHDRAWN)


@dataclass(frozen=True)
class Booking:
    change: AdjustmentChange
    entry: LedgerEntry


def book(
    adj: Adjustment, actor: Actor, at: datetime, ledger: Sequence[LedgerEntry], limits: ApprovalLimits,
    locks: PeriodLocks, new_id: IdFactory = uuid4,
) -> Booking:
    """Finance books it as a ledger entry (source_ref = its number), in the open period."""
    _require(adj, Step.BOOK, actor)
    if actor.role is not Role.FINANCE:
        raise WrongRoleError(actor.login, "a {role} cannot book {number}; finance books", role=actor.role,
                             number=adj.number)
    if adj.status is not AdjustmentStatus.APPROVED and limits.needs_approval(adj.unit, adj.amount, adj.currency):
        raise SecondApprovalRequired(
            actor.login, "{number} ({amount} {unit}) is above the limit; a director or finance other than the "
            "proposer approves it first", number=adj.number, amount=adj.amount, unit=adj.currency or adj.unit,
        )
    day = locks.open_day_for(adj.dated)
    note = adj.reason if day == adj.dated else MOVED_NOTE.fill(reason=adj.reason, day=adj.dated)
    entry = adjust(
        ledger, adj.account, adj.unit, adj.amount, day, adj.number, f"adjust:{adj.number}", note, new_id,
        currency=adj.currency,
    )
    if entry is None:
        raise IllegalTransitionError(actor.login, "{number} is already booked", number=adj.number)
    change = _change(adj, Step.BOOK, actor, at, f"booked on {day.isoformat()}",
                     status=AdjustmentStatus.BOOKED, booked_entry=entry.id)
    return Booking(change, entry)
