"""A granted benefit after it is saved: edit its terms, cancel it, record what the client used, and why it
is not active yet. Each is one unit of work, audited; the rules are `domain.grants`'."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kam_desktop.domain import grants as dg
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import GrantStatus
from kam_desktop.services.access import permit_on_account_id
from kam_desktop.services.benefits.catalog import check_benefit
from kam_desktop.services.benefits.grants import Blocker, GrantOutcome, activate, draft_of, grant_row
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Refused
from kam_desktop.services.program.in_force import plain
from kam_desktop.store.models import BenefitGrant


@dataclass(frozen=True)
class GrantTerms:
    """What a KAM may change of a proposed or pending benefit."""

    value: Decimal | None
    cost: Decimal
    valid_from: date
    valid_to: date | None
    terms: str | None = None


class GrantRefused(Refused):
    """A change to a grant its rules refuse; `problems` lists every reason (templates with parameters)."""

    def __init__(self, problems: list[dg.Problem]) -> None:
        super().__init__("{problems}", problems="; ".join(p.message for p in problems))
        self.problems = problems


def _facts(grant: BenefitGrant) -> dg.GrantFacts:
    return dg.GrantFacts(grant.catalog_item.code, GrantStatus(grant.status), grant.annex_id is not None,
                         grant.valid_from, grant.valid_to, grant.cost_estimate, grant.used_amount, grant.currency)


def _refuse_if(problems: list[dg.Problem]) -> None:
    if problems:
        raise GrantRefused(problems)


def edit_grant(ctx: Context, grant_id: uuid.UUID, new: GrantTerms) -> GrantOutcome:
    """Change a proposed or pending benefit's value, cost, validity or terms; the policy is checked again:
    within every cap it is proposed, beyond one it waits for approval (with the exception drafts it needs)."""
    with ctx.unit_of_work() as uow:
        session = uow.session
        grant = grant_row(session, grant_id)
        account = permit_on_account_id(ctx, session, UseCase.GRANT_BENEFIT, grant.account_id)
        _refuse_if(dg.edit_problems(_facts(grant), new.valid_from, new.valid_to, new.cost))
        value = plain(new.value) if new.value is not None else None
        check = check_benefit(session, account, grant.catalog_item, value, new.cost, new.valid_from, exclude=grant.id)
        before = {"value": grant.value, "cost": grant.cost_estimate, "valid_from": grant.valid_from,
                  "valid_to": grant.valid_to}
        grant.value, grant.cost_estimate = new.value, new.cost
        grant.valid_from, grant.valid_to = new.valid_from, new.valid_to
        grant.terms = new.terms if new.terms is not None else grant.terms
        grant.status = GrantStatus.PROPOSED if check.ok else GrantStatus.PENDING_APPROVAL
        session.flush()
        uow.audit("grant.edit", "benefit_grant", grant.id, account=account.code, before=before,
                  after={"value": new.value, "cost": new.cost, "valid_from": new.valid_from,
                         "valid_to": new.valid_to}, status=grant.status,
                  violations=[v.message for v in check.violations])
        uow.commit()
    return GrantOutcome(grant.id, grant.status, check, [draft_of(account.code, v) for v in check.violations])


def cancel_grant(ctx: Context, grant_id: uuid.UUID, reason: str) -> str:
    """Cancel a proposed, pending or active benefit, saying why (kept in the audit log); returns the status."""
    with ctx.unit_of_work() as uow:
        session = uow.session
        grant = grant_row(session, grant_id)
        account = permit_on_account_id(ctx, session, UseCase.GRANT_BENEFIT, grant.account_id)
        _refuse_if(dg.cancel_problems(_facts(grant), reason))
        before = grant.status
        grant.status = GrantStatus.CANCELLED
        session.flush()
        uow.audit("grant.cancel", "benefit_grant", grant.id, account=account.code, from_status=before,
                  reason=reason.strip())
        uow.commit()
    return GrantStatus.CANCELLED


def record_usage(ctx: Context, grant_id: uuid.UUID, amount: Decimal, on: date | None = None,
                 note: str = "") -> tuple[Decimal, str]:
    """Record that the client used `amount` of an active benefit on `on` (today); the whole cost used makes
    it used. Returns (used so far, status). Each usage is an audit line; the grant keeps the running total."""
    day = on or ctx.today()
    with ctx.unit_of_work() as uow:
        session = uow.session
        grant = grant_row(session, grant_id)
        account = permit_on_account_id(ctx, session, UseCase.GRANT_BENEFIT, grant.account_id)
        facts = _facts(grant)
        _refuse_if(dg.usage_problems(facts, amount, day, ctx.today()))
        grant.status = dg.status_after_use(facts, amount)
        grant.used_amount = grant.used_amount + amount
        session.flush()
        uow.audit("grant.use", "benefit_grant", grant.id, account=account.code, amount=amount,
                  currency=grant.currency, on=day, used=grant.used_amount, status=grant.status, note=note.strip())
        used, status = grant.used_amount, str(grant.status)
        uow.commit()
    return used, status


def grant_blockers(ctx: Context, grant_id: uuid.UUID, on: date | None = None) -> list[Blocker]:
    """Why a benefit is not active on `on` (today): empty when it could be activated now. Changes nothing."""
    with ctx.read() as session:
        grant = grant_row(session, grant_id)
        account = permit_on_account_id(ctx, session, UseCase.VIEW_ACCOUNT, grant.account_id)
        # the one activation rule, tried on a read session: whatever it would set is rolled back with it
        blockers = activate(session, grant, account, on or ctx.today(), ctx.actor.login).blockers
        session.expire_all()
        return blockers
