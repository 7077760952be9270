"""The ledger's bulk insert writes a row's chain text itself (`ledger_chain._entry_digest`, `_amount_text`) and stamps
rows from its own clock (`_Clock`): each is held here to what it replaces, which is what the verifier computes from
the rows read back (`values_hash` of `text_of`'s texts, `stamp_text(utc_now())`, `moment`)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.audit_chain import GENESIS, moment
from kam_desktop.domain.row_chain import text_of, values_hash
from kam_desktop.domain.vocabulary import LedgerKind, LedgerUnit
from kam_desktop.store import ledger_chain
from kam_desktop.store.codec import EXACT_BELOW, scaled_decimal, stamp_text
from kam_desktop.store.limits import FieldTooLongError, check_columns
from kam_desktop.store.models import LedgerEntry

TEXT = st.text(max_size=10)  # quotes, backslashes, control characters, any plane: what json escapes or leaves
OPTIONAL_TEXT = st.one_of(st.none(), TEXT)
HEX = st.uuids().map(lambda u: u.hex)
DAY = st.one_of(st.none(), st.dates().map(date.isoformat))
KIND = st.one_of(TEXT, st.sampled_from(list(LedgerKind)), st.sampled_from(list(LedgerUnit)))


@given(st.integers(min_value=-EXACT_BELOW * 10, max_value=EXACT_BELOW * 10))
def test_an_amounts_text_is_text_of_the_decimal_read_back(scaled: int) -> None:
    try:
        expected = text_of(scaled_decimal(scaled, 2))
    except ArithmeticError:  # past the context's digits: refused as before
        with pytest.raises(ArithmeticError):
            ledger_chain._amount_text(scaled)
        return
    assert ledger_chain._amount_text(scaled) == expected


def test_known_amount_texts() -> None:
    assert [ledger_chain._amount_text(v) for v in (0, 1, 10, 100, 105, 120, -5, -120, 1_000_000, 999_999_999_999_999_999)
            ] == ["0", "0.01", "0.1", "1", "1.05", "1.2", "-0.05", "-1.2", "10000", "9999999999999999.99"]


@given(prev=st.one_of(HEX.map(lambda h: h * 2), st.just(GENESIS), TEXT), entry_id=HEX, account_id=HEX,
       stamp=st.datetimes(timezones=st.just(UTC)), created_by=st.one_of(TEXT, st.none(), st.integers()), kind=KIND,
       unit=KIND, amount=st.integers(min_value=-10**20, max_value=10**20), currency=OPTIONAL_TEXT, booked=DAY,
       quarter=OPTIONAL_TEXT, expires=DAY, source_kind=KIND, source_ref=OPTIONAL_TEXT, key=st.one_of(TEXT, st.none()),
       reverses_id=st.one_of(st.none(), HEX), corrects_id=st.one_of(st.none(), HEX), note=OPTIONAL_TEXT)
def test_an_entrys_digest_is_values_hash_of_its_texts(prev: str, entry_id: str, account_id: str, stamp: datetime,
                                                     created_by: Any, kind: Any, unit: Any, amount: int,
                                                     currency: str | None, booked: str | None, quarter: str | None,
                                                     expires: str | None, source_kind: Any, source_ref: str | None,
                                                     key: str | None, reverses_id: str | None, corrects_id: str | None,
                                                     note: str | None) -> None:
    chained, amount_text = moment(stamp), ledger_chain._amount_text(amount)
    expected = values_hash(prev, "ledger_entries", entry_id, (
        entry_id, chained, created_by, account_id, str(kind), str(unit), amount_text, currency or "", booked or "",
        quarter or "", expires or "", str(source_kind), source_ref or "", key, reverses_id or "", corrects_id or "",
        note or ""))  # type: ignore[arg-type]  # None and int: as the encoder itself writes them
    assert ledger_chain._entry_digest(prev, entry_id, chained, created_by, account_id, kind, unit, amount_text,
                                      currency, booked, quarter, expires, source_kind, source_ref, key, reverses_id,
                                      corrects_id, note) == expected


NASTY = 'a"b\\c\n\x00\x1f Łódź \u2028 \U0001f600 </'  # what json escapes, and what it leaves as is
TEXT_FIELDS = ("prev", "created_by", "kind", "unit", "currency", "quarter", "source_kind", "source_ref", "key", "note")


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_each_text_field_is_escaped_as_values_hash_escapes_it(field: str) -> None:
    values: dict[str, Any] = {
        "prev": GENESIS, "entry_id": "ab" * 16, "chained": "2026-04-01T00:00:00.000001Z", "created_by": "money",
        "account_id": "cd" * 16, "kind": LedgerKind.ACCRUAL, "unit": LedgerUnit.CASHBACK, "amount": "12.5",
        "currency": "PLN", "booked": "2026-03-31", "quarter": "2026Q1", "expires": "2027-03-31",
        "source_kind": "quarter_close", "source_ref": "2026Q1", "key": "close:2026Q1:A:cashback", "reverses_id": None,
        "corrects_id": "ef" * 16, "note": "grade L1"} | {field: NASTY}
    v = values
    expected = values_hash(v["prev"], "ledger_entries", v["entry_id"], (
        v["entry_id"], v["chained"], v["created_by"], v["account_id"], str(v["kind"]), str(v["unit"]), v["amount"],
        v["currency"], v["booked"], v["quarter"], v["expires"], str(v["source_kind"]), v["source_ref"], v["key"], "",
        v["corrects_id"], v["note"]))
    assert ledger_chain._entry_digest(**values) == expected


def test_the_clocks_stamps_are_utc_nows_text_at_that_moment() -> None:
    clock = ledger_chain._Clock()
    for _ in range(2000):
        before = datetime.now(UTC)
        stored, chained = clock()
        after = datetime.now(UTC)
        read = datetime.fromisoformat(stored)
        assert before <= read <= after
        assert stored == stamp_text(read) and chained == moment(read)


def test_the_clock_formats_a_new_second_anew() -> None:
    ticks = iter([1_775_001_599_999_999_000, 1_775_001_600_000_000_999, 1_775_001_600_000_001_000])
    clock = ledger_chain._Clock(lambda: next(ticks))
    assert [clock() for _ in range(3)] == [
        ("2026-03-31T23:59:59.999999+00:00", "2026-03-31T23:59:59.999999Z"),
        ("2026-04-01T00:00:00.000000+00:00", "2026-04-01T00:00:00.000000Z"),
        ("2026-04-01T00:00:00.000001+00:00", "2026-04-01T00:00:00.000001Z")]


def test_a_clock_before_the_year_1000_writes_datetimes_own_text() -> None:
    at = datetime(999, 12, 31, 23, 59, 59, 5, tzinfo=UTC)
    ns = (at - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1) * 1000 + 999
    assert ledger_chain._Clock(lambda: ns)() == (stamp_text(at), moment(at))


def test_the_column_checks_of_tuples_name_the_first_value_too_long() -> None:
    columns = ledger_chain.ENTRY_COLUMNS
    row = dict.fromkeys(columns, "x")
    rows = [tuple(row.values()) for _ in range(3)]
    check_columns(LedgerEntry, columns, rows)  # all fit
    at = columns.index
    rows[1] = (*rows[1][:at("idempotency_key")], "k" * 161, *rows[1][at("idempotency_key") + 1:])
    rows[2] = (*rows[2][:at("source_ref")], "r" * 121, *rows[2][at("source_ref") + 1:])
    with pytest.raises(FieldTooLongError) as info:
        check_columns(LedgerEntry, columns, rows)
    assert info.value.params["field"] == "ledger_entries.idempotency_key" and info.value.params["given"] == 161
    rows[1] = (*rows[1][:at("idempotency_key")], "k" * 160, *rows[1][at("idempotency_key") + 1:])
    rows[1] = (*rows[1][:at("note")], "n" * 100_000, *rows[1][at("note") + 1:])  # Text: no limit
    with pytest.raises(FieldTooLongError) as info:
        check_columns(LedgerEntry, columns, rows)
    assert info.value.params["field"] == "ledger_entries.source_ref"

