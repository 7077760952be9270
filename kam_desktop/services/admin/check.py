"""`kamctl check`: the sales roll-up compared with a fresh aggregation of the invoice lines."""

from __future__ import annotations

from sqlalchemy import select

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.plain import RollupCheck
from kam_desktop.store import rollup
from kam_desktop.store.models import Account


def check_rollup(ctx: Context) -> RollupCheck:
    """Consistent, or the first account (by id) and month where the roll-up and the lines differ."""
    ctx.permit(UseCase.CHECK_ROLLUP)
    with ctx.read() as session:
        first = rollup.first_difference(session.connection())
        if first is None:
            return RollupCheck()
        account_id, month = first
        code = session.scalar(select(Account.code).where(Account.id == account_id))
    return RollupCheck(code or str(account_id), month)
