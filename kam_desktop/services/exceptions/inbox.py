"""The approvals inbox: requests waiting for the actor's role, with their age, each account's margin and budget
use, and the money in the base currency (to sort one list of many currencies)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.permissions import UseCase, permits
from kam_desktop.domain.vocabulary import ExceptionStatus
from kam_desktop.services.context import Context
from kam_desktop.services.exceptions.requests import ExceptionRow, show
from kam_desktop.services.program.policy import benefit_budget
from kam_desktop.store.models import Account, ExceptionRequest
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import account_by_code


@dataclass(frozen=True)
class InboxRow:
    """A request waiting for the approver, with the account's margin, how much of its budget is used, how long
    it has waited, and its money also in the base currency (None where no rate exists on the inbox's day)."""

    request: ExceptionRow
    account_name: str
    currency: str
    margin_12m: Decimal
    budget: Decimal
    committed: Decimal
    age_days: int = 0  # days since it was submitted, as of the inbox's day
    base_currency: str = ""
    requested_base: Decimal | None = None  # a money request (budget, gift) in the base currency
    expected_cost_base: Decimal | None = None
    expected_margin_base: Decimal | None = None
    margin_12m_base: Decimal | None = None

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
        fx = fx_table(session)
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
            rows.append(_row(session, fx, today, request, account.currency, budget.margin_12m, budget.budget,
                             budget.committed))
    return rows


def _row(session: Session, fx: FxTable, today: date, request: ExceptionRow, currency: str, margin: Decimal,
         budget: Decimal, committed: Decimal) -> InboxRow:
    def base(amount: Decimal | None) -> Decimal | None:
        if amount is None:
            return None
        try:
            return fx.to_base(amount, currency, today)
        except MissingRateError:
            return None

    age = (today - request.submitted_on).days if request.submitted_on else 0
    return InboxRow(request, _name(session, request.account), currency, margin, budget, committed,
                    age_days=max(age, 0), base_currency=fx.base,
                    requested_base=base(request.requested) if request.unit == "money" else None,
                    expected_cost_base=base(request.expected_cost), expected_margin_base=base(request.expected_margin),
                    margin_12m_base=base(margin))


def _name(session: Session, code: str) -> str:
    return session.scalar(select(Account.name).where(Account.code == code)) or code
