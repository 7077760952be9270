"""The potential matrix's medians are remembered per (store, day) and follow every change of their inputs."""

from __future__ import annotations

import uuid
from datetime import date
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
