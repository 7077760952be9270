"""A net-negative quarter, worked by hand under each clawback rule.

BERLIN (EUR, grade L2 = 2 %) earned 200.01 EUR in 2026Q1. In 2026Q2 its returns exceeded its sales:
net revenue −3,000.00 EUR, so 2 % × 3,000.00 = 60.00 EUR is owed back.
"""

from __future__ import annotations

from decimal import Decimal

from kam_desktop.domain.clawback import ClawbackDue, ClawbackRule, clawback_entries, due_for, settled
from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.ledger import LedgerEntry, LedgerKind, SourceKind, balance
from kam_desktop.domain.ledger_checks import validate
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import Grade, LedgerUnit

from .builders import cashback, d, eur, next_id

Q1, Q2 = Quarter(2026, 1), Quarter(2026, 2)
TERMS = ProgramTerms()
CB = LedgerUnit.CASHBACK


def ledger_after_q1() -> list[LedgerEntry]:
    return [cashback("200.01", "2026-03-31", "BERLIN", "EUR", key="close:2026Q1:BERLIN:cashback")]


def q2_due(rule: ClawbackRule) -> list[ClawbackDue]:
    due = due_for("BERLIN", Q2, Grade.L2, eur("-3000.00"), TERMS, rule)
    return [due] if due else []


def test_the_due_is_the_grade_percent_of_the_negative_net_rounded_half_up() -> None:
    (due,) = q2_due(ClawbackRule.CLAW_BACK)
    assert due.amount == eur("60.00")
    assert due.reason == "net revenue EUR -3000.00 in 2026Q2 at grade L2 (2 %)"
    odd = due_for("BERLIN", Q2, Grade.L2, eur("-1234.25"), TERMS, ClawbackRule.CLAW_BACK)
    assert odd is not None and odd.amount == eur("24.69")  # 24.685 → 24.69
    assert due_for("BERLIN", Q2, Grade.L2, eur("5.00"), TERMS, ClawbackRule.CLAW_BACK) is None
    assert due_for("BERLIN", Q2, Grade.L4, eur("-3000"), TERMS, ClawbackRule.CLAW_BACK) is None  # L4 earns 0 %


def test_claw_back_takes_the_due_at_once_from_the_open_balance() -> None:
    ledger = ledger_after_q1()
    run = clawback_entries(ledger, q2_due(ClawbackRule.CLAW_BACK), ClawbackRule.CLAW_BACK, d("2026-07-01"), next_id)
    (entry,) = run.entries
    assert (entry.kind, entry.source_kind, entry.amount, entry.currency) == (
        LedgerKind.ADJUSTMENT, SourceKind.CLAWBACK, Decimal("-60.00"), "EUR"
    )
    assert (entry.idempotency_key, entry.source_ref) == ("clawback:2026Q2:BERLIN:1", "2026Q2")
    assert run.outstanding == ()
    assert balance([*ledger, entry], "BERLIN", CB) == Decimal("140.01")
    again = clawback_entries([*ledger, entry], q2_due(ClawbackRule.CLAW_BACK), ClawbackRule.CLAW_BACK,
                             d("2026-07-01"))
    assert again.entries == () and again.outstanding == ()


def test_carry_forward_leaves_the_balance_and_nets_the_due_against_later_accruals() -> None:
    rule = ClawbackRule.CARRY_FORWARD
    ledger = ledger_after_q1()
    run = clawback_entries(ledger, q2_due(rule), rule, d("2026-07-01"), next_id)
    assert run.entries == ()  # Q1's 200.01 stays usable
    assert [o.remaining for o in run.outstanding] == [eur("60.00")]  # a negative balance, on the statement
    ledger.append(cashback("45.00", "2026-09-30", "BERLIN", "EUR", key="close:2026Q3:BERLIN:cashback"))
    run = clawback_entries(ledger, q2_due(rule), rule, d("2026-09-30"), next_id)
    assert [e.amount for e in run.entries] == [Decimal("-45.00")]  # all of Q3's accrual
    assert [o.remaining for o in run.outstanding] == [eur("15.00")]
    ledger += run.entries
    ledger.append(cashback("30.00", "2026-12-31", "BERLIN", "EUR", key="close:2026Q4:BERLIN:cashback"))
    run = clawback_entries(ledger, q2_due(rule), rule, d("2026-12-31"), next_id)
    assert [(e.amount, e.idempotency_key) for e in run.entries] == [(Decimal("-15.00"), "clawback:2026Q2:BERLIN:2")]
    assert run.outstanding == ()
    ledger += run.entries
    assert settled(ledger, q2_due(rule)[0]) == Decimal("60.00")
    assert balance(ledger, "BERLIN", CB) == Decimal("215.01")  # 200.01 + 45 + 30 − 60
    assert validate(ledger) == []


def test_claw_back_beyond_the_balance_keeps_the_rest_owed() -> None:
    ledger = [cashback("25.00", "2026-03-31", "BERLIN", "EUR")]
    run = clawback_entries(ledger, q2_due(ClawbackRule.CLAW_BACK), ClawbackRule.CLAW_BACK, d("2026-07-01"), next_id)
    assert [e.amount for e in run.entries] == [Decimal("-25.00")]
    assert [o.remaining for o in run.outstanding] == [eur("35.00")]


def test_ignore_owes_nothing() -> None:
    assert q2_due(ClawbackRule.IGNORE) == []
    (due,) = q2_due(ClawbackRule.CLAW_BACK)
    assert clawback_entries(ledger_after_q1(), [due], ClawbackRule.IGNORE, d("2026-07-01")).entries == ()


def test_a_due_never_takes_another_currency() -> None:
    ledger = [cashback("500.00", "2026-03-31", "BERLIN", "PLN")]
    (due,) = q2_due(ClawbackRule.CLAW_BACK)
    run = clawback_entries(ledger, [due], ClawbackRule.CLAW_BACK, d("2026-07-01"))
    assert run.entries == () and run.outstanding[0].remaining == Money.of("60.00", "EUR")

