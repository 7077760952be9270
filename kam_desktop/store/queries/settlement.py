"""Reads settlement needs: when quarters were closed, invoice lines with the moment they arrived, locks."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kam_desktop.domain import clawback as dc
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.periods import Quarter
from kam_desktop.store.models import (
    Account,
    AuditEntry,
    ClawbackDue,
    InvoiceLine,
    LedgerEntry,
    PeriodLock,
    ProductCategory,
    User,
)
from kam_desktop.store.queries.grades import AccountRef, GradingBasis, accounts, graded_by
from kam_desktop.store.sql import money_sum


def locked_quarters(session: Session) -> list[str]:
    """The quarters finance has locked, oldest first."""
    return list(session.scalars(select(PeriodLock.quarter).order_by(PeriodLock.quarter)))


def closed_quarters(session: Session) -> dict[str, datetime]:
    """Each quarter a close was committed for, with the moment of its first close (the audit log has every close)."""
    rows = session.execute(select(AuditEntry.entity_id, func.min(AuditEntry.created_at))
                           .where(AuditEntry.action == "quarter.close").group_by(AuditEntry.entity_id))
    return {str(q): _moment(at) for q, at in rows if q}


def account_close_moments(session: Session, quarter: str) -> dict[uuid.UUID, datetime]:
    """When each account's quarter was closed: the moment its first close accrual was written."""
    rows = session.execute(select(LedgerEntry.account_id, func.min(LedgerEntry.created_at))
                           .where(LedgerEntry.idempotency_key.startswith(f"close:{quarter}:", autoescape=True))
                           .group_by(LedgerEntry.account_id))
    return {account_id: _moment(at) for account_id, at in rows}


def _moment(value: object) -> datetime:
    # min() over the UTC text column comes back as text on SQLite
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value


def imports_since(session: Session, moment: datetime) -> dict[uuid.UUID, datetime]:
    """Imports applied after `moment` (their audit entries: the id is the lines' import_id), with their time."""
    rows = session.execute(select(AuditEntry.id, AuditEntry.created_at)
                           .where(AuditEntry.entity == "import", AuditEntry.action == "import.apply",
                                  AuditEntry.created_at > moment))
    return {k: v for k, v in rows}


@dataclass(frozen=True)
class ArrivedLine:
    """An invoice line with its category code and the moment its import was applied."""

    account_id: uuid.UUID
    invoice_no: str
    invoice_date: date
    category: str
    net: Decimal
    import_id: uuid.UUID | None


def lines_of_imports(session: Session, import_ids: Collection[uuid.UUID], last_day: date) -> list[ArrivedLine]:
    """The lines some imports wrote, dated on or before `last_day` (read through the import_id index)."""
    if not import_ids:
        return []
    query = (select(InvoiceLine.account_id, InvoiceLine.invoice_no, InvoiceLine.invoice_date, ProductCategory.code,
                    InvoiceLine.net_amount, InvoiceLine.import_id)
             .join(ProductCategory, ProductCategory.id == InvoiceLine.category_id)
             .where(InvoiceLine.import_id.in_(list(import_ids)), InvoiceLine.invoice_date <= last_day))
    return [ArrivedLine(*row) for row in session.execute(query)]


def account_lines(session: Session, account_id: uuid.UUID, first: date, last: date) -> list[ArrivedLine]:
    """One account's lines dated in [first, last] (the covering index's account and date)."""
    query = (select(InvoiceLine.account_id, InvoiceLine.invoice_no, InvoiceLine.invoice_date, ProductCategory.code,
                    InvoiceLine.net_amount, InvoiceLine.import_id)
             .join(ProductCategory, ProductCategory.id == InvoiceLine.category_id)
             .where(InvoiceLine.account_id == account_id, InvoiceLine.invoice_date.between(first, last)))
    return [ArrivedLine(*row) for row in session.execute(query)]


def import_moments(session: Session, import_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, datetime]:
    """When each import was applied (imports still in the caller's transaction have no entry yet)."""
    ids = [i for i in import_ids if i is not None]
    if not ids:
        return {}
    rows = session.execute(select(AuditEntry.id, AuditEntry.created_at).where(AuditEntry.id.in_(ids)))
    return {k: v for k, v in rows}


def owned_account_ids(session: Session, owner: str | None) -> set[uuid.UUID] | None:
    """The ids of the accounts `owner` (a login) owns; None for no owner (every account)."""
    if owner is None:
        return None
    return set(session.scalars(select(Account.id).join(User, User.id == Account.owner_id).where(User.login == owner)))


def grading_bases_known(session: Session, first: date, last: date, margin: bool, known_by: datetime, as_of: date,
                        ) -> list[GradingBasis]:
    """`grades.grading_bases` as it could be computed at `known_by`: lines imported later are left out.

    A line written outside an import (the demo, a test) counts as known since always. This reads the lines
    with their import's audit entry, so it is for a past grading only; today's uses the plain query.
    """
    amount = InvoiceLine.margin_amount if margin else InvoiceLine.net_amount
    known = or_(InvoiceLine.import_id.is_(None), AuditEntry.id.is_(None), AuditEntry.created_at <= known_by)
    sales = (
        select(InvoiceLine.account_id.label("account_id"), money_sum(amount).label("amount"))
        .outerjoin(AuditEntry, AuditEntry.id == InvoiceLine.import_id)
        .where(InvoiceLine.invoice_date.between(first, last), known)
        .group_by(InvoiceLine.account_id)
        .subquery()
    )
    query = (
        select(Account.code, Account.kind, Account.currency, sales.c.amount)
        .outerjoin(sales, sales.c.account_id == Account.id)
        .where(graded_by(as_of))
    )
    zero = Decimal("0.00")
    return [GradingBasis(code, kind, currency, zero if total is None else total)
            for code, kind, currency, total in session.execute(query)]


@dataclass(frozen=True)
class LateLines:
    """Lines of a window imported after a moment: how many and their net, per account code."""

    count: int
    net: Decimal
    currency: str  # the account's


def lines_imported_after(session: Session, first: date, last: date, moment: datetime) -> dict[str, LateLines]:
    """Per account code, the lines dated in [first, last] whose import was applied after `moment`."""
    query = (select(Account.code, Account.currency, func.count(), money_sum(InvoiceLine.net_amount))
             .join(AuditEntry, AuditEntry.id == InvoiceLine.import_id).join(Account, Account.id == InvoiceLine.account_id)
             .where(InvoiceLine.invoice_date.between(first, last), AuditEntry.created_at > moment)
             .group_by(Account.code, Account.currency))
    return {code: LateLines(count, net, currency) for code, currency, count, net in session.execute(query)}


def dues(session: Session, refs: Collection[AccountRef] | None = None) -> list[dc.ClawbackDue]:
    """Every recorded due, one per account and quarter (dues of the same quarter add up)."""
    by_id = {a.id: a for a in (refs if refs is not None else accounts(session, active_only=False))}
    query = select(ClawbackDue).order_by(ClawbackDue.quarter, ClawbackDue.created_at)
    if refs is not None:
        query = query.where(ClawbackDue.account_id.in_(list(by_id)))
    grouped: dict[tuple[str, str], dc.ClawbackDue] = {}
    for row in session.scalars(query):
        code = by_id[row.account_id].code
        key = (code, row.quarter)
        amount = Money(row.amount, row.currency)
        found = grouped.get(key)
        grouped[key] = dc.ClawbackDue(code, Quarter.parse(row.quarter), amount, row.reason) if found is None else \
            dc.ClawbackDue(code, found.quarter, found.amount + amount, found.reason)
    return list(grouped.values())
