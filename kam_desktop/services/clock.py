"""The business clock, passed into every use case: today's date and the moment an action is recorded."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Protocol


class Clock(Protocol):
    """What a use case asks of time: the business date, and the UTC moment to stamp a record with."""

    def today(self) -> date: ...

    def now(self) -> datetime: ...


@dataclass(frozen=True)
class SystemClock:
    """The real date and time, in UTC."""

    def today(self) -> date:
        return datetime.now(UTC).date()

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class FixedClock:
    """A business date other than today (tests, the demo's as-of, benchmarks).

    Records made on it are stamped at the real moment when that falls on the same day, else at midnight
    UTC of the business date, so that a document issued "on" a past day says that day.
    """

    day: date

    def today(self) -> date:
        return self.day

    def now(self) -> datetime:
        now = datetime.now(UTC)
        return now if now.date() == self.day else datetime.combine(self.day, time(0, 0), tzinfo=UTC)


def clock_from_environment() -> Clock:
    """The clock a start uses: `KAM_TODAY=YYYY-MM-DD` fixes the business date (read here, and only here)."""
    override = os.environ.get("KAM_TODAY")
    return FixedClock(date.fromisoformat(override)) if override else SystemClock()

