"""The KPIs equal the old Python computation over a fold of the invoice lines (`tests/kpi_reference.py`), to the
last digit and exponent, on a store with imports, a re-import, late lines, returns, lines written through the ORM,
several currencies with awkward rates, cut edge months and one owner's portfolio (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from kam_desktop.services.errors import ServiceError
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.services.imports.files import run_import
from kam_desktop.services.ledger.close import close_quarter
from kam_desktop.services.potential import save_slot
from kam_desktop.services.reports.kpi import kpis_of
from kam_desktop.services.reports.simulate import simulate
from kam_desktop.store.models import Account, FxRate, InvoiceLine, ProductCategory, User
from tests.acting import as_
from tests.kpi_reference import reference_kpis, reference_simulation

from .builders import world

TODAY = date(2026, 4, 20)
HEADER = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"
# code: (currency, owner, enrolled_on, control group, status)
ACCOUNTS: dict[str, tuple[str, str, date | None, bool, str]] = {
    "P1": ("PLN", "kam1", date(2024, 3, 10), False, "active"),
    "P2": ("PLN", "kam2", date(2022, 5, 1), False, "active"),
    "P3": ("PLN", "kam1", date(2025, 8, 20), False, "active"),
    "P4": ("PLN", "kam2", None, False, "active"),  # never enrolled
    "PX": ("PLN", "kam1", date(2024, 11, 2), False, "inactive"),
    "C1": ("PLN", "kam1", None, True, "active"),  # control group
    "C2": ("EUR", "kam2", None, True, "active"),
    "E1": ("EUR", "kam1", date(2025, 2, 1), False, "active"),
    "E2": ("EUR", "kam2", date(2023, 7, 15), False, "active"),
    "R1": ("RUB", "kam1", date(2024, 6, 30), False, "active"),
    "R2": ("RUB", "kam2", date(2025, 1, 1), False, "active"),
    "G1": ("GBP", "kam2", date(2024, 12, 31), False, "active"),
    "Z0": ("PLN", "kam1", date(2025, 5, 5), False, "active"),  # no sales at all
}
START, END = date(2022, 11, 1), date(2026, 3, 31)


def _rates(store: Any) -> None:
    """Month-by-month rates with six awkward places (some set mid-month, so a month end picks the later one)."""
    rng = random.Random(4)
    levels = {"EUR": Decimal("4.312347"), "RUB": Decimal("0.047891"), "GBP": Decimal("5.165000")}
    with store.unit_of_work("test") as uow:
        day = date(2022, 10, 1)
        while day <= date(2026, 6, 1):
            for currency, level in levels.items():
                step = Decimal(rng.randint(-3000, 3000)).scaleb(-6) if currency != "RUB" else Decimal(
                    rng.randint(-300, 300)).scaleb(-6)
                levels[currency] = level + step
                uow.session.add(FxRate(rate_date=day, currency=currency, base_currency="PLN", rate=levels[currency]))
                if currency == "GBP" and day.month % 3 == 0:  # a mid-month change: the month end takes this one
                    uow.session.add(FxRate(rate_date=day + timedelta(days=14), currency=currency, base_currency="PLN",
                                           rate=Decimal("2.165000")))  # × 1.00 = 2.165: half up gives 2.17
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        uow.commit()


def _accounts(store: Any) -> None:
    with store.unit_of_work("test") as uow:
        users = {u.login: u.id for u in uow.session.scalars(select(User))}
        for code, (currency, owner, enrolled, control, status) in ACCOUNTS.items():
            uow.session.add(Account(code=code, name=code, currency=currency, owner_id=users[owner], enrolled_on=enrolled,
                                    control_group=control, status=status))
        uow.commit()


def _random_lines(rng: random.Random, prefix: str, count: int) -> list[str]:
    rows = []
    codes = [c for c in ACCOUNTS if c != "Z0"]
    for n in range(count):
        code = rng.choice(codes)
        currency = ACCOUNTS[code][0]
        day = START + timedelta(days=rng.randrange((END - START).days + 1))
        if n % 5 == 0:  # month edges are where a wrong split shows
            day = date(day.year, day.month, 1) if n % 2 else (date(day.year, day.month, 28) + timedelta(days=4)).replace(
                day=1) - timedelta(days=1)
        cents = rng.randint(-20_000, 900_000) if n % 9 else rng.choice((1, 50, 100, 101, -50))
        cents = cents or 1
        net = Decimal(cents).scaleb(-2)
        units = rng.randint(1, 9) if cents > 0 else -rng.randint(1, 3)  # a return has both negative
        margin = (net * Decimal(rng.choice(("0.1", "0.27", "0.333")))).quantize(Decimal("0.01"))
        category = rng.choice(("HW", "SW"))
        rows.append(f"{prefix}/{n},1,{day.isoformat()},{code},{category},{units},{net},{margin},{currency}")
    return rows


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


def _import(store: Any, path: Path) -> None:
    report = run_import(as_(store, "admin", TODAY), path, "invoices")
    assert report.ok, report.error_lines()


def _orm_lines(store: Any) -> None:
    """Lines written through the ORM, some in another currency than their account's (summed as the account's)."""
    with store.unit_of_work("test") as uow:
        ids = {a.code: a.id for a in uow.session.scalars(select(Account))}
        hw = uow.session.scalar(select(ProductCategory.id).where(ProductCategory.code == "HW"))
        sw = uow.session.scalar(select(ProductCategory.id).where(ProductCategory.code == "SW"))
        categories = [hw, sw]
        for n, (code, day, net, currency) in enumerate((
                ("R1", date(2025, 3, 3), "0.01", "RUB"),  # 0.01 RUB is 0.00 PLN: bought, yet not "positive"
                ("R1", date(2025, 11, 30), "0.01", "RUB"),
                ("G1", date(2025, 12, 31), "1.00", "GBP"),  # 1.00 × 2.165 = 2.165 → 2.17 (half up)
                ("G1", date(2025, 9, 30), "-1.00", "GBP"),  # −2.165 → −2.17 (away from zero)
                ("E1", date(2026, 2, 10), "100.00", "PLN"),  # kept in the account's EUR rows
                # a currency no account has (no rate looked up for it): its account must still come back inexact
                ("P2", date(2025, 10, 15), "10.00", "USD"),
                ("P1", date(2025, 12, 1), "500.00", "PLN"), ("P1", date(2025, 12, 2), "-500.00", "PLN"),
                # cents × micro-rate past 2^63: SQLite turns the product into a float; the account is folded exactly
                ("G1", date(2025, 7, 7), "20000000000.00", "GBP"),
                # the same in one category cell of a month that sums to zero: the basket is folded in Python
                ("E2", date(2024, 2, 10), "30000000000.00", "EUR"), ("E2", date(2024, 2, 11), "-30000000000.00", "EUR"))):
            uow.session.add(InvoiceLine(invoice_no=f"ORM/{n}", line_no=1, invoice_date=day, account_id=ids[code],
                                        category_id=categories[net.startswith("-30")], quantity=Decimal(1), net_amount=Decimal(net),
                                        margin_amount=Decimal(net), currency=currency))
        uow.commit()


@pytest.fixture
def rich(any_store: Any, tmp_path: Path) -> Any:
    world(any_store)
    _accounts(any_store)
    _rates(any_store)
    rng = random.Random(15)
    first = _csv(tmp_path / "first.csv", _random_lines(rng, "FV", 500))
    _import(any_store, first)
    _import(any_store, first)  # a re-import adds nothing
    late = _random_lines(rng, "LATE", 120)  # late lines into months already imported, returns among them
    _import(any_store, _csv(tmp_path / "late.csv", late + ["KOR/1,1,2025-06-30,P1,HW,-3,-1234.56,-300.00,PLN"]))
    _orm_lines(any_store)
    for day in (date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)):
        grade_portfolio(as_(any_store, on=TODAY), day, apply=True)
    for quarter in ("2025Q3", "2025Q4"):
        close_quarter(as_(any_store, "money", TODAY), quarter)
    for code, category, units, money, on in (
            ("P1", "HW", "40", "900000.00", date(2025, 10, 1)), ("E1", "HW", "10", "80000.00", date(2025, 10, 1)),
            ("R2", "HW", "5", "9000000.00", date(2025, 10, 1)), ("P1", "HW", "50", "700000.00", date(2026, 1, 10)),
            ("P1", "SW", "9", "120000.00", date(2024, 5, 1)), ("E2", "SW", "3", "50000.00", date(2026, 2, 20))):
        # a later survey replaces an earlier one from its day on; one after a day does not count on it
        save_slot(as_(any_store, "admin", TODAY), code, category, total_units=Decimal(units),
                  total_money=Decimal(money), source="survey", collected_on=on, confidence=Decimal("0.7"))
    return any_store


AS_OF_DAYS = (date(2025, 12, 31), date(2026, 2, 14), date(2025, 3, 31), date(2025, 11, 30), date(2026, 3, 1))


@pytest.mark.parametrize("owner", [None, "kam2"])
def test_the_kpis_equal_the_old_computation_over_the_lines(rich: Any, owner: str | None) -> None:
    ctx = as_(rich, "admin", TODAY)
    for as_of in AS_OF_DAYS:
        ours, expected = kpis_of(ctx, as_of, owner), reference_kpis(ctx, as_of, owner)
        assert ours == expected, as_of
        assert repr(ours) == repr(expected), as_of  # the same exponents too: 0 and 0.00 print differently
    assert expected.basket and expected.cohorts and expected.tier_table  # the case is not empty


def test_the_simulation_equals_the_old_computation_over_the_lines(rich: Any) -> None:
    ctx = as_(rich, "admin", TODAY)
    cutoffs, cashback = [Decimal("0.1"), Decimal("0.3"), Decimal("0.6")], [Decimal(3), Decimal(2), Decimal(1), Decimal(0)]
    for as_of in AS_OF_DAYS:
        ours, expected = simulate(ctx, cutoffs, cashback, as_of), reference_simulation(ctx, cutoffs, cashback, as_of)
        assert repr(ours) == repr(expected), as_of
    assert expected.result.new_grades and expected.result.cost_scenario  # the case is not empty


def test_a_missing_rate_still_refuses_naming_the_currency(rich: Any) -> None:
    with rich.unit_of_work("test") as uow:
        uow.session.execute(delete(FxRate).where(FxRate.currency == "RUB", FxRate.rate_date < date(2024, 2, 1)))
        uow.commit()
    ctx = as_(rich, "admin", TODAY)
    for compute in (kpis_of, reference_kpis):
        with pytest.raises(ServiceError, match=r"cannot compute KPIs in PLN: no RUB→PLN exchange rate on or before"):
            compute(ctx, date(2025, 12, 31), None)

