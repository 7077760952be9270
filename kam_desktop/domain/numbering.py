"""Document numbers (`ANX-2026-00042`) that never collide between laptops issuing offline.

The design (pure functions here; the leases live in the store, phase 2):

* A number is `PREFIX-YYYY-NNNNN`: the kind of document, the year of issue, a sequence 1…99 999 that
  restarts each year. One sequence space per (prefix, year).
* Every laptop is registered once and gets a **device number** (1…`MAX_DEVICES`) from the server; the
  embedded single-user install is device 1.
* **Leased blocks.** When online, a laptop leases a block of consecutive numbers (default 200) from the
  server: the next free block below `RESERVE_START`, right after the highest block leased in that space
  (the rule lives once, in the server's `kam.lease_number_block`, serialised there per prefix and year —
  db/server/70_numbering.sql). Blocks never overlap (`overlapping` is the invariant a laptop checks again
  when it records a block), so two laptops issuing offline from their own blocks cannot produce the same
  number. The server stores the lease before the laptop uses it; a lease is for one prefix and one year.
  A laptop asks for the next block while online once fewer than `LOW_WATER` numbers are left
  (`needs_new_lease`), and leases the coming year's block in December.
* **Reserve.** If a laptop runs out of leased numbers while offline (or the year turns over offline), it
  falls back to its own reserve slice, computed from its device number alone — no server needed:
  `RESERVE_START + (device − 1) × RESERVE_SIZE + 1 …`. The server never leases numbers ≥ `RESERVE_START`,
  so reserve numbers are unique too. Gaps in the sequence are expected and harmless (unused numbers of
  a lease or a reserve); duplicates are impossible by construction.
* Solo mode (no server) uses `solo_block`: device 1 owns the whole leasable range.

Capacity per prefix and year: 89 999 leased numbers plus 50 reserve numbers for each of 200 devices.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from kam_desktop.domain.messages import Refusal


class NumberingError(Refusal, ValueError):
    """A document number that cannot be read, or no number left in a device's blocks."""


PREFIXES = ("AGR", "ANX", "STM")
# every prefix the app numbers with (documents, exception requests, payouts, adjustments, MDF claims): a team
# laptop keeps a leased block of each
LEASED_PREFIXES = (*PREFIXES, "EXC", "RBN", "DSC", "MDT", "ADJ", "MDF")
MAX_SEQUENCE = 99_999
RESERVE_START = 90_000
RESERVE_SIZE = 50
MAX_DEVICES = (MAX_SEQUENCE - RESERVE_START) // RESERVE_SIZE  # 199
DEFAULT_BLOCK = 200
LOW_WATER = 20

_NUMBER_RE = re.compile(r"^([A-Z]{3})-(\d{4})-(\d{5})$")


@dataclass(frozen=True, order=True)
class DocumentNumber:
    prefix: str
    year: int
    sequence: int

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Z]{3}", self.prefix):
            raise NumberingError("prefix {prefix!r} must be three capital letters, e.g. ANX", prefix=self.prefix)
        if not 1 <= self.sequence <= MAX_SEQUENCE:
            raise NumberingError("sequence {sequence} is outside 1…{last}", sequence=self.sequence, last=MAX_SEQUENCE)
        if not 1000 <= self.year <= 9999:
            raise NumberingError("year {year} must have four digits", year=self.year)

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        match = _NUMBER_RE.match(text.strip())
        if not match:
            raise NumberingError("{text!r} is not a document number; write it like ANX-2026-00042", text=text)
        return cls(match.group(1), int(match.group(2)), int(match.group(3)))

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year:04d}-{self.sequence:05d}"


@dataclass(frozen=True)
class NumberBlock:
    """Sequences `first`…`last` (inclusive) of one prefix and year, owned by one device."""

    prefix: str
    year: int
    first: int
    last: int
    device: int

    def __post_init__(self) -> None:
        if not 1 <= self.first <= self.last <= MAX_SEQUENCE:
            raise NumberingError("block {first}…{last} is not a range within 1…{limit}", first=self.first,
                                 last=self.last, limit=MAX_SEQUENCE)
        _check_device(self.device)

    @property
    def size(self) -> int:
        return self.last - self.first + 1

    def contains(self, sequence: int) -> bool:
        return self.first <= sequence <= self.last

    def overlaps(self, other: NumberBlock) -> bool:
        same_space = (self.prefix, self.year) == (other.prefix, other.year)
        return same_space and self.first <= other.last and other.first <= self.last


def _check_device(device: int) -> None:
    if not 1 <= device <= MAX_DEVICES:
        raise NumberingError("device number {device} is outside 1…{limit}", device=device, limit=MAX_DEVICES)


def reserve_block(prefix: str, year: int, device: int) -> NumberBlock:
    """The device's own reserve slice, usable offline without any lease."""
    _check_device(device)
    first = RESERVE_START + (device - 1) * RESERVE_SIZE + 1
    return NumberBlock(prefix, year, first, first + RESERVE_SIZE - 1, device)


def solo_block(prefix: str, year: int) -> NumberBlock:
    """The single-user install (no server): device 1 leases the whole leasable range at once."""
    return NumberBlock(prefix, year, 1, RESERVE_START - 1, 1)


def _usable(blocks: Iterable[NumberBlock], prefix: str, year: int, device: int) -> list[NumberBlock]:
    own = [b for b in blocks if (b.prefix, b.year, b.device) == (prefix, year, device)]
    return sorted(own, key=lambda b: b.first) + [reserve_block(prefix, year, device)]


def next_number(
    blocks: Iterable[NumberBlock], used: Collection[int], prefix: str, year: int, device: int
) -> DocumentNumber:
    """The lowest sequence not yet `used` in the device's leased blocks, then in its reserve.

    `used` holds the sequences this device already issued for (prefix, year).
    """
    for block in _usable(blocks, prefix, year, device):
        start = max([s + 1 for s in used if block.contains(s)], default=block.first)
        if start <= block.last:
            return DocumentNumber(prefix, year, start)
    raise NumberingError("device {device} has no {prefix} numbers left for {year}; connect to the server to lease a "
                         "block", device=device, prefix=prefix, year=year)


def remaining(blocks: Iterable[NumberBlock], used: Collection[int], prefix: str, year: int, device: int) -> int:
    """How many numbers the device can still issue from its leases (the reserve not counted)."""
    leased = _usable(blocks, prefix, year, device)[:-1]
    total = 0
    for block in leased:
        highest = max([s for s in used if block.contains(s)], default=block.first - 1)
        total += block.last - highest
    return total


def needs_new_lease(
    blocks: Iterable[NumberBlock], used: Collection[int], prefix: str, year: int, device: int
) -> bool:
    """True when the device should lease another block at the next chance to reach the server."""
    return remaining(list(blocks), used, prefix, year, device) < LOW_WATER


def overlapping(blocks: Iterable[NumberBlock]) -> list[tuple[NumberBlock, NumberBlock]]:
    """Every pair of blocks that share a number (the leases' invariant: must be empty)."""
    items = list(blocks)
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1:] if a.overlaps(b)]
