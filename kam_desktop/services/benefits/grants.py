"""Granting benefits under the commercial policy: a live check, pre-filled exceptions, one activation rule.

A grant within every cap is saved as proposed (a signed annex activates it). A grant beyond a cap is saved
as pending approval, with a pre-filled exception draft per violation for the UI to offer; it becomes active
only when every violation is covered by an approved exception valid on the day — whether it is activated
directly (`activate_grant`) or by signing the annex that lists it (`activation_refusals` is that one rule).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import exceptions as dx
from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.policy import Violation
from kam_desktop.domain.vocabulary import ExceptionKind, ExceptionStatus, GrantStatus
from kam_desktop.services.access import account_for, account_ref, permit_on_account_id
from kam_desktop.services.benefits.catalog import catalog_item, check_benefit
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, Refused
from kam_desktop.services.exceptions.requests import UNITS, to_domain
from kam_desktop.services.program.in_force import plain
from kam_desktop.services.program.policy import PolicyCheck
from kam_desktop.store.models import BenefitGrant, ExceptionRequest
from kam_desktop.store.queries.grades import AccountRef
from kam_desktop.store.uow import UnitOfWork

ACTIVATABLE = (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL)


@dataclass(frozen=True)
class ExceptionDraft:
    """What the exception dialog opens with for one violation (nothing is saved until the KAM asks)."""

    account: str
    kind: str
    requested: Decimal
    cap: Decimal
    unit: str
    justification: str = ""


@dataclass(frozen=True)
class GrantOutcome:
    """The saved grant, the live policy check and the exception drafts it needs."""

    grant_id: uuid.UUID
    status: str
    check: PolicyCheck
    drafts: list[ExceptionDraft] = field(default_factory=list)


def add_benefit_grant(
    ctx: Context, code: str, catalog_code: str, *, cost_estimate: Decimal, value: Decimal | None = None,
    valid_from: date | None = None, valid_to: date | None = None, terms: str | None = None,
    person: str | None = None,
) -> GrantOutcome:
    """Save a grant after a live policy check: proposed when within policy, else pending with drafts."""
    start = valid_from or ctx.today()
    with ctx.unit_of_work() as uow:
        session = uow.session
        account = account_for(ctx, session, UseCase.GRANT_BENEFIT, code)
        item = catalog_item(session, catalog_code)
        amount = plain(value) if value is not None else None
        result = check_benefit(session, account, item, amount, cost_estimate, start, person)
        status = GrantStatus.PROPOSED if result.ok else GrantStatus.PENDING_APPROVAL
        grant = BenefitGrant(
            account_id=account.id, catalog_id=item.id, terms=terms, value=value, valid_from=start, valid_to=valid_to,
            status=status, cost_estimate=cost_estimate, currency=account.currency, granted_by=ctx.actor.login,
        )
        session.add(grant)
        session.flush()
        uow.audit("grant.add", "benefit_grant", grant.id, account=code, benefit=catalog_code, status=status,
                  violations=[v.message for v in result.violations])
        uow.commit()
    drafts = [draft_of(account.code, v) for v in result.violations]
    return GrantOutcome(grant.id, status, result, drafts)


def draft_of(code: str, v: Violation) -> ExceptionDraft:
    return ExceptionDraft(code, v.rule.value, v.requested, v.cap, UNITS[v.rule])


@dataclass(frozen=True)
class Activation:
    """The outcome of trying to activate a grant: why not (nothing changed), or the exceptions covering it."""

    refusals: list[Message]
    covering: list[str]
    blockers: list[Blocker] = field(default_factory=list)


@dataclass(frozen=True)
class Blocker:
    """One reason a grant is not active: its status, a linked request that does not apply, or a cap it exceeds
    that no approved exception covers — with the request that stands for that cap, when there is one.

    `reason` is "status", "linked" or "uncovered"; a screen words it in its language from these fields.
    """

    benefit: str
    reason: str
    status: str = ""  # the grant's status (reason "status")
    kind: str | None = None  # the cap exceeded (reason "uncovered")
    requested: Decimal | None = None
    cap: Decimal | None = None
    unit: str | None = None
    number: str | None = None  # the exception request concerned, if any
    request_status: str | None = None  # its status: draft, submitted, rejected, withdrawn, approved, expired
    waiting_for: str | None = None  # the role a submitted request waits for
    note: str = ""  # the note of the decision that rejected it
    allows: Decimal | None = None  # an approved request's value, when it allows less than the benefit asks


def activate(session: Session, grant: BenefitGrant, account: AccountRef, day: date, actor: str) -> Activation:
    """Set `grant` active on `day` unless a rule refuses it — the one rule both doors of activation use
    (`activate_grant`, and signing the annex that lists the grant). Refused: nothing is changed."""
    name = grant.catalog_item.code
    if not _activatable(grant):
        status = Message.of("{benefit} is {status}; only a proposed or pending benefit is activated",
                            benefit=name, status=GrantStatus(grant.status))
        return Activation([status], [], [Blocker(name, "status", status=grant.status)])
    requests = _requests(session, grant.account_id)
    approved = _approved(requests)
    linked = next((r for r in requests if r.id == grant.exception_id), None)
    refusals, blockers = _linked_refusal(name, linked, approved, day, actor)
    value = plain(grant.value) if grant.value is not None else None
    check = check_benefit(session, account, grant.catalog_item, value, grant.cost_estimate, day, exclude=grant.id)
    for violation in dx.uncovered(check.violations, account.code, approved, day):
        blocker = _uncovered(name, violation, requests, linked)
        blockers.append(blocker)
        refusals.append(_uncovered_refusal(name, violation, blocker))
    if refusals:
        return Activation(refusals, [], _said_once(blockers))
    covering = _covering(check.violations, account.code, approved, day)
    if grant.exception_id is None and covering:
        grant.exception_id = covering[0].id
    grant.status = GrantStatus.ACTIVE
    return Activation([], [c.number for c in covering])


def _covering(violations: Iterable[Violation], code: str, approved: list[dx.ExceptionRequest],
              day: date) -> list[dx.ExceptionRequest]:
    """The approved request covering each cap the grant goes beyond."""
    return [c for c in (dx.covering(v, code, approved, day) for v in violations) if c]


def _activatable(grant: BenefitGrant) -> bool:
    return grant.status in ACTIVATABLE and grant.annex_id is None and grant.deleted_at is None


def _approved(requests: dict[dx.ExceptionRequest, bool]) -> list[dx.ExceptionRequest]:
    """The approved (or since expired) requests that can cover a cap: only those in the unit the policy check uses
    (e.g. a budget in money, not in %)."""
    answered = (ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED)
    return [r for r, usable in requests.items() if usable and r.status in answered]


def _said_once(blockers: list[Blocker]) -> list[Blocker]:
    """A linked request that also stands for an uncovered cap is named once, with the cap."""
    named = {b.number for b in blockers if b.reason == "uncovered"}
    return [b for b in blockers if b.reason != "linked" or b.number not in named]


def _linked_refusal(name: str, linked: dx.ExceptionRequest | None, approved: list[dx.ExceptionRequest], day: date,
                    actor: str) -> tuple[list[Message], list[Blocker]]:
    """Why the exception the grant was requested with does not allow it (yet): not approved, or no longer valid."""
    if linked is None:
        return [], []
    if linked not in approved:
        return ([Message.of("{benefit}: exception {number} is not approved", benefit=name, number=linked.number)],
                [Blocker(name, "linked", number=linked.number, request_status=linked.status.value,
                         waiting_for=_waiting(linked), note=_rejection_note(linked))])
    try:
        dx.require_valid(linked, day, actor)
    except dx.ExceptionRefused as exc:
        return ([Message.of("{benefit}: {refusal}", benefit=name, refusal=exc.message)],
                [Blocker(name, "linked", number=linked.number, request_status=ExceptionStatus.EXPIRED)])
    return [], []


def _uncovered(name: str, violation: Violation, requests: Iterable[dx.ExceptionRequest],
               linked: dx.ExceptionRequest | None) -> Blocker:
    """The blocker of a cap no approved exception covers, naming the request asked for it (the linked one
    first, else the newest of that kind)."""
    of_kind = [r for r in requests if r.kind is violation.rule]
    request = linked if linked is not None and linked.kind is violation.rule else (of_kind[-1] if of_kind else None)
    blocker = Blocker(name, "uncovered", kind=violation.rule.value, requested=violation.requested, cap=violation.cap,
                      unit=UNITS[violation.rule])
    if request is None:
        return blocker
    allows = request.requested if request.status is ExceptionStatus.APPROVED else None
    return replace(blocker, number=request.number, request_status=request.status.value,
                   waiting_for=_waiting(request), note=_rejection_note(request), allows=allows)


def _rejection_note(request: dx.ExceptionRequest) -> str:
    return next((d.note for d in reversed(request.decisions) if not d.approved), "")


def _uncovered_refusal(name: str, violation: Violation, blocker: Blocker) -> Message:
    """Why activation is refused for a cap: the violation, and the request that stands for it (and its answer)."""
    if blocker.number is None:
        return Message.of("{benefit}: {violation} [a benefit beyond a cap needs an approved, still valid exception]",
                          benefit=name, violation=violation.message)
    status = ExceptionStatus(blocker.request_status or ExceptionStatus.DRAFT)  # a request named has a status
    if blocker.note:
        return Message.of("{benefit}: {violation} [a benefit beyond a cap needs an approved, still valid exception]; "
                          "{number} is {status}: {note}", benefit=name, violation=violation.message,
                          number=blocker.number, status=status, note=blocker.note)
    return Message.of("{benefit}: {violation} [a benefit beyond a cap needs an approved, still valid exception]; "
                      "{number} is {status}", benefit=name, violation=violation.message, number=blocker.number,
                      status=status)


def _waiting(request: dx.ExceptionRequest) -> str | None:
    step = request.current_step
    return step.value if step is not None else None


def _requests(session: Session, account_id: uuid.UUID) -> dict[dx.ExceptionRequest, bool]:
    """The account's requests, oldest number first, each with whether it is in the unit the policy check uses."""
    rows = session.scalars(select(ExceptionRequest).where(
        ExceptionRequest.account_id == account_id, ExceptionRequest.deleted_at.is_(None))
        .order_by(ExceptionRequest.number))
    return {to_domain(session, r): r.value_unit in (None, UNITS[ExceptionKind(r.kind)]) for r in rows}


