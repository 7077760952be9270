"""Business periods: calendar quarters like 2026Q1 and trailing windows of months."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kam_desktop.domain.messages import Refusal

_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)


class PeriodError(Refusal, ValueError):
    """A period written in a form we cannot read."""


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter; `str(q)` is its canonical form, e.g. '2026Q1'."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise PeriodError("quarter number must be 1..4, not {number}", number=self.number)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read '2026Q1' (also '2026-Q1', '2026q1')."""
        match = _QUARTER_RE.match(text)
        if not match:
            raise PeriodError("{text!r} is not a quarter; write it like 2026Q1", text=text)
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Quarter:
        """The quarter a date falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """The last day of the quarter (inclusive)."""
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def plus(self, quarters: int) -> Quarter:
        index = self.year * 4 + (self.number - 1) + quarters
        return Quarter(index // 4, index % 4 + 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def trailing_window(as_of: date, months: int = 12) -> tuple[date, date]:
    """The window (as_of − months, as_of] as an inclusive (first_day, last_day) pair."""
    return add_months(as_of, -months) + timedelta(days=1), as_of
