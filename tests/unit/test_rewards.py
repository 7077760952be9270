"""Rewards: cashback per grade, points per spend and partner events, and the idempotent quarter close."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.grades import Grade, ProgramTerms
from kam_desktop.domain.ledger import LedgerEntry, LedgerKind, LedgerUnit, balance
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.rewards import (
    AccountQuarter,
    PartnerEvent,
    PartnerEventRecord,
    PointsRules,
    cashback_for,
    points_for,
    quarter_close_entries,
    return_reversals,
    reward_cost,
)

from .builders import d, next_id

TERMS = ProgramTerms()
Q1 = Quarter(2026, 1)
CASH, PTS = LedgerUnit.CASHBACK, LedgerUnit.POINTS


def test_cashback_is_the_grade_percent_of_net_revenue_rounded_to_cents() -> None:
    assert cashback_for(Decimal("123456.78"), Grade.L1, TERMS) == Decimal("3703.70")  # 3 % = 3703.7034
    assert cashback_for(Decimal("1000.50"), Grade.L3, TERMS) == Decimal("10.01")  # 1 % = 10.005 → half up
    assert cashback_for(Decimal("50000"), Grade.L4, TERMS) == Decimal("0.00")
    assert cashback_for(Decimal("-200"), Grade.L1, TERMS) == Decimal(0)  # a net loss earns nothing


def test_points_per_money_with_category_multipliers_rounded_down_once() -> None:
    rules = PointsRules(category_multipliers={"licences": Decimal(2)})
    # hardware 12 345 × 0.01 = 123.45; licences 1 050 × 0.01 × 2 = 21; services −500 earns nothing.
    # 123.45 + 21 = 144.45 → 144 points.
    net = {"hardware": Decimal(12345), "licences": Decimal(1050), "services": Decimal(-500)}
    assert points_for(net, rules) == Decimal(144)


def portfolio() -> list[AccountQuarter]:
    return [
        AccountQuarter("ACME", Grade.L1, Decimal(100000), {"hardware": Decimal(100000)}),
        AccountQuarter(
            "PARTNER1",
            Grade.L2,
            Decimal(20000),
            {"licences": Decimal(20000)},
            (PartnerEventRecord("PARTNER1", PartnerEvent.CERTIFICATION, "CERT-7", d("2026-02-01")),),
        ),
        AccountQuarter("SMALL", Grade.L4, Decimal(900), {"hardware": Decimal(900)}),
    ]


def test_quarter_close_books_cashback_points_and_events_as_worked_by_hand() -> None:
    entries = quarter_close_entries([], Q1, portfolio(), TERMS, new_id=next_id)
    summary = {(e.account, e.idempotency_key.split(":", 3)[3]): e.amount for e in entries}
    assert summary == {
        ("ACME", "cashback"): Decimal("3000.00"),  # 3 % of 100 000
        ("ACME", "points"): Decimal(1000),  # 100 000 × 0.01
        ("PARTNER1", "cashback"): Decimal("400.00"),  # 2 % of 20 000
        ("PARTNER1", "points"): Decimal(200),
        ("PARTNER1", "event:certification:CERT-7"): Decimal(500),
        ("SMALL", "points"): Decimal(9),  # L4 earns 0 % cashback: no zero entry is booked
    }
    assert {e.booked_on for e in entries} == {d("2026-03-31")}
    assert {e.expires_on for e in entries} == {d("2027-03-31")}
    assert all(e.kind is LedgerKind.ACCRUAL for e in entries)


def test_running_the_close_twice_books_nothing_the_second_time() -> None:
    ledger = quarter_close_entries([], Q1, portfolio(), TERMS)
    assert quarter_close_entries(ledger, Q1, portfolio(), TERMS) == []


def test_an_event_outside_the_quarter_is_refused() -> None:
    late = AccountQuarter(
        "P", Grade.L2, Decimal(1), events=(PartnerEventRecord("P", PartnerEvent.CERTIFICATION, "C", d("2026-04-01")),)
    )
    with pytest.raises(ValueError, match="does not belong"):
        quarter_close_entries([], Q1, [late], TERMS)


def test_a_return_after_close_partly_reverses_cashback_and_points() -> None:
    ledger = quarter_close_entries([], Q1, portfolio(), TERMS)
    # ACME returns 10 000 of hardware bought in Q1: 3 % = 300.00 cashback and 100 points come back.
    reversals = return_reversals(ledger, "ACME", Q1, Grade.L1, "hardware", Decimal(10000), "RET-9", d("2026-04-15"), TERMS)
    assert [(e.unit, e.amount, e.kind) for e in reversals] == [
        (CASH, Decimal("-300.00"), LedgerKind.REVERSAL),
        (PTS, Decimal(-100), LedgerKind.REVERSAL),
    ]
    acme_cashback = next(e for e in ledger if e.idempotency_key == "close:2026Q1:ACME:cashback")
    assert reversals[0].reverses == acme_cashback.id
    ledger += reversals
    assert balance(ledger, "ACME", CASH) == Decimal("2700.00")
    again = return_reversals(ledger, "ACME", Q1, Grade.L1, "hardware", Decimal(10000), "RET-9", d("2026-04-15"), TERMS)
    assert again == []


def test_reward_cost_counts_cashback_and_valued_points_net_of_reversals() -> None:
    ledger = quarter_close_entries([], Q1, portfolio(), TERMS)
    # cashback 3000 + 400; points 1000 + 200 + 500 + 9 = 1709 × 0.01 = 17.09 → 3417.09
    assert reward_cost(ledger) == Decimal("3417.09")


# --- properties: repeated and crashed closes ----------------------------------------------------------

account_quarters = st.lists(
    st.builds(
        AccountQuarter,
        account=st.sampled_from(["A", "B", "C", "D"]),
        grade=st.sampled_from(list(Grade)),
        net_revenue=st.decimals(min_value=-1000, max_value=1_000_000, places=2),
        category_net=st.dictionaries(
            st.sampled_from(["hw", "sw"]), st.decimals(min_value=-1000, max_value=1_000_000, places=2)
        ),
    ),
    unique_by=lambda a: a.account,
)


def totals(ledger: list[LedgerEntry]) -> dict[tuple[str, LedgerUnit], Decimal]:
    return {(a, u): balance(ledger, a, u) for a in "ABCD" for u in LedgerUnit}


@given(account_quarters, st.integers(min_value=1, max_value=4), st.data())
def test_repeated_or_crashed_close_never_double_counts(
    accounts: list[AccountQuarter], runs: int, data: st.DataObject
) -> None:
    once = quarter_close_entries([], Q1, accounts, TERMS)
    ledger: list[LedgerEntry] = []
    for _ in range(runs):
        new = quarter_close_entries(ledger, Q1, accounts, TERMS)
        # A crash mid-way: only the first k of the new entries reach the ledger.
        k = data.draw(st.integers(min_value=0, max_value=len(new)))
        ledger += new[:k]
    ledger += quarter_close_entries(ledger, Q1, accounts, TERMS)  # the final, successful run
    assert totals(ledger) == totals(once)
    assert len({e.idempotency_key for e in ledger}) == len(ledger) == len(once)
    assert quarter_close_entries(ledger, Q1, accounts, TERMS) == []
