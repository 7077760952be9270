"""The portfolio a person sees: a KAM their own accounts, directors, finance and admins every account."""

from __future__ import annotations

from datetime import date

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.plain import AccountWallet
from kam_desktop.store.portfolio_row import PortfolioRow, with_base_ltv
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.portfolio import portfolio_rows

__all__ = ["PortfolioRow", "portfolio", "portfolio_wallets"]


def portfolio(ctx: Context, owner: str | None = None, as_of: date | None = None) -> list[PortfolioRow]:
    """The accounts the actor may see (of one KAM when `owner` is given), with figures as of `as_of`.

    LTV comes in the account's currency and, for comparing and sorting across accounts, in the base
    currency at the rate in force on `as_of` (None where no rate exists yet).
    """
    owner = ctx.owner_filter(UseCase.VIEW_PORTFOLIO, owner)
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        rows = portfolio_rows(session, as_of, owner)
        fx = fx_table(session)
    return [with_base_ltv(row, fx, as_of) for row in rows]


def portfolio_wallets(ctx: Context, as_of: date | None = None) -> dict[str, AccountWallet]:
    """Share of wallet and slot value of every account the actor sees (keyed by account id text).

    Read after the portfolio itself: it sums sales per account and category, which at 20,000 accounts
    takes seconds, and the rows must not wait for it.
    """
    # not loaded by `kamctl accounts list`
    from kam_desktop.services.potential import remembered_portfolio_potential

    owner = ctx.owner_filter(UseCase.VIEW_PORTFOLIO)
    with ctx.read() as session:
        # its medians kept for the account views: the first account opened then places itself at once
        potential = remembered_portfolio_potential(session, as_of or ctx.today(), ctx.store.url)
        mine = None if owner is None else {str(row.account_id) for row in portfolio_rows(session, ctx.today(), owner)}
    return {key: AccountWallet(p.share_money, p.slot_money) for key, p in potential.potentials.items()
            if mine is None or key in mine}
