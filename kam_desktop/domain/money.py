"""Money as Decimal: one place that parses, rounds and checks amounts (never float)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kam_desktop.domain.messages import Refusal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


class MoneyError(Refusal, ValueError):
    """A value that cannot be read as an amount of money."""


def D(value: str | int | Decimal) -> Decimal:
    """Read a Decimal from a string, int or Decimal; floats are refused because they are not exact."""
    if isinstance(value, float):
        raise MoneyError("float {value!r} is not exact; pass a string or Decimal", value=value)
    if isinstance(value, bool):
        raise MoneyError("{value!r} is not a number", value=value)
    try:
        result = Decimal(value)
    except (InvalidOperation, TypeError) as exc:
        raise MoneyError("{value!r} is not a number", value=value) from exc
    if not result.is_finite():
        raise MoneyError("{value!r} is not a finite number", value=value)
    return result


def money(value: str | int | Decimal) -> Decimal:
    """Round an amount to cents, half up (the rounding Polish and Russian invoices use)."""
    return D(value).quantize(CENT, rounding=ROUND_HALF_UP)


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """`percent` % of `amount`, rounded to cents once, at the end."""
    return money(amount * percent / Decimal(100))


EXACT_CENTS = 10**26  # |cents × percent's numerator| below this: `percent_of`'s Decimal product is exact (28 digits)


def percent_of_cents(cents: int, percent: Decimal) -> int:
    """`percent_of` on an amount of whole cents, in whole cents: the same exact value and the same rounding (half
    up, away from zero) done in integers, for pricing 20,000 accounts at once (a zero is never negative: `percent_of`
    can give -0.00). Exact while |cents × the percent's numerator| < `EXACT_CENTS` (where `percent_of`'s Decimal
    product is exact too)."""
    numerator, denominator = percent.as_integer_ratio()
    return _times_ratio(cents, numerator, 100 * denominator)  # cents × percent / 100


def _times_ratio(cents: int, numerator: int, denominator: int) -> int:
    """cents × numerator / denominator (denominator > 0) rounded half up, away from zero, in integers: `money`'s
    rounding of the exact product (twice the product plus the denominator, floored by twice the denominator)."""
    rounded = (2 * abs(cents * numerator) + denominator) // (2 * denominator)
    return rounded if (cents < 0) == (numerator < 0) else -rounded


def cents_times(factor: Decimal) -> Callable[[int], int]:
    """`money(amount × factor)` for amounts of whole cents, in whole cents, done in integers (20,000 accounts' bases
    converted at once): the same exact value and rounding (half up, away from zero; a zero is never negative: `money`
    can give -0.00). Where the Decimal product might not be exact (|cents × the factor's digits| ≥ `EXACT_CENTS`),
    computed as `money` computes it."""
    numerator, denominator = factor.as_integer_ratio()
    digits = int("".join(map(str, factor.as_tuple().digits)))

    def times(cents: int) -> int:
        if abs(cents) * digits >= EXACT_CENTS:
            return int(money(Decimal(cents).scaleb(-2) * factor).scaleb(2))
        return _times_ratio(cents, numerator, denominator)

    return times
