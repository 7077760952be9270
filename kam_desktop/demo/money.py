"""Exact amounts for the demo: integer minor units in, Decimals of the store's scale out."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kam_desktop.demo.catalog import PRICE_FACTOR

_CENT = Decimal("0.01")
_RATE = Decimal("0.000001")


def cents(value: int) -> Decimal:
    return Decimal(value).scaleb(-2)


def money(value: Decimal | float | int) -> Decimal:
    """Round to cents (floats only come from the random generator, never from stored data)."""
    return Decimal(str(value)).quantize(_CENT, ROUND_HALF_UP)


def rate(value: Decimal | float | int) -> Decimal:
    return Decimal(str(value)).quantize(_RATE, ROUND_HALF_UP)


def from_pln(amount: Decimal, currency: str) -> Decimal:
    """A PLN catalog amount priced in the account's currency (rounded to cents)."""
    return money(amount * Decimal(str(PRICE_FACTOR[currency])))


def to_pln(amount: Decimal, currency: str) -> Decimal:
    return money(amount / Decimal(str(PRICE_FACTOR[currency])))
