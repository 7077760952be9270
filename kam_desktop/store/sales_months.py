"""Which months of a day-exact sales window the roll-up answers and which only the invoice lines can (no SQL).

The roll-up (`sales_rollup`) is monthly, while every window the screens read is day-exact, e.g. the trailing
12 months (2025-12-05 … 2026-12-04). A month that no window boundary cuts is read whole from the roll-up; a
month a boundary cuts (December 2025 and December 2026 above) is read from its lines between the boundaries.
The quick start binds these values to its precompiled statement, so this module imports no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

EDGE_SLOTS = 4  # the most cut months one statement reads from lines (the portfolio's four boundaries)
NO_MONTH = "0000-00"  # an unused slot: matches no roll-up month
EMPTY_FROM, EMPTY_TO = date.max, date.min  # an unused slot's line range: no day is in it


def month_key(day: date) -> str:
    """The roll-up's month of a day: "YYYY-MM"."""
    return f"{day.year:04d}-{day.month:02d}"


def month_span(month: str) -> tuple[date, date]:
    """The first and last day of a "YYYY-MM" month."""
    year, number = int(month[:4]), int(month[5:7])
    first = date(year, number, 1)
    following = date(year + number // 12, number % 12 + 1, 1)
    return first, following - timedelta(days=1)


def whole_months(first: date, last: date) -> tuple[str, str]:
    """The first and last month lying wholly in [first, last] ("YYYY-MM"; the first is after the last when there
    is none): a range of roll-up months that no boundary of [first, last] cuts, to select without a NOT IN."""
    lo = first if first.day == 1 else month_span(month_key(first))[1] + timedelta(days=1)
    following = last + timedelta(days=1)
    hi = last if following.day == 1 else following.replace(day=1) - timedelta(days=1)
    return month_key(lo), month_key(hi)


def cut_months(first: date, last: date, inner: Iterable[date] = ()) -> list[str]:
    """The months of [first, last] that a boundary cuts: where `first`, an inner boundary (the first day of a
    sub-window) or the day after `last` falls on another day than the 1st."""
    starts = {first, *inner, last + timedelta(days=1)}
    months = {month_key(day) for day in starts if day.day != 1 and first <= day <= last + timedelta(days=1)}
    return sorted(m for m in months if month_key(first) <= m <= month_key(last))


def window_parameters(first: date, last: date, inner: Iterable[date] = ()) -> dict[str, date | str]:
    """The values a windowed sales statement binds: the roll-up's month range, and per cut month its key and the
    days of it inside the window (unused slots match nothing)."""
    months = cut_months(first, last, inner)
    if len(months) > EDGE_SLOTS:
        raise ValueError(f"a sales window can have at most {EDGE_SLOTS} cut months, not {len(months)}")
    values: dict[str, date | str] = {"month_lo": month_key(first), "month_hi": month_key(last)}
    for slot in range(1, EDGE_SLOTS + 1):
        if slot <= len(months):
            month = months[slot - 1]
            month_first, month_last = month_span(month)
            values.update({f"edge_{slot}": month, f"edge_{slot}_from": max(month_first, first),
                           f"edge_{slot}_to": min(month_last, last)})
        else:
            values.update({f"edge_{slot}": NO_MONTH, f"edge_{slot}_from": EMPTY_FROM, f"edge_{slot}_to": EMPTY_TO})
    return values


WINDOW_PARAMETERS = tuple(window_parameters(date(2000, 1, 1), date(2000, 1, 31)))  # every name, in order
