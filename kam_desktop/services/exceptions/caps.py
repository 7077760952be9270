"""The policy cap a request would go beyond, before it is saved: what the exception form shows beside the
requested value (the same cap `request_exception` stores)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import ExceptionKind
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Refused
from kam_desktop.services.exceptions.requests import UNITS, policy_cap
from kam_desktop.services.program.policy import check_in


@dataclass(frozen=True)
class Cap:
    """A cap of the commercial policy for one account: its value in `unit` (pct, days, money, units)."""

    kind: str
    value: Decimal
    unit: str
    grade: str
    currency: str
    policy: str


def cap_for(ctx: Context, code: str, kind: str, on: date | None = None) -> Cap:
    """The cap of `kind` for the account's grade and 12-month margin on `on` (today)."""
    day = on or ctx.today()
    try:
        exception_kind = ExceptionKind(kind)
    except ValueError:
        raise Refused("unknown exception kind {kind!r}; choose one of {kinds}", kind=kind,
                           kinds=", ".join(k.value for k in ExceptionKind)) from None
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.REQUEST_EXCEPTION, code)
        facts = check_in(session, account, day)
        value = policy_cap(session, exception_kind, facts.grade, facts.gross_margin_12m, day, account.currency)
    return Cap(kind, value, UNITS[exception_kind], facts.grade, account.currency, facts.policy)
