"""Churn: an account that has not bought for a number of months (its own module: the quick start reads it
before the first paint, without the rest of the KPIs)."""

from __future__ import annotations

from datetime import date

from kam_desktop.domain.periods import add_months

DEFAULT_CHURN_MONTHS = 6  # the program configuration's default


def is_churned(last_invoice_on: date | None, as_of: date, months: int = DEFAULT_CHURN_MONTHS) -> bool:
    """Churned: no invoice in the last `months` months (an account that never bought is churned too)."""
    return last_invoice_on is None or last_invoice_on <= add_months(as_of, -months)
