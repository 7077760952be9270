"""Worked examples of the close finance signs: a EUR client, late sales and a late return, a clawback, locks.

EUR1 (L2, 2 %) bought EUR 10 000.25 in 2025Q4: the close books 2 % = 200.005 → EUR 200.01. Then, after the
close, invoices arrive for December: 0.25 (10 000.50 → 200.01: nothing), 0.25 (10 000.75 → 200.015 → 200.02:
one cent), 2 500.00 (12 500.75 → 250.015 → 250.02: +50.00) and a credit note of −1 000.00 (11 500.75 → 230.015 →
230.02: −20.00). Points: 100 → 100 → 100 → 125 (+25) → 115 (−10). The ledger ends at exactly 2 % of the
quarter as it is now known, each correction linked to the close accrual it corrects.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.domain.monetary import Money
from kam_desktop.services.errors import Refused
from kam_desktop.store.models import LedgerEntry
from tests.acting import desk

from .settlement_world import Q4_CLOSED_ON, csv_invoices, keys_and_amounts, line, settlement_world

LATE = [("FV/L1", "2025-12-10", "EUR1", "0.25"), ("FV/L2", "2025-12-11", "EUR1", "0.25"),
        ("FV/L3", "2025-12-12", "EUR1", "2500.00"), ("CN/R1", "2025-12-15", "EUR1", "-1000.00")]


@pytest.fixture
def closed(any_store: Any) -> Any:
    settlement_world(any_store)
    report = desk(any_store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    assert report.cashback.currencies() == ("EUR", "PLN")  # per currency, never one sum
    assert report.cashback["EUR"] == Money.of("200.01", "EUR") and report.cashback["PLN"] == Money.of("50.00", "PLN")
    return any_store


def test_a_eur_clients_close_is_in_euro_and_warns_of_a_stale_grade(any_store: Any) -> None:
    settlement_world(any_store)
    report = desk(any_store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    assert keys_and_amounts(any_store, "close:2025Q4:EUR1:") == [
        ("close:2025Q4:EUR1:cashback", Decimal("200.01"), "EUR"), ("close:2025Q4:EUR1:points", Decimal("100.00"), None)]
    # graded on 2025-09-30 only: the grade in force is older than the quarter's end, and the close says whose
    assert [(s.account, s.grade, s.evaluated_on) for s in report.stale_grades] == [
        ("A07", "L3", date(2025, 9, 30)), ("EUR1", "L2", date(2025, 9, 30))]
    desk(any_store, "boss", Q4_CLOSED_ON).grade(date(2025, 12, 31), apply=True)
    again = desk(any_store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    assert again.booked == 0 and again.stale_grades == ()


def test_late_invoices_and_a_late_return_settled_on_import(closed: Any, tmp_path: Path) -> None:
    importer = desk(closed, "boss", date(2026, 1, 20)).importer()
    report = importer.apply(csv_invoices(tmp_path, LATE), "invoices")
    assert report.ok and report.counts["late_facts"] == 4 and report.counts["late_fact_entries"] == 5
    assert keys_and_amounts(closed, "late:2025Q4:EUR1:") == [
        ("late:2025Q4:EUR1:CN/R1:cashback:1", Decimal("-20.00"), "EUR"),
        ("late:2025Q4:EUR1:CN/R1:points:1", Decimal("-10.00"), None),
        ("late:2025Q4:EUR1:FV/L2:cashback", Decimal("0.01"), "EUR"),
        ("late:2025Q4:EUR1:FV/L3:cashback", Decimal("50.00"), "EUR"),
        ("late:2025Q4:EUR1:FV/L3:points", Decimal("25.00"), None)]
    ledger = desk(closed, "money", date(2026, 1, 20)).ledger("EUR1")
    assert ledger.balance["cashback"] == Decimal("230.02") == (Decimal("11500.75") * 2 / 100).quantize(Decimal("0.01"))
    assert ledger.currency == "EUR" and {e.currency for e in ledger.entries if e.unit == "cashback"} == {"EUR"}
    close_id = next(e.id for e in ledger.entries if e.key == "close:2025Q4:EUR1:cashback")
    by_key = {e.key: e for e in ledger.entries}
    assert by_key["late:2025Q4:EUR1:FV/L3:cashback"].corrects == close_id  # a late sale names what it corrects
    assert by_key["late:2025Q4:EUR1:CN/R1:cashback:1"].reverses == close_id  # a late return reverses the accrual
    assert all(e.booked_on == date(2026, 1, 20) for e in ledger.entries if e.key.startswith("late:"))
    # importing the same file again books nothing: each fact is settled once
    assert "late_facts" not in importer.apply(csv_invoices(tmp_path, LATE, "again.csv"), "invoices").counts
    # the next close lists the facts settled since the previous one, with what each changed
    report = desk(closed, "money", date(2026, 4, 10)).close_quarter("2026Q1")
    assert [(x.ref, x.kind, x.cashback_change, x.points_change) for x in report.late_facts] == [
        ("FV/L1", "sale", Money.of("0.00", "EUR"), Decimal("0.00")),
        ("FV/L2", "sale", Money.of("0.01", "EUR"), Decimal("0.00")),
        ("FV/L3", "sale", Money.of("50.00", "EUR"), Decimal("25.00")),
        ("CN/R1", "return", Money.of("-20.00", "EUR"), Decimal("-10.00"))]


def test_late_lines_that_came_another_way_are_settled_at_the_next_close(closed: Any) -> None:
    now = datetime.now(UTC)  # after the close: these lines were not known to it
    line(closed, "EUR1", date(2025, 12, 12), "2500.00", invoice="FV/SYNC", imported_at=now)
    line(closed, "EUR1", date(2026, 2, 1), "100.00", invoice="FV/Q1", imported_at=now)  # an open quarter: not late
    report = desk(closed, "money", date(2026, 4, 10)).close_quarter("2026Q1")
    assert [(x.ref, x.cashback_change, x.settled_on) for x in report.late_facts] == [
        ("FV/SYNC", Money.of("50.00", "EUR"), date(2026, 4, 10))]
    assert keys_and_amounts(closed, "late:") == [("late:2025Q4:EUR1:FV/SYNC:cashback", Decimal("50.00"), "EUR"),
                                                ("late:2025Q4:EUR1:FV/SYNC:points", Decimal("25.00"), None)]
    # a close run again books nothing more (and does not accrue the late sale a second time)
    assert desk(closed, "money", date(2026, 4, 10)).close_quarter("2025Q4").booked == 0
    assert desk(closed, "money", date(2026, 4, 10)).close_quarter("2026Q1").late_facts == ()


def test_a_locked_quarter_takes_no_booking_and_an_import_into_it_says_so(closed: Any, tmp_path: Path) -> None:
    finance = desk(closed, "money", date(2026, 1, 20))
    with pytest.raises(Refused, match="close 2026Q1 before locking it|2026Q1 ends on 2026-03-31"):
        finance.lock_quarter("2026Q1")
    lock = finance.lock_quarter("2025Q4")
    assert (lock.quarter, lock.locked_by, lock.locked_on) == ("2025Q4", "money", date(2026, 1, 20))
    assert finance.lock_quarter("2025Q4") == lock  # locking again changes nothing
    report = desk(closed, "boss", date(2026, 1, 20)).importer().apply(
        csv_invoices(tmp_path, [("FV/L3", "2025-12-12", "EUR1", "2500.00")]), "invoices")
    assert report.locked_quarters == ("2025Q4",)
    assert keys_and_amounts(closed, "late:2025Q4:EUR1:FV/L3:cashback") == [
        ("late:2025Q4:EUR1:FV/L3:cashback", Decimal("50.00"), "EUR")]
    with closed.read() as s:  # booked in the open period, linked to what it corrects
        booked = s.scalar(select(LedgerEntry.booked_on).where(LedgerEntry.idempotency_key.startswith("late:")))
    assert booked == date(2026, 1, 20)
    # a manual adjustment dated in the locked quarter goes to the first open day and says so
    kam = desk(closed, "kam1", date(2026, 1, 20))
    adj = kam.propose_adjustment("EUR1", "cashback", "-10.00", "duplicate credit on FV/9", date(2025, 12, 20))
    booked_row = finance.book_adjustment(adj.number)
    entry = next(e for e in finance.ledger("EUR1").entries if e.id == booked_row.booked_entry)
    assert entry.booked_on == date(2026, 1, 1) and "booked in the open period" in (entry.note or "")


@pytest.mark.parametrize(("rule", "at_q1_close", "after_q2"), [
    ("claw_back", ("30.00", "0.00"), ("30.00", "0.00")),
    ("carry_forward", ("0.00", "30.00"), ("30.00", "0.00")),
    ("ignore", None, None),
])
def test_a_net_negative_quarter_claws_back_per_the_programs_rule(closed: Any, rule: str, at_q1_close: Any,
                                                                  after_q2: Any) -> None:
    # A07 (L3, 1 %) earned PLN 50.00 in 2025Q4; in 2026Q1 it buys 1 000 and returns 4 000: net −3 000 owes 30.00
    finance = desk(closed, "money", date(2026, 4, 10))
    finance.set_settlement_term("settlement.clawback", rule)
    line(closed, "A07", date(2026, 2, 1), "1000.00")
    line(closed, "A07", date(2026, 3, 1), "-4000.00")
    report = finance.close_quarter("2026Q1")
    if at_q1_close is None:
        assert report.clawbacks == () and keys_and_amounts(closed, "clawback:") == []
        return
    claw = {c.account: c for c in report.clawbacks}["A07"]
    assert claw.due == Money.of("30.00", "PLN")
    assert (claw.taken.amount, claw.outstanding.amount) == tuple(Decimal(v) for v in at_q1_close)
    line(closed, "A07", date(2026, 5, 1), "5000.00")  # 2026Q2 earns 50.00 again
    report = desk(closed, "money", date(2026, 7, 10)).close_quarter("2026Q2")
    owed = finance.clawbacks_owed("A07")
    taken = sum((-a for k, a, _ in keys_and_amounts(closed, "clawback:2026Q1:A07:")), Decimal(0))
    assert (taken, sum((c.outstanding.amount for c in owed), Decimal(0))) == tuple(Decimal(v) for v in after_q2)


def test_a_statement_shows_the_clawback_carried_forward_until_later_cashback_pays_it(closed: Any) -> None:
    # carry_forward: A07's net-negative 2026Q1 owes PLN 30.00 and nothing can be taken yet; 2026Q2 earns 50.00
    from io import BytesIO

    from pypdf import PdfReader

    def statement(quarter: str) -> str:
        issued = desk(closed, "kam2", date(2026, 10, 5)).issue_document("A07", "statement", quarter, "en")
        return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(issued.pdf)).pages).split())

    finance = desk(closed, "money", date(2026, 4, 10))
    finance.set_settlement_term("settlement.clawback", "carry_forward")
    line(closed, "A07", date(2026, 2, 1), "1000.00")
    line(closed, "A07", date(2026, 3, 1), "-4000.00")
    finance.close_quarter("2026Q1")
    first = statement("2026Q1")
    assert "Cashback owed back" in first and "Q1 2026 −PLN 30.00" in first and "carried forward" in first
    line(closed, "A07", date(2026, 5, 1), "5000.00")
    desk(closed, "money", date(2026, 7, 10)).close_quarter("2026Q2")  # its accrual pays the 30.00, on 10 July
    assert "Q1 2026 −PLN 30.00" in statement("2026Q2")  # on 30 June it was still owed
    third = statement("2026Q3")
    # taken by the ledger in July, said as what it is: nothing owed any more
    assert "Cashback owed back for a net-negative quarter Q1 2026 -PLN 30.00" in third  # quarters in words
    assert "Cashback owed back " not in third.replace("Cashback owed back for", "")
    assert "Q1 2026 −PLN 30.00" in statement("2026Q1")  # a past statement still says what was owed then
