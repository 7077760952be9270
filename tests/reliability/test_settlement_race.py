"""An import racing a quarter close: the accruals come out as if one had run after the other, never lost.

Found on PostgreSQL (issue 16: 4 races in 8 lost accruals): the close read the quarter before the import's
lines were committed, and the import, not yet seeing the close, booked no late facts. Each race below holds
one side at its most dangerous moment while the other runs, then compares the ledger with the same two steps
run one after the other on a fresh store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.services.imports import files
from kam_desktop.services.ledger.close import close_quarter
from kam_desktop.store.models import LedgerEntry
from kam_desktop.store.store import Store
from tests.acting import as_, desk
from tests.services.settlement_world import Q4_CLOSED_ON, csv_invoices, settlement_world

WAIT = 60.0  # seconds: only a broken run ever waits this long
LAG = 0.5  # seconds the held side stays held once the other has started: time for it to run ahead if it could


def late_sale(folder: Path) -> Path:
    return csv_invoices(folder, [("FV/RACE", "2025-12-12", "EUR1", "2500.00")], name="race.csv")


def import_sale(store: Any, folder: Path) -> None:
    report = desk(store, "boss", Q4_CLOSED_ON).importer().apply(late_sale(folder), "invoices")
    assert report.ok, report


def close(store: Any, cancelled: Callable[[], bool] = lambda: False) -> None:
    close_quarter(as_(store, "money", Q4_CLOSED_ON), "2025Q4", cancelled)


def eur1_q4(store: Any) -> dict[str, Decimal]:
    """EUR1's accruals for 2025Q4 by unit, whichever way they were booked (the close's or late facts)."""
    totals: dict[str, Decimal] = {}
    with store.read() as s:
        for key, amount in s.execute(select(LedgerEntry.idempotency_key, LedgerEntry.amount)):
            if key.startswith(("close:2025Q4:EUR1", "late:2025Q4:EUR1:")):
                unit = key.rsplit(":", 1)[1]
                totals[unit] = totals.get(unit, Decimal(0)) + amount
    return totals


def one_after_the_other(tmp_path: Path, first: str) -> dict[str, Decimal]:
    store = Store.open(tmp_path / f"serial-{first}.sqlite")
    try:
        settlement_world(store)
        steps = [lambda: import_sale(store, tmp_path), lambda: close(store)]
        for step in steps if first == "import" else reversed(steps):
            step()
        return eur1_q4(store)
    finally:
        store.dispose()


class Hold:
    """A point in one thread where it stops until released, telling the test it got there."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.go = threading.Event()

    def here(self) -> None:
        self.reached.set()
        assert self.go.wait(WAIT), "never released"


def run(target: Callable[[], None], failures: list[BaseException]) -> threading.Thread:
    def guarded() -> None:
        try:
            target()
        except BaseException as exc:  # noqa: BLE001 - handed to the test, which fails with it
            failures.append(exc)

    thread = threading.Thread(target=guarded)
    thread.start()
    return thread


@pytest.fixture
def world_store(any_store: Any) -> Any:
    return settlement_world(any_store)


def test_a_close_started_while_an_import_settles_waits_and_counts_its_lines(
        world_store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hold = Hold()
    real = files.settle_import_in

    def settle_then_hold(*args: Any) -> Any:
        done = real(*args)  # the import has seen no close: its lines are not late facts
        hold.here()  # …and it has not committed them yet
        return done

    monkeypatch.setattr(files, "settle_import_in", settle_then_hold)
    failures: list[BaseException] = []
    importing = run(lambda: import_sale(world_store, tmp_path), failures)
    assert hold.reached.wait(WAIT), failures
    closing = run(lambda: close(world_store), failures)
    closing.join(LAG)
    hold.go.set()
    for thread in (importing, closing):
        thread.join(WAIT)
    assert not failures, failures
    assert eur1_q4(world_store) == one_after_the_other(tmp_path, first="import")


def test_an_import_started_while_a_close_books_waits_and_settles_its_lines_late(
        world_store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hold = Hold()
    failures: list[BaseException] = []

    def hold_before_commit() -> bool:
        hold.here()  # the close has read the quarter and booked it, and has not committed
        return False

    closing = run(lambda: close(world_store, hold_before_commit), failures)
    assert hold.reached.wait(WAIT), failures
    importing = run(lambda: import_sale(world_store, tmp_path), failures)
    importing.join(LAG)
    hold.go.set()
    for thread in (closing, importing):
        thread.join(WAIT)
    assert not failures, failures
    raced = eur1_q4(world_store)
    assert raced == one_after_the_other(tmp_path, first="close")
    with world_store.read() as s:  # the import's sale was booked as a late fact of the closed quarter
        assert s.scalar(select(LedgerEntry.id).where(LedgerEntry.idempotency_key.like("late:2025Q4:EUR1:FV/RACE%")))
