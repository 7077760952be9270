"""`domain.row_chain.text_of`: its lookup by exact type writes the same text the tests by kind write, for every kind of
value a ledger row holds (a different text would break every chain already written)."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.row_chain import Row, _text_by_kind, row_hash, text_of
from kam_desktop.domain.vocabulary import LedgerKind

VALUES = st.one_of(
    st.none(), st.text(max_size=12), st.integers(), st.booleans(), st.uuids(),
    st.decimals(allow_nan=False, allow_infinity=False, places=2), st.decimals(allow_nan=False, allow_infinity=False),
    st.dates(), st.datetimes(), st.datetimes(timezones=st.just(UTC)), st.sampled_from(list(LedgerKind)),
)


@given(VALUES)
def test_the_same_text_by_exact_type_as_by_kind(value: object) -> None:
    assert text_of(value) == _text_by_kind(value)


def test_known_texts() -> None:
    assert [text_of(v) for v in (None, Decimal("12.50"), date(2026, 3, 31), uuid.UUID(int=1), 7, "x")] == [
        "", "12.5", "2026-03-31", "00000000000000000000000000000001", "7", "x"]
    assert text_of(datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)) == "2026-01-02T03:04:05.000006Z"
    assert text_of(LedgerKind.ACCRUAL) == "accrual"


@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(list(LedgerKind))), max_size=6), st.text(max_size=4))
def test_a_rows_hash_is_that_of_its_fields_written_by_json_dumps(values: list[str], table: str) -> None:
    """`row_hash` joins text fields itself: the same canonical text, so the same hash, as json.dumps writes."""
    fields = ["prev", table, "id", *values]
    expected = hashlib.sha256(json.dumps(fields, ensure_ascii=False, separators=(", ", ": ")).encode("utf-8"))
    assert row_hash("prev", Row(table, "id", tuple(values))) == expected.hexdigest()
    mixed = (*values, 7, None)  # not all text: the encoder itself
    expected = hashlib.sha256(json.dumps([*fields, 7, None], ensure_ascii=False, separators=(", ", ": ")).encode())
    assert row_hash("prev", Row(table, "id", mixed)) == expected.hexdigest()  # type: ignore[arg-type]
