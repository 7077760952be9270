"""Grading the whole portfolio (the service's dry run) vs one raw SQL GROUP BY account over the same window."""

from __future__ import annotations

import sqlite3

from benchmarks.registry import CaseContext, Pair, case
from benchmarks.scale import AS_OF

RAW_BASIS = """
SELECT account_id, SUM(net_amount) FROM invoice_lines
WHERE invoice_date BETWEEN ? AND ? GROUP BY account_id
"""


@case("grading", scales=("small", "large"), targets={"large": 0.3})
def grading(ctx: CaseContext) -> Pair:
    """grade_portfolio(as_of) for every active account (rank, grace, overrides, why); baseline: raw GROUP BY account."""
    from kam_desktop.domain.periods import trailing_window
    from kam_desktop.services.clock import FixedClock
    from kam_desktop.services.context import open_context
    from kam_desktop.services.grading import grade_portfolio
    from kam_desktop.store.store import Store

    path = ctx.store()
    store = Store.open(path)
    ctx_ = open_context(store, None, FixedClock(AS_OF))
    first, last = trailing_window(AS_OF, 12)
    raw = sqlite3.connect(path)
    params = (first.isoformat(), last.isoformat())

    def run() -> object:
        return len(grade_portfolio(ctx_, AS_OF).rows)

    def baseline() -> object:
        return len(raw.execute(RAW_BASIS, params).fetchall())

    def cleanup() -> None:
        raw.close()
        store.dispose()

    return Pair(run, baseline, cleanup, note="the service also reads accounts, previous grades and overrides")


RAW_ROLLUP_BASIS = """
SELECT account_id, SUM(net_amount) FROM sales_months
WHERE month BETWEEN ? AND ? GROUP BY account_id
"""


@case("grading-rollup", scales=("small", "large"), targets={"large": 1.5})
def grading_over_rollup(ctx: CaseContext) -> Pair:
    """grade_portfolio(as_of) vs one raw GROUP BY account over the roll-up it reads (sales_months), same window."""
    from kam_desktop.domain.periods import trailing_window
    from kam_desktop.services.clock import FixedClock
    from kam_desktop.services.context import open_context
    from kam_desktop.services.grading import grade_portfolio
    from kam_desktop.store.sales_months import month_key
    from kam_desktop.store.store import Store

    path = ctx.store()
    store = Store.open(path)
    ctx_ = open_context(store, None, FixedClock(AS_OF))
    first, last = trailing_window(AS_OF, 12)
    raw = sqlite3.connect(path)
    params = (month_key(first), month_key(last))

    def run() -> object:
        return len(grade_portfolio(ctx_, AS_OF).rows)

    def baseline() -> object:
        return len(raw.execute(RAW_ROLLUP_BASIS, params).fetchall())

    def cleanup() -> None:
        raw.close()
        store.dispose()

    return Pair(run, baseline, cleanup, note="the window is whole months (AS_OF is a month end): the roll-up alone")


@case("kpis-simulator", scales=("small", "large"), rounds={"large": 3}, targets={"large": 0.5})
def kpis_and_simulator(ctx: CaseContext) -> Pair:
    """program_kpis + simulate (the Reports screen) vs one raw GROUP BY account over the lines of 12 months."""
    from decimal import Decimal

    from kam_desktop.domain.periods import trailing_window
    from kam_desktop.services.clock import FixedClock
    from kam_desktop.services.context import open_context
    from kam_desktop.services.reports.kpi import program_kpis
    from kam_desktop.services.reports.simulate import simulate
    from kam_desktop.store.store import Store

    path = ctx.store()
    store = Store.open(path)
    ctx_ = open_context(store, None, FixedClock(AS_OF))
    first, last = trailing_window(AS_OF, 12)
    raw = sqlite3.connect(path)
    params = (first.isoformat(), last.isoformat())
    cutoffs, cashback = [Decimal("0.1"), Decimal("0.3"), Decimal("0.6")], [Decimal(3), Decimal(2), Decimal(1), Decimal(0)]

    def run() -> object:
        return program_kpis(ctx_, AS_OF).accounts + len(simulate(ctx_, cutoffs, cashback, AS_OF).result.new_grades)

    def baseline() -> object:
        return len(raw.execute(RAW_BASIS, params).fetchall())

    def cleanup() -> None:
        raw.close()
        store.dispose()

    return Pair(run, baseline, cleanup, note="KPIs read 36 months per account and category; the simulator 12 months")
