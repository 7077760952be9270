"""Use cases for the portfolio view: the accounts a person sees, with their figures."""

from __future__ import annotations

from datetime import date

from kam_desktop.services.clock import today
from kam_desktop.store.portfolio_row import PortfolioRow, with_base_ltv
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.portfolio import portfolio_rows
from kam_desktop.store.store import Store

__all__ = ["PortfolioRow", "list_portfolio"]


def list_portfolio(store: Store, owner_login: str | None = None, as_of: date | None = None) -> list[PortfolioRow]:
    """The accounts (of one KAM, or all), with figures as of `as_of` (default today).

    LTV comes in the account's currency and, for comparing and sorting across accounts, in the base
    currency at the rate in force on `as_of` (None where no rate exists yet).
    """
    as_of = as_of or today()
    with store.read() as session:
        rows = portfolio_rows(session, as_of, owner_login)
        fx = fx_table(session)
    return [with_base_ltv(row, fx, as_of) for row in rows]

