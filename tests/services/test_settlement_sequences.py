"""Property: for any sequence of late sales and returns, payouts, adjustments, settling runs and a lock, through
the services on a real store, the roll-forward closes to the ledger balance per currency, the journal reconciles
with it, no lot is consumed twice, and no cashback entry is in another currency than its account's."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kam_desktop.domain import ledger as dl
from kam_desktop.domain.ledger_checks import validate
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.ledger.entries import load_domain
from kam_desktop.services.settlement.journal import journal_lines
from kam_desktop.store.models import Account, LedgerEntry
from kam_desktop.store.store import Store
from tests.acting import as_, desk

from .settlement_world import Q4_CLOSED_ON, line, settlement_world

TODAY = date(2026, 2, 20)
cents = st.integers(min_value=1, max_value=400_000).map(lambda n: Decimal(n) / 100)
operation = st.one_of(
    st.tuples(st.just("late"), st.sampled_from(["EUR1", "A07", "A09"]), cents, st.booleans()),
    st.tuples(st.just("payout"), st.sampled_from(["EUR1", "A07", "A09"]), cents, st.just(False)),
    st.tuples(st.just("adjust"), st.sampled_from(["EUR1", "A07"]), cents, st.booleans()),
    st.tuples(st.just("settle"), st.just(""), st.just(Decimal(0)), st.just(False)),
    st.tuples(st.just("lock"), st.just(""), st.just(Decimal(0)), st.just(False)),
)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(operation, min_size=1, max_size=6), rule=st.sampled_from(["claw_back", "carry_forward"]))
def test_any_sequence_keeps_the_books_in_balance_per_currency(tmp_path_factory: pytest.TempPathFactory,
                                                              steps: list[tuple[str, str, Decimal, bool]],
                                                              rule: str) -> None:
    store = Store.open(tmp_path_factory.mktemp("seq") / "kam.sqlite")
    try:
        settlement_world(store)
        finance = desk(store, "money", TODAY)
        finance.set_settlement_term("settlement.clawback", rule)
        desk(store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
        for n, (kind, code, amount, sign) in enumerate(steps):
            # a refusal (an overdraft, a lock) changes nothing: the books must still balance
            with contextlib.suppress(ServiceError):
                _apply(store, finance, n, kind, code, amount, sign)
        _check(store, finance)
    finally:
        store.dispose()


def _apply(store: Store, finance: Desk, n: int, kind: str, code: str, amount: Decimal, sign: bool) -> None:
    if kind == "late":
        line(store, code, date(2025, 12, 1 + n), f"{-amount if sign else amount}", invoice=f"L/{n}",
             imported_at=datetime.now(UTC))
    elif kind == "payout":
        finance.pay_out(code, f"{min(amount, Decimal('500.00'))}", period="2025Q4")
    elif kind == "adjust":
        adj = desk(store, "kam1" if code == "EUR1" else "kam2", TODAY).propose_adjustment(
            code, "cashback", f"{-amount if sign else amount}", "correction")
        desk(store, "boss", TODAY).approve_adjustment(adj.number)
        finance.book_adjustment(adj.number)
    elif kind == "settle":
        finance.settle()
    else:
        finance.lock_quarter("2025Q4")


def _check(store: Store, finance: Desk) -> None:
    with store.read() as session:
        entries = load_domain(session)
        currency = dict(session.execute(select(Account.code, Account.currency)).all())
        stored = session.execute(select(LedgerEntry.currency, LedgerEntry.unit, LedgerEntry.amount)).all()
    assert validate(entries) == []  # unique keys, allocations to known lots, no lot consumed twice
    assert all(e.currency == currency[e.account] for e in entries if e.unit is dl.LedgerUnit.CASHBACK)
    report = finance.liability(date(2025, 1, 1), TODAY)
    for x in report.lines:
        booked = sum((a for c, u, a in stored if u == x.unit and c == x.currency), Decimal(0))
        assert x.closes and x.closing + x.due_expiries == booked
    journal_lines(as_(store, "money", TODAY), date(2025, 1, 1), TODAY)  # refuses unless it reconciles
