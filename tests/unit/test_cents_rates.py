"""The close's pricing in whole cents (`CentsRates`) gives `cashback_for` and `points_for` exactly, or says it cannot;
`random_hex_ids` are the hex digits of version-4 UUIDs."""

from __future__ import annotations

import uuid
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.grades import Grade, ProgramTerms
from kam_desktop.domain.ledger import random_hex_ids
from kam_desktop.domain.rewards import CentsRates, PointsRules, cashback_for, points_for

CATEGORIES = ("HW", "SW", "LIC", "SRV")
cents = st.integers(min_value=-10**15, max_value=10**15) | st.integers(min_value=-1000, max_value=1000)
# percents and factors as programs write them (a few places), and odd ones: thirds, negatives, exponents
factors = st.decimals(min_value=Decimal("-5"), max_value=Decimal("50"), places=3) | st.sampled_from(
    [Decimal("1.5"), Decimal("0.333333"), Decimal("1E+1"), Decimal("2.50"), Decimal("0"), Decimal("0.0001")])
percents = st.decimals(min_value=Decimal(0), max_value=Decimal(30), places=4)


@given(per_money=factors, multipliers=st.dictionaries(st.sampled_from(CATEGORIES), factors, max_size=3),
       percent=percents, grade=st.sampled_from(list(Grade)),
       nets=st.dictionaries(st.sampled_from(CATEGORIES), cents, min_size=1, max_size=4))
def test_cents_rates_price_as_the_decimal_functions(per_money: Decimal, multipliers: dict[str, Decimal],
                                                   percent: Decimal, grade: Grade, nets: dict[str, int]) -> None:
    terms = ProgramTerms(cashback_percent={g: percent if g is grade else Decimal(1) for g in Grade})
    rules = PointsRules(per_money, multipliers)
    rates = CentsRates.of(terms, rules)
    if rates is None:  # only where Decimal's steps are not exact integers: a factor written with a positive exponent
        assert any(int(f.as_tuple().exponent) > 0 for f in (per_money, *multipliers.values()))
        return
    amounts = {category: Decimal(value).scaleb(-2) for category, value in nets.items()}
    points = rates.points(nets.items())
    if points is not None:
        assert Decimal(points) == points_for(amounts, rules)
    else:  # refused only far beyond any real quarter
        assert max(nets.values()) * max(1, *(abs(f) for f in (per_money, *multipliers.values()))) > 10**12
    total = sum(nets.values())
    cashback = rates.cashback(grade, total)
    if cashback is not None:
        assert Decimal(cashback).scaleb(-2) == cashback_for(sum(amounts.values(), Decimal(0)), grade, terms)


def test_real_programs_price_real_quarters_in_cents() -> None:
    rates = CentsRates.of(ProgramTerms(), PointsRules(category_multipliers={"SW": Decimal("1.500000")}))
    assert rates is not None
    assert rates.points([("HW", 123456), ("SW", 9999), ("LIC", -50000)]) == 13  # 12.3456 + 1.49985 → 13
    assert rates.cashback(Grade.L1, 12345678) == 370370  # 3 % of 123 456.78 = 3 703.7034 → 3 703.70
    assert rates.cashback(Grade.L1, -100) == 0 and rates.points([("HW", 10**14)]) == 10**10
    assert rates.points([("HW", 10**22)]) is None and rates.cashback(Grade.L1, 10**26) is None  # past exact: refused


def test_random_hex_ids_are_version_4_uuids() -> None:
    ids = random_hex_ids(1000)
    assert len(set(ids)) == 1000
    for text in ids:
        made = uuid.UUID(hex=text)
        assert made.hex == text and made.version == 4 and made.variant == uuid.RFC_4122
