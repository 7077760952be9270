"""Money with its currency: what may be added, compared, rounded and converted, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.monetary import (
    CurrencyMismatch,
    Money,
    MoneyBag,
    MoneyError,
    Rate,
    convert,
    parse,
    sum_by_currency,
)

from .builders import d

EUR, PLN = "EUR", "PLN"


def eur(text: str) -> Money:
    return Money.of(text, EUR)


def pln(text: str) -> Money:
    return Money.of(text, PLN)


def test_amounts_of_one_currency_add_subtract_and_compare() -> None:
    assert eur("100.10") + eur("0.90") == eur("101.00")
    assert eur("100") - eur("150") == eur("-50")
    assert eur("99.99") < eur("100") <= eur("100.00")
    assert max(eur("1"), eur("2")) == eur("2")
    assert -eur("5") == eur("-5") and abs(eur("-5")) == eur("5")


def test_two_currencies_never_add_or_compare_without_a_conversion() -> None:
    with pytest.raises(CurrencyMismatch, match="cannot add EUR and PLN: convert one of them with a dated rate"):
        _ = eur("1") + pln("1")
    with pytest.raises(CurrencyMismatch, match="cannot subtract"):
        _ = eur("1") - pln("1")
    with pytest.raises(CurrencyMismatch, match="cannot compare EUR and PLN"):
        _ = eur("1") < pln("5")
    assert eur("1") != pln("1")  # equality is allowed: different currencies are simply not equal


def test_money_is_never_mixed_with_bare_numbers() -> None:
    with pytest.raises(MoneyError, match="both must be Money"):
        _ = eur("1") + Decimal(1)  # type: ignore[operator]
    with pytest.raises(MoneyError, match="cannot compare EUR 1.00 and 5"):
        _ = eur("1") < 5  # type: ignore[operator]
    with pytest.raises(MoneyError, match="money times money"):
        _ = eur("2") * eur("3")  # type: ignore[operator]


def test_multiplication_is_by_a_decimal_or_whole_number_only() -> None:
    assert eur("10.00") * Decimal("0.035") == eur("0.35")
    assert 3 * eur("1.10") == eur("3.30")
    with pytest.raises(MoneyError, match="factor 0.1 must be a Decimal"):
        _ = eur("10") * 0.1  # type: ignore[operator]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0.1, "must be a Decimal"),
        (Decimal("NaN"), "not a finite number"),
        (Decimal("Infinity"), "not a finite number"),
        (Decimal("-Infinity"), "not a finite number"),
        (Decimal("1E+15"), "out of range"),
        (True, "must be a Decimal"),
        ("12.50", "must be a Decimal"),
    ],
)
def test_floats_nan_infinity_and_absurd_magnitudes_are_refused(value: object, message: str) -> None:
    with pytest.raises(MoneyError, match=message):
        Money(value, EUR)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["eur", "EURO", "", "E1R", None])
def test_a_currency_is_three_capital_letters(code: object) -> None:
    with pytest.raises(MoneyError, match="is not a currency code"):
        Money(Decimal(1), code)  # type: ignore[arg-type]


def test_text_is_read_exactly_and_bad_text_says_what_to_write() -> None:
    assert Money.of(" 1234.56 ", PLN).amount == Decimal("1234.56")
    assert parse("EUR 1234.50") == eur("1234.5") and str(eur("1234.5")) == "EUR 1234.50"
    with pytest.raises(MoneyError, match="write it like 1234.56"):
        Money.of("12,50", EUR)
    with pytest.raises(MoneyError, match="write it like 'EUR 1234.50'"):
        parse("1234.50")


def test_rounding_is_half_up_to_cents_in_both_directions() -> None:
    assert eur("0.005").rounded() == eur("0.01")
    assert eur("0.0049").rounded() == eur("0.00")
    assert eur("-0.005").rounded() == eur("-0.01")  # half up means away from zero, as invoices round
    assert eur("2.675").rounded() == eur("2.68")  # exact decimal: no binary surprise
    # 2 % of 1,234.25 = 24.685 → 24.69
    assert eur("1234.25").percent(Decimal(2)) == eur("24.69")


def test_a_ratio_of_two_amounts_is_a_number() -> None:
    assert eur("50").ratio_to(eur("200")) == Decimal("0.25")
    with pytest.raises(CurrencyMismatch):
        eur("50").ratio_to(pln("200"))
    with pytest.raises(MoneyError, match="by zero"):
        eur("50").ratio_to(eur("0"))


def test_sums_over_accounts_are_per_currency() -> None:
    # Three accounts: two invoice in PLN, one (a German client) in EUR.
    bag = sum_by_currency([pln("559000.00"), eur("130000.00"), pln("1000.00")])
    assert bag.currencies() == (EUR, PLN)
    assert bag[PLN] == pln("560000.00") and bag[EUR] == eur("130000.00")
    assert bag["USD"] == Money.zero("USD")
    assert str(bag) == "EUR 130000.00, PLN 560000.00"


def test_a_bag_is_totalled_in_one_currency_only_with_a_rate_for_each_other_currency() -> None:
    bag = sum_by_currency([pln("559000.00"), eur("130000.00")])
    rate = Rate(EUR, PLN, d("2026-03-31"), Decimal("4.3000"), "NBP table A 063/A/NBP/2026")
    assert bag.in_currency(PLN, [rate]) == pln("1118000.00")  # 559,000 + 130,000 × 4.30
    with pytest.raises(MoneyError, match="no EUR→USD rate given"):
        bag.in_currency("USD", [rate])


def test_bags_compare_by_their_non_zero_totals() -> None:
    assert sum_by_currency([eur("5"), eur("-5"), pln("1")]) == sum_by_currency([pln("1")])
    assert (MoneyBag() + eur("1") - eur("1")).is_zero
    assert sum_by_currency([eur("5")]) != sum_by_currency([pln("5")])


def test_conversion_needs_a_dated_rate_with_its_source_and_rounds_once() -> None:
    rate = Rate(EUR, PLN, d("2026-03-31"), Decimal("4.2817"), "NBP table A")
    assert convert(eur("100.01"), rate) == pln("428.21")  # 428.212117 → 428.21
    assert str(rate) == "1 EUR = 4.2817 PLN (2026-03-31, NBP table A)"
    back = rate.inverted()
    assert (back.from_currency, back.to_currency, back.on) == (PLN, EUR, d("2026-03-31"))
    with pytest.raises(CurrencyMismatch, match="convert with a EUR rate"):
        convert(pln("1"), rate)


def test_a_rate_must_be_positive_and_exact() -> None:
    with pytest.raises(MoneyError, match="must be positive"):
        Rate(EUR, PLN, d("2026-03-31"), Decimal("0"))
    with pytest.raises(MoneyError, match="must be a Decimal"):
        Rate(EUR, PLN, d("2026-03-31"), 4.3)  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="can only be 1"):
        Rate(EUR, EUR, d("2026-03-31"), Decimal("2"))


def test_the_fx_table_gives_the_rate_in_force_with_its_own_date() -> None:
    fx = FxTable.of(PLN, [(d("2026-03-30"), EUR, Decimal("4.29")), (d("2026-03-31"), EUR, Decimal("4.30"))])
    rate = fx.rate(EUR, d("2026-04-02"))  # a holiday weekend: the last rate before it
    assert (rate.on, rate.value, rate.source) == (d("2026-03-31"), Decimal("4.30"), "FX table PLN")
    assert fx.money_to_base(eur("10.00"), d("2026-03-30")) == pln("42.90")
    assert fx.money_to_base(pln("3"), d("2000-01-01")) == pln("3")  # the base needs no rate
    with pytest.raises(MissingRateError, match="kamctl fx set EUR"):
        fx.money_to_base(eur("1"), d("2026-01-01"))


currencies = st.sampled_from(["EUR", "PLN", "RUB", "USD"])
amounts = st.decimals(min_value=Decimal("-1000000"), max_value=Decimal("1000000"), places=2)
monies = st.builds(Money, amounts, currencies)


@given(monies, monies)
def test_property_adding_two_currencies_always_fails_and_one_currency_never_does(a: Money, b: Money) -> None:
    if a.currency == b.currency:
        assert (a + b).amount == a.amount + b.amount
        assert (a + b) - b == a
    else:
        with pytest.raises(CurrencyMismatch):
            _ = a + b
        with pytest.raises(CurrencyMismatch):
            _ = a <= b


@given(st.lists(monies, max_size=20))
def test_property_per_currency_totals_keep_every_cent_of_every_currency(items: list[Money]) -> None:
    bag = sum_by_currency(items)
    for currency in {m.currency for m in items}:
        assert bag[currency].amount == sum(m.amount for m in items if m.currency == currency)
    assert set(bag.currencies()) == {m.currency for m in items}


@given(monies, st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("10000"), places=4))
def test_property_conversion_is_within_half_a_cent_of_the_exact_product(m: Money, value: Decimal) -> None:
    target = "CHF"
    converted = convert(m, Rate(m.currency, target, d("2026-01-01"), value))
    assert converted.currency == target
    assert abs(converted.amount - m.amount * value) <= Decimal("0.005")
    assert converted.amount == converted.amount.quantize(Decimal("0.01"))
