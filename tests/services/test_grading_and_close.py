"""Grading and quarter close on a small portfolio, checkable by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

import gc
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from kam_desktop.domain.ledger import expire
from kam_desktop.domain.periods import Quarter
from kam_desktop.services.errors import Refused
from kam_desktop.services.grading import grade_portfolio, set_override
from kam_desktop.services.ledger import close as quarter_close
from kam_desktop.services.ledger import entries as ledger_entries
from kam_desktop.services.ledger.close import close_in, close_quarter
from kam_desktop.services.ledger.entries import account_ledger, expire_in, load_domain, redeem
from kam_desktop.store.models import AuditEntry, GradeEvaluation, LedgerEntry, LedgerLink
from tests.acting import as_

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
    rows = {r.code: r for r in grade_portfolio(as_(ten), AS_OF).rows}
    assert [(rows[c].rank, rows[c].grade) for c in ("A10", "A09", "A08", "A07", "A04", "A03")] == [
        (1, "L1"), (2, "L2"), (3, "L2"), (4, "L3"), (7, "L4"), (8, "L4")]
    assert rows["Z0"].basis == Decimal("0.00") and rows["Z0"].grade == "L4"
    assert rows["A10"].population == 11 and rows["A10"].previous_grade is None


def test_apply_writes_once_then_grace_holds_a_downgrade(ten: Any) -> None:
    grade_portfolio(as_(ten), AS_OF, apply=True)
    with pytest.raises(Refused, match="already applied"):
        grade_portfolio(as_(ten), AS_OF, apply=True)
    with ten.read() as s:
        assert s.scalar(select(func.count()).select_from(GradeEvaluation)) == 11
    sale(ten, "A10", date(2026, 1, 5), "-9999.00")  # a big return: A10 falls to the bottom
    rows = {r.code: r for r in grade_portfolio(as_(ten), date(2026, 1, 31), apply=True).rows}
    assert rows["A10"].computed_grade == "L4" and rows["A10"].grade == "L1" and rows["A10"].at_risk
    assert rows["A10"].segment in {"A", "B", "C"}
    rows = {r.code: r for r in grade_portfolio(as_(ten), date(2026, 2, 28)).rows}
    assert rows["A10"].grade == "L4" and not rows["A10"].at_risk  # grace used up


def test_override_applies_with_reason_and_shows(ten: Any) -> None:
    set_override(as_(ten, "boss"), "A01", "L1", "strategic launch partner", date(2026, 6, 30), valid_from=AS_OF)
    row = next(r for r in grade_portfolio(as_(ten), AS_OF).rows if r.code == "A01")
    assert row.grade == "L1" and row.computed_grade == "L4" and row.overridden
    assert any("manual override to L1 by boss" in line for line in row.why)


def test_the_portfolio_shows_each_accounts_latest_evaluation_on_or_before_its_day(ten: Any) -> None:
    from kam_desktop.services.accounts.portfolio import portfolio

    grade_portfolio(as_(ten), date(2025, 9, 30), apply=True)  # everyone L4 (no sales yet)
    grade_portfolio(as_(ten), AS_OF, apply=True)  # A10 is L1 from here

    def graded(day: date) -> tuple[str | None, date | None]:
        row = next(r for r in portfolio(as_(ten), None, day) if r.code == "A10")
        return row.grade, row.evaluated_on

    assert graded(date(2025, 9, 29)) == (None, None)  # before the first evaluation
    assert graded(date(2025, 9, 30)) == ("L4", date(2025, 9, 30))
    assert graded(date(2025, 12, 30)) == ("L4", date(2025, 9, 30))
    assert graded(AS_OF) == ("L1", AS_OF)
    assert graded(LATER) == ("L1", AS_OF)


def _entries(store: Any) -> list[tuple[str, Decimal]]:
    with store.read() as s:
        return sorted(s.execute(select(LedgerEntry.idempotency_key, LedgerEntry.amount)).all())


def test_quarter_close_worked_example_and_twice_books_once(ten: Any) -> None:
    grade_portfolio(as_(ten), date(2025, 9, 30), apply=True)  # everyone L4 (no sales yet) …
    grade_portfolio(as_(ten), AS_OF, apply=True)
    # … so Q4 uses the grade in force during Q4 (from 2025-09-30): all L4, 0 % cashback, points only.
    first = close_quarter(as_(ten, "money", LATER), "2025Q4")
    assert first.cashback == Decimal("0.00") and first.points == Decimal("550")  # 55 000 / 100
    sale(ten, "A10", date(2026, 2, 1), "10000.00")
    result = close_quarter(as_(ten, "money", LATER), "2026Q1")  # A10 is L1 since 2025-12-31: 3 % of 10 000
    assert result.cashback == Decimal("300.00") and result.booked == 2
    assert result.cashback_by_currency == {"PLN": Decimal("300.00")}  # paid in the account's currency
    before = _entries(ten)
    again = close_quarter(as_(ten, "money", LATER), "2026Q1")
    assert again.booked == 0 and _entries(ten) == before
    assert ("close:2026Q1:A10:cashback", Decimal("300.00")) in before


def test_a_crash_mid_close_books_nothing_and_a_partial_close_completes(ten: Any, monkeypatch: Any) -> None:
    grade_portfolio(as_(ten), date(2025, 9, 30), apply=True)

    def crash(*_: Any) -> int:
        raise RuntimeError("power cut")

    monkeypatch.setattr(quarter_close, "expire_in", crash)  # after every accrual is flushed
    with pytest.raises(RuntimeError):
        close_quarter(as_(ten, "money", LATER), "2025Q4")
    assert _entries(ten) == []
    monkeypatch.undo()
    with ten.unit_of_work("money") as uow:  # a close committed for two accounts only
        close_in(uow, Quarter(2025, 4), on=LATER, only={"A10", "A09"})
        uow.commit()
    assert len(_entries(ten)) == 2
    close_quarter(as_(ten, "money", LATER), "2025Q4")
    keys = [k for k, _ in _entries(ten)]
    assert len(keys) == 10 and len(set(keys)) == 10


def test_the_cyclic_collector_is_off_during_a_close_and_back_after_it(ten: Any, monkeypatch: Any) -> None:
    grade_portfolio(as_(ten), date(2025, 9, 30), apply=True)
    seen: list[bool] = []
    expire = quarter_close.expire_in

    def watched(*args: Any) -> int:
        seen.append(gc.isenabled())
        return expire(*args)

    monkeypatch.setattr(quarter_close, "expire_in", watched)
    assert gc.isenabled()
    assert close_quarter(as_(ten, "money", LATER), "2025Q4").booked == 10
    assert seen == [False] and gc.isenabled()

    def crash(*_: Any) -> int:
        raise RuntimeError("power cut")

    monkeypatch.setattr(quarter_close, "expire_in", crash)
    with pytest.raises(RuntimeError):
        close_quarter(as_(ten, "money", LATER), "2025Q4")
    assert gc.isenabled()  # back on after a close that failed too


def test_closing_an_unfinished_quarter_is_refused(ten: Any) -> None:
    with pytest.raises(Refused, match="2026Q2 ends on 2026-06-30"):
        close_quarter(as_(ten, "money", LATER), "2026Q2")
    with ten.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "quarter.close")) == 0


def test_ledger_balance_redeem_fifo_and_no_overdraft(ten: Any) -> None:
    grade_portfolio(as_(ten), AS_OF, apply=True)
    sale(ten, "A10", date(2026, 2, 1), "10000.00")
    close_quarter(as_(ten, "money", LATER), "2026Q1")
    entry = redeem(as_(ten, "money", LATER), "A10", "cashback", Decimal("120.00"), "CN-1")
    assert entry.amount == Decimal("-120.00")
    assert redeem(as_(ten, "money", LATER), "A10", "cashback", Decimal("120.00"), "CN-1").id == entry.id  # idempotent
    view = account_ledger(as_(ten), "A10", LATER)
    assert view.balance["cashback"] == Decimal("180.00")
    assert [(x.expires_on, x.amount) for x in view.expiry_schedule["cashback"]] == [(date(2027, 3, 31), Decimal("180.00"))]
    with pytest.raises(Refused, match="only 180.00 cashback available"):
        redeem(as_(ten, "money", LATER), "A10", "cashback", Decimal("500.00"), "CN-2")


COMPARED = [c for c in LedgerEntry.__table__.columns if c.name not in ("id", "created_at")]  # each run: new ids


def _close_rolled_back(store: Any) -> tuple[list[tuple[Any, ...]], int]:
    """The ledger rows one close of 2025Q4 writes (`COMPARED` columns) and the chain links written with them, read
    inside its transaction, which is then rolled back."""
    columns = COMPARED
    with store.unit_of_work("money") as uow:
        result = close_in(uow, Quarter(2025, 4), on=LATER)
        uow.session.flush()
        rows = sorted(tuple(row) for row in uow.session.execute(select(*columns)).all())
        linked = uow.session.scalar(select(func.count()).select_from(LedgerLink).where(
            LedgerLink.row_id.in_(select(LedgerEntry.id))))
        assert result.booked == len(rows) > 0
    return rows, int(linked or 0)


def test_a_close_books_in_one_insert_the_rows_orm_objects_would(ten: Any, monkeypatch: Any) -> None:
    """`book` inserts a close's entries in one statement; the rows and their chain links are what one ORM object per
    entry gives (the path a laptop bound to a team server keeps, for its outbox)."""
    grade_portfolio(as_(ten), date(2025, 9, 30), apply=True)
    inserted = _close_rolled_back(ten)
    monkeypatch.setattr(ledger_entries, "_insert_rows", ledger_entries._add_objects)
    through_objects = _close_rolled_back(ten)
    assert inserted == through_objects
    rows, linked = inserted
    created_by = [c.name for c in COMPARED].index("created_by")
    assert {row[created_by] for row in rows} == {"money"}  # who closed, as the unit of work stamps objects
    dialect = ten.engine.dialect.name
    assert linked == (len(rows) if dialect == "sqlite" else 0)  # the chain is the laptop's (SQLite) only


def test_the_expiry_run_reading_only_accounts_with_expired_lots_books_what_the_whole_ledger_gives(ten: Any) -> None:
    """`expire_in` reads the ledgers of the accounts with an expired lot still open only; what it books is what the
    domain's run over the whole ledger gives: a lot partly redeemed, one redeemed in full, lots not yet expired."""
    grade_portfolio(as_(ten), AS_OF, apply=True)
    for n in (8, 9, 10):
        sale(ten, f"A{n:02d}", date(2026, 2, 1), f"{n * 1000}.00")
    close_quarter(as_(ten, "money", LATER), "2026Q1")  # A08-A10 accrue, expiring 2027-03-31
    redeem(as_(ten, "money", LATER), "A10", "cashback", Decimal("120.00"), "CN-1")  # partly
    redeem(as_(ten, "money", LATER), "A09", "cashback", account_ledger(as_(ten), "A09", LATER).balance["cashback"],
           "CN-2")  # in full
    booked = {}
    for on in (date(2027, 3, 31), date(2027, 4, 1)):  # a lot is usable through its expiry day
        with ten.unit_of_work("money") as uow:  # rolled back: each day against the same ledger
            whole = expire(load_domain(uow.session), on)
            booked[on] = expire_in(uow, on)
            written = sorted((k, a) for k, a in uow.session.execute(
                select(LedgerEntry.idempotency_key, LedgerEntry.amount).where(LedgerEntry.kind == "expiry")))
        assert booked[on] == len(whole)
        assert written == sorted((e.idempotency_key, e.amount) for e in whole)
    assert booked[date(2027, 3, 31)] == 0 and booked[date(2027, 4, 1)] >= 3  # A08's and A10's lots, A09's points
