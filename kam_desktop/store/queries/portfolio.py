"""The portfolio: one row per account with grade, LTV, trend, open benefits and pending exceptions."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from contextlib import closing
from datetime import date
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    and_,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from kam_desktop.domain.churn import DEFAULT_CHURN_MONTHS, churn_cutoff, churned_by
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.vocabulary import DocumentKind, DocumentStatus, ExceptionStatus, GrantStatus
from kam_desktop.store.collection import collection_held
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
    later,
    portfolio_dates,
    sqlite_rows,
)
from kam_desktop.store.queries.sales_source import cut_edges, latest, money, month_latest, month_sum
from kam_desktop.store.sql import money_if
from kam_desktop.store.types import HexUuid, Money

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
    churn_after: int = DEFAULT_CHURN_MONTHS, dialect: str = "sqlite",
) -> Select[tuple[object, ...]]:
    """The whole portfolio in one statement: aggregates are subqueries joined once per account. On SQLite in the
    accounts' id order, for `portfolio_row.sqlite_rows` to put in code order; elsewhere in code order."""
    values = portfolio_dates(as_of, churn_after)
    days = {name: literal(value, String() if isinstance(value, str) else Date()) for name, value in values.items()}
    return portfolio_statement(days, owner_login, account_id, by_id=dialect == "sqlite")


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
    *, by_id: bool = True,
) -> Select[tuple[object, ...]]:
    """The portfolio statement over the values of `portfolio_dates` (as values, or as placeholders to compile).

    `by_id` (SQLite): the accounts in id order, the roll-up's own key order, so that the per-account seeks into
    `sales_months` walk its pages forward instead of jumping about them in code order (the statement at 20,000
    accounts: ~259 -> ~221 ms of CPU); the reader sorts the rows by code (`sqlite_rows`, a few ms), which SQLite's
    ORDER BY code after the fact would do at ~20 ms."""
    first, prev_first = days["first"], days["prev_first"]
    # The window [window_start, last]: its whole months are summed per account by seeks into the roll-up, the months a
    # boundary cuts from their lines (`edges`: none in a window of whole months bound as values)
    edges = cut_edges(days, [
        money("ltv", lambda p: money_if(p.day >= first, p.net_amount)),
        money("ltv_prev", lambda p: money_if(and_(p.day >= prev_first, p.day < first), p.net_amount)),
        latest("last_on"),
    ], account_ids=None if account_id is None else [account_id])  # no month key: the same SQL on every dialect
    ltv = month_sum(days, Account.id, "net_amount", "ltv_month_lo", "ltv_month_hi")
    ltv_prev = month_sum(days, Account.id, "net_amount", "prev_month_lo", "prev_month_hi")
    if edges is not None:
        ltv = type_coerce(ltv + func.coalesce(edges.c.ltv, literal(ZERO, Money())), Money())
        ltv_prev = type_coerce(ltv_prev + func.coalesce(edges.c.ltv_prev, literal(ZERO, Money())), Money())
    # the latest day of the roll-up's whole months (those the inner boundaries cut too: they lie wholly in the window,
    # harmless to a max) and of the cut months' lines: two columns, the reader takes the later
    last_on = month_latest(days, Account.id, "all_month_lo", "all_month_hi")
    edge_last = edges.c.last_on if edges is not None else null()

    def only(column: Any) -> Any:  # one account (the card): each aggregate filters by it before grouping
        return column == account_id if account_id is not None else true()

    # each account's latest evaluation by two seeks into its (account, day) key, rather than a GROUP BY of every
    # evaluation up to the day (a year of monthly gradings at 20,000 accounts: ~55 ms of a ~300 ms statement)
    grades: Any = aliased(GradeEvaluation, name="grade")  # its columns untyped, as the statement's result takes them
    graded_on = (
        select(func.max(GradeEvaluation.evaluated_on))
        .where(GradeEvaluation.account_id == Account.id, GradeEvaluation.evaluated_on <= days["as_of"])
        .correlate(Account)
        .scalar_subquery()
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
            type_coerce(Account.id, HexUuid()), Account.code, Account.name, Account.kind, Account.status, User.login,
            Account.currency, Account.region, grades.grade, grades.segment, grades.at_risk, grades.evaluated_on,
            ltv.label("ltv"), ltv_prev.label("ltv_prev"), benefits.c.n, exceptions.c.n,
            last_on.label("last_on"), type_coerce(edge_last, Date()).label("edge_last_on"),
            statements.c.period,
        )
        .outerjoin(User, User.id == Account.owner_id)
        .outerjoin(grades, and_(grades.account_id == Account.id, grades.evaluated_on == graded_on))
        .outerjoin(benefits, benefits.c.account_id == Account.id)
        .outerjoin(exceptions, exceptions.c.account_id == Account.id)
        .outerjoin(statements, statements.c.account_id == Account.id)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.id if by_id else Account.code)
    )
    if edges is not None:
        query = query.outerjoin(edges, edges.c.account_id == Account.id)
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
    cutoff = churn_cutoff(as_of, months)
    connection = session.connection()
    with collection_held():  # 20,000 rows of values, none in a cycle: a collection would find nothing (~20% of it)
        # through the Core connection: the ORM's result wraps each row again (half the Python of this read)
        result = connection.execute(portfolio_query(as_of, owner_login, account_id, months, connection.dialect.name))
        if connection.dialect.name == "sqlite":
            # the driver's own tuples, turned into rows as the quick start turns them: SQLAlchemy's processing of
            # each row (ids, cents, days) cost ~1.5 us more a row
            with closing(result):
                # sqlite3's cursor iterates (the DB-API protocol does not say so): row by row, no list of 20,000
                return sqlite_rows(cast(Iterable[Any], result.cursor), cutoff)
        rows: Iterable[Any] = result
        return [
            PortfolioRow(
                account_id=r[0], code=r[1], name=r[2], kind=r[3], status=r[4], owner=r[5], currency=r[6],
                region=r[7], grade=r[8], segment=r[9], at_risk=bool(r[10]), evaluated_on=r[11],
                ltv_12m=r[12] if r[12] is not None else ZERO, ltv_prev_12m=r[13] if r[13] is not None else ZERO,
                open_benefits=r[14] or 0, pending_exceptions=r[15] or 0,
                last_invoice_on=(last_on := later(r[16], r[17])), churned=churned_by(last_on, cutoff),
                last_statement=r[18],
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
