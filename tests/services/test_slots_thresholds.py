"""The potential matrix's medians are remembered per (store, day) and follow every change of their inputs."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from kam_desktop.services import potential as slots
from kam_desktop.services.accounts.portfolio import portfolio_wallets
from kam_desktop.services.potential import account_slots, portfolio_potential, save_slot
from tests.acting import as_

from .builders import account, sale, world

AS_OF = date(2025, 12, 31)
TODAY = date(2026, 2, 1)


@pytest.fixture
def three(any_store: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    slots.forget_thresholds()
    world(any_store)
    for code, units, money in (("A", 10, "1000.00"), ("B", 20, "2000.00"), ("C", 30, "3000.00")):
        account(any_store, code)
        sale(any_store, code, date(2025, 6, 1), "100.00", units="1")
        _save(any_store, code, units, money)
    return any_store


def _save(store: Any, code: str, units: int, money: str) -> None:
    save_slot(as_(store, "kam1", TODAY), code, "HW", total_units=Decimal(units), total_money=Decimal(money),
              source="survey", collected_on=date(2025, 11, 1), confidence=Decimal("0.8"))


def _full(store: Any) -> tuple[Decimal, Decimal]:
    with store.read() as session:
        matrix = portfolio_potential(session, AS_OF).matrix
    return matrix.units_threshold, matrix.money_threshold


def _shown(store: Any, code: str = "A") -> tuple[Decimal, Decimal]:
    view = account_slots(as_(store, on=TODAY), code, AS_OF)
    return view.units_threshold, view.money_threshold


def test_thresholds_are_remembered_and_follow_saved_slots(three: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _shown(three) == _full(three) == (Decimal("19.000"), Decimal("1900.00"))
    calls = []
    real = slots.portfolio_potential
    monkeypatch.setattr(slots, "portfolio_potential", lambda *a: calls.append(a) or real(*a))
    assert _shown(three, "B") == (Decimal("19.000"), Decimal("1900.00"))
    assert calls == []  # the second account is placed without reading the whole portfolio again

    _save(three, "A", 90, "9000.00")  # A's slot 89 / 8900: the median moves to C's 29 / 2900
    assert _shown(three) == _full(three) == (Decimal("29.000"), Decimal("2900.00"))
    assert calls == []  # only the account whose slot changed was recomputed
    assert account_slots(as_(three, on=TODAY), "A", AS_OF).quadrant is not None


def test_the_wallets_leave_the_medians_for_the_first_account_opened(three: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    wallets = portfolio_wallets(as_(three, on=TODAY), AS_OF)  # what the window reads after the portfolio's rows
    assert len(wallets) == 3
    calls = []
    real = slots.portfolio_potential
    monkeypatch.setattr(slots, "portfolio_potential", lambda *a: calls.append(a) or real(*a))
    assert _shown(three, "C") == _full(three) == (Decimal("19.000"), Decimal("1900.00"))
    assert calls == []  # the account is placed by the medians the wallets' computation left
    _save(three, "A", 90, "9000.00")
    assert _shown(three) == _full(three) == (Decimal("29.000"), Decimal("2900.00"))  # and they follow changes
    assert calls == []


def test_imported_sales_change_the_thresholds(three: Any) -> None:
    assert _shown(three) == (Decimal("19.000"), Decimal("1900.00"))
    sale(three, "B", date(2025, 7, 1), "500.00", units="5")
    with three.unit_of_work("import") as uow:  # as an import records itself (InvoiceLine.import_id)
        uow.audit("import.apply", "import", uuid.uuid4())
        uow.commit()
    assert _shown(three) == _full(three) == (Decimal("14.000"), Decimal("1400.00"))


def _by_parts(session: Any, day: date) -> Any:
    """The portfolio's potential composed as one account's view is: latest slots, sales by category, matched here."""
    from kam_desktop.domain.periods import trailing_window
    from kam_desktop.domain.slots import CategorySpend, OurSales, category_slots, roll_up
    from kam_desktop.store.queries.fx import fx_table
    from kam_desktop.store.queries.sales import sales_by_category
    from kam_desktop.store.queries.slots import latest_slots

    first, last = trailing_window(day, 12)
    ours = {(str(s.account_id), str(s.category_id)): OurSales(s.units, s.net_revenue)
            for s in sales_by_category(session, first, last)}
    spends = (CategorySpend(str(r.account_id), str(r.category_id), r.total_units, r.total_value, r.source,
                            r.collected_on) for r in latest_slots(session, day))
    potentials = roll_up(category_slots(spends, ours))
    return potentials, slots.in_base_currency(session, potentials, fx_table(session), day)


@pytest.mark.parametrize("day", [AS_OF, date(2025, 11, 17), date(2025, 10, 31)])
def test_the_portfolio_potential_equals_its_parts(any_store: Any, day: date) -> None:
    """One statement joins each latest slot with our sales in its category: the same figures as reading the two apart
    (a later survey replaces an earlier one, a deleted or future survey does not count, a category we never sold in
    is 0, sales without a survey add nothing; whole and cut months)."""
    from sqlalchemy import select

    from kam_desktop.store.models import PotentialSlot

    slots.forget_thresholds()
    world(any_store)
    for code in ("A", "B", "C", "D"):
        account(any_store, code)
    for code, day_sold, net, units, category in (
            ("A", date(2025, 6, 1), "100.00", "1", "HW"), ("A", date(2025, 11, 20), "250.50", "2.5", "HW"),
            ("A", date(2025, 11, 3), "-40.00", "-1", "HW"), ("B", date(2025, 8, 9), "70.00", "7", "HW"),
            ("C", date(2025, 9, 1), "10.00", "1", "SW"), ("D", date(2025, 7, 1), "999.99", "9", "HW")):
        sale(any_store, code, day_sold, net, units=units, category=category)
    kam = as_(any_store, "kam1", TODAY)
    for code, category, units, money, collected in (
            ("A", "HW", 10, "1000.00", date(2025, 3, 1)), ("A", "HW", 12, "1500.00", date(2025, 9, 1)),
            ("A", "SW", 5, "300.00", date(2025, 9, 1)), ("B", "HW", 30, "800.00", date(2025, 5, 1)),
            ("B", "HW", 99, "9900.00", date(2025, 12, 20)), ("C", "SW", 4, "50.00", date(2025, 4, 1)),
            ("C", "HW", 8, "80.00", date(2025, 4, 1))):
        save_slot(kam, code, category, total_units=Decimal(units), total_money=Decimal(money), source="survey",
                  collected_on=collected, confidence=Decimal("0.5"))
    with any_store.unit_of_work("test") as uow:  # C's HW survey withdrawn
        row = uow.session.scalars(select(PotentialSlot).where(PotentialSlot.total_units == Decimal(8))).one()
        row.deleted_at = datetime(2026, 1, 5, tzinfo=UTC)
        uow.commit()
    with any_store.read() as session:
        whole = portfolio_potential(session, day)
        potentials, in_base = _by_parts(session, day)
    assert sorted(map(repr, whole.potentials.values())) == sorted(map(repr, potentials.values()))
    assert sorted(map(repr, whole.in_base.values())) == sorted(map(repr, in_base.values()))
    assert len(whole.potentials) == 3  # D has sales and no survey
    assert {p.categories for p in whole.potentials.values()} == {1, 2}
