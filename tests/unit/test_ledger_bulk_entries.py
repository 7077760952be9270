"""A close makes ~30,000 entries: `LedgerEntry.with_values` is `dataclasses.replace` without calling `__init__` again,
and `random_ids` makes the UUIDs `uuid4` makes, cheaper; both held here to what they replace."""

from __future__ import annotations

import uuid
from dataclasses import FrozenInstanceError, replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain import ledger as dl
from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.rewards import AccountQuarter, quarter_close_entries
from kam_desktop.domain.vocabulary import Grade

LOT = dl.LedgerEntry("ACME", dl.LedgerUnit.CASHBACK, dl.LedgerKind.ACCRUAL, Decimal("1.00"), date(2026, 3, 31),
                     dl.SourceKind.QUARTER_CLOSE, "2026Q1", "close:2026Q1:ACME:cashback", expires_on=date(2027, 3, 31))

CHANGES = st.fixed_dictionaries({}, optional={
    "account": st.text(max_size=5), "amount": st.decimals(min_value=-5, max_value=5, places=2),
    "unit": st.sampled_from(list(dl.LedgerUnit)), "kind": st.sampled_from(list(dl.LedgerKind)),
    "currency": st.sampled_from([None, "PLN", "EUR", "pln"]), "expires_on": st.sampled_from([None, date(2027, 1, 1)]),
    "reverses": st.sampled_from([None, uuid.UUID(int=7)]), "idempotency_key": st.text(max_size=5), "id": st.uuids(),
    "note": st.text(max_size=5), "allocations": st.sampled_from([(), (dl.Allocation(uuid.UUID(int=1), Decimal(1)),)]),
})


def _made(make: Any) -> object:
    try:
        return make()
    except Exception as exc:  # noqa: BLE001 - the very refusal (type and message) is what is compared
        return type(exc), str(exc)


@given(CHANGES)
def test_with_values_is_replace_refusals_included(changes: dict[str, Any]) -> None:
    made = _made(lambda: LOT.with_values(**changes))
    assert made == _made(lambda: replace(LOT, **changes))
    if isinstance(made, dl.LedgerEntry):
        assert vars(made) == vars(replace(LOT, **changes)) and hash(made) == hash(replace(LOT, **changes))
        assert vars(LOT)["account"] == "ACME"  # the template is left as it was


def test_with_values_refuses_a_field_the_entry_has_not() -> None:
    with pytest.raises(TypeError, match="'amout'"):
        LOT.with_values(amout=Decimal(1))
    with pytest.raises(dl.LedgerError, match="cannot be zero"):
        LOT.with_values(amount=Decimal(0))
    with pytest.raises(FrozenInstanceError):
        LOT.with_values(note="x").note = "y"  # type: ignore[misc]


def test_random_ids_are_uuid4s() -> None:
    new_id = dl.random_ids(batch=7)  # several batches
    ids = [new_id() for _ in range(1000)]
    assert len(set(ids)) == 1000
    for made in ids:
        assert type(made) is uuid.UUID and made.version == 4 and made.variant == uuid.RFC_4122
        assert made == uuid.UUID(hex=made.hex) == uuid.UUID(bytes=made.bytes, version=4)
        assert made.is_safe is uuid.SafeUUID.unknown and str(made) == str(uuid.UUID(made.hex))
    assert {bit for made in ids for bit in range(122) if made.int >> _free_bit(bit) & 1} == set(range(122))


def _free_bit(bit: int) -> int:
    """The `bit`-th of a version-4 UUID's 122 random bits (the 6 of version and variant skipped)."""
    fixed = set(range(76, 80)) | {62, 63}
    return [b for b in range(128) if b not in fixed][bit]


def test_a_close_makes_its_ids_at_random_by_default() -> None:
    terms = ProgramTerms()
    accounts = [AccountQuarter(f"A{i}", Grade.L1, Decimal("10000.00"), {"x": Decimal("10000.00")}) for i in range(50)]
    entries = quarter_close_entries([], Quarter(2026, 1), accounts, terms)
    assert len(entries) == 100 and len({e.id for e in entries}) == 100
    assert all(e.id.version == 4 for e in entries)
    again = quarter_close_entries([], Quarter(2026, 1), accounts, terms)
    assert not {e.id for e in entries} & {e.id for e in again}
    assert [replace(e, id=uuid.UUID(int=0)) for e in entries] == [replace(e, id=uuid.UUID(int=0)) for e in again]
