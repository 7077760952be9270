"""The liability roll-forward, the accounting journal that reconciles with it, program economics, a past grading.

After 2025Q4 is closed (EUR1: EUR 200.01 and 100 points; A07: PLN 50.00 and 50 points), 2026Q1 sees a late
invoice of EUR 2 500.00 for December (+EUR 50.00, +25 points) and a rebate note of EUR 150.00. Roll-forward of
2026Q1 for EUR cashback: 200.01 + 50.00 − 150.00 = 100.01; the journal credits liability 2490 with 50.00 and
debits it with 150.00: a net −100.00 = closing − opening. Points at PLN 0.01: 25 points = PLN 0.25.
"""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from kam_desktop.domain.economics import WarningKind
from kam_desktop.domain.journal import JOURNAL_COLUMNS
from kam_desktop.domain.monetary import Money
from kam_desktop.store.models import Account
from tests.acting import desk

from .settlement_world import Q4_CLOSED_ON, company_account, csv_invoices, line, settlement_world

Q1 = (date(2026, 1, 1), date(2026, 3, 31))


@pytest.fixture
def q1(any_store: Any, tmp_path: Path) -> Any:
    settlement_world(any_store)
    desk(any_store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    desk(any_store, "boss", date(2026, 1, 20)).importer().apply(
        csv_invoices(tmp_path, [("FV/L3", "2025-12-12", "EUR1", "2500.00")]), "invoices")
    desk(any_store, "money", date(2026, 1, 20)).pay_out("EUR1", "150.00", period="2025Q4")
    return any_store


def _line(report: Any, unit: str, currency: str | None) -> Any:
    return next(x for x in report.lines if (x.unit, x.currency) == (unit, currency))


def test_the_roll_forward_per_currency_closes_and_equals_the_journal(q1: Any, tmp_path: Path) -> None:
    finance = desk(q1, "money", date(2026, 4, 5))
    report = finance.liability(*Q1)
    eur = _line(report, "cashback", "EUR")
    assert (eur.opening, eur.accrued, eur.paid_out, eur.closing) == (
        Decimal("200.01"), Decimal("50.00"), Decimal("150.00"), Decimal("100.01"))
    pln = _line(report, "cashback", "PLN")
    assert (pln.opening, pln.closing) == (Decimal("50.00"), Decimal("50.00"))
    points = _line(report, "points", None)
    assert (points.opening, points.accrued, points.closing) == (Decimal("150.00"), Decimal("25.00"), Decimal("175.00"))
    assert all(x.closes for x in report.lines)
    assert report.closing_by_currency["EUR"] == Money.of("100.01", "EUR")  # per currency, never one sum
    # the base-currency total is labelled and uses the stated rate: 100.01 EUR × 4.30 = 430.04 + 50.00 PLN
    assert report.base_currency == "PLN" and report.estimated_in_base == Money.of("480.04", "PLN")
    assert [(r.from_currency, r.value) for r in report.rates] == [("EUR", Decimal("4.300000"))]
    done = finance.journal_export(*Q1, tmp_path / "journal.csv")
    with (tmp_path / "journal.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == JOURNAL_COLUMNS and done.lines == len(rows) == 3
    posted = [(r["account"], r["counter_account"], r["amount"], r["currency"], r["document_number"], r["movement"])
              for r in rows]
    assert posted == [
        ("6450", "2490", "50.00", "EUR", "FV/L3", "accrued"),
        ("6450", "2491", "0.25", "PLN", "FV/L3", "accrued"),
        ("2490", "2010", "150.00", "EUR", "RBN-2026-00001", "paid_out_rebate_note")]
    assert done.liability_change == {"cashback EUR": "-100.00", "points PLN": "0.25"}  # = closing − opening
    in_money = finance.liability(*Q1, in_money=True)
    assert _line(in_money, "points", "PLN").closing - _line(in_money, "points", "PLN").opening == Decimal("0.25")
    finance.journal_export(*Q1, tmp_path / "journal.xlsx")
    sheet = load_workbook(tmp_path / "journal.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == list(JOURNAL_COLUMNS) and Decimal(str(values[3][3])) == Decimal("150.00")


def test_lots_expired_by_the_end_leave_the_usable_balance_before_the_expiry_run(q1: Any, tmp_path: Path) -> None:
    later = (date(2027, 1, 1), date(2027, 3, 31))  # the 2025Q4 lots expired on 2026-12-31
    finance = desk(q1, "money", date(2027, 4, 5))
    eur = _line(finance.liability(*later), "cashback", "EUR")
    assert (eur.opening, eur.expired, eur.due_expiries, eur.closing) == (
        Decimal("100.01"), Decimal("100.01"), Decimal("100.01"), Decimal("0.00"))
    done = finance.journal_export(*later, tmp_path / "later.csv")
    # two EUR lots (the close accrual and the late sale), two PLN, and the points lots of both
    assert done.expiries_booked == 6 and done.liability_change["cashback EUR"] == "-100.01"
    assert _line(finance.liability(*later), "cashback", "EUR").due_expiries == Decimal("0.00")  # now booked


def test_economics_warns_where_cashback_exceeds_the_margin_until_an_exception_covers_it(any_store: Any,
                                                                                      tmp_path: Path) -> None:
    q1 = settlement_world(any_store)
    desk(q1, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    q4 = (date(2025, 10, 1), date(2025, 12, 31))
    boss = desk(q1, "boss", date(2026, 1, 20))
    eur1 = {a.account: a for a in boss.economics(*q4).accounts}["EUR1"]
    # cashback 200.01 + 100 points at PLN 0.01 = PLN 1.00 → EUR 0.23 at 1/4.30: EUR 200.24 against a margin of 100.00
    assert (eur1.gross_margin, eur1.reward_cost, eur1.budget) == (
        Money.of("100.00", "EUR"), Money.of("200.24", "EUR"), Money.of("6.00", "EUR"))
    assert [w.kind for w in eur1.warnings] == [WarningKind.OVER_BUDGET, WarningKind.CASHBACK_ABOVE_MARGIN]
    assert eur1.needs_action
    grade = {g.grade: g for g in boss.economics(*q4).grades}["L2"]
    assert grade.reward_cost["EUR"] == Money.of("200.24", "EUR") and grade.warnings == 1
    kam = desk(q1, "kam1", date(2026, 1, 20))
    request = kam.request_exception("EUR1", "benefit_budget", Decimal("250"), "launch year: cashback above margin",
                                    expected_cost=Decimal("250"))
    kam.submit_exception(request.number)
    boss.decide_exception(request.number, True, "strategic account")
    covered = {a.account: a for a in boss.economics(*q4).accounts}["EUR1"]
    assert {w.covered_by for w in covered.warnings} == {request.number} and not covered.needs_action
    # a late December invoice (margin 750.00) and its accrual booked in January belong to the fourth quarter
    boss.importer().apply(csv_invoices(tmp_path, [("FV/L3", "2025-12-12", "EUR1", "2500.00")]), "invoices")
    late = {a.account: a for a in boss.economics(*q4).accounts}["EUR1"]
    assert (late.gross_margin, late.reward_cost) == (Money.of("850.00", "EUR"), Money.of("250.30", "EUR"))


def test_a_past_grading_is_reproduced_and_says_what_changed_since(q1: Any) -> None:
    boss = desk(q1, "boss", Q4_CLOSED_ON)
    boss.grade(date(2025, 12, 31), apply=True)
    # a 50 000 PLN November invoice of A01 arrives now, and NEW (enrolled 2026-01-10) brings 2025 history
    line(q1, "A01", date(2025, 11, 20), "50000.00", imported_at=datetime.now(UTC))
    company_account(q1, "NEW", "PLN")
    with q1.unit_of_work("test") as uow:
        uow.session.execute(update(Account).where(Account.code == "NEW").values(enrolled_on=date(2026, 1, 10)))
        uow.commit()
    line(q1, "NEW", date(2025, 12, 1), "90000.00")
    rows = {r.code: r for r in boss.replay_grading(date(2025, 12, 31))}
    assert all(r.reproduced for r in rows.values()) and "NEW" not in rows
    a01 = rows["A01"]
    assert (a01.applied, a01.replayed, a01.now, a01.late_lines, a01.late_net) == (
        "L4", "L4", "L2", 1, Money.of("50000.00", "PLN"))  # 51 000 PLN now ranks second, behind EUR1
    assert a01.changed_since and not rows["A02"].changed_since
    assert "NEW" not in {r.code for r in boss.grade(date(2025, 12, 31)).rows}  # not enrolled by then
    assert "NEW" in {r.code for r in desk(q1, "boss", date(2026, 1, 20)).grade().rows}
