"""Granting benefits under the commercial policy: a live check, pre-filled exceptions, one activation rule.

A grant within every cap is saved as proposed (a signed annex activates it). A grant beyond a cap is saved
as pending approval, with a pre-filled exception draft per violation for the UI to offer; it becomes active
only when every violation is covered by an approved exception valid on the day — whether it is activated
directly (`activate_grant`) or by signing the annex that lists it (`activation_refusals` is that one rule).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import exceptions as dx
from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.policy import Violation
from kam_desktop.domain.vocabulary import ExceptionKind, ExceptionStatus, GrantStatus
from kam_desktop.services.access import account_for, permit_on_account_id
from kam_desktop.services.benefits.catalog import catalog_item, check_benefit
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, Refused
from kam_desktop.services.exceptions.requests import UNITS, to_domain
from kam_desktop.services.program.in_force import plain
from kam_desktop.services.program.policy import PolicyCheck
from kam_desktop.store.models import BenefitGrant, ExceptionRequest
from kam_desktop.store.queries.grades import AccountRef

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
    drafts = [_draft(account.code, v) for v in result.violations]
    return GrantOutcome(grant.id, status, result, drafts)


def _draft(code: str, v: Violation) -> ExceptionDraft:
    return ExceptionDraft(code, v.rule.value, v.requested, v.cap, UNITS[v.rule])


@dataclass(frozen=True)
class Activation:
    """The outcome of trying to activate a grant: why not (nothing changed), or the exceptions covering it."""

    refusals: list[Message]
    covering: list[str]


def activate(session: Session, grant: BenefitGrant, account: AccountRef, day: date, actor: str) -> Activation:
    """Set `grant` active on `day` unless a rule refuses it — the one rule both doors of activation use
    (`activate_grant`, and signing the annex that lists the grant). Refused: nothing is changed."""
    name = grant.catalog_item.code
    if grant.status not in ACTIVATABLE or grant.annex_id is not None or grant.deleted_at is not None:
        return Activation([Message.of("{benefit} is {status}; only a proposed or pending benefit is activated",
                                      benefit=name, status=GrantStatus(grant.status))], [])
    requests = _approved_requests(session, grant.account_id)
    refusals: list[Message] = []
    linked = next((r for r in requests if r.id == grant.exception_id), None)
    if grant.exception_id is not None and linked is None:
        number = session.scalar(select(ExceptionRequest.number).where(ExceptionRequest.id == grant.exception_id))
        refusals.append(Message.of("{benefit}: exception {number} is not approved", benefit=name, number=number))
    elif linked is not None:
        try:
            dx.require_valid(linked, day, actor)
        except dx.ExceptionRefused as exc:
            refusals.append(Message.of("{benefit}: {refusal}", benefit=name, refusal=exc.message))
    value = plain(grant.value) if grant.value is not None else None
    check = check_benefit(session, account, grant.catalog_item, value, grant.cost_estimate, day, exclude=grant.id)
    refusals += [Message.of("{benefit}: {violation} [a benefit beyond a cap needs an approved, still valid exception]",
                            benefit=name, violation=v.message)
                 for v in dx.uncovered(check.violations, account.code, requests, day)]
    if refusals:
        return Activation(refusals, [])
    covering = [c for c in (dx.covering(v, account.code, requests, day) for v in check.violations) if c]
    if grant.exception_id is None and covering:
        grant.exception_id = covering[0].id
    grant.status = GrantStatus.ACTIVE
    return Activation([], [c.number for c in covering])


def _approved_requests(session: Session, account_id: uuid.UUID) -> list[dx.ExceptionRequest]:
    rows = session.scalars(select(ExceptionRequest).where(
        ExceptionRequest.account_id == account_id,
        ExceptionRequest.status.in_((ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED))))
    # only requests in the unit the policy check uses (e.g. a budget in money, not in %)
    return [to_domain(session, r) for r in rows if r.value_unit in (None, UNITS[ExceptionKind(r.kind)])]


def activate_grant(ctx: Context, grant_id: uuid.UUID, on: date | None = None) -> str:
    """Make a grant active: refused while any cap it exceeds lacks an approved exception valid on the day."""
    day = on or ctx.today()
    with ctx.unit_of_work() as uow:
        session = uow.session
        grant = _grant(session, grant_id)
        account = permit_on_account_id(ctx, session, UseCase.GRANT_BENEFIT, grant.account_id)
        outcome = activate(session, grant, account, day, ctx.actor.login)
        if outcome.refusals:
            raise Refused("{login}: cannot activate: {problems}", login=ctx.actor.login,
                          problems=Listing(tuple(outcome.refusals)))
        uow.audit("grant.activate", "benefit_grant", grant.id, account=account.code, exceptions=outcome.covering)
        uow.commit()
    return GrantStatus.ACTIVE


def _grant(session: Session, grant_id: uuid.UUID) -> BenefitGrant:
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
    grant = _grant(session, grant_id)
    permit_on_account_id(ctx, session, UseCase.GRANT_BENEFIT, grant.account_id)
    request_id = session.scalar(select(ExceptionRequest.id).where(ExceptionRequest.number == number,
                                                                  ExceptionRequest.account_id == grant.account_id))
    if request_id is None:
        raise NotFound("no exception {number} on the grant's account", number=number)
    grant.exception_id = request_id
