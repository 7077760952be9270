"""Sales aggregates over invoice lines: per account, per account × category, per account × month.

Every function is one GROUP BY over `invoice_lines` filtered by date (the (account, date) and date
indexes serve it); money is summed with `money_sum` so SQLite's integer cents stay exact.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from kam_desktop.store.models import InvoiceLine
from kam_desktop.store.sql import money_sum
from kam_desktop.store.types import Quantity


@dataclass(frozen=True)
class AccountSales:
    """Net revenue and gross margin of one account in a window (returns are negative lines)."""

    account_id: uuid.UUID
    net_revenue: Decimal
    gross_margin: Decimal


@dataclass(frozen=True)
class CategorySales:
    """One account's units, net revenue and margin in one category in a window."""

    account_id: uuid.UUID
    category_id: uuid.UUID
    units: Decimal
    net_revenue: Decimal
    gross_margin: Decimal


@dataclass(frozen=True)
class MonthCategorySales:
    """One account's figures in one category in one month (`month` is its first day)."""

    account_id: uuid.UUID
    category_id: uuid.UUID
    month: date
    net_revenue: Decimal
    gross_margin: Decimal
    last_invoice_on: date


def quantity_sum(expression: Any) -> ColumnElement[Decimal]:
    """SUM of a quantity column, read back as Decimal with three places (SQLite keeps thousandths)."""
    return type_coerce(func.coalesce(func.sum(expression), literal(Decimal("0.000"), Quantity())), Quantity())


def sales_by_account(
    session: Session, first: date, last: date, account_ids: Collection[uuid.UUID] | None = None
) -> dict[uuid.UUID, AccountSales]:
    """Net revenue and margin per account for invoice dates in [first, last]: one GROUP BY account_id."""
    query = (
        select(InvoiceLine.account_id, money_sum(InvoiceLine.net_amount), money_sum(InvoiceLine.margin_amount))
        .where(InvoiceLine.invoice_date.between(first, last))
        .group_by(InvoiceLine.account_id)
    )
    if account_ids is not None:
        query = query.where(InvoiceLine.account_id.in_(list(account_ids)))
    return {row[0]: AccountSales(row[0], row[1], row[2]) for row in session.execute(query)}


def sales_by_category(
    session: Session, first: date, last: date, account_id: uuid.UUID | None = None
) -> list[CategorySales]:
    """Units, net revenue and margin per (account, category) for invoice dates in [first, last]."""
    query = (
        select(
            InvoiceLine.account_id,
            InvoiceLine.category_id,
            quantity_sum(InvoiceLine.quantity),
            money_sum(InvoiceLine.net_amount),
            money_sum(InvoiceLine.margin_amount),
        )
        .where(InvoiceLine.invoice_date.between(first, last))
        .group_by(InvoiceLine.account_id, InvoiceLine.category_id)
    )
    if account_id is not None:
        query = query.where(InvoiceLine.account_id == account_id)
    return [CategorySales(*row) for row in session.execute(query)]


def _month_key(session: Session) -> ColumnElement[str]:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", InvoiceLine.invoice_date)
    return func.to_char(InvoiceLine.invoice_date, "YYYY-MM")


def monthly_sales(session: Session, first: date, last: date) -> list[MonthCategorySales]:
    """Figures per (account, category, month) in [first, last]: the one GROUP BY the KPIs are built on."""
    month = _month_key(session).label("month")
    query = (
        select(
            InvoiceLine.account_id,
            InvoiceLine.category_id,
            month,
            money_sum(InvoiceLine.net_amount),
            money_sum(InvoiceLine.margin_amount),
            func.max(InvoiceLine.invoice_date),
        )
        .where(InvoiceLine.invoice_date.between(first, last))
        .group_by(InvoiceLine.account_id, InvoiceLine.category_id, month)
    )
    result = []
    for account_id, category_id, key, net, margin, last_on in session.execute(query):
        year, number = str(key).split("-")
        last_day = last_on if isinstance(last_on, date) else date.fromisoformat(str(last_on))
        result.append(
            MonthCategorySales(account_id, category_id, date(int(year), int(number), 1), net, margin, last_day)
        )
    return result


def account_months(session: Session, account_id: uuid.UUID, first: date, last: date) -> dict[date, tuple[Decimal, Decimal]]:
    """One account's (net revenue, margin) per month (keyed by the month's first day) in [first, last]."""
    month = _month_key(session).label("month")
    query = (
        select(month, money_sum(InvoiceLine.net_amount), money_sum(InvoiceLine.margin_amount))
        .where(InvoiceLine.account_id == account_id, InvoiceLine.invoice_date.between(first, last))
        .group_by(month)
    )
    result = {}
    for key, net, margin in session.execute(query):
        year, number = str(key).split("-")
        result[date(int(year), int(number), 1)] = (net, margin)
    return result
