"""One portfolio row as the screens show it; plain values, no SQLAlchemy (the first paint imports it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from kam_desktop.domain.churn import DEFAULT_CHURN_MONTHS
from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.periods import add_months, trailing_window
from kam_desktop.store.sales_months import WINDOW_PARAMETERS, whole_months, window_parameters

DATE_PARAMETERS = ("first", "prev_first", "last", "window_start", "as_of")  # the portfolio statement's days
# the whole months of the LTV year, of the year before and of the sales window: roll-up months no boundary cuts
MONTH_PARAMETERS = ("ltv_month_lo", "ltv_month_hi", "prev_month_lo", "prev_month_hi", "all_month_lo", "all_month_hi")
_Day = TypeVar("_Day", date, str)
PARAMETERS = (*DATE_PARAMETERS, *MONTH_PARAMETERS, *WINDOW_PARAMETERS)  # … and how its sales window is split


@dataclass(slots=True)
class PortfolioRow:
    """One account's line of the portfolio; a value: never changed after it is made (`dataclasses.replace`).

    Not `frozen`: a frozen dataclass sets each of its 21 fields through `object.__setattr__`, ten times the cost
    of a plain one, and a start at 20,000 accounts makes 20,000 of them before the first paint.
    """

    account_id: uuid.UUID
    code: str
    name: str
    kind: str
    status: str
    owner: str | None
    currency: str
    region: str | None
    grade: str | None
    segment: str | None
    at_risk: bool
    evaluated_on: date | None
    ltv_12m: Decimal
    ltv_prev_12m: Decimal
    open_benefits: int
    pending_exceptions: int
    # LTV in the company's base currency (filled by the portfolio service; None without an FX rate)
    ltv_12m_base: Decimal | None = None
    base_currency: str | None = None
    last_invoice_on: date | None = None  # within the window the portfolio reads (at least 24 months)
    churned: bool = False  # no invoice for the program's churn period (never bought counts too)
    last_statement: str | None = None  # period of the latest issued quarterly statement, e.g. 2026Q1

    @property
    def trend_pct(self) -> Decimal | None:
        """Change of LTV against the 12 months before, in %; None when there was nothing before."""
        if self.ltv_prev_12m <= 0:
            return None
        return ((self.ltv_12m - self.ltv_prev_12m) * 100 / self.ltv_prev_12m).quantize(Decimal("0.1"))


def sales_window_start(as_of: date, churn_months: int) -> date:
    """The first invoice day the portfolio reads: 24 months for LTV and its trend, longer if churn looks further."""
    prev_first, _ = trailing_window(as_of, 24)
    return min(prev_first, add_months(as_of, -churn_months) + timedelta(days=1))


def portfolio_dates(as_of: date, churn_after: int = DEFAULT_CHURN_MONTHS) -> dict[str, date | str]:
    """The values the portfolio statement binds: the days it compares with (the two trailing years, the sales
    window, `as_of`) and which months of its sales window the roll-up answers (`store/sales_months.py`)."""
    first, last = trailing_window(as_of, 12)
    prev_first, _ = trailing_window(as_of, 24)
    window_start = sales_window_start(as_of, churn_after)
    # a month a boundary cuts is in no sum's range of whole months: it is an edge, read from its lines
    (ltv_lo, ltv_hi), (prev_lo, prev_hi) = whole_months(first, last), whole_months(prev_first, first - timedelta(days=1))
    all_lo, all_hi = whole_months(window_start, last)
    return {"first": first, "prev_first": prev_first, "last": last, "window_start": window_start, "as_of": as_of,
            "ltv_month_lo": ltv_lo, "ltv_month_hi": ltv_hi, "prev_month_lo": prev_lo, "prev_month_hi": prev_hi,
            "all_month_lo": all_lo, "all_month_hi": all_hi,
            **window_parameters(window_start, last, (prev_first, first))}


def later(day: _Day | None, other: _Day | None) -> _Day | None:
    """The later of two days (dates, or ISO texts as SQLite returns them), either of which may be None: the
    portfolio statement gives the latest invoice day of its roll-up months and of its cut months apart."""
    if day is None or (other is not None and other > day):
        return other
    return day


def with_base_ltv(row: PortfolioRow, fx: FxTable, as_of: date) -> PortfolioRow:
    """The row with its LTV also in the base currency (None where no rate exists yet on `as_of`)."""
    return replace(row, ltv_12m_base=base_ltv(fx, row.ltv_12m, row.currency, as_of), base_currency=fx.base)


def base_ltv(fx: FxTable, ltv: Decimal, currency: str, as_of: date) -> Decimal | None:
    """An LTV in the base currency at the rate in force on `as_of`; None where no rate exists yet."""
    try:
        return fx.to_base(ltv, currency, as_of)
    except MissingRateError:
        return None
