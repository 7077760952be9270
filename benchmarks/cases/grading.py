"""Grading the whole portfolio (the service's dry run) vs one raw SQL GROUP BY account over the same window."""

from __future__ import annotations

import sqlite3

from benchmarks.registry import CaseContext, Pair, case
from benchmarks.scale import AS_OF

RAW_BASIS = """
SELECT account_id, SUM(net_amount) FROM invoice_lines
WHERE invoice_date BETWEEN ? AND ? GROUP BY account_id
"""


@case("grading", scales=("small", "large"))
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
