"""The quarter close's column path (a laptop's own SQLite store) books the very rows, chain links, audit line and result
of the domain-entry path, ids and stamps aside: accounts in two currencies, a category multiplier, a category with a
net loss, sums that round to nothing, an account never graded, a deleted one, one settled by late facts, a close
completed after a partial one; and the paths it must leave to the entries (a locked quarter, a laptop with an outbox).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.row_chain import first_row_break
from kam_desktop.services.ledger import bulk_close
from kam_desktop.services.ledger import close as close_module
from kam_desktop.services.ledger.close import CloseResult, close_in
from kam_desktop.store import ledger_chain
from kam_desktop.store.models import (
    Account,
    AuditEntry,
    EarningRule,
    LedgerEntry,
    ProductCategory,
    ProgramConfig,
)
from kam_desktop.store.store import Store

from .settlement_world import Q4_CLOSED_ON, company_account, line, settlement_world

Q4 = Quarter(2025, 4)
_VARIABLE = {"id", "created_at"}  # random ids and the moment of insertion: all else must be equal


@pytest.fixture
def company(sqlite_store: Store) -> Store:
    """The settlement company with a quarter of varied sales, SW earning points × 1.5."""
    store = settlement_world(sqlite_store)
    for n, (hw, sw) in enumerate([("1234.56", "99.99"), ("0.01", None), ("3000.00", "-500.00"), ("10.49", "0.51"),
                                  ("-200.00", "150.00"), ("77777.77", "33333.33")], start=1):
        line(store, f"A{n:02d}", date(2025, 10, n), hw)
        if sw is not None:
            line(store, f"A{n:02d}", date(2025, 12, n), sw, category="SW")
    line(store, "P1", date(2025, 11, 20), "4321.09", category="SW")
    company_account(store, "NEW1", "PLN")  # never graded: skipped and reported
    line(store, "NEW1", date(2025, 11, 1), "500.00")
    company_account(store, "GONE", "PLN")
    line(store, "GONE", date(2025, 11, 1), "800.00")
    with store.unit_of_work("test") as uow:
        s = uow.session
        program = s.scalars(select(ProgramConfig.id)).first()
        software = s.scalar(select(ProductCategory.id).where(ProductCategory.code == "SW"))
        s.add(EarningRule(program_id=program, kind="category_multiplier", category_id=software, points=Decimal(0),
                          multiplier=Decimal("1.5")))
        gone = s.scalars(select(Account).where(Account.code == "GONE")).one()
        gone.deleted_at = datetime(2025, 12, 20, tzinfo=UTC)
        uow.commit()
    return store


def _columns_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(close_module, "book_in_columns", lambda *args: None)


def _closed(store: Store, only: Collection[str] | None = None, commit: bool = False,
            ) -> tuple[CloseResult, list[tuple[Any, ...]], list[tuple[Any, ...]], Any, str | None]:
    """One close: its result, the rows it booked (by key, the variable columns left out), the chain's links in order
    (as table and key), the audit line's details, and the verifier's first break; rolled back unless `commit`."""
    columns = [c for c in LedgerEntry.__table__.columns if c.name not in _VARIABLE]
    with store.unit_of_work("money") as uow:
        s = uow.session
        before = {key for (key,) in s.execute(select(LedgerEntry.idempotency_key))}
        result = close_in(uow, Q4, Q4_CLOSED_ON, only)
        s.flush()
        rows = sorted(tuple(r) for r in s.execute(select(*columns)) if r.idempotency_key not in before)
        driver = s.connection().connection.driver_connection
        links = [tuple(r) for r in driver.execute(
            "SELECT l.row_table, e.idempotency_key FROM ledger_chain l JOIN ledger_entries e ON e.id = l.row_id "
            "ORDER BY l.seq").fetchall() if r[1] not in before]
        details = s.scalars(select(AuditEntry.details).where(AuditEntry.action == "quarter.close")
                            .order_by(AuditEntry.created_at.desc())).first()
        chain, outside, sealed = ledger_chain.read_chain(s.connection())
        broken = first_row_break(chain, outside, sealed)
        if commit:
            uow.commit()
    return result, rows, links, details, broken


def _key_unit_amount(row: tuple[Any, ...]) -> tuple[str, str, Decimal]:
    names = [c.name for c in LedgerEntry.__table__.columns if c.name not in _VARIABLE]
    return row[names.index("idempotency_key")], row[names.index("unit")], row[names.index("amount")]


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What each call of the column path returned (None: it left the close to the entries)."""
    seen: list[object] = []
    real: Callable[..., Any] = bulk_close.book_in_columns

    def spy(*args: Any) -> Any:
        seen.append(real(*args))
        return seen[-1]

    monkeypatch.setattr(close_module, "book_in_columns", spy)
    return seen


