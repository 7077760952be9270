"""Policy-exception requests: the state machine, approval routing and who may decide what.

draft → submitted → approved | rejected | withdrawn; approved → expired once its validity ends.
A requester may withdraw a draft or a waiting request; to change one, they withdraw it and request anew (an
amendment would have to restart approvals already stored as append-only steps).
Routing: an expected cost up to `RoutingRules.single_step_limit` needs the sales director; above it,
the sales director and then finance. Every function returns the new request and a `Transition` for the
audit log; the request itself is never mutated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID, uuid4

from kam_desktop.domain.messages import ActorRefusal, Refusal
from kam_desktop.domain.policy import Violation
from kam_desktop.domain.vocabulary import ExceptionKind
from kam_desktop.domain.vocabulary import ExceptionStatus as ExceptionStatus
from kam_desktop.domain.vocabulary import Role as Role


class Action(StrEnum):
    """What can be done to a request."""

    SUBMIT = "submit"
    DECIDE = "decide"
    WITHDRAW = "withdraw"
    EXPIRE = "expire"


ALLOWED: dict[ExceptionStatus, frozenset[Action]] = {
    ExceptionStatus.DRAFT: frozenset({Action.SUBMIT, Action.WITHDRAW}),
    ExceptionStatus.SUBMITTED: frozenset({Action.DECIDE, Action.WITHDRAW}),
    ExceptionStatus.APPROVED: frozenset({Action.EXPIRE}),
    ExceptionStatus.REJECTED: frozenset(),
    ExceptionStatus.WITHDRAWN: frozenset(),
    ExceptionStatus.EXPIRED: frozenset(),
}


@dataclass(frozen=True)
class Actor:
    """A person acting on a request."""

    login: str
    role: Role


class ExceptionRefused(ActorRefusal):
    """An action refused by the exception rules; the message names who and which rule."""

    rule = "exception rule"


class InvalidRequestError(Refusal, ValueError):
    """A request that cannot be made as it stands (no justification, dates reversed, within the cap)."""


class IllegalTransitionError(ExceptionRefused):
    rule = "illegal transition"


class SelfDecisionError(ExceptionRefused):
    rule = "nobody decides their own request"


class WrongRoleError(ExceptionRefused):
    rule = "decided by the role of the current step"


class StaleDecisionError(ExceptionRefused):
    rule = "decide on the version you read"


class NotRequesterError(ExceptionRefused):
    rule = "only the requester submits or withdraws"


class ExpiredExceptionError(ExceptionRefused):
    rule = "only an approved exception within its validity applies"


@dataclass(frozen=True)
class RoutingRules:
    """Up to `single_step_limit` of expected cost the sales director decides alone; above, finance too."""

    single_step_limit: Decimal = Decimal(10000)


def route(expected_cost: Decimal, rules: RoutingRules | None = None) -> tuple[Role, ...]:
    """The roles that must approve, in order."""
    rules = rules or RoutingRules()
    if expected_cost <= rules.single_step_limit:
        return (Role.DIRECTOR,)
    return (Role.DIRECTOR, Role.FINANCE)


@dataclass(frozen=True)
class Decision:
    """One approver's answer at one step."""

    role: Role
    decided_by: str
    approved: bool
    decided_at: datetime
    note: str = ""


@dataclass(frozen=True)
class ExceptionRequest:
    """A request to go beyond a policy cap: who asks, what (requested vs cap), why, and the answers."""

    number: str  # the human number, e.g. EXC-2026-00042
    account: str
    kind: ExceptionKind
    requested: Decimal
    cap: Decimal
    justification: str
    expected_cost: Decimal
    expected_incremental_margin: Decimal
    requested_by: str
    valid_from: date
    valid_until: date
    id: UUID = field(default_factory=uuid4)
    status: ExceptionStatus = ExceptionStatus.DRAFT
    version: int = 1
    steps: tuple[Role, ...] = ()  # set at submission from the routing rules
    decisions: tuple[Decision, ...] = ()

    @property
    def current_step(self) -> Role | None:
        """The role whose decision is awaited, or None when none is."""
        if self.status is not ExceptionStatus.SUBMITTED or len(self.decisions) >= len(self.steps):
            return None
        return self.steps[len(self.decisions)]

    def is_valid_on(self, day: date) -> bool:
        """Approved and within its validity (inclusive), whether or not `expire` has run yet."""
        return self.status is ExceptionStatus.APPROVED and self.valid_from <= day <= self.valid_until


@dataclass(frozen=True)
class Transition:
    """One audit-log line: what changed, by whom, when."""

    request_id: UUID
    version: int  # the request's version after the change
    action: Action
    from_status: ExceptionStatus
    to_status: ExceptionStatus
    actor: str
    at: datetime
    note: str = ""


@dataclass(frozen=True)
class Change:
    """The new request and the audit line that explains it."""

    request: ExceptionRequest
    transition: Transition


def _validate(request: ExceptionRequest) -> None:
    if not request.justification.strip():
        raise InvalidRequestError("{number}: an exception needs a justification", number=request.number)
    if request.valid_until < request.valid_from:
        raise InvalidRequestError("{number}: valid until {until} is before {since}", number=request.number,
                                  until=request.valid_until, since=request.valid_from)
    if request.requested <= request.cap:
        raise InvalidRequestError("{number}: {requested} is within the cap {cap}; no exception needed",
                                  number=request.number, requested=request.requested, cap=request.cap)


