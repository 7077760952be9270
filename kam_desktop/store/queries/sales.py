"""Sales aggregates in a window: per account, per account × category, per account × month.

Every function is one GROUP BY over `sales_source` — the monthly roll-up, plus the lines of the months a
window boundary cuts; money is summed with `money_sum` so SQLite's integer cents stay exact.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy import Table, and_, func, select, type_coerce
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kam_desktop.store.models import Account, ProductCategory, SalesRollup
from kam_desktop.store.queries.sales_source import AccountFirstJoin, bound, latest, money, quantity, windowed
from kam_desktop.store.rollup import ROLLUP
from kam_desktop.store.sales_months import cut_months, whole_months
from kam_desktop.store.sql import money_sum


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


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


NET, MARGIN = money("net", lambda p: p.net_amount), money("margin", lambda p: p.margin_amount)


def sales_by_account(
    session: Session, first: date, last: date, account_ids: Collection[uuid.UUID] | None = None
) -> dict[uuid.UUID, AccountSales]:
    """Net revenue and margin per account for invoice dates in [first, last]."""
    sales = windowed(bound(first, last), ["account_id"], [NET, MARGIN], dialect=_dialect(session),
                     account_ids=account_ids)
    return {row[0]: AccountSales(row[0], row[1], row[2]) for row in session.execute(select(sales))}


def sales_by_category(
    session: Session, first: date, last: date, account_id: uuid.UUID | None = None
) -> list[CategorySales]:
    """Units, net revenue and margin per (account, category) for invoice dates in [first, last]."""
    sales = windowed(bound(first, last), ["account_id", "category_id"], [quantity("units"), NET, MARGIN],
                     dialect=_dialect(session), account_ids=None if account_id is None else [account_id])
    return [CategorySales(*row) for row in session.execute(select(sales))]


def _first_day(month: object) -> date:
    year, number = str(month).split("-")
    return date(int(year), int(number), 1)


def monthly_sales(session: Session, first: date, last: date,
                  account_ids: Collection[uuid.UUID] | None = None) -> list[MonthCategorySales]:
    """Figures per (account, category, month) in [first, last] (of these accounts only, when given)."""
    sales = windowed(bound(first, last), ["account_id", "category_id", "month"], [NET, MARGIN, latest("last_on")],
                     dialect=_dialect(session), account_ids=account_ids)
    result = []
    for account_id, category_id, key, net, margin, last_on in session.execute(select(sales)):
        last_day = last_on if isinstance(last_on, date) else date.fromisoformat(str(last_on))
        result.append(MonthCategorySales(account_id, category_id, _first_day(key), net, margin, last_day))
    return result


def account_months(session: Session, account_id: uuid.UUID, first: date, last: date) -> dict[date, tuple[Decimal, Decimal]]:
    """One account's (net revenue, margin) per month (keyed by the month's first day) in [first, last]."""
    sales = windowed(bound(first, last), ["month"], [NET, MARGIN], dialect=_dialect(session),
                     account_ids=[account_id])
    return {_first_day(key): (net, margin) for key, net, margin in session.execute(select(sales))}


def sales_magnitude(session: Session) -> dict[str, Decimal] | None:
    """Per currency, the larger of what the stored sales' nets and margins add up to without their signs, from the
    roll-up's finest cells (account × month × category): a bound on every sum the store keeps or computes. None when
    even that sum no longer fits an integer (SQLite refuses it with "integer overflow": past any limit already)."""
    kind = SalesRollup.net_amount.type
    nets = type_coerce(func.sum(func.abs(SalesRollup.net_amount)), kind)
    margins = type_coerce(func.sum(func.abs(SalesRollup.margin_amount)), kind)
    try:
        rows = session.execute(select(SalesRollup.currency, nets, margins).group_by(SalesRollup.currency)).all()
    except OperationalError as exc:
        if "overflow" not in str(exc):
            raise
        return None
    return {currency: max(net or Decimal(0), margin or Decimal(0)) for currency, net, margin in rows}


def net_by_code_and_category(session: Session, first: date, last: date) -> list[tuple[str, str, Decimal]]:
    """(account code, category code, net revenue) for invoice dates in [first, last], of accounts not deleted: codes,
    not keys, so that no UUID is decoded per row (a quarter's close reads ~100,000 cells at 20,000 accounts)."""
    if not cut_months(first, last):  # whole months (a quarter): the roll-up's cells of those months alone
        return _net_of_whole_months(session, *whole_months(first, last))
    sales = windowed(bound(first, last), ["account_id", "category_id"], [NET], dialect=_dialect(session))
    query = (select(Account.code, ProductCategory.code, sales.c.net)
             .join(Account, Account.id == sales.c.account_id)
             .join(ProductCategory, ProductCategory.id == sales.c.category_id)
             .where(Account.deleted_at.is_(None)))
    return [(code, category, net) for code, category, net in session.execute(query)]


def _net_of_whole_months(session: Session, lo: str, hi: str) -> list[tuple[str, str, Decimal]]:
    # One seek per account into the roll-up (keyed account, month, …) for its months [lo, hi]: a GROUP BY over the
    # roll-up alone scans every month of every account (a quarter's close: 0.23 s vs 0.17 s at 20,000 accounts)
    accounts, r = cast(Table, Account.__table__), ROLLUP.c
    join = (AccountFirstJoin(accounts, ROLLUP, and_(r.account_id == accounts.c.id, r.month.between(lo, hi)))
            .join(ProductCategory, ProductCategory.id == r.category_id))
    query = (select(Account.code, ProductCategory.code, money_sum(r.net_amount))
             .select_from(join)
             .where(Account.deleted_at.is_(None))
             .group_by(Account.id, ProductCategory.id))  # each code is its key's: one group per account × category
    # Core, not the ORM's execution: columns only, 60,000 rows a close, no entities to load
    return [(code, category, net) for code, category, net in session.connection().execute(query)]