def activate_covered_in(ctx: Context, uow: UnitOfWork, request_id: uuid.UUID) -> list[str]:
    """After an approval: every grant of the request's account waiting for approval that is now covered
    becomes active (in the decision's unit of work); returns their catalog codes."""
    session = uow.session
    account_id = session.scalar(select(ExceptionRequest.account_id).where(ExceptionRequest.id == request_id))
    waiting = list(session.scalars(select(BenefitGrant).where(
        BenefitGrant.account_id == account_id, BenefitGrant.status == GrantStatus.PENDING_APPROVAL,
        BenefitGrant.annex_id.is_(None), BenefitGrant.deleted_at.is_(None))))
    if not waiting:
        return []
    account = account_ref(session, waiting[0].account_id)
    activated = []
    for grant in waiting:
        outcome = activate(session, grant, account, ctx.today(), ctx.actor.login)
        if not outcome.refusals:
            session.flush()
            uow.audit("grant.activate", "benefit_grant", grant.id, account=account.code,
                      exceptions=outcome.covering, by="approval")
            activated.append(grant.catalog_item.code)
    return activated


def activate_grant(ctx: Context, grant_id: uuid.UUID, on: date | None = None) -> str:
    """Make a grant active: refused while any cap it exceeds lacks an approved exception valid on the day."""
    day = on or ctx.today()
    with ctx.unit_of_work() as uow:
        session = uow.session
        grant = grant_row(session, grant_id)
        account = permit_on_account_id(ctx, session, UseCase.GRANT_BENEFIT, grant.account_id)
        outcome = activate(session, grant, account, day, ctx.actor.login)
        if outcome.refusals:
            raise Refused("{login}: cannot activate: {problems}", login=ctx.actor.login,
                          problems=Listing(tuple(outcome.refusals)))
        uow.audit("grant.activate", "benefit_grant", grant.id, account=account.code, exceptions=outcome.covering)
        uow.commit()
    return GrantStatus.ACTIVE


def grant_row(session: Session, grant_id: uuid.UUID) -> BenefitGrant:
    grant = session.get(BenefitGrant, grant_id)
    if grant is None or grant.deleted_at is not None:
        raise NotFound("no benefit grant {grant}", grant=grant_id)
    return grant


def link_exception(ctx: Context, grant_id: uuid.UUID, number: str) -> None:
    """Record which exception request a pending grant waits for."""
    with ctx.unit_of_work() as uow:
        link_in(ctx, uow.session, grant_id, number)
        uow.audit("grant.link_exception", "benefit_grant", grant_id, exception=number)
        uow.commit()


def link_in(ctx: Context, session: Session, grant_id: uuid.UUID, number: str) -> None:
    """`link_exception` inside the caller's unit of work."""
    grant = grant_row(session, grant_id)
    permit_on_account_id(ctx, session, UseCase.GRANT_BENEFIT, grant.account_id)
    request_id = session.scalar(select(ExceptionRequest.id).where(ExceptionRequest.number == number,
                                                                  ExceptionRequest.account_id == grant.account_id))
    if request_id is None:
        raise NotFound("no exception {number} on the grant's account", number=number)
    grant.exception_id = request_id
