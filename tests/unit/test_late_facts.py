"""Late facts, worked by hand: a EUR client's closed 2026Q1 meets a late return and late invoices.

BERLIN (invoices in EUR) closed 2026Q1 at grade L2 (2 % cashback, 1 point per 100) on a net of
10,000.25 EUR of servers: cashback 200.005 → 200.01 EUR (half up), points ⌊100.0025⌋ = 100.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.late_facts import ClosedQuarter, FactKind, LateFact, late_fact_entries
from kam_desktop.domain.ledger import LedgerEntry, LedgerKind, SourceKind, balance, redeem
from kam_desktop.domain.ledger_checks import validate
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.rewards import (
    AccountQuarter,
    PointsRules,
    cashback_for,
    points_for,
    quarter_close_entries,
    return_reversals,
)
from kam_desktop.domain.vocabulary import Grade, LedgerUnit

from .builders import d, next_id

CB, PT = LedgerUnit.CASHBACK, LedgerUnit.POINTS
Q1 = Quarter(2026, 1)
TERMS = ProgramTerms()
BERLIN_Q1 = ClosedQuarter("BERLIN", Q1, Grade.L2, "EUR", {"servers": Decimal("10000.25")})
OPEN_DAY = d("2026-04-15")


def closed_ledger() -> list[LedgerEntry]:
    entries = quarter_close_entries(
        [], Q1, [AccountQuarter("BERLIN", Grade.L2, Decimal("10000.25"), {"servers": Decimal("10000.25")})],
        TERMS, new_id=next_id,
    )
    # The service loads cashback with the account's currency.
    return [replace(e, currency="EUR") if e.unit is CB else e for e in entries]


def late_return(ref: str = "RET-5", net: str = "1000.00", on: str = "2026-02-15") -> LateFact:
    return LateFact(ref, FactKind.RETURN, d(on), Decimal(net), "servers")


def late_sale(ref: str, net: str, on: str = "2026-03-31") -> LateFact:
    return LateFact(ref, FactKind.SALE, d(on), Decimal(net), "servers")


def test_the_closed_quarter_as_the_close_booked_it() -> None:
    ledger = closed_ledger()
    assert balance(ledger, "BERLIN", CB) == Decimal("200.01")
    assert balance(ledger, "BERLIN", PT) == Decimal(100)


def test_a_late_return_reverses_the_accrual_it_affects_linked_and_in_the_open_period() -> None:
    ledger = closed_ledger()
    close_cashback = ledger[0]
    result = late_fact_entries(ledger, BERLIN_Q1, [late_return()], OPEN_DAY, TERMS, new_id=next_id)
    # 9,000.25 × 2 % = 180.005 → 180.01: the return takes back 200.01 − 180.01 = 20.00 EUR;
    # points ⌊90.0025⌋ = 90: 10 points back.
    cashback, points = result.entries
    assert (cashback.kind, cashback.amount, cashback.currency) == (LedgerKind.REVERSAL, Decimal("-20.00"), "EUR")
    assert cashback.reverses == close_cashback.id and cashback.booked_on == OPEN_DAY
    assert (cashback.source_kind, cashback.source_ref) == (SourceKind.RETURN, "RET-5")
    assert cashback.idempotency_key == "late:2026Q1:BERLIN:RET-5:cashback:1"
    assert points.amount == Decimal(-10) and points.currency is None
    assert [e for e in [*ledger, *result.entries] if e.reverses == close_cashback.id] == [cashback]
    # The close report lists it.
    (line, _) = result.lines
    assert (line.ref, line.kind, line.change, line.booked, line.shortfall) == (
        "RET-5", FactKind.RETURN, Decimal("-20.00"), Decimal("-20.00"), Decimal(0)
    )


def test_late_invoices_book_their_missing_accrual_rounded_per_quarter_not_per_invoice() -> None:
    ledger = closed_ledger()
    facts = [late_sale("INV-77", "0.25", "2026-03-30"), late_sale("INV-78", "0.25"), late_sale("INV-80", "2500.00")]
    result = late_fact_entries(ledger, BERLIN_Q1, facts, OPEN_DAY, TERMS, new_id=next_id)
    # INV-77: 10,000.50 × 2 % = 200.010 → 200.01: nothing more is owed.
    # INV-78: 10,000.75 × 2 % = 200.015 → 200.02: one cent.
    # INV-80: 12,500.75 × 2 % = 250.015 → 250.02: 50.00 more, and ⌊125.0075⌋ − 100 = 25 points.
    assert [(e.source_ref, e.unit, e.amount) for e in result.entries] == [
        ("INV-78", CB, Decimal("0.01")),
        ("INV-80", CB, Decimal("50.00")),
        ("INV-80", PT, Decimal(25)),
    ]
    sale = result.entries[1]
    assert (sale.kind, sale.source_kind, sale.currency) == (LedgerKind.ACCRUAL, SourceKind.LATE_SALE, "EUR")
    assert sale.corrects == ledger[0].id  # linked to the Q1 close accrual it completes
    assert sale.expires_on == d("2027-03-31")  # as long as Q1's own accrual
    assert balance([*ledger, *result.entries], "BERLIN", CB) == Decimal("250.02")  # exactly 12,500.75 × 2 %


def test_facts_are_applied_in_date_order_and_add_up_to_the_recomputed_quarter() -> None:
    ledger = closed_ledger()
    facts = [late_sale("INV-80", "2500.00"), late_return(), late_sale("INV-78", "0.25")]
    result = late_fact_entries(ledger, BERLIN_Q1, facts, OPEN_DAY, TERMS, new_id=next_id)
    # RET-5 (02-15) first: −20.00; INV-78: 9,000.50 → 180.01, nothing; INV-80: 11,500.50 → 230.01, +50.00.
    assert [(x.ref, x.change) for x in result.lines if x.unit is CB] == [
        ("RET-5", Decimal("-20.00")), ("INV-80", Decimal("50.00"))
    ]
    assert balance([*ledger, *result.entries], "BERLIN", CB) == Decimal("230.01")
    assert validate([*ledger, *result.entries]) == []


def test_running_it_again_books_nothing_and_returns_settled_the_old_way_are_not_doubled() -> None:
    ledger = closed_ledger()
    first = late_fact_entries(ledger, BERLIN_Q1, [late_return()], OPEN_DAY, TERMS, new_id=next_id)
    again = late_fact_entries([*ledger, *first.entries], BERLIN_Q1, [late_return()], OPEN_DAY, TERMS)
    assert again.entries == ()
    old_way = return_reversals(ledger, "BERLIN", Q1, Grade.L2, "servers", Decimal("1000.00"), "RET-5",
                               OPEN_DAY, TERMS, new_id=next_id)
    assert late_fact_entries([*ledger, *old_way], BERLIN_Q1, [late_return()], OPEN_DAY, TERMS).entries == ()


def test_cashback_already_paid_out_cannot_be_reversed_and_is_reported_as_a_shortfall() -> None:
    ledger = closed_ledger()
    ledger += redeem(ledger, "BERLIN", CB, Decimal("190.00"), d("2026-04-10"), "RN-1", "rn1", next_id).entries
    result = late_fact_entries(ledger, BERLIN_Q1, [late_return()], OPEN_DAY, TERMS, new_id=next_id)
    (cashback,) = [e for e in result.entries if e.unit is CB]
    assert cashback.amount == Decimal("-10.01")  # all that is left of the lot
    assert result.shortfall(CB) == Decimal("9.99")  # 20.00 − 10.01: owed back under the clawback rule
    assert balance([*ledger, *result.entries], "BERLIN", CB) == Decimal(0)


late_facts = st.lists(
    st.builds(
        LateFact, st.uuids().map(lambda u: f"DOC-{u.hex[:8]}"), st.sampled_from(list(FactKind)),
        st.dates(Q1.start, Q1.end), st.decimals(Decimal("0.01"), Decimal("3000"), places=2),
        st.sampled_from(["servers", "storage"]),
    ),
    max_size=8,
    unique_by=lambda f: f.ref,
)


@settings(max_examples=150, deadline=None)
@given(late_facts)
def test_property_late_facts_bring_the_quarter_to_its_recomputed_reward_exactly(facts: list[LateFact]) -> None:
    ledger = closed_ledger()
    result = late_fact_entries(ledger, BERLIN_Q1, facts, OPEN_DAY, TERMS)
    final = {"servers": Decimal("10000.25")}
    for f in facts:
        final[f.category] = final.get(f.category, Decimal(0)) + f.signed_net
    book = [*ledger, *result.entries]
    # Nothing was spent, so every reversal is covered: the quarter holds what a close would book today.
    assert result.shortfall(CB) == 0
    assert balance(book, "BERLIN", CB) == cashback_for(sum(final.values()), Grade.L2, TERMS)
    assert balance(book, "BERLIN", PT) == points_for(final, PointsRules())
    assert validate(book) == []
    assert late_fact_entries(book, BERLIN_Q1, facts, OPEN_DAY, TERMS).entries == ()
