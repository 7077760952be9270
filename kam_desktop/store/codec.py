"""Stored SQLite values back to Python ones, without SQLAlchemy: the column types and the quick reader share them."""

from __future__ import annotations

import uuid
from decimal import Decimal

_EXACT_BELOW = 10 ** 28  # the default context's precision: an integer under it scales exactly, already quantized


def scaled_decimal(value: int | float, scale: int) -> Decimal:
    """An integer of 10^-scale units (how SQLite keeps money) as an exact Decimal with `scale` places."""
    # an integer's Decimal has exponent 0, so scaleb alone gives exactly `scale` places (no quantize: every money
    # value read, 20,000 per grading, went through one); past the context's 28 digits quantize refuses, as it should
    if type(value) is int and -_EXACT_BELOW < value < _EXACT_BELOW:
        return Decimal(value).scaleb(-scale)
    quantum = Decimal(1).scaleb(-scale)
    if isinstance(value, float):  # e.g. AVG(); exact enough for display, never stored back
        return Decimal(repr(value)).scaleb(-scale).quantize(quantum)
    return Decimal(int(value)).scaleb(-scale).quantize(quantum)


_new, _set = object.__new__, object.__setattr__


def stored_uuid(text: str) -> uuid.UUID:
    """A key as SQLite keeps it (32 hex digits, how the store writes every UUID) as a `uuid.UUID`.

    What `uuid.UUID(hex=text)` makes, in a third of the time: a start at 20,000 accounts decodes 20,000 keys before
    its first paint. It sets the two slots `UUID.__init__` sets (as unpickling does) after parsing the digits;
    anything but 32 hex digits is refused as `UUID()` refuses it.
    """
    if len(text) != 32:
        raise ValueError(f"badly formed hexadecimal UUID string: {text!r}")
    key = _new(uuid.UUID)
    _set(key, "int", int(text, 16))  # ValueError for anything but hex digits
    _set(key, "is_safe", uuid.SafeUUID.unknown)
    return key
