"""Stored SQLite values back to Python ones, without SQLAlchemy: the column types and the quick reader share them."""

from __future__ import annotations

import uuid
from decimal import Decimal

EXACT_BELOW = 10 ** 28  # the default context's precision: an integer under it scales exactly, already quantized


def scaled_decimal(value: int | float, scale: int) -> Decimal:
    """An integer of 10^-scale units (how SQLite keeps money) as an exact Decimal with `scale` places."""
    # an integer's Decimal has exponent 0, so scaleb alone gives exactly `scale` places (no quantize: every money
    # value read, 20,000 per grading, went through one); past the context's 28 digits quantize refuses, as it should
    if type(value) is int and -EXACT_BELOW < value < EXACT_BELOW:
        return Decimal(value).scaleb(-scale)
    quantum = Decimal(1).scaleb(-scale)
    if isinstance(value, float):  # e.g. AVG(); exact enough for display, never stored back
        return Decimal(repr(value)).scaleb(-scale).quantize(quantum)
    return Decimal(int(value)).scaleb(-scale).quantize(quantum)


_new, _set, _UUID, _UNKNOWN = object.__new__, object.__setattr__, uuid.UUID, uuid.SafeUUID.unknown


def uuid_of_hex(text: str) -> uuid.UUID:
    """A UUID from the 32 hex digits SQLite keeps, equal to `uuid.UUID(hex=text)` at a third of the cost (20,000 per
    portfolio read): `UUID.__init__` accepts five spellings and checks each; this value is always the one."""
    if len(text) != 32 or text[0] == "-":  # another spelling (dashes, braces, a urn): UUID's own parsing
        return _UUID(hex=text)
    value = int(text, 16)  # as UUID(hex=...) parses 32 digits, with its ValueError
    made = _new(_UUID)
    _set(made, "int", value)  # UUID is immutable through its own __setattr__, as uuid.py itself sets it
    _set(made, "is_safe", _UNKNOWN)
    return made
