"""`store.codec`: `scaled_decimal`'s fast path for integers gives exactly the Decimal the general path gives;
`stored_uuid` gives exactly the UUID `uuid.UUID(hex=...)` gives."""

from __future__ import annotations

import pickle
import uuid
from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.store.codec import scaled_decimal, stored_uuid


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
def test_a_stored_key_reads_as_the_uuid_the_standard_constructor_makes(key: uuid.UUID) -> None:
    read = stored_uuid(key.hex)
    expected = uuid.UUID(hex=key.hex)
    assert type(read) is uuid.UUID
    assert (read, hash(read), str(read), read.is_safe) == (expected, hash(expected), str(expected), expected.is_safe)
    assert pickle.loads(pickle.dumps(read)) == expected
    with pytest.raises(TypeError):
        read.int = 0  # type: ignore[misc]  # immutable, as every UUID


@pytest.mark.parametrize("text", ["", "abc", "g" * 32, "0" * 31, "0" * 33, "{" + "0" * 30 + "}"])
def test_anything_but_32_hex_digits_is_refused_as_uuid_refuses_it(text: str) -> None:
    with pytest.raises(ValueError):
        uuid.UUID(hex=text)
    with pytest.raises(ValueError):
        stored_uuid(text)
