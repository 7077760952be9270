"""The engine over the whole portfolio (grading, KPIs and the simulator) vs one raw SQL GROUP BY account."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.registry import CaseContext, Measured, Pair, case
from benchmarks.scale import AS_OF

RAW_BASIS = """
SELECT account_id, SUM(net_amount) FROM invoice_lines
WHERE invoice_date BETWEEN ? AND ? GROUP BY account_id
"""
RAW_ROLLUP_BASIS = """
SELECT account_id, SUM(net_amount) FROM sales_months
WHERE month BETWEEN ? AND ? GROUP BY account_id
"""


def _against_raw(ctx: CaseContext, ours: Callable[[Any], object], raw_sql: str, params: tuple[str, str],
                 note: str) -> Pair:
    """`ours(service context)` on the scale store at AS_OF vs `raw_sql` run with `params` by sqlite3."""
    from kam_desktop.services.clock import FixedClock
    from kam_desktop.services.context import open_context
    from kam_desktop.store.store import Store

    path = ctx.store()
    store = Store.open(path)
    service = open_context(store, None, FixedClock(AS_OF))
    raw = sqlite3.connect(path)

    def cleanup() -> None:
        raw.close()
        store.dispose()

    return Pair(lambda: ours(service), lambda: len(raw.execute(raw_sql, params).fetchall()), cleanup, note=note)


def _window() -> tuple[Any, Any]:
    from kam_desktop.domain.periods import trailing_window

    return trailing_window(AS_OF, 12)


def _graded(service: Any) -> object:
    from kam_desktop.services.grading import grade_portfolio

    return len(grade_portfolio(service, AS_OF).rows)


@case("grading", scales=("small", "large"), targets={"large": 0.3})
def grading(ctx: CaseContext) -> Pair:
    """grade_portfolio(as_of) for every active account (rank, grace, overrides, why); baseline: raw GROUP BY account."""
    first, last = _window()
    return _against_raw(ctx, _graded, RAW_BASIS, (first.isoformat(), last.isoformat()),
                        "the service also reads accounts, previous grades and overrides")


@case("grading-rollup", scales=("small", "large"), targets={"large": 1.5})
def grading_over_rollup(ctx: CaseContext) -> Pair:
    """grade_portfolio(as_of) vs one raw GROUP BY account over the roll-up it reads (sales_months), same window."""
    from kam_desktop.store.sales_months import month_key

    first, last = _window()
    return _against_raw(ctx, _graded, RAW_ROLLUP_BASIS, (month_key(first), month_key(last)),
                        "the window is whole months (AS_OF is a month end): the roll-up alone")


_CUTOFFS = ("0.1", "0.3", "0.6")
_CASHBACK = (3, 2, 1, 0)


def _reports(service: Any) -> object:
    """What the Reports screen computes: the program's KPIs and one what-if."""
    from decimal import Decimal

    from kam_desktop.services.reports.kpi import program_kpis
    from kam_desktop.services.reports.simulate import simulate

    cutoffs, cashback = [Decimal(c) for c in _CUTOFFS], [Decimal(c) for c in _CASHBACK]
    return program_kpis(service, AS_OF).accounts + len(simulate(service, cutoffs, cashback, AS_OF).result.new_grades)


def _forget_figures(path: Path) -> None:
    with sqlite3.connect(path) as raw:
        raw.execute("DELETE FROM kpi_snapshots")


@case("kpis-simulator", scales=("small", "large"), rounds={"large": 3}, targets={"large": 0.5})
def kpis_and_simulator(ctx: CaseContext) -> Pair:
    """program_kpis + simulate (reopening the Reports screen: the figures the day's first opening remembered) vs one
    raw GROUP BY account over the lines of 12 months."""
    first, last = _window()
    _forget_figures(ctx.store())
    pair = _against_raw(ctx, _reports, RAW_BASIS, (first.isoformat(), last.isoformat()),
                        "the KPIs and the simulator's bases remembered by an untimed first call, as by the day's first "
                        "opening of Reports on unchanged data (kpis-simulator-cold: without them)")
    pair.run()  # untimed: computes and remembers the day's figures
    return pair


@case("kpis-simulator-cold", scales=("small", "large"), rounds={"large": 3}, measure_memory=False)
def kpis_and_simulator_cold(ctx: CaseContext) -> Pair:
    """`kpis-simulator` with nothing remembered (the day's first opening of Reports, or after a change): the KPIs
    and the simulator's bases computed in SQL and Python; report only."""
    first, last = _window()
    path = ctx.store()
    pair = _against_raw(ctx, _reports, RAW_BASIS, (first.isoformat(), last.isoformat()),
                        "KPIs: 36 months per account and the basket per category summed in SQL; the simulator 12 "
                        "months; the remembered figures deleted before each round")
    computed = pair.run

    def cold() -> Measured:
        _forget_figures(path)  # before the clock starts
        started = time.perf_counter()
        computed()
        return Measured(time.perf_counter() - started)

    def cleanup() -> None:
        _forget_figures(path)
        pair.cleanup()

    return Pair(cold, pair.baseline, cleanup, note=pair.note)
