"""One portfolio row as the screens show it; plain values, no SQLAlchemy (the first paint imports it)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import Any, TypeVar

from kam_desktop.domain.churn import DEFAULT_CHURN_MONTHS, churned_by
from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.periods import add_months, trailing_window
from kam_desktop.store.codec import scaled_decimal, uuid_of_hex
from kam_desktop.store.sales_months import WINDOW_PARAMETERS, whole_months, window_parameters

DATE_PARAMETERS = ("first", "prev_first", "last", "window_start", "as_of")  # the portfolio statement's days
# the whole months of the LTV year, of the year before and of the sales window: roll-up months no boundary cuts
MONTH_PARAMETERS = ("ltv_month_lo", "ltv_month_hi", "prev_month_lo", "prev_month_hi", "all_month_lo", "all_month_hi")
_Day = TypeVar("_Day", date, str)
MONEY_SCALE = 2  # as the Money() column type keeps it on SQLite
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


def sqlite_rows(stored: Iterable[Sequence[Any]], cutoff: date, fx: FxTable | None = None,
                as_of: date | None = None) -> list[PortfolioRow]:
    """The portfolio statement's rows as SQLite returns them (hex ids, integer cents, ISO days) as `PortfolioRow`s:
    the quick start's and the service's reader on SQLite alike (SQLAlchemy's result processing cost ~1.5 us a row).
    `cutoff`: the day's `churn_cutoff`; `fx`: also each LTV in its base currency on `as_of`. The rows come in any
    order (the statement reads accounts in id order on SQLite) and leave in code order: Python compares texts by
    code point, as SQLite's BINARY collation compares their UTF-8 bytes."""
    zero = Decimal("0.00")

    # Each row's kind, status, owner, currency, region, grade and days repeat across thousands of accounts, yet
    # sqlite3 makes a new object for every cell: one shared object per value keeps 20,000 rows ~6 MB smaller.
    # (`one` is the dict's own method: a Python function around it cost ~10 ms per 20,000 rows.)
    one: Callable[[Any, Any], Any] = {None: None}.setdefault
    days: dict[str | None, date | None] = {None: None, "": None}

    def day(text: str | None) -> date | None:
        found = days.get(text, days)
        if found is days:
            found = days[text] = date.fromisoformat(text)  # type: ignore[arg-type]  # not None: in `days`
        return found  # type: ignore[return-value]

    def ltv_of(amount: int | None) -> Decimal:
        return zero if amount is None else scaled_decimal(amount, MONEY_SCALE)

    # inlined per row (a Python call is ~0.1 us, 20,000 rows): a SQLite integer sum scaled as `scaled_decimal` does
    # (an int64 is always under its exact bound), a day as `day` does, and `later`
    dec, unit, is_int = Decimal, Decimal(1).scaleb(-MONEY_SCALE), int
    base = None if fx is None else fx.base
    rows = [
        PortfolioRow(
            uuid_of_hex(account_id), code, name, one(kind, kind), one(status, status), one(owner, owner),
            one(currency, currency), one(region, region), one(grade, grade), one(segment, segment), bool(at_risk),
            days[evaluated_on] if evaluated_on in days else day(evaluated_on),
            (ltv_12m := dec(ltv) * unit if type(ltv) is is_int else ltv_of(ltv)),
            dec(ltv_prev) * unit if type(ltv_prev) is is_int else ltv_of(ltv_prev),
            benefits or 0, exceptions or 0,
            None if fx is None else base_ltv(fx, ltv_12m, currency, as_of),  # type: ignore[arg-type]  # with fx
            base,
            (last_on := day(edge_last if last_invoice is None or (edge_last is not None and edge_last > last_invoice)
                            else last_invoice)),
            churned_by(last_on, cutoff),
            one(statement, statement),
        )  # positional, in the order of PortfolioRow's fields (a test compares with the service's rows)
        for (account_id, code, name, kind, status, owner, currency, region, grade, segment, at_risk, evaluated_on,
             ltv, ltv_prev, benefits, exceptions, last_invoice, edge_last, statement)
        in stored
    ]
    rows.sort(key=_code)
    return rows


_code = attrgetter("code")
