"""The portfolio: one row per account with grade, LTV, trend, open benefits and pending exceptions."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Date, Select, String, and_, func, literal, literal_column, select, true
from sqlalchemy.orm import Session

from kam_desktop.domain.churn import DEFAULT_CHURN_MONTHS, churn_cutoff, churned_by
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.vocabulary import DocumentKind, DocumentStatus, ExceptionStatus, GrantStatus
from kam_desktop.store.models import (
    Account,
    BenefitGrant,
    Document,
    ExceptionRequest,
    GradeEvaluation,
    ProgramConfig,
    User,
)
from kam_desktop.store.portfolio_row import (
    PARAMETERS,
    PortfolioRow,
    portfolio_dates,
)
from kam_desktop.store.queries.sales_source import latest, money, windowed
from kam_desktop.store.sql import money_if

OPEN_GRANT_STATUSES = (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL, GrantStatus.ACTIVE)
PENDING_EXCEPTION_STATUSES = (ExceptionStatus.DRAFT, ExceptionStatus.SUBMITTED)
ISSUED_DOCUMENT_STATUSES = (DocumentStatus.ISSUED, DocumentStatus.SIGNED)


def churn_months(session: Session, on: date) -> int:
    """Months without an invoice after which the program in force on `on` counts an account as churned."""
    months = session.scalar(
        select(ProgramConfig.churn_months)
        .where(ProgramConfig.valid_from <= on, ProgramConfig.deleted_at.is_(None))
        .order_by(ProgramConfig.valid_from.desc())
        .limit(1)
    )
    return int(months) if months else DEFAULT_CHURN_MONTHS


def portfolio_query(
    as_of: date, owner_login: str | None = None, account_id: uuid.UUID | None = None,
    churn_after: int = DEFAULT_CHURN_MONTHS,
) -> Select[tuple[object, ...]]:
    """The whole portfolio in one statement: aggregates are subqueries joined once per account."""
    values = portfolio_dates(as_of, churn_after)
    days = {name: literal(value, String() if isinstance(value, str) else Date()) for name, value in values.items()}
    return portfolio_statement(days, owner_login, account_id)


def portfolio_sql() -> str:
    """The statement for every account, compiled for SQLite with `:first`, `:last`… for its days — the SQL the
    quick start runs before SQLAlchemy is loaded (checked in as `store/portfolio_sql.py`, kept equal by a test)."""
    from sqlalchemy.dialects import sqlite

    sample = portfolio_dates(date(2000, 1, 1))
    days = {name: literal_column(f":{name}", String() if isinstance(sample[name], str) else Date())
            for name in PARAMETERS}
    statement = portfolio_statement(days, None, None)
    return str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def portfolio_statement(
    days: Mapping[str, ColumnElement[Any]], owner_login: str | None = None, account_id: uuid.UUID | None = None,
) -> Select[tuple[object, ...]]:
    """The portfolio statement over the values of `portfolio_dates` (as values, or as placeholders to compile)."""
    first, prev_first = days["first"], days["prev_first"]
    sales = windowed(days, ["account_id"], [  # the window [window_start, last]
        money("ltv", lambda p: money_if(p.day >= first, p.net_amount)),
        money("ltv_prev", lambda p: money_if(and_(p.day >= prev_first, p.day < first), p.net_amount)),
        latest("last_on"),
    ], account_ids=None if account_id is None else [account_id])  # no month key: the same SQL on every dialect

    def only(column: Any) -> Any:  # one account (the card): each aggregate filters by it before grouping
        return column == account_id if account_id is not None else true()

    graded_on = (
        select(GradeEvaluation.account_id, func.max(GradeEvaluation.evaluated_on).label("on"))
        .where(GradeEvaluation.evaluated_on <= days["as_of"], only(GradeEvaluation.account_id))
        .group_by(GradeEvaluation.account_id)
        .subquery()
    )
    grades = (
        select(GradeEvaluation)
        .join(graded_on, and_(graded_on.c.account_id == GradeEvaluation.account_id,
                              graded_on.c.on == GradeEvaluation.evaluated_on))
        .subquery()
    )
    benefits = (
        select(BenefitGrant.account_id, func.count().label("n"))
        .where(BenefitGrant.status.in_(OPEN_GRANT_STATUSES), BenefitGrant.deleted_at.is_(None),
               only(BenefitGrant.account_id))
        .group_by(BenefitGrant.account_id)
        .subquery()
    )
    exceptions = (
        select(ExceptionRequest.account_id, func.count().label("n"))
        .where(ExceptionRequest.status.in_(PENDING_EXCEPTION_STATUSES), ExceptionRequest.deleted_at.is_(None),
               only(ExceptionRequest.account_id))
        .group_by(ExceptionRequest.account_id)
        .subquery()
    )
    statements = (
        select(Document.account_id, func.max(Document.period).label("period"))
        .where(Document.kind == DocumentKind.STATEMENT, Document.status.in_(ISSUED_DOCUMENT_STATUSES),
               Document.deleted_at.is_(None), only(Document.account_id))
        .group_by(Document.account_id)
        .subquery()
    )
    query = (
        select(
            Account.id, Account.code, Account.name, Account.kind, Account.status, User.login, Account.currency,
            Account.region, grades.c.grade, grades.c.segment, grades.c.at_risk, grades.c.evaluated_on,
            sales.c.ltv, sales.c.ltv_prev, benefits.c.n, exceptions.c.n, sales.c.last_on, statements.c.period,
        )
        .outerjoin(User, User.id == Account.owner_id)
        .outerjoin(sales, sales.c.account_id == Account.id)
        .outerjoin(grades, grades.c.account_id == Account.id)
        .outerjoin(benefits, benefits.c.account_id == Account.id)
        .outerjoin(exceptions, exceptions.c.account_id == Account.id)
        .outerjoin(statements, statements.c.account_id == Account.id)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.code)
    )
    if owner_login is not None:
        query = query.where(User.login == owner_login)
    if account_id is not None:
        query = query.where(Account.id == account_id)
    return query


def portfolio_rows(
    session: Session, as_of: date, owner_login: str | None = None, account_id: uuid.UUID | None = None
) -> list[PortfolioRow]:
    """Every (not deleted) account, optionally only those one KAM owns, or just one."""
    months = churn_months(session, as_of)
    rows: Iterable[Any] = session.execute(portfolio_query(as_of, owner_login, account_id, months))
    cutoff = churn_cutoff(as_of, months)
    return [
        PortfolioRow(
            account_id=r[0], code=r[1], name=r[2], kind=r[3], status=r[4], owner=r[5], currency=r[6],
            region=r[7], grade=r[8], segment=r[9], at_risk=bool(r[10]), evaluated_on=r[11],
            ltv_12m=r[12] if r[12] is not None else ZERO, ltv_prev_12m=r[13] if r[13] is not None else ZERO,
            open_benefits=r[14] or 0, pending_exceptions=r[15] or 0,
            last_invoice_on=r[16], churned=churned_by(r[16], cutoff), last_statement=r[17],
        )
        for r in rows
    ]


if __name__ == "__main__":  # regenerate the quick start's copy: python -m kam_desktop.store.queries.portfolio
    from pathlib import Path

    target = Path(__file__).resolve().parents[1] / "portfolio_sql.py"
    target.write_text(
        '"""The portfolio statement compiled for SQLite (generated by `python -m kam_desktop.store.queries.portfolio`;\n'
        'a test fails when it differs from `queries.portfolio.portfolio_sql()`). Do not edit by hand."""\n\n'
        f"PORTFOLIO_SQL = {portfolio_sql()!r}\n", encoding="utf-8")
    print(f"wrote {target}")
