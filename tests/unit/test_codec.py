"""`store.codec`: its fast paths (integers to Decimals, hex to UUIDs) give exactly what the general paths give."""

from __future__ import annotations

import pickle
import uuid
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.store.codec import InexactValueError, scaled_decimal, scaled_int, stamp_text, uuid_of_hex


def _general(value: int, scale: int) -> Decimal:
    """The path every value took before the integer shortcut: scale, then quantize to `scale` places."""
    return Decimal(value).scaleb(-scale).quantize(Decimal(1).scaleb(-scale))


@given(st.integers(min_value=-(10 ** 28) + 1, max_value=10 ** 28 - 1), st.sampled_from([0, 2, 6]))
def test_an_integer_scales_to_the_same_digits_sign_and_exponent(value: int, scale: int) -> None:
    fast = scaled_decimal(value, scale)
    assert fast.as_tuple() == _general(value, scale).as_tuple()  # same sign, digits and exponent, not only ==


@pytest.mark.parametrize("value", [0, -0, 1, -1, 10 ** 28 - 1, -(10 ** 28) + 1])
def test_edges_of_the_shortcut(value: int) -> None:
    assert scaled_decimal(value, 2).as_tuple() == _general(value, 2).as_tuple()
    assert str(scaled_decimal(0, 2)) == "0.00"


def test_an_integer_past_the_context_precision_still_refuses_rather_than_rounds() -> None:
    with pytest.raises(InvalidOperation):
        scaled_decimal(10 ** 30 + 1, 2)  # 31 digits do not fit 28: quantize refuses, the shortcut is not taken


def test_a_float_is_read_by_its_shortest_repr() -> None:
    assert scaled_decimal(1234.56, 2).as_tuple() == Decimal("12.35").as_tuple()  # AVG() gives a float
    assert scaled_decimal(1234.5, 2) == Decimal("12.34")  # 12.345: the context's half-even rounding


@given(st.uuids())
def test_a_uuid_from_its_hex_equals_the_standard_one(value: uuid.UUID) -> None:
    made = uuid_of_hex(value.hex)
    assert made == value and repr(made) == repr(value) and hash(made) == hash(value)
    assert made.is_safe is uuid.SafeUUID.unknown and type(made) is uuid.UUID
    assert pickle.loads(pickle.dumps(made)) == value


@pytest.mark.parametrize("text", ["0" * 31, "g" * 32, "", "-" + "0" * 31])
def test_a_malformed_hex_is_refused_as_the_standard_constructor_refuses_it(text: str) -> None:
    with pytest.raises(ValueError):
        uuid.UUID(hex=text)
    with pytest.raises(ValueError):
        uuid_of_hex(text)


def test_other_spellings_go_through_the_standard_constructor() -> None:
    value = uuid.uuid4()
    assert uuid_of_hex(str(value)) == value  # with dashes: 36 characters


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10 ** 16, max_value=10 ** 16))
def test_money_is_encoded_as_the_cents_it_is_and_read_back_equal(value: Decimal) -> None:
    assert scaled_int(value, 2) == int(value * 100) and scaled_decimal(scaled_int(value, 2), 2) == value


def test_money_with_more_places_or_as_a_float_is_refused() -> None:
    for value in (Decimal("0.105"), 0.1, Decimal("NaN")):
        with pytest.raises(InexactValueError):
            scaled_int(value, 2)
    assert scaled_int(7, 2) == 700 and scaled_int("1.5", 3) == 1500


@given(st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30))])))
def test_a_stamp_is_written_in_utc_to_the_microsecond(value: datetime) -> None:
    text = stamp_text(value)
    assert text == value.astimezone(UTC).isoformat(timespec="microseconds") and datetime.fromisoformat(text) == value
