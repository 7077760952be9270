"""The approvals inbox: requests waiting for the actor's role, with each account's margin and budget use."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.permissions import UseCase, permits
from kam_desktop.domain.vocabulary import ExceptionStatus
from kam_desktop.services.context import Context
from kam_desktop.services.exceptions.requests import ExceptionRow, show
from kam_desktop.services.program.policy import benefit_budget
from kam_desktop.store.models import Account, ExceptionRequest
from kam_desktop.store.queries.grades import account_by_code


@dataclass(frozen=True)
class InboxRow:
    """A request waiting for the approver, with the account's margin and how much of its budget is used."""

    request: ExceptionRow
    account_name: str
    currency: str
    margin_12m: Decimal
    budget: Decimal
    committed: Decimal

    @property
    def budget_use(self) -> Decimal | None:
        return None if self.budget <= 0 else (self.committed / self.budget).quantize(Decimal("0.0001"))


def inbox(ctx: Context) -> list[InboxRow]:
    """Submitted requests whose current step is the actor's role (empty for a role that decides nothing)."""
    if not permits(ctx.actor.role, UseCase.DECIDE_EXCEPTION):
        return []
    today = ctx.today()
    rows = []
    with ctx.read() as session:
        waiting = session.scalars(select(ExceptionRequest).where(
            ExceptionRequest.status == ExceptionStatus.SUBMITTED, ExceptionRequest.deleted_at.is_(None))
            .order_by(ExceptionRequest.submitted_at, ExceptionRequest.number))
        for request in (show(session, row) for row in waiting):
            if request.waiting_for != ctx.actor.role:
                continue
            account = account_by_code(session, request.account)
            if account is None:
                continue
            budget = benefit_budget(session, account, today)
            rows.append(InboxRow(request, _name(session, request.account), account.currency, budget.margin_12m,
                                 budget.budget, budget.committed))
    return rows


def _name(session: Session, code: str) -> str:
    return session.scalar(select(Account.name).where(Account.code == code)) or code
