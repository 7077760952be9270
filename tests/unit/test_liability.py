"""The liability roll-forward of 2026Q3, worked by hand (the ledger is in example_book.py)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kam_desktop.domain.ledger import LedgerError, available, balance, expire
from kam_desktop.domain.liability import estimate, historical_breakage, in_money, roll_forward
from kam_desktop.domain.movements import Denomination, PointValue
from kam_desktop.domain.vocabulary import LedgerUnit

from .builders import cashback, d, pln
from .example_book import Q3_END, Q3_START, example_ledger

CB, PT = LedgerUnit.CASHBACK, LedgerUnit.POINTS
PLN_CB, EUR_CB, POINTS = Denomination(CB, "PLN"), Denomination(CB, "EUR"), Denomination(PT)


def test_the_pln_cashback_roll_forward_of_the_quarter() -> None:
    rf = roll_forward(example_ledger(), Q3_START, Q3_END)[PLN_CB]
    # opening 1,000 + 100 + 800 = 1,900.00
    # + 700.00 accrued − 50.00 reversed (late return) − 60.00 paid out (rebate note)
    # − 40.00 expired (the promotion's rest, gone on 2026-08-01) + 25.00 adjusted = 2,475.00
    assert (rf.opening, rf.accrued, rf.reversed, rf.redeemed, rf.paid_out, rf.expired, rf.adjusted, rf.closing) == (
        Decimal("1900.00"), Decimal("700.00"), Decimal("50.00"), Decimal(0), Decimal("60.00"), Decimal("40.00"),
        Decimal("25.00"), Decimal("2475.00"),
    )
    assert rf.closes()
    assert rf.due_expiries == Decimal("40.00")  # the expiry run has not booked it yet


def test_each_currency_and_the_points_roll_forward_on_their_own() -> None:
    result = roll_forward(example_ledger(), Q3_START, Q3_END)
    assert list(result) == [EUR_CB, PLN_CB, POINTS]
    eur = result[EUR_CB]
    # 200.01 − 20.00 clawed back − 150.00 discount on the next invoice = 30.01
    assert (eur.opening, eur.clawed_back, eur.paid_out, eur.closing) == (
        Decimal("200.01"), Decimal("20.00"), Decimal("150.00"), Decimal("30.01")
    )
    points = result[POINTS]
    assert (points.opening, points.redeemed, points.closing) == (Decimal(100), Decimal(30), Decimal(70))
    assert all(rf.closes() for rf in result.values())


def test_the_closing_is_the_ledger_balance_with_or_without_the_due_expiries() -> None:
    ledger = example_ledger()
    booked_only = roll_forward(ledger, Q3_START, Q3_END, include_due_expiries=False)[PLN_CB]
    assert booked_only.closing == balance(ledger, "KRAKOW", CB, as_of=Q3_END) == Decimal("2515.00")
    expiries = expire([e for e in ledger if e.booked_on <= Q3_END], Q3_END)
    assert balance([*ledger, *expiries], "KRAKOW", CB, as_of=Q3_END) == Decimal("2475.00")
    # Expired amounts are out of the usable balance on the day after their expiry date, booked or not.
    assert available(ledger, "KRAKOW", CB, d("2026-07-31")) - available(ledger, "KRAKOW", CB, d("2026-08-01")) == 40


def test_a_roll_forward_in_money_values_points_at_the_point_value() -> None:
    money = roll_forward(example_ledger(), Q3_START, Q3_END, in_money(PointValue(pln("0.01"))))
    points = money[Denomination(PT, "PLN")]
    assert (points.opening, points.redeemed, points.closing) == (Decimal("1.00"), Decimal("0.30"), Decimal("0.70"))


def test_breakage_from_matured_lots_and_the_estimated_liability() -> None:
    ledger = example_ledger()
    ledger += expire([e for e in ledger if e.booked_on <= Q3_END], Q3_END)
    # The only matured cashback lot: the 100.00 promotion, 40.00 of which expired unused.
    assert historical_breakage(ledger, d("2026-10-01"), CB) == Decimal("0.4000")
    assert historical_breakage(ledger, d("2026-10-01"), PT) is None  # no points lot has matured yet
    result = roll_forward(ledger, Q3_START, Q3_END)
    lines = {x.denomination: x for x in estimate(result, {CB: Decimal("0.05"), PT: Decimal("0.20")})}
    # PLN: 2,475.00 × 5 % = 123.75 → 2,351.25; EUR: 30.01 × 5 % = 1.5005 → 1.50 → 28.51; points: 70 × 20 % = 14
    assert (lines[PLN_CB].expected_breakage, lines[PLN_CB].estimated_liability) == (Decimal("123.75"), Decimal("2351.25"))
    assert (lines[EUR_CB].expected_breakage, lines[EUR_CB].estimated_liability) == (Decimal("1.50"), Decimal("28.51"))
    assert lines[POINTS].estimated_liability == Decimal("56.00")


def test_a_cashback_entry_without_its_currency_is_refused_not_added_to_another() -> None:
    legacy = cashback("10", "2026-03-31", "OLD", "PLN")
    with pytest.raises(LedgerError, match="cashback entry of OLD has no currency"):
        roll_forward([replace(legacy, currency=None)], Q3_START, Q3_END)
    with pytest.raises(LedgerError, match="breakage rate for cashback must be between 0 and 1"):
        estimate(roll_forward([legacy], Q3_START, Q3_END), {CB: Decimal("1.5")})
