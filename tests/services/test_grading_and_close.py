"""Grading and quarter close on a small portfolio, checkable by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from kam_desktop.domain.periods import Quarter
from kam_desktop.services.errors import Refused
from kam_desktop.services.grading import grade_portfolio, set_override
from kam_desktop.services.ledger import close as quarter_close
from kam_desktop.services.ledger.close import close_in, close_quarter
from kam_desktop.services.ledger.entries import account_ledger, redeem
from kam_desktop.store.models import AuditEntry, GradeEvaluation, LedgerEntry

from .builders import account, sale, world

AS_OF = date(2025, 12, 31)
LATER = date(2026, 5, 1)


@pytest.fixture
def ten(any_store: Any) -> Any:
    """A1..A10 bought 1000 × their number in December 2025; Z0 bought nothing."""
    world(any_store)
    for n in range(1, 11):
        account(any_store, f"A{n:02d}")
        sale(any_store, f"A{n:02d}", date(2025, 12, 1), f"{n * 1000}.00")
    account(any_store, "Z0")
    return any_store


def test_grades_by_percentile_rank_worked_example(ten: Any) -> None:
    # N = 11: L1 rank ≤ 1.1, L2 ≤ 3.3, L3 ≤ 6.6, else L4; Z0 (basis 0) is L4 whatever its rank.
    rows = {r.code: r for r in grade_portfolio(ten, AS_OF).rows}
    assert [(rows[c].rank, rows[c].grade) for c in ("A10", "A09", "A08", "A07", "A04", "A03")] == [
        (1, "L1"), (2, "L2"), (3, "L2"), (4, "L3"), (7, "L4"), (8, "L4")]
    assert rows["Z0"].basis == Decimal("0.00") and rows["Z0"].grade == "L4"
    assert rows["A10"].population == 11 and rows["A10"].previous_grade is None


def test_apply_writes_once_then_grace_holds_a_downgrade(ten: Any) -> None:
    grade_portfolio(ten, AS_OF, apply=True)
    with pytest.raises(Refused, match="already applied"):
        grade_portfolio(ten, AS_OF, apply=True)
    with ten.read() as s:
        assert s.scalar(select(func.count()).select_from(GradeEvaluation)) == 11
    sale(ten, "A10", date(2026, 1, 5), "-9999.00")  # a big return: A10 falls to the bottom
    rows = {r.code: r for r in grade_portfolio(ten, date(2026, 1, 31), apply=True).rows}
    assert rows["A10"].computed_grade == "L4" and rows["A10"].grade == "L1" and rows["A10"].at_risk
    assert rows["A10"].segment in {"A", "B", "C"}
    rows = {r.code: r for r in grade_portfolio(ten, date(2026, 2, 28)).rows}
    assert rows["A10"].grade == "L4" and not rows["A10"].at_risk  # grace used up


def test_override_applies_with_reason_and_shows(ten: Any) -> None:
    set_override(ten, "A01", "L1", "strategic launch partner", date(2026, 6, 30), "boss", valid_from=AS_OF)
    row = next(r for r in grade_portfolio(ten, AS_OF).rows if r.code == "A01")
    assert row.grade == "L1" and row.computed_grade == "L4" and row.overridden
    assert any("manual override to L1 by boss" in line for line in row.why)


def _entries(store: Any) -> list[tuple[str, Decimal]]:
    with store.read() as s:
        return sorted(s.execute(select(LedgerEntry.idempotency_key, LedgerEntry.amount)).all())


def test_quarter_close_worked_example_and_twice_books_once(ten: Any) -> None:
    grade_portfolio(ten, date(2025, 9, 30), apply=True)  # everyone L4 (no sales yet) …
    grade_portfolio(ten, AS_OF, apply=True)
    # … so Q4 uses the grade in force during Q4 (from 2025-09-30): all L4, 0 % cashback, points only.
    first = close_quarter(ten, "2025Q4", "money", on=LATER)
    assert first.cashback == Decimal("0.00") and first.points == Decimal("550")  # 55 000 / 100
    sale(ten, "A10", date(2026, 2, 1), "10000.00")
    result = close_quarter(ten, "2026Q1", "money", on=LATER)  # A10 is L1 since 2025-12-31: 3 % of 10 000
    assert result.cashback == Decimal("300.00") and result.booked == 2
    assert result.cashback_by_currency == {"PLN": Decimal("300.00")}  # paid in the account's currency
    before = _entries(ten)
    again = close_quarter(ten, "2026Q1", "money", on=LATER)
    assert again.booked == 0 and _entries(ten) == before
    assert ("close:2026Q1:A10:cashback", Decimal("300.00")) in before


def test_a_crash_mid_close_books_nothing_and_a_partial_close_completes(ten: Any, monkeypatch: Any) -> None:
    grade_portfolio(ten, date(2025, 9, 30), apply=True)

    def crash(*_: Any) -> int:
        raise RuntimeError("power cut")

    monkeypatch.setattr(quarter_close, "expire_in", crash)  # after every accrual is flushed
    with pytest.raises(RuntimeError):
        close_quarter(ten, "2025Q4", "money", on=LATER)
    assert _entries(ten) == []
    monkeypatch.undo()
    with ten.unit_of_work("money") as uow:  # a close committed for two accounts only
        close_in(uow, Quarter(2025, 4), on=LATER, only={"A10", "A09"})
        uow.commit()
    assert len(_entries(ten)) == 2
    close_quarter(ten, "2025Q4", "money", on=LATER)
    keys = [k for k, _ in _entries(ten)]
    assert len(keys) == 10 and len(set(keys)) == 10


def test_closing_an_unfinished_quarter_is_refused(ten: Any) -> None:
    with pytest.raises(Refused, match="2026Q2 ends on 2026-06-30"):
        close_quarter(ten, "2026Q2", "money", on=LATER)
    with ten.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "quarter.close")) == 0


def test_ledger_balance_redeem_fifo_and_no_overdraft(ten: Any) -> None:
    grade_portfolio(ten, AS_OF, apply=True)
    sale(ten, "A10", date(2026, 2, 1), "10000.00")
    close_quarter(ten, "2026Q1", "money", on=LATER)
    entry = redeem(ten, "A10", "cashback", Decimal("120.00"), "CN-1", "money", on=LATER)
    assert entry.amount == Decimal("-120.00")
    assert redeem(ten, "A10", "cashback", Decimal("120.00"), "CN-1", "money", on=LATER).id == entry.id  # idempotent
    view = account_ledger(ten, "A10", LATER)
    assert view.balance["cashback"] == Decimal("180.00")
    assert [(x.expires_on, x.amount) for x in view.expiry_schedule["cashback"]] == [(date(2027, 3, 31), Decimal("180.00"))]
    with pytest.raises(Refused, match="only 180.00 cashback available"):
        redeem(ten, "A10", "cashback", Decimal("500.00"), "CN-2", "money", on=LATER)
