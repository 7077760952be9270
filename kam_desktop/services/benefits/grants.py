"""Granting benefits under the commercial policy: a live check, a pre-filled exception, activation rules.

A grant within every cap is saved as proposed (a signed annex activates it). A grant beyond a cap is saved
as pending approval, with a pre-filled exception draft per violation for the UI to offer; it can become
active only when every violation is covered by an approved exception valid on the day (`activate_grant`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import exceptions as dx
from kam_desktop.domain.policy import Violation
from kam_desktop.domain.vocabulary import BenefitType, ExceptionKind, ExceptionStatus, GrantStatus
from kam_desktop.services.clock import today
from kam_desktop.services.errors import NotFound, Refused
from kam_desktop.services.exceptions.requests import UNITS, to_domain
from kam_desktop.services.program.in_force import plain
from kam_desktop.services.program.policy import PolicyCheck, check_in
from kam_desktop.store.models import BenefitCatalogItem, BenefitGrant, ExceptionRequest
from kam_desktop.store.queries.grades import AccountRef, account_by_code
from kam_desktop.store.store import Store


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


def _check(session: Session, account: AccountRef, item: BenefitCatalogItem, value: Decimal | None,
           cost: Decimal, on: date, person: str | None, exclude: object = None) -> PolicyCheck:
    btype = BenefitType(item.benefit_type)
    value = plain(value) if value is not None else None
    return check_in(
        session, account, on,
        discount=value if btype is BenefitType.VOLUME_DISCOUNT else None,
        payment_days=int(value) if btype is BenefitType.PAYMENT_TERMS and value is not None else None,
        benefit_cost=cost, gifts={person or "recipient": cost} if btype is BenefitType.GIFT else None,
        exclude_grant=exclude,
    )


def add_benefit_grant(
    store: Store, code: str, catalog_code: str, *, cost_estimate: Decimal, actor: str, value: Decimal | None = None,
    valid_from: date | None = None, valid_to: date | None = None, terms: str | None = None,
    person: str | None = None,
) -> GrantOutcome:
    """Save a grant after a live policy check: proposed when within policy, else pending with drafts."""
    start = valid_from or today()
    with store.unit_of_work(actor) as uow:
        session = uow.session
        account = account_by_code(session, code)
        if account is None:
            raise NotFound(f"no account with code {code!r}")
        item = session.scalar(select(BenefitCatalogItem).where(BenefitCatalogItem.code == catalog_code))
        if item is None:
            raise NotFound(f"no benefit {catalog_code!r} in the catalog")
        result = _check(session, account, item, value, cost_estimate, start, person)
        status = GrantStatus.PROPOSED if result.ok else GrantStatus.PENDING_APPROVAL
        grant = BenefitGrant(
            account_id=account.id, catalog_id=item.id, terms=terms, value=value, valid_from=start, valid_to=valid_to,
            status=status, cost_estimate=cost_estimate, currency=account.currency, granted_by=actor,
        )
        session.add(grant)
        session.flush()
        uow.audit("grant.add", "benefit_grant", grant.id, account=code, benefit=catalog_code, status=status,
                  violations=[v.message for v in result.violations])
        uow.commit()
    drafts = [_draft(code, v) for v in result.violations]
    return GrantOutcome(grant.id, status, result, drafts)


def _draft(code: str, v: Violation) -> ExceptionDraft:
    return ExceptionDraft(code, v.rule.value, v.requested, v.cap, UNITS[v.rule])


def activate_grant(store: Store, grant_id: uuid.UUID, actor: str, on: date | None = None) -> str:
    """Make a grant active: refused while any cap it exceeds lacks an approved exception valid on the day."""
    day = on or today()
    with store.unit_of_work(actor) as uow:
        session = uow.session
        grant = session.get(BenefitGrant, grant_id)
        if grant is None:
            raise NotFound(f"no benefit grant {grant_id}")
        if grant.status not in (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL):
            raise Refused(f"{actor}: the grant is {grant.status}; only a proposed or pending grant is activated")
        account = account_by_code(session, _code(session, grant.account_id))
        assert account is not None
        result = _check(session, account, grant.catalog_item, grant.value, grant.cost_estimate, day, None,
                        exclude=grant.id)
        rows = session.scalars(select(ExceptionRequest).where(
            ExceptionRequest.account_id == grant.account_id,
            ExceptionRequest.status.in_((ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED))))
        # only requests in the unit the policy check uses (e.g. a budget in money, not in %)
        requests = [to_domain(session, r) for r in rows if r.value_unit in (None, UNITS[ExceptionKind(r.kind)])]
        if grant.exception_id is not None:
            linked = next((r for r in requests if r.id == grant.exception_id), None)
            if linked is not None:
                try:
                    dx.require_valid(linked, day, actor)
                except dx.ExceptionRefused as exc:
                    raise Refused(str(exc)) from None
        missing = dx.uncovered(result.violations, account.code, requests, day)
        if missing:
            raise Refused(f"{actor}: cannot activate: " + "; ".join(v.message for v in missing)
                          + " [a benefit beyond a cap needs an approved, still valid exception]")
        covering = [dx.covering(v, account.code, requests, day) for v in result.violations]
        if covering and covering[0] is not None:
            grant.exception_id = covering[0].id
        grant.status = GrantStatus.ACTIVE
        uow.audit("grant.activate", "benefit_grant", grant.id, account=account.code,
                  exceptions=[c.number for c in covering if c is not None])
        uow.commit()
    return GrantStatus.ACTIVE


def link_exception(store: Store, grant_id: uuid.UUID, number: str, actor: str) -> None:
    """Record which exception request a pending grant waits for."""
    with store.unit_of_work(actor) as uow:
        grant = uow.session.get(BenefitGrant, grant_id)
        exc = uow.session.scalar(select(ExceptionRequest).where(ExceptionRequest.number == number))
        if grant is None or exc is None:
            raise NotFound(f"no grant {grant_id} or no exception {number}")
        grant.exception_id = exc.id
        uow.audit("grant.link_exception", "benefit_grant", grant.id, exception=number)
        uow.commit()


def _code(session: Session, account_id: uuid.UUID) -> str:
    from kam_desktop.store.models import Account

    return session.scalar(select(Account.code).where(Account.id == account_id)) or ""
