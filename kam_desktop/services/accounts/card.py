"""Use cases for one account: its card, contacts and latest grade, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kam_desktop.domain.monetary import Money
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.store.models import Account, Contact, GradeEvaluation
from kam_desktop.store.portfolio_row import PortfolioRow, with_base_ltv
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import latest_evaluation
from kam_desktop.store.queries.portfolio import portfolio_rows


@dataclass(frozen=True)
class ContactRow:
    name: str
    role: str
    position: str | None
    email: str | None
    phone: str | None
    nps: int | None


@dataclass(frozen=True)
class GradeWhy:
    """The inputs that produced the grade in force: basis, rank among N, cut-off, previous grade."""

    evaluated_on: date
    basis_kind: str
    basis: Money  # in the program's base currency: grading ranks every account in one currency
    rank: int | None
    population: int
    percentile: Decimal | None
    cutoff: Decimal | None
    computed_grade: str
    previous_grade: str | None
    grade: str
    at_risk: bool
    segment: str


@dataclass(frozen=True)
class AccountCard:
    summary: PortfolioRow
    tax_id: str | None
    industry: str | None
    language: str
    enrolled_on: date | None
    address: str | None
    contacts: list[ContactRow] = field(default_factory=list)
    grade_why: GradeWhy | None = None


def account_card(ctx: Context, code: str, as_of: date | None = None) -> AccountCard:
    """Everything the account's header and overview show."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        ref = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        account = session.get_one(Account, ref.id)
        (summary,) = portfolio_rows(session, as_of, account_id=account.id)
        summary = with_base_ltv(summary, fx_table(session), as_of)
        contacts = session.scalars(
            select(Contact).where(Contact.account_id == account.id, Contact.deleted_at.is_(None)).order_by(Contact.role, Contact.name)
        )
        evaluation = latest_evaluation(session, account.id, as_of)
        return AccountCard(
            summary=summary, tax_id=account.tax_id, industry=account.industry, language=account.language,
            enrolled_on=account.enrolled_on, address=account.address,
            contacts=[ContactRow(c.name, c.role, c.position, c.email, c.phone, c.nps) for c in contacts],
            grade_why=_why(evaluation, fx_table(session).base) if evaluation else None,
        )


def _why(e: GradeEvaluation, base_currency: str) -> GradeWhy:
    return GradeWhy(
        evaluated_on=e.evaluated_on, basis_kind=e.basis_kind, basis=Money(e.basis, base_currency), rank=e.rank, population=e.population,
        percentile=e.percentile, cutoff=e.cutoff, computed_grade=e.computed_grade, previous_grade=e.previous_grade,
        grade=e.grade, at_risk=e.at_risk, segment=e.segment,
    )
