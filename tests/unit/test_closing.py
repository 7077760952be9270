"""Closed periods: finance locks a finished quarter; a booking dated in it goes to the open period."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kam_desktop.domain.closing import PeriodLockError, PeriodLocks
from kam_desktop.domain.ledger import adjust, redeem
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import LedgerUnit

from .builders import cashback, d, next_id

Q1, Q2 = Quarter(2026, 1), Quarter(2026, 2)


def test_only_a_finished_quarter_can_be_locked_and_a_lock_is_final() -> None:
    with pytest.raises(PeriodLockError, match="2026Q2 ends on 2026-06-30; it can be locked from 2026-07-01"):
        PeriodLocks().lock(Q2, today=d("2026-06-30"))
    locks = PeriodLocks().lock(Q1, today=d("2026-04-02"))
    assert locks.is_locked(d("2026-03-31")) and not locks.is_locked(d("2026-04-01"))
    assert locks.lock(Q1, today=d("2026-05-01")) == locks


def test_a_day_in_a_locked_quarter_moves_to_the_first_day_of_the_next_open_one() -> None:
    locks = PeriodLocks().lock(Q1, d("2026-07-02")).lock(Q2, d("2026-07-02"))
    assert locks.open_day_for(d("2026-02-10")) == d("2026-07-01")  # Q1 and Q2 both locked
    assert locks.open_day_for(d("2026-08-15")) == d("2026-08-15")
    assert locks.touched([d("2026-08-01"), d("2026-05-05"), d("2026-02-10"), d("2026-02-11")]) == [Q1, Q2]


def test_an_adjustment_dated_in_a_locked_quarter_is_booked_in_the_open_period_and_says_so() -> None:
    locks = PeriodLocks().lock(Q1, d("2026-04-02"))
    lot = adjust([], "BERLIN", LedgerUnit.CASHBACK, Decimal("25"), d("2026-03-15"), "ADJ-1", "adj1", "goodwill",
                 next_id, currency="EUR")
    assert lot is not None
    assert locks.violations([lot]) == ["adj1: booked on 2026-03-15, in locked 2026Q1"]
    moved = locks.relocate(lot)
    assert moved.booked_on == d("2026-04-01") and locks.violations([moved]) == []
    assert moved.note == "goodwill; dated 2026-03-15 in locked 2026Q1, booked in the open period"


def test_a_lot_moved_out_of_a_locked_quarter_is_never_born_expired() -> None:
    locks = PeriodLocks().lock(Q1, d("2026-04-02"))
    promo = cashback("10", "2026-03-01", "BERLIN", "EUR", expires_on="2026-03-31")
    assert locks.relocate(promo).expires_on == d("2026-06-30")


def test_an_entry_that_takes_from_lots_is_built_on_the_open_day_not_moved() -> None:
    locks = PeriodLocks().lock(Q1, d("2026-04-02"))
    lot = cashback("10", "2026-01-10", "BERLIN", "EUR")
    (taking,) = redeem([lot], "BERLIN", LedgerUnit.CASHBACK, Decimal(5), d("2026-03-01"), "R", "r").entries
    with pytest.raises(PeriodLockError, match="build it on 2026-04-01 instead of moving it"):
        locks.relocate(taking)
