"""Python values to stored SQLite ones and back, without SQLAlchemy: the column types, the quick reader and the
ledger's bulk insert share them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

EXACT_BELOW = 10 ** 28  # the default context's precision: an integer under it scales exactly, already quantized


def scaled_decimal(value: int | float, scale: int) -> Decimal:
    """An integer of 10^-scale units (how SQLite keeps money) as an exact Decimal with `scale` places."""
    # an integer's Decimal has exponent 0, so a product with 10^-scale has exactly `scale` places, as scaleb(-scale)
    # gives them (no quantize: every money value read, 20,000 per grading, went through one; and the operator, not
    # scaleb, whose keyword arguments are parsed on each call); past the context's 28 digits quantize refuses
    if type(value) is int and -EXACT_BELOW < value < EXACT_BELOW:
        return Decimal(value) * (_UNITS.get(scale) or Decimal(1).scaleb(-scale))
    quantum = Decimal(1).scaleb(-scale)
    if isinstance(value, float):  # e.g. AVG(); exact enough for display, never stored back
        return Decimal(repr(value)).scaleb(-scale).quantize(quantum)
    return Decimal(int(value)).scaleb(-scale).quantize(quantum)


_UNITS = {scale: Decimal(1).scaleb(-scale) for scale in range(7)}  # 10^-scale: 1, 0.1 … 0.000001 (money, rates)
_new, _UUID, _UNKNOWN = object.__new__, uuid.UUID, uuid.SafeUUID.unknown
# UUID is immutable through its own __setattr__: its slots are set as uuid.py sets them, by their descriptors (called
# directly: object.__setattr__ looks each one up by name first)
_set_int, _set_is_safe = uuid.UUID.__dict__["int"].__set__, uuid.UUID.__dict__["is_safe"].__set__


def uuid_of_hex(text: str) -> uuid.UUID:
    """A UUID from the 32 hex digits SQLite keeps, equal to `uuid.UUID(hex=text)` at a third of the cost (20,000 per
    portfolio read): `UUID.__init__` accepts five spellings and checks each; this value is always the one."""
    if len(text) != 32 or text[0] == "-":  # another spelling (dashes, braces, a urn): UUID's own parsing
        return _UUID(hex=text)
    value = int(text, 16)  # as UUID(hex=...) parses 32 digits, with its ValueError
    made = _new(_UUID)
    _set_int(made, value)
    _set_is_safe(made, _UNKNOWN)
    return made


class InexactValueError(ValueError):
    """A Decimal with more places than its column keeps: the caller must round it first."""


_STEPS: dict[int, tuple[Decimal, Decimal]] = {}  # scale → (quantum, factor): made once, not per value


def scaled_int(value: object, scale: int) -> int:
    """An exact decimal as the integer of 10^-scale units SQLite keeps; a float or a value with more places is
    refused (money is never float, and never rounded silently)."""
    if isinstance(value, float):
        raise InexactValueError(f"float {value!r} given for an exact decimal column; use Decimal")
    steps = _STEPS.get(scale)
    if steps is None:
        steps = _STEPS[scale] = (Decimal(1).scaleb(-scale), Decimal(10) ** scale)
    exact = value if type(value) is Decimal else Decimal(value)  # type: ignore[arg-type]
    # quantize also refuses (InvalidOperation) a value with more digits than the context keeps
    if exact != exact.quantize(steps[0]):
        raise InexactValueError(f"{exact} has more than {scale} decimal places; round it first")
    return int(exact * steps[1])


def stamp_text(value: object) -> str:
    """A timestamp as SQLite keeps it: ISO-8601 in UTC to the microsecond (text that sorts as time does)."""
    if type(value) is datetime and value.tzinfo is UTC:  # `utc_now()`'s: nothing to convert (a bulk insert's stamps)
        return value.isoformat(timespec="microseconds")
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(f"{value!r} is not a timezone-aware datetime; use datetime.now(UTC)")
    return value.astimezone(UTC).isoformat(timespec="microseconds")
