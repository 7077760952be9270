"""Money as Decimal: one place that parses, rounds and checks amounts (never float)."""

from __future__ import annotations

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
