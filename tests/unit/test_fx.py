"""Conversions to the base currency use the latest rate on or before the day; a missing rate is an error."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.money import cents_times, money

TABLE = FxTable.of("PLN", [
    (date(2026, 2, 1), "EUR", Decimal("4.30")),
    (date(2026, 1, 1), "EUR", Decimal("4.20")),
    (date(2026, 1, 1), "RUB", Decimal("0.045")),
])


def test_the_base_currency_converts_to_itself() -> None:
    assert TABLE.to_base(Decimal("10.01"), "PLN", date(2020, 1, 1)) == Decimal("10.01")


def test_the_rate_in_force_is_the_latest_on_or_before_the_day() -> None:
    assert TABLE.rate_on("EUR", date(2026, 1, 31)) == Decimal("4.20")
    assert TABLE.rate_on("EUR", date(2026, 2, 1)) == Decimal("4.30")
    # 1000 EUR × 4.30 = 4300 PLN; 333.33 RUB × 0.045 = 14.99985 → 15.00 PLN (half up, once)
    assert TABLE.to_base(Decimal("1000.00"), "EUR", date(2026, 3, 15)) == Decimal("4300.00")
    assert TABLE.to_base(Decimal("333.33"), "RUB", date(2026, 3, 15)) == Decimal("15.00")


def test_a_missing_rate_says_which_and_how_to_add_it() -> None:
    with pytest.raises(MissingRateError, match=r"no EUR→PLN exchange rate on or before 2025-12-31.*kamctl fx set EUR"):
        TABLE.rate_on("EUR", date(2025, 12, 31))
    with pytest.raises(MissingRateError, match="GBP"):
        TABLE.to_base(Decimal("1.00"), "GBP", date(2026, 3, 1))


def test_zero_needs_no_rate() -> None:
    # An account with no sales yet can be graded before its currency has a rate.
    assert TABLE.to_base(Decimal("0.00"), "GBP", date(2026, 3, 1)) == Decimal("0.00")


def test_non_positive_rates_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        FxTable.of("PLN", [(date(2026, 1, 1), "EUR", Decimal("0"))])


def test_a_converter_gives_what_to_base_gives_and_refuses_alike() -> None:
    day = date(2026, 3, 15)
    to_base = TABLE.converter(day)
    for amount in [Decimal("0.00"), Decimal("1000.00"), Decimal("333.33"), Decimal("-0.11"), Decimal("0.01")]:
        for currency in ["PLN", "EUR", "RUB"]:
            converted = to_base(amount, currency)
            assert repr(converted) == repr(TABLE.to_base(amount, currency, day)), (amount, currency)
    assert to_base(Decimal("0.00"), "GBP") == Decimal("0.00")  # zero needs no rate
    with pytest.raises(MissingRateError, match="GBP"):
        to_base(Decimal("1.00"), "GBP")
    with pytest.raises(MissingRateError, match="EUR"):
        TABLE.converter(date(2025, 12, 31))(Decimal("1.00"), "EUR")  # each converter's own day


def test_a_cents_converter_gives_what_to_base_gives_in_whole_cents_and_refuses_alike() -> None:
    day = date(2026, 3, 15)
    to_base = TABLE.cents_converter(day)
    for cents in [0, 100000, 33333, -11, 1, -1, 10**24, -(10**25) - 7]:
        for currency in ["PLN", "EUR", "RUB"]:
            assert to_base(cents, currency) == int(TABLE.to_base(Decimal(cents).scaleb(-2), currency, day).scaleb(2))
    assert to_base(0, "GBP") == 0  # zero needs no rate
    with pytest.raises(MissingRateError, match="GBP"):
        to_base(1, "GBP")
    with pytest.raises(MissingRateError, match="EUR"):
        TABLE.cents_converter(date(2025, 12, 31))(1, "EUR")  # each converter's own day


@given(st.integers(-10**18, 10**18), st.decimals(min_value=Decimal("0.000001"), max_value=Decimal("100000"), places=6,
                                                  allow_nan=False, allow_infinity=False))
def test_whole_cents_times_a_rate_are_money_of_the_amount_times_it(cents: int, rate: Decimal) -> None:
    expected = money(Decimal(cents).scaleb(-2) * rate)  # half up, once; -0.00 for a small negative amount
    assert cents_times(rate)(cents) == int(expected.scaleb(2))
    assert Decimal(cents_times(rate)(cents)).scaleb(-2) == expected