def _require(request: ExceptionRequest, action: Action, actor: str) -> None:
    if action not in ALLOWED[request.status]:
        raise IllegalTransitionError(actor, "cannot {action} {number}: it is {status}", action=action,
                                     number=request.number, status=request.status)


def _change(
    before: ExceptionRequest, after: ExceptionRequest, action: Action, actor: str, at: datetime, note: str = ""
) -> Change:
    after = replace(after, version=before.version + 1)
    return Change(after, Transition(after.id, after.version, action, before.status, after.status, actor, at, note))


def new_request(request: ExceptionRequest) -> ExceptionRequest:
    """Check a freshly built request (a draft at version 1) and return it."""
    if request.status is not ExceptionStatus.DRAFT or request.version != 1 or request.decisions:
        raise InvalidRequestError("{number}: a new request starts as an undecided draft at version 1",
                                  number=request.number)
    _validate(request)
    return request


def submit(request: ExceptionRequest, actor: Actor, at: datetime, rules: RoutingRules | None = None) -> Change:
    """The requester sends a draft for approval; the route is fixed now from the expected cost."""
    _require(request, Action.SUBMIT, actor.login)
    if actor.login != request.requested_by:
        raise NotRequesterError(actor.login, "{number} was requested by {login}", number=request.number,
                                login=request.requested_by)
    steps = route(request.expected_cost, rules)
    after = replace(request, status=ExceptionStatus.SUBMITTED, steps=steps, decisions=())
    return _change(request, after, Action.SUBMIT, actor.login, at, "route: " + " → ".join(str(s) for s in steps))


def decide(
    request: ExceptionRequest, actor: Actor, approve: bool, seen_version: int, at: datetime, note: str = ""
) -> Change:
    """An approver answers the current step; a rejection ends the request, the last approval approves it."""
    _require(request, Action.DECIDE, actor.login)
    if seen_version != request.version:
        raise StaleDecisionError(actor.login, "{number} changed since you read it (version {seen}, now {version}); "
                                 "reload", number=request.number, seen=seen_version, version=request.version)
    if actor.login == request.requested_by:
        raise SelfDecisionError(actor.login, "{number} is your own request", number=request.number)
    step = request.current_step
    if actor.role is Role.KAM:
        raise WrongRoleError(actor.login, "a KAM cannot decide {number}; it waits for {step}", number=request.number,
                             step=step)
    if actor.role is not step:
        raise WrongRoleError(actor.login, "{number} waits for {step}, not {role}", number=request.number, step=step,
                             role=actor.role)
    if any(dec.decided_by == actor.login for dec in request.decisions):
        raise SelfDecisionError(actor.login, "already decided a step of {number}", number=request.number)
    decisions = (*request.decisions, Decision(actor.role, actor.login, approve, at, note))
    if not approve:
        status = ExceptionStatus.REJECTED
    elif len(decisions) == len(request.steps):
        status = ExceptionStatus.APPROVED
    else:
        status = ExceptionStatus.SUBMITTED
    after = replace(request, status=status, decisions=decisions)
    verdict = "approved" if approve else "rejected"
    return _change(request, after, Action.DECIDE, actor.login, at, f"{verdict} as {actor.role}: {note}".rstrip(": "))


def withdraw(request: ExceptionRequest, actor: Actor, at: datetime, note: str = "") -> Change:
    """The requester takes back a draft or a request still waiting for a decision."""
    _require(request, Action.WITHDRAW, actor.login)
    if actor.login != request.requested_by:
        raise NotRequesterError(actor.login, "{number} was requested by {login}", number=request.number,
                                login=request.requested_by)
    after = replace(request, status=ExceptionStatus.WITHDRAWN)
    return _change(request, after, Action.WITHDRAW, actor.login, at, note)


def expire(request: ExceptionRequest, today: date, at: datetime, actor: str = "system") -> Change | None:
    """Mark an approved request expired once `today` is past its validity; None if it is not due."""
    if request.status is not ExceptionStatus.APPROVED or today <= request.valid_until:
        return None
    after = replace(request, status=ExceptionStatus.EXPIRED)
    return _change(request, after, Action.EXPIRE, actor, at, f"validity ended {request.valid_until}")


def require_valid(request: ExceptionRequest, on: date, actor: str) -> None:
    """Refuse to apply an exception that is not approved or not valid on the day."""
    if request.is_valid_on(on):
        return
    if request.status in (ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED) and on > request.valid_until:
        raise ExpiredExceptionError(actor, "{number} expired on {until}", number=request.number, until=request.valid_until)
    if request.status is ExceptionStatus.APPROVED:
        raise ExpiredExceptionError(actor, "{number} is valid only from {since}", number=request.number,
                                    since=request.valid_from)
    raise ExpiredExceptionError(actor, "{number} is {status}, not approved", number=request.number,
                                status=request.status)


def covering(violation: Violation, account: str, exceptions: Iterable[ExceptionRequest], on: date) -> ExceptionRequest | None:
    """An approved, still valid exception of the account that allows at least the violating value."""
    for exc in exceptions:
        if (
            exc.account == account
            and exc.kind is violation.rule
            and exc.requested >= violation.requested
            and exc.is_valid_on(on)
        ):
            return exc
    return None


def uncovered(
    violations: Iterable[Violation], account: str, exceptions: Iterable[ExceptionRequest], on: date
) -> list[Violation]:
    """The violations no approved, valid exception covers."""
    pool = list(exceptions)
    return [v for v in violations if covering(v, account, pool, on) is None]
