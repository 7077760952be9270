"""The ledger: balances folded from entries, FIFO redemption, expiry, reversals and their links."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kam_desktop.domain.ledger import (
    ExpiryLine,
    InsufficientBalanceError,
    LedgerEntry,
    LedgerError,
    LedgerKind,
    LedgerUnit,
    SourceKind,
    adjust,
    available,
    balance,
    default_expiry,
    expire,
    expiry_schedule,
    open_lots,
    redeem,
    reverse,
)
from kam_desktop.domain.ledger_checks import validate

from .builders import accrual, d, next_id

P = LedgerUnit.POINTS


def remaining(entries: list[LedgerEntry]) -> dict[str, Decimal]:
    return {lot.entry.idempotency_key: lot.remaining for lot in open_lots(entries, "ACME", P)}


def test_an_accrual_expires_at_the_end_of_the_quarter_four_quarters_later() -> None:
    assert default_expiry(d("2026-02-10")) == d("2027-03-31")  # 2026Q1 + 4 = 2027Q1
    assert default_expiry(d("2026-12-31")) == d("2027-12-31")  # 2026Q4 + 4 = 2027Q4


def test_balance_is_the_sum_of_entries() -> None:
    ledger = [accrual(100, "2026-02-10"), accrual(50, "2026-05-05"), accrual(7, "2026-05-05", account="OTHER")]
    assert balance(ledger, "ACME", P) == Decimal(150)
    assert balance(ledger, "ACME", P, as_of=d("2026-03-31")) == Decimal(100)
    assert balance(ledger, "ACME", LedgerUnit.CASHBACK) == Decimal(0)


def three_lots() -> list[LedgerEntry]:
    return [
        accrual(100, "2026-02-10", key="feb"),  # expires 2027-03-31
        accrual(50, "2026-05-05", key="may"),  # expires 2027-06-30
        accrual(70, "2026-06-01", key="promo", expires_on="2026-12-31"),  # a promotion that expires sooner
    ]


def test_redemption_consumes_the_soonest_expiring_lots_first() -> None:
    ledger = three_lots()
    # 120 = 70 from "promo" (expires 2026-12-31) + 50 from "feb" (expires 2027-03-31); "may" untouched.
    result = redeem(ledger, "ACME", P, Decimal(120), d("2026-07-01"), "RQ-1", "redeem:RQ-1", next_id)
    (entry,) = result.entries
    assert entry.kind is LedgerKind.REDEMPTION and entry.amount == Decimal(-120)
    assert [(a.lot_id, a.amount) for a in entry.allocations] == [
        (ledger[2].id, Decimal(70)),
        (ledger[0].id, Decimal(50)),
    ]
    ledger += result.entries
    assert remaining(ledger) == {"feb": Decimal(50), "may": Decimal(50)}
    assert balance(ledger, "ACME", P) == Decimal(100)  # 220 − 120


def test_an_overdraft_is_refused_with_the_amounts() -> None:
    with pytest.raises(InsufficientBalanceError, match="cannot take 500 points; only 220 points available"):
        redeem(three_lots(), "ACME", P, Decimal(500), d("2026-07-01"), "RQ-1", "redeem:RQ-1")


def test_a_lot_is_usable_through_its_expiry_day() -> None:
    assert available(three_lots(), "ACME", P, d("2026-12-31")) == Decimal(220)
    assert expire(three_lots(), d("2026-12-31")) == []


def test_expired_lots_cannot_be_redeemed_even_before_the_expiry_run() -> None:
    # On 2027-01-01 "promo" (70) is past its expiry: only 100 + 50 are available.
    assert available(three_lots(), "ACME", P, d("2027-01-01")) == Decimal(150)
    with pytest.raises(InsufficientBalanceError, match="only 150"):
        redeem(three_lots(), "ACME", P, Decimal(151), d("2027-01-01"), "RQ-2", "redeem:RQ-2")


def test_redeeming_twice_with_the_same_key_books_once() -> None:
    ledger = three_lots()
    ledger += redeem(ledger, "ACME", P, Decimal(10), d("2026-07-01"), "RQ-1", "redeem:RQ-1").entries
    again = redeem(ledger, "ACME", P, Decimal(10), d("2026-07-01"), "RQ-1", "redeem:RQ-1")
    assert again.entries == ()
    assert balance(ledger, "ACME", P) == Decimal(210)


def test_expiry_books_what_is_left_of_expired_lots_once() -> None:
    ledger = three_lots()
    ledger += redeem(ledger, "ACME", P, Decimal(20), d("2026-07-01"), "RQ-1", "redeem:RQ-1").entries
    # promo had 70, 20 redeemed from it → 50 expire, booked the day after its expiry date.
    expiries = expire(ledger, d("2027-01-15"))
    assert [(e.amount, e.booked_on, e.allocations[0].lot_id) for e in expiries] == [
        (Decimal(-50), d("2027-01-01"), ledger[2].id)
    ]
    ledger += expiries
    assert expire(ledger, d("2027-01-15")) == []
    assert balance(ledger, "ACME", P) == Decimal(150)  # 220 − 20 − 50


def test_the_expiry_schedule_says_what_expires_when() -> None:
    assert expiry_schedule(three_lots(), "ACME", P, d("2026-07-01")) == [
        ExpiryLine(d("2026-12-31"), Decimal(70)),
        ExpiryLine(d("2027-03-31"), Decimal(100)),
        ExpiryLine(d("2027-06-30"), Decimal(50)),
    ]


def test_a_partial_return_reverses_part_of_the_accrual_and_links_to_it() -> None:
    ledger = [accrual(100, "2026-02-10")]
    first = reverse(ledger, ledger[0], d("2026-03-01"), SourceKind.RETURN, "RET-1", "ret:1", Decimal(30))
    assert first is not None
    assert (first.kind, first.amount, first.reverses) == (LedgerKind.REVERSAL, Decimal(-30), ledger[0].id)
    ledger.append(first)
    rest = reverse(ledger, ledger[0], d("2026-03-02"), SourceKind.RETURN, "RET-2", "ret:2")
    assert rest is not None and rest.amount == Decimal(-70)  # what had not been reversed yet
    ledger.append(rest)
    assert balance(ledger, "ACME", P) == Decimal(0)
    with pytest.raises(LedgerError, match="already reversed"):
        reverse(ledger, ledger[0], d("2026-03-03"), SourceKind.RETURN, "RET-3", "ret:3", Decimal(1))


def test_reversing_a_spent_accrual_takes_the_rest_from_other_lots() -> None:
    ledger = [accrual(100, "2026-02-10", key="a"), accrual(100, "2026-05-10", key="b")]
    ledger += redeem(ledger, "ACME", P, Decimal(80), d("2026-06-01"), "RQ", "redeem:RQ").entries  # 80 from "a"
    entry = reverse(ledger, ledger[0], d("2026-06-02"), SourceKind.RETURN, "RET", "ret")
    assert entry is not None
    # 100 to reverse: the 20 still open in "a", then 80 from "b".
    assert [(a.lot_id, a.amount) for a in entry.allocations] == [(ledger[0].id, Decimal(20)), (ledger[1].id, Decimal(80))]
    ledger.append(entry)
    assert balance(ledger, "ACME", P) == Decimal(20)


def test_reversing_more_than_is_open_is_refused() -> None:
    ledger = [accrual(100, "2026-02-10")]
    ledger += redeem(ledger, "ACME", P, Decimal(90), d("2026-06-01"), "RQ", "redeem:RQ").entries
    with pytest.raises(InsufficientBalanceError, match="only 10 points available"):
        reverse(ledger, ledger[0], d("2026-06-02"), SourceKind.RETURN, "RET", "ret")


def test_reversing_a_redemption_gives_back_to_the_same_lots() -> None:
    ledger = three_lots()
    ledger += redeem(ledger, "ACME", P, Decimal(120), d("2026-07-01"), "RQ", "redeem:RQ").entries
    back = reverse(ledger, ledger[-1], d("2026-07-02"), SourceKind.MANUAL, "cancelled", "cancel:RQ")
    assert back is not None and back.amount == Decimal(120) and back.reverses == ledger[-1].id
    ledger.append(back)
    assert remaining(ledger) == {"feb": Decimal(100), "may": Decimal(50), "promo": Decimal(70)}
    with pytest.raises(LedgerError, match="already reversed"):
        reverse(ledger, ledger[-2], d("2026-07-03"), SourceKind.MANUAL, "again", "cancel:RQ:again")


def test_an_expiry_cannot_be_reversed() -> None:
    ledger = [accrual(100, "2026-02-10")]
    ledger += expire(ledger, d("2027-04-01"))
    with pytest.raises(LedgerError, match="cannot be reversed"):
        reverse(ledger, ledger[-1], d("2027-04-02"), SourceKind.MANUAL, "x", "x")


def test_adjustments_need_a_note_and_negative_ones_take_fifo() -> None:
    ledger = three_lots()
    with pytest.raises(LedgerError, match="note"):
        adjust(ledger, "ACME", P, Decimal(5), d("2026-07-01"), "ADJ", "adj:1", " ")
    minus = adjust(ledger, "ACME", P, Decimal(-10), d("2026-07-01"), "ADJ", "adj:2", "audit finding")
    assert minus is not None and minus.allocations[0].lot_id == ledger[2].id  # promo expires first
    plus = adjust(ledger, "ACME", P, Decimal(5), d("2026-07-01"), "ADJ", "adj:3", "goodwill")
    assert plus is not None and plus.expires_on == d("2027-09-30")


def test_entries_refuse_inconsistent_allocations() -> None:
    with pytest.raises(LedgerError, match="allocations total"):
        LedgerEntry("ACME", P, LedgerKind.REDEMPTION, Decimal(-10), d("2026-01-01"), SourceKind.MANUAL, "r", "k")


def test_validate_reports_every_problem() -> None:
    a = accrual(10, "2026-02-10", key="same")
    b = accrual(10, "2026-02-11", key="same")
    problems = validate([a, b, a])
    assert [p.message for p in problems].count("duplicate idempotency key") == 2
    assert any(p.message.startswith("duplicate id") for p in problems)


# --- properties -------------------------------------------------------------------------------------

operations = st.lists(
    st.tuples(
        st.sampled_from(["accrue", "redeem", "expire", "reverse"]),
        st.integers(min_value=1, max_value=500),
        st.integers(min_value=0, max_value=800),  # day offset from 2026-01-01
    ),
    max_size=30,
)


def run(ops: list[tuple[str, int, int]]) -> list[LedgerEntry]:
    """Apply random operations the way services would: refused ones leave the ledger unchanged."""
    from datetime import timedelta

    ledger: list[LedgerEntry] = []
    start = d("2026-01-01")
    for n, (op, amount, offset) in enumerate(sorted(ops, key=lambda o: o[2])):
        day = start + timedelta(days=offset)
        try:
            if op == "accrue":
                ledger.append(accrual(amount, day.isoformat(), key=f"acc:{n}"))
            elif op == "redeem":
                ledger += redeem(ledger, "ACME", P, Decimal(amount), day, f"R{n}", f"red:{n}", next_id).entries
            elif op == "expire":
                ledger += expire(ledger, day, next_id)
            else:
                lots = [e for e in ledger if e.kind is LedgerKind.ACCRUAL]
                if lots:
                    target = lots[amount % len(lots)]
                    entry = reverse(ledger, target, day, SourceKind.RETURN, f"RET{n}", f"rev:{n}", None, next_id)
                    if entry is not None:
                        ledger.append(entry)
        except LedgerError:
            pass
    return ledger


@settings(max_examples=200)
@given(operations)
def test_balance_is_the_fold_and_equals_the_open_lots(ops: list[tuple[str, int, int]]) -> None:
    ledger = run(ops)
    folded = sum((e.amount for e in ledger), Decimal(0))
    assert balance(ledger, "ACME", P) == folded
    assert folded == sum((lot.remaining for lot in open_lots(ledger, "ACME", P)), Decimal(0))
    assert folded >= 0
    assert validate(ledger) == []


@settings(max_examples=200)
@given(operations)
def test_reversals_link_to_an_accrual_and_never_exceed_it(ops: list[tuple[str, int, int]]) -> None:
    ledger = run(ops)
    by_id = {e.id: e for e in ledger}
    for e in ledger:
        if e.kind is LedgerKind.REVERSAL:
            assert e.reverses in by_id
            target = by_id[e.reverses]
            reversed_total = sum((-r.amount for r in ledger if r.reverses == target.id), Decimal(0))
            assert reversed_total <= target.amount


@settings(max_examples=200)
@given(operations, st.integers(min_value=1, max_value=400), st.integers(min_value=0, max_value=900))
def test_redemption_is_fifo(ops: list[tuple[str, int, int]], amount: int, offset: int) -> None:
    from datetime import timedelta

    ledger = run(ops)
    day = d("2026-01-01") + timedelta(days=offset)
    usable = [lot for lot in open_lots(ledger, "ACME", P) if not lot.is_expired_on(day)]
    try:
        result = redeem(ledger, "ACME", P, Decimal(amount), day, "RQ", "redeem:final", next_id)
    except InsufficientBalanceError:
        assert Decimal(amount) > sum((lot.remaining for lot in usable), Decimal(0))
        return
    taken = {a.lot_id: a.amount for a in result.allocations}
    # Every lot that expires sooner than a touched lot was emptied first.
    for lot in usable:
        if lot.id in taken:
            for sooner in usable:
                if sooner.expires_on < lot.expires_on:
                    assert taken.get(sooner.id) == sooner.remaining
    assert sum(taken.values(), Decimal(0)) == Decimal(amount)


def test_a_lot_reopened_after_its_expiry_expires_again_under_a_new_key() -> None:
    ledger = [accrual(100, "2026-02-10")]  # expires 2027-03-31
    ledger += redeem(ledger, "ACME", P, Decimal(40), d("2026-06-01"), "RQ", "redeem:RQ").entries
    ledger += expire(ledger, d("2027-04-01"))  # the 60 left expire
    back = reverse(ledger, ledger[1], d("2027-04-05"), SourceKind.MANUAL, "cancelled", "cancel:RQ")
    assert back is not None
    ledger.append(back)  # the 40 go back to the expired lot …
    again = expire(ledger, d("2027-04-05"))  # … and expire at once, under a second key
    assert [(e.amount, e.idempotency_key) for e in again] == [(Decimal(-40), f"expire:{ledger[0].id}:2")]
    ledger += again
    assert balance(ledger, "ACME", P) == Decimal(0)
    assert validate(ledger) == []
