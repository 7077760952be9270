"""How `kamctl accounts list` prints the portfolio: one definition for the express answer and the full CLI."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kam_desktop.cli.output import print_json, print_table
from kam_desktop.services.plain import PortfolioRow

LIST_COLUMNS = ["code", "name", "kind", "owner", "grade", "segment", "ltv_12m", "ltv_12m_base", "open_benefits",
                "pending_exceptions"]


def print_portfolio(rows: Iterable[PortfolioRow], as_json: bool) -> None:
    """The rows as JSON records, or as a table in which every amount carries its currency."""
    records = [portfolio_record(r) for r in rows]
    if as_json:
        print_json(records)
    else:  # the base-currency column says which currency it is
        print_table([_shown(r) for r in records], LIST_COLUMNS)


def portfolio_record(row: PortfolioRow) -> dict[str, Any]:
    return {
        "code": row.code, "name": row.name, "kind": row.kind, "status": row.status, "owner": row.owner,
        "grade": row.grade, "segment": row.segment, "at_risk": row.at_risk, "currency": row.currency,
        "ltv_12m": row.ltv_12m, "ltv_12m_base": row.ltv_12m_base, "base_currency": row.base_currency,
        "ltv_trend_pct": row.trend_pct, "open_benefits": row.open_benefits,
        "pending_exceptions": row.pending_exceptions, "churned": row.churned, "last_invoice_on": row.last_invoice_on,
        "last_statement": row.last_statement,
    }


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    ltv, base = row["ltv_12m"], row["ltv_12m_base"]
    return row | {"ltv_12m": f"{row['currency']} {ltv}" if ltv is not None else None,
                  "ltv_12m_base": f"{row['base_currency']} {base}" if base is not None else None}
