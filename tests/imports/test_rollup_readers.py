"""Every sales reader gives, for any day-exact window, what summing the window's invoice lines gives — although
whole months come from the roll-up and only the months a boundary cuts from the lines (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from apply_builders import seed
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kam_desktop.store.engine import sqlite_file
from kam_desktop.store.models import Account, InvoiceLine, ProductCategory
from kam_desktop.store.portfolio_row import later, sales_window_start
from kam_desktop.store.queries.grades import grading_bases
from kam_desktop.store.queries.portfolio import churn_months, portfolio_rows
from kam_desktop.store.queries.sales import account_months, monthly_sales, sales_by_account, sales_by_category
from kam_desktop.store.quick_read import read_portfolio
from kam_desktop.store.sales_months import cut_months, month_key, whole_months
from kam_desktop.store.store import Store

START, END = date(2024, 10, 1), date(2026, 3, 31)
Line = tuple[str, str, date, Decimal, Decimal, Decimal]  # account code, category, day, units, net, margin


class World(tuple[Store, list[Line]]):
    """The store and the lines written to it (a short repr: hypothesis prints it with a failing example)."""

    def __repr__(self) -> str:
        return f"<store with {len(self[1])} lines>"


@pytest.fixture
def store_with_lines(any_store: Store) -> World:
    seed(any_store)
    rng, lines = random.Random(15), []
    with any_store.unit_of_work("test") as uow:
        accounts = {a.code: a for a in uow.session.scalars(sa.select(Account))}
        categories = {c.code: c for c in uow.session.scalars(sa.select(ProductCategory))}
        for n in range(400):
            code, category = rng.choice(sorted(accounts)), rng.choice(sorted(categories))
            day = START + timedelta(days=rng.randrange((END - START).days + 1))
            if n % 7 == 0:  # month edges are where a wrong split would show
                day = date(day.year, day.month, 1) if n % 2 else date(day.year, day.month, 28)
            units, net = Decimal(rng.randint(-2, 9)), Decimal(rng.randint(-5_000, 90_000)) / 100
            margin = (net * Decimal("0.2")).quantize(Decimal("0.01"))
            lines.append((code, category, day, units, net, margin))
            uow.session.add(InvoiceLine(invoice_no=f"FV/{n}", line_no=1, invoice_date=day,
                                        account_id=accounts[code].id, category_id=categories[category].id,
                                        quantity=units, net_amount=net, margin_amount=margin,
                                        currency=accounts[code].currency))
        uow.commit()
    return World((any_store, lines))


def _in(lines: list[Line], first: date, last: date) -> list[Line]:
    return [line for line in lines if first <= line[2] <= last]


days = st.dates(min_value=START - timedelta(days=40), max_value=END + timedelta(days=40))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=days, b=days)
@example(a=START.replace(day=1), b=END.replace(day=1) - timedelta(days=1))  # whole months: the roll-up alone
@example(a=START.replace(day=1), b=START.replace(day=1) + timedelta(days=40))  # one whole month and a cut one
def test_every_reader_equals_the_lines_of_its_window(store_with_lines: World, a: date,
                                                     b: date) -> None:
    store, lines = store_with_lines
    first, last = min(a, b), max(a, b)
    chosen = _in(lines, first, last)
    net: dict[str, Decimal] = defaultdict(Decimal)
    margin: dict[str, Decimal] = defaultdict(Decimal)
    by_category: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    units: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    by_month: dict[tuple[str, str, date], Decimal] = defaultdict(Decimal)
    for code, category, day, count, amount, gross in chosen:
        net[code] += amount
        margin[code] += gross
        by_category[(code, category)] += amount
        units[(code, category)] += count
        by_month[(code, category, day.replace(day=1))] += amount
    with store.read() as session:
        codes = dict(session.execute(sa.select(Account.id, Account.code)).all())
        names = dict(session.execute(sa.select(ProductCategory.id, ProductCategory.code)).all())
        assert {codes[k]: (v.net_revenue, v.gross_margin) for k, v in sales_by_account(session, first, last).items()
                if v.net_revenue or v.gross_margin or codes[k] in net} == {k: (net[k], margin[k]) for k in net}
        categories = sales_by_category(session, first, last)
        assert {(codes[s.account_id], names[s.category_id]): (s.net_revenue, s.units) for s in categories} == {
            k: (by_category[k], units[k]) for k in by_category}
        months = monthly_sales(session, first, last)
        assert {(codes[s.account_id], names[s.category_id], s.month): s.net_revenue for s in months} == by_month
        assert {b.code: b.amount for b in grading_bases(session, first, last, True, date.max) if b.code in net} == margin
        one = next(iter(codes))
        per_month: dict[date, Decimal] = defaultdict(Decimal)
        for code, _c, day, _u, amount, _m in chosen:
            if code == codes[one]:
                per_month[day.replace(day=1)] += amount
        assert {m: n for m, (n, _g) in account_months(session, one, first, last).items()} == per_month


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(as_of=days)
@example(as_of=date(2026, 3, 31))  # whole months: the roll-up alone (no cut month)
@example(as_of=date(2025, 11, 30))  # a month end: the latest day is in a roll-up month
@example(as_of=date(2025, 12, 1))  # the first of a month: that month is cut, its lines give the latest day
@example(as_of=date(2025, 6, 15))  # mid-month: four cut months
def test_the_portfolio_sums_its_trailing_years_from_the_lines_days(store_with_lines: World,
                                                                  as_of: date) -> None:
    store, lines = store_with_lines
    first, prev_first = as_of.replace(year=as_of.year - 1) + timedelta(days=1), None
    prev_first = as_of.replace(year=as_of.year - 2) + timedelta(days=1)
    if (as_of.month, as_of.day) == (2, 29):
        return  # add_months clamps 29 February; the windows above would not be the program's
    with store.read() as session:
        rows = {r.code: r for r in portfolio_rows(session, as_of)}
        window_start = sales_window_start(as_of, churn_months(session, as_of))
    for code, row in rows.items():
        mine = [line for line in lines if line[0] == code]
        assert repr(row.ltv_12m) == repr(sum((x[4] for x in _in(mine, first, as_of)), Decimal("0.00"))), code
        assert repr(row.ltv_prev_12m) == repr(sum((x[4] for x in _in(mine, prev_first, first - timedelta(days=1))),
                                                  Decimal("0.00"))), code
        assert row.last_invoice_on == max((x[2] for x in _in(mine, window_start, as_of)), default=None), code
    file = sqlite_file(store.url)
    if file is not None:  # the quick start's statement: the same rows (and LTV in the base currency)
        quick = read_portfolio(file, as_of).rows
        assert [replace(r, ltv_12m_base=None, base_currency=None) for r in quick] == list(rows.values())


def test_a_window_is_cut_only_where_a_boundary_is_not_the_first_of_a_month() -> None:
    assert cut_months(date(2025, 4, 1), date(2026, 3, 31)) == []  # a quarter-end year: the roll-up alone
    assert cut_months(date(2025, 12, 5), date(2026, 12, 4)) == ["2025-12", "2026-12"]
    assert cut_months(date(2024, 12, 5), date(2026, 12, 4), [date(2025, 12, 5)]) == ["2024-12", "2025-12", "2026-12"]
    assert cut_months(date(2026, 1, 10), date(2026, 1, 20)) == ["2026-01"]  # inside one month: lines only
    assert month_key(date(2026, 1, 10)) == "2026-01"


def test_whole_months_are_those_no_boundary_cuts() -> None:
    assert whole_months(date(2025, 4, 1), date(2026, 3, 31)) == ("2025-04", "2026-03")
    assert whole_months(date(2025, 12, 5), date(2026, 12, 4)) == ("2026-01", "2026-11")
    assert whole_months(date(2026, 1, 1), date(2026, 1, 30)) == ("2026-01", "2025-12")  # none: the range is empty
    assert whole_months(date(2026, 1, 10), date(2026, 1, 20)) == ("2026-02", "2025-12")
    assert whole_months(date(2024, 2, 1), date(2024, 2, 29)) == ("2024-02", "2024-02")  # a leap February


def test_the_later_of_two_days_either_missing() -> None:
    assert later(None, None) is None
    assert later(date(2026, 1, 2), None) == later(None, date(2026, 1, 2)) == date(2026, 1, 2)
    assert later(date(2026, 1, 2), date(2026, 1, 3)) == later(date(2026, 1, 3), date(2026, 1, 2)) == date(2026, 1, 3)
    assert later("2026-01-02", "2025-12-31") == "2026-01-02"  # ISO texts, as the quick start reads them


@pytest.mark.parametrize("later_in_other_currency", [True, False])
def test_the_latest_day_of_a_month_with_cells_in_two_currencies(any_store: Store, later_in_other_currency: bool) -> None:
    seed(any_store)
    with any_store.unit_of_work("test") as uow:
        account = uow.session.scalars(sa.select(Account).order_by(Account.code)).first()
        category = uow.session.scalars(sa.select(ProductCategory)).first()
        assert account is not None and category is not None
        other = "EUR" if account.currency != "EUR" else "PLN"
        days = {account.currency: date(2026, 2, 3), other: date(2026, 2, 27)}
        if not later_in_other_currency:
            days = {account.currency: date(2026, 2, 27), other: date(2026, 2, 3)}
        for n, (currency, day) in enumerate(sorted(days.items())):
            uow.session.add(InvoiceLine(invoice_no=f"FX/{n}", line_no=1, invoice_date=day, account_id=account.id,
                                        category_id=category.id, quantity=Decimal(1), net_amount=Decimal("10.00"),
                                        margin_amount=Decimal("1.00"), currency=currency))
        uow.commit()
        code = account.code
    for as_of in (date(2026, 2, 28), date(2026, 3, 31), date(2026, 3, 15)):  # a month end, a later one, a cut one
        with any_store.read() as session:
            (row,) = [r for r in portfolio_rows(session, as_of) if r.code == code]
        assert row.last_invoice_on == date(2026, 2, 27), as_of
