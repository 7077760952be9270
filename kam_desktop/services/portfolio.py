"""Use cases for the portfolio view: the accounts a person sees, with their figures."""

from __future__ import annotations

from datetime import date

from kam_desktop.services.clock import today
from kam_desktop.store.queries.portfolio import PortfolioRow, portfolio_rows
from kam_desktop.store.store import Store

__all__ = ["PortfolioRow", "list_portfolio"]


def list_portfolio(store: Store, owner_login: str | None = None, as_of: date | None = None) -> list[PortfolioRow]:
    """The accounts (of one KAM, or all), with figures as of `as_of` (default today)."""
    with store.read() as session:
        return portfolio_rows(session, as_of or today(), owner_login)
