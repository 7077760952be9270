"""A reversal reaching into a closed or locked quarter is settled as settlement settles every late return: late facts
booked in the open period, the locked quarter named, the close's accrual reversed (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.store.models import LedgerEntry
from tests.acting import desk
from tests.services.settlement_world import Q4_CLOSED_ON, csv_invoices, keys_and_amounts, settlement_world

LATER = date(2026, 1, 20)


@pytest.fixture
def closed(any_store: Any) -> Any:
    settlement_world(any_store)
    desk(any_store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    return any_store


def test_reversing_a_late_import_into_a_locked_quarter_books_the_return_in_the_open_period(
        closed: Any, tmp_path: Path) -> None:
    finance = desk(closed, "money", LATER)
    cashback_before = finance.ledger("EUR1").balance["cashback"]
    report = desk(closed, "boss", LATER).importer().apply(
        csv_invoices(tmp_path, [("FV/L3", "2025-12-12", "EUR1", "2500.00")]), "invoices")
    assert report.ok and report.counts["late_facts"] == 1 and report.import_id is not None
    finance.lock_quarter("2025Q4")
    done = finance.importer().reverse(report.import_id.hex[:8], "sent twice by the ERP")
    assert done.locked_quarters == ("2025Q4",) and done.counts == {"late_facts": 1, "late_fact_entries": 2}
    assert keys_and_amounts(closed, "late:2025Q4:EUR1:") == [
        ("late:2025Q4:EUR1:FV/L3:cashback", Decimal("50.00"), "EUR"),
        ("late:2025Q4:EUR1:FV/L3:points", Decimal("25.00"), None),
        ("late:2025Q4:EUR1:REV/FV/L3:cashback:1", Decimal("-50.00"), "EUR"),
        ("late:2025Q4:EUR1:REV/FV/L3:points:1", Decimal("-25.00"), None)]
    with closed.read() as s:  # nothing dated in the locked quarter: the open period's first day takes it
        booked = set(s.scalars(select(LedgerEntry.booked_on).where(LedgerEntry.idempotency_key.startswith("late:"))))
    assert booked == {LATER}
    assert finance.ledger("EUR1").balance["cashback"] == cashback_before


def test_reversing_lines_of_an_open_quarter_books_nothing_in_the_ledger(closed: Any, tmp_path: Path) -> None:
    report = desk(closed, "boss", LATER).importer().apply(
        csv_invoices(tmp_path, [("FV/Q1", "2026-01-12", "EUR1", "700.00")]), "invoices")
    assert report.import_id is not None
    done = desk(closed, "admin", LATER).importer().reverse(str(report.import_id), "wrong client")
    assert (done.lines, done.counts, done.locked_quarters) == (1, {}, ())
    assert keys_and_amounts(closed, "late:") == []
