"""Stored SQLite values back to Python ones, without SQLAlchemy: the column types and the quick reader share them."""

from __future__ import annotations

from decimal import Decimal


def scaled_decimal(value: int | float, scale: int) -> Decimal:
    """An integer of 10^-scale units (how SQLite keeps money) as an exact Decimal with `scale` places."""
    if isinstance(value, float):  # e.g. AVG(); exact enough for display, never stored back
        return Decimal(repr(value)).scaleb(-scale).quantize(Decimal(1).scaleb(-scale))
    # an integer's Decimal has exponent 0, so scaleb alone gives exactly `scale` places (no quantize: every money
    # value read, 20,000 per grading, went through one)
    return Decimal(value if type(value) is int else int(value)).scaleb(-scale)
