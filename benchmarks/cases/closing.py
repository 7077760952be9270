"""Closing a quarter for the whole portfolio vs a raw `executemany` of the very ledger rows it books.

Issue 15: closing a quarter for 20,000 accounts in one pass over the roll-up, writing ledger rows in bulk, within
3× a raw insert of the same rows. Both sides run inside a transaction that is rolled back (the close is
idempotent: a committed close would book nothing the next round), so COMMIT is in neither. Setup (untimed): a copy
of the scale store, graded once at the end of the quarter before, and the rows one close books, read back inside
its transaction before it rolls back.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.cases.imports import fresh_copy
from benchmarks.registry import CaseContext, Pair, case

QUARTER = "2026Q1"
GRADED_ON = date(2025, 12, 31)  # the grade in force during the quarter: evaluated before it starts
CLOSED_ON = date(2026, 4, 1)  # a quarter is closed after its last day


def _close(store: Any, read_back: bool = False) -> list[tuple[object, ...]] | int:
    """One close in a transaction rolled back: how many entries it booked, or (`read_back`, setup only) the ledger
    rows it booked, read inside that transaction."""
    from kam_desktop.domain.periods import Quarter
    from kam_desktop.services.ledger.close import close_in

    with store.unit_of_work("admin") as uow:
        result = close_in(uow, Quarter.parse(QUARTER), CLOSED_ON)
        assert result.booked > 0, result
        if not read_back:
            return int(result.booked)
        connection = uow.session.connection().connection.driver_connection
        return connection.execute("SELECT * FROM ledger_entries").fetchall()  # type: ignore[no-any-return]


@case("quarter-close", scales=("small", "large"), rounds={"small": 5, "large": 3}, targets={"large": 3.0},
      quick=False)
def quarter_close(ctx: CaseContext) -> Pair:
    """`close_in` of a quarter for every graded account (rolled back) vs raw executemany of its ledger rows."""
    from kam_desktop.services.clock import FixedClock
    from kam_desktop.services.context import open_context
    from kam_desktop.services.grading import grade_portfolio
    from kam_desktop.store.store import Store

    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    path = ctx.work_dir / "close.sqlite"
    fresh_copy(ctx.store(), path)
    store = Store.open(path)
    grade_portfolio(open_context(store, None, FixedClock(GRADED_ON)), GRADED_ON, apply=True)
    rows = _close(store, read_back=True)  # also warms the caches both sides read
    assert isinstance(rows, list)
    columns = len(rows[0])
    raw = sqlite3.connect(path, isolation_level=None)

    def run() -> object:
        return _close(store)  # the rows are not read back here: the baseline does not read them either

    def baseline() -> object:
        raw.execute("BEGIN IMMEDIATE")
        try:
            raw.executemany(f"INSERT INTO ledger_entries VALUES ({', '.join('?' * columns)})", rows)
        finally:
            raw.execute("ROLLBACK")
        return len(rows)

    def cleanup() -> None:
        raw.close()
        store.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    return Pair(run, baseline, cleanup, note=f"{len(rows):,} ledger rows; both sides rolled back (no COMMIT)")