def test_the_column_close_books_what_the_entries_book(company: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _spy(monkeypatch)
    columns = _closed(company)
    assert len(seen) == 1 and seen[0] is not None  # the column path closed it
    _columns_off(monkeypatch)
    entries = _closed(company)
    assert columns == entries
    result, rows, _links, details, broken = columns
    assert broken is None and result.booked == len(rows) == 10
    # by hand: A06 bought 77 777.77 HW + 33 333.33 SW at L3 (1 %): 1 111.11 cashback, 777.78 + 499.99 → 1 277 points;
    # P1's 4 321.09 SW earn 43.21 × 1.5 → 64 points; A05's HW return leaves 150.00 SW → 2 points
    amounts = {(r[0], r[1]): r[2] for r in (_key_unit_amount(row) for row in rows)}
    assert amounts[("close:2025Q4:A06:cashback", "cashback")] == Decimal("1111.11")
    assert amounts[("close:2025Q4:A06:points", "points")] == Decimal(1277)
    assert amounts[("close:2025Q4:P1:points", "points")] == Decimal(64)
    assert amounts[("close:2025Q4:A05:points", "points")] == Decimal(2)
    assert result.ungraded == ["NEW1"] and "GONE" not in str(rows)
    assert result.cashback_by_currency.keys() == {"EUR", "PLN"}
    assert details["booked"] == result.booked and details["ungraded"] == ["NEW1"]


def test_a_close_completed_after_a_partial_one_books_the_same(company: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some accounts closed and committed first (`only`): the rest is booked once, by either path, the same."""
    _closed(company, only={"A03", "EUR1"}, commit=True)
    seen = _spy(monkeypatch)
    columns = _closed(company)
    assert seen[0] is not None
    _columns_off(monkeypatch)
    entries = _closed(company)
    assert columns == entries
    keys = [value for row in columns[1] for value in row if isinstance(value, str) and value.startswith("close:")]
    assert len(keys) == len(columns[1]) and not any(k.startswith(("close:2025Q4:A03:", "close:2025Q4:EUR1:")) for k in keys)
    assert columns[0].accounts == entries[0].accounts and columns[4] is None


def test_an_account_settled_by_late_facts_is_not_closed_again(company: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with company.unit_of_work("money") as uow:
        a06 = uow.session.scalars(select(Account.id).where(Account.code == "A06")).one()
        uow.session.add(LedgerEntry(account_id=a06, kind="accrual", unit="points", amount=Decimal(5),
                                    booked_on=date(2026, 1, 2), quarter="2026Q1", expires_on=date(2027, 12, 31),
                                    source_kind="late_sale", source_ref="FV/X", idempotency_key="late:2025Q4:A06:FV/X:points"))
        uow.commit()
    columns = _closed(company)
    _columns_off(monkeypatch)
    entries = _closed(company)
    assert columns == entries
    assert not any("A06" in str(r) for r in columns[1]) and columns[0].accounts == entries[0].accounts


def test_a_second_close_books_nothing_by_either_path(company: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _closed(company, commit=True)
    again = _closed(company)
    assert first[0].booked > 0 and again[0].booked == 0 and again[1] == []
    _columns_off(monkeypatch)
    assert _closed(company)[0] == again[0]


def test_a_locked_quarter_or_an_outbox_leaves_the_close_to_the_entries(company: Store,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _spy(monkeypatch)
    with company.unit_of_work("money") as uow:
        uow.session.info["outbox"] = True  # a laptop bound to a team server records each row
        assert close_in(uow, Q4, Q4_CLOSED_ON).booked > 0
    assert seen == [None]
    with company.unit_of_work("money") as uow:
        from kam_desktop.domain.closing import PeriodLocks

        locks = PeriodLocks(frozenset({Q4}))
        program = close_module.program_in_force(uow.session, Q4.end)
        assert bulk_close.book_in_columns(uow.session, Q4, None, program, locks, "money") is None


