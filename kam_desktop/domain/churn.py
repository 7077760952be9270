"""Churn: an account that has not bought for a number of months (its own module: the quick start reads it
before the first paint, without the rest of the KPIs)."""

from __future__ import annotations

from datetime import date

from kam_desktop.domain.periods import add_months

DEFAULT_CHURN_MONTHS = 6  # the program configuration's default


def churn_cutoff(as_of: date, months: int = DEFAULT_CHURN_MONTHS) -> date:
    """The day an account's last invoice must come after not to be churned on `as_of` (worked out once for a
    whole portfolio)."""
    return add_months(as_of, -months)


def churned_by(last_invoice_on: date | None, cutoff: date) -> bool:
    """Churned, given the `churn_cutoff` of the day."""
    return last_invoice_on is None or last_invoice_on <= cutoff
