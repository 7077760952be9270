"""Closed periods: quarters finance has locked, and where a booking dated in one of them goes instead."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from kam_desktop.domain.ledger import LedgerEntry
from kam_desktop.domain.messages import NoteTemplate, Refusal
from kam_desktop.domain.periods import Quarter

# a booking moved out of a locked quarter keeps its own note and adds this one after NOTE_SEPARATOR
LOCKED_NOTE = NoteTemplate("dated {day} in locked {quarter}, booked in the open period",
                           {"day": date.fromisoformat, "quarter": Quarter.parse})
NOTE_SEPARATOR = "; "


class PeriodLockError(Refusal, ValueError):
    """A lock that cannot be placed (the quarter has not ended yet)."""


@dataclass(frozen=True)
class PeriodLocks:
    """The locked quarters. A lock is final: a locked quarter's figures are what finance reported.

    Nothing is booked into a locked quarter. A correction that belongs to one (a late return, a late
    invoice, a manual adjustment) is booked on the first day of the first open quarter after it and
    says so in its note; what it corrects is named by its link, not by its date.
    """

    locked: frozenset[Quarter] = frozenset()

    def lock(self, quarter: Quarter, today: date) -> PeriodLocks:
        """Lock a finished quarter (locking it again changes nothing)."""
        if today <= quarter.end:
            raise PeriodLockError("{quarter} ends on {end}; it can be locked from {start}", quarter=quarter,
                                  end=quarter.end, start=quarter.next().start)
        return PeriodLocks(self.locked | {quarter})

    def is_locked(self, day: date) -> bool:
        return Quarter.of(day) in self.locked

    def open_day_for(self, day: date) -> date:
        """`day` itself if its quarter is open, else the first day of the next open quarter."""
        quarter = Quarter.of(day)
        if quarter not in self.locked:
            return day
        while quarter in self.locked:
            quarter = quarter.next()
        return quarter.start

    def touched(self, days: Iterable[date]) -> list[Quarter]:
        """The locked quarters some of `days` fall in (an import says so before it books anything)."""
        return sorted({Quarter.of(day) for day in days} & self.locked)

    def relocate(self, entry: LedgerEntry) -> LedgerEntry:
        """The entry booked in the open period if it is dated in a locked quarter; a lot is never born expired.

        Only for entries that take from no lot: which lots are usable depends on the booking day, so an
        entry that allocates is built on `open_day_for(day)` in the first place.
        """
        day = self.open_day_for(entry.booked_on)
        if day == entry.booked_on:
            return entry
        if entry.allocations:
            raise PeriodLockError("{key}: takes from lots; build it on {day} instead of moving it",
                                  key=entry.idempotency_key, day=day)
        expires_on = entry.expires_on
        if expires_on is not None and expires_on < day:
            expires_on = Quarter.of(day).end
        moved = LOCKED_NOTE.fill(day=entry.booked_on, quarter=Quarter.of(entry.booked_on))
        note = f"{entry.note}{NOTE_SEPARATOR}{moved}" if entry.note else moved
        return replace(entry, booked_on=day, expires_on=expires_on, note=note)

    def relocate_all(self, entries: Iterable[LedgerEntry]) -> list[LedgerEntry]:
        if not self.locked:  # nothing moves (a close's 30,000 entries are not each asked)
            return list(entries)
        return [self.relocate(e) for e in entries]

    def violations(self, entries: Iterable[LedgerEntry]) -> list[str]:
        """Every new entry that would be booked into a locked quarter (empty when all are in open periods)."""
        return [
            f"{e.idempotency_key}: booked on {e.booked_on.isoformat()}, in locked {Quarter.of(e.booked_on)}"
            for e in entries
            if self.is_locked(e.booked_on)
        ]
