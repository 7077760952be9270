"""The portfolio query (every account with LTV, trend, benefits, exceptions) vs a raw GROUP BY of the lines."""

from __future__ import annotations

import sqlite3

from benchmarks.registry import CaseContext, Pair, case
from benchmarks.scale import AS_OF

RAW_SALES = """
SELECT account_id,
       SUM(CASE WHEN invoice_date >= ? THEN net_amount ELSE 0 END),
       SUM(CASE WHEN invoice_date < ? THEN net_amount ELSE 0 END)
FROM invoice_lines WHERE invoice_date BETWEEN ? AND ? GROUP BY account_id
"""


@case("portfolio", scales=("small", "large"), targets={"large": 0.3})
def portfolio(ctx: CaseContext) -> Pair:
    """portfolio_rows(as_of) for all accounts; baseline: raw SQL sums of invoice_lines per account, same window."""
    from kam_desktop.domain.periods import trailing_window
    from kam_desktop.store.queries.portfolio import portfolio_rows
    from kam_desktop.store.store import Store

    path = ctx.store()
    store = Store.open(path)
    first, last = trailing_window(AS_OF, 12)
    prev_first, _ = trailing_window(AS_OF, 24)
    raw = sqlite3.connect(path)
    params = (first.isoformat(), first.isoformat(), prev_first.isoformat(), last.isoformat())

    def run() -> object:
        with store.read() as session:
            return len(portfolio_rows(session, AS_OF))

    def baseline() -> object:
        return len(raw.execute(RAW_SALES, params).fetchall())

    def cleanup() -> None:
        raw.close()
        store.dispose()

    return Pair(run, baseline, cleanup)
