"""Document numbers: readable, and never the same on two laptops that issue offline."""

from __future__ import annotations

import pytest

from kam_desktop.domain.numbering import (
    LOW_WATER,
    MAX_DEVICES,
    RESERVE_START,
    DocumentNumber,
    NumberBlock,
    NumberingError,
    needs_new_lease,
    next_number,
    overlapping,
    remaining,
    reserve_block,
    solo_block,
)


def test_a_number_prints_and_parses_back() -> None:
    number = DocumentNumber("ANX", 2026, 42)
    assert str(number) == "ANX-2026-00042"
    assert DocumentNumber.parse(" ANX-2026-00042 ") == number


@pytest.mark.parametrize("bad", ["ANX-2026-42", "anx-2026-00042", "ANX2026-00042", "ANX-26-00042", "ANX-2026-00000"])
def test_malformed_numbers_are_refused(bad: str) -> None:
    with pytest.raises(NumberingError):
        DocumentNumber.parse(bad)


# Which block the server leases next is the server's rule (kam.lease_number_block): tests/server/test_numbering.py.


def test_overlapping_blocks_are_detected() -> None:
    a = NumberBlock("ANX", 2026, 1, 100, 1)
    b = NumberBlock("ANX", 2026, 100, 200, 2)
    c = NumberBlock("ANX", 2027, 1, 100, 2)
    assert overlapping([a, b, c]) == [(a, b)]


def test_two_laptops_issuing_offline_never_collide() -> None:
    leases = [NumberBlock("ANX", 2026, 1, 30, 1), NumberBlock("ANX", 2026, 31, 60, 2)]  # as the server leased them
    issued: dict[int, list[int]] = {1: [], 2: []}
    for _ in range(70):  # beyond both leases: each laptop falls back to its own reserve
        for device in (1, 2):
            number = next_number(leases, issued[device], "ANX", 2026, device)
            issued[device].append(number.sequence)
    assert not set(issued[1]) & set(issued[2])
    assert len(set(issued[1])) == len(issued[1]) == 70
    assert issued[1][:30] == list(range(1, 31))
    assert issued[1][30] == RESERVE_START + 1
    assert issued[2][30] == RESERVE_START + 51


def test_reserves_of_all_devices_are_disjoint_and_never_leased() -> None:
    reserves = [reserve_block("ANX", 2026, d) for d in range(1, MAX_DEVICES + 1)]
    assert overlapping(reserves) == []
    assert reserves[-1].last <= 99_999
    assert reserves[0].first == RESERVE_START + 1  # the server leases below RESERVE_START only


def test_a_device_out_of_numbers_is_told_to_connect() -> None:
    reserve = reserve_block("ANX", 2026, 5)
    used = list(range(reserve.first, reserve.last + 1))
    with pytest.raises(NumberingError, match="lease a block"):
        next_number([], used, "ANX", 2026, 5)


def test_the_new_year_offline_starts_in_the_reserve() -> None:
    lease_2026 = NumberBlock("ANX", 2026, 1, 200, 3)
    number = next_number([lease_2026], [], "ANX", 2027, 3)
    assert str(number) == f"ANX-2027-{RESERVE_START + 101:05d}"


def test_a_device_asks_for_a_new_lease_when_running_low() -> None:
    lease = NumberBlock("STM", 2026, 1, 100, 1)
    used = list(range(1, 100 - LOW_WATER + 1))
    assert remaining([lease], used, "STM", 2026, 1) == LOW_WATER
    assert not needs_new_lease([lease], used, "STM", 2026, 1)
    assert needs_new_lease([lease], [*used, 100 - LOW_WATER + 1], "STM", 2026, 1)


def test_solo_mode_numbers_from_one() -> None:
    assert str(next_number([solo_block("AGR", 2026)], [], "AGR", 2026, 1)) == "AGR-2026-00001"
    assert str(next_number([solo_block("AGR", 2026)], [1, 2, 3], "AGR", 2026, 1)) == "AGR-2026-00004"


def test_device_numbers_are_bounded() -> None:
    with pytest.raises(NumberingError):
        reserve_block("ANX", 2026, 0)
    with pytest.raises(NumberingError):
        reserve_block("ANX", 2026, MAX_DEVICES + 1)
