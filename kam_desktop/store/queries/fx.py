"""FX rates as a domain table, and the company's base currency."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.fx import FxTable
from kam_desktop.store.models import FxRate, Setting

DEFAULT_BASE_CURRENCY = "PLN"


def base_currency(session: Session) -> str:
    """The company's base currency (setting `company.base_currency`)."""
    value = session.scalar(select(Setting.value).where(Setting.key == "company.base_currency"))
    return str(value) if value else DEFAULT_BASE_CURRENCY


def fx_table(session: Session, base: str | None = None) -> FxTable:
    """Every rate to the base currency, ready for conversions on any day."""
    base = base or base_currency(session)
    rows = session.execute(
        select(FxRate.rate_date, FxRate.currency, FxRate.rate).where(
            FxRate.base_currency == base, FxRate.deleted_at.is_(None)
        )
    )
    return FxTable.of(base, [(d, c, r) for d, c, r in rows])
