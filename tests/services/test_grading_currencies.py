"""Accounts that invoice in different currencies are ranked in the base currency (PLN)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import update

from kam_desktop.services.errors import ServiceError
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.store.models import Account, FxRate, InvoiceLine
from tests.acting import as_

from .builders import account, sale, world

AS_OF = date(2025, 12, 31)


def _in_currency(store: Any, code: str, currency: str) -> None:
    with store.unit_of_work("test") as uow:
        account_id = uow.session.scalar(update(Account).where(Account.code == code).values(currency=currency)
                                        .returning(Account.id))
        uow.session.execute(update(InvoiceLine).where(InvoiceLine.account_id == account_id).values(currency=currency))
        uow.commit()


@pytest.fixture
def mixed(any_store: Any) -> Any:
    world(any_store)
    for code, net in (("PLN-4000", "4000.00"), ("EUR-1000", "1000.00"), ("RUB-80000", "80000.00")):
        account(any_store, code)
        sale(any_store, code, date(2025, 12, 1), net)
    _in_currency(any_store, "EUR-1000", "EUR")
    _in_currency(any_store, "RUB-80000", "RUB")
    return any_store


def _rates(store: Any, *rates: tuple[date, str, str]) -> None:
    with store.unit_of_work("test") as uow:
        uow.session.add_all([FxRate(rate_date=d, currency=c, base_currency="PLN", rate=Decimal(r)) for d, c, r in rates])
        uow.commit()


def test_bases_are_converted_at_the_rate_in_force_on_the_grading_day(mixed: Any) -> None:
    # 1000 EUR × 4.30 = 4300 PLN > 4000 PLN > 80000 RUB × 0.045 = 3600 PLN. In RUB, 80000 would rank first.
    _rates(mixed, (date(2025, 12, 1), "EUR", "4.30"), (date(2026, 1, 1), "EUR", "9.99"),
           (date(2025, 11, 1), "RUB", "0.045"))
    rows = {r.code: r for r in grade_portfolio(as_(mixed), AS_OF).rows}
    assert [(c, rows[c].rank, rows[c].basis) for c in ("EUR-1000", "PLN-4000", "RUB-80000")] == [
        ("EUR-1000", 1, Decimal("4300.00")), ("PLN-4000", 2, Decimal("4000.00")), ("RUB-80000", 3, Decimal("3600.00"))]


def test_a_missing_rate_refuses_grading_and_says_what_to_add(mixed: Any) -> None:
    _rates(mixed, (date(2025, 12, 1), "EUR", "4.30"))
    with pytest.raises(ServiceError, match=r"cannot grade RUB-80000: no RUB→PLN exchange rate on or before 2025-12-31"):
        grade_portfolio(as_(mixed), AS_OF)


def test_bases_in_whole_cents_convert_as_the_decimals_do() -> None:
    # SQLite's sums come as whole cents and are converted in integers; PostgreSQL's as Decimals, one `to_base` each
    from kam_desktop.domain.fx import FxTable
    from kam_desktop.services.grading import _in_base
    from kam_desktop.store.queries.grades import Cents, GradingBases

    fx = FxTable.of("PLN", [(date(2025, 1, 1), "EUR", Decimal("4.2735")), (date(2025, 1, 1), "RUB", Decimal("0.045"))])
    cents = [0, 12345, -1, -11, 33333, 10**24, -5, 0, 1]
    currencies = ["GBP", "EUR", "RUB", "EUR", "RUB", "EUR", "PLN", "RUB", "EUR"]  # a zero needs no rate (GBP)
    codes = [f"A{i}" for i in range(len(cents))]
    kinds = ["customer"] * len(cents)
    amounts, keys = _in_base(GradingBases(codes, kinds, currencies, Cents(cents), cents), fx, AS_OF)
    expected, none = _in_base(GradingBases(codes, kinds, currencies, [Decimal(c).scaleb(-2) for c in cents]), fx, AS_OF)
    assert none is None and keys is not None
    assert repr(list(amounts)) == repr(list(expected))  # -0.00 where a small negative amount converts to nothing
    assert keys == [int(a.scaleb(2)) for a in expected]
    with pytest.raises(ServiceError, match="A0"):
        _in_base(GradingBases(codes, kinds, ["GBP", *currencies[1:]], Cents([1, *cents[1:]]), [1, *cents[1:]]), fx,
                 AS_OF)
