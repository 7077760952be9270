"""Use cases for one account: its card, contacts and latest grade, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kam_desktop.services.clock import today
from kam_desktop.services.errors import NotFound
from kam_desktop.store.models import Account, Contact, GradeEvaluation
from kam_desktop.store.portfolio_row import PortfolioRow, with_base_ltv
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.portfolio import portfolio_rows
from kam_desktop.store.store import Store


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
    basis: Decimal
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


def account_card(store: Store, code: str, as_of: date | None = None) -> AccountCard:
    """Everything the account's header and overview show."""
    as_of = as_of or today()
    with store.read() as session:
        account = session.scalar(select(Account).where(Account.code == code, Account.deleted_at.is_(None)))
        if account is None:
            raise NotFound(f"no account with code {code!r}; see `kamctl accounts list`")
        (summary,) = portfolio_rows(session, as_of, account_id=account.id)
        summary = with_base_ltv(summary, fx_table(session), as_of)
        contacts = session.scalars(
            select(Contact).where(Contact.account_id == account.id, Contact.deleted_at.is_(None)).order_by(Contact.role, Contact.name)
        )
        evaluation = session.scalar(
            select(GradeEvaluation)
            .where(GradeEvaluation.account_id == account.id, GradeEvaluation.evaluated_on <= as_of)
            .order_by(GradeEvaluation.evaluated_on.desc())
            .limit(1)
        )
        return AccountCard(
            summary=summary, tax_id=account.tax_id, industry=account.industry, language=account.language,
            enrolled_on=account.enrolled_on, address=account.address,
            contacts=[ContactRow(c.name, c.role, c.position, c.email, c.phone, c.nps) for c in contacts],
            grade_why=_why(evaluation) if evaluation else None,
        )


def _why(e: GradeEvaluation) -> GradeWhy:
    return GradeWhy(
        evaluated_on=e.evaluated_on, basis_kind=e.basis_kind, basis=e.basis, rank=e.rank, population=e.population,
        percentile=e.percentile, cutoff=e.cutoff, computed_grade=e.computed_grade, previous_grade=e.previous_grade,
        grade=e.grade, at_risk=e.at_risk, segment=e.segment,
    )
