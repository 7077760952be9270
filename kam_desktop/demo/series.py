"""Sales history: per-account profiles and the invoice lines they produce, in integer minor units.

One generator serves the demo (tens of thousands of lines, written through SQLAlchemy) and the
benchmarks (millions, written raw), so it yields plain tuples of ints and strings and leaves typing
to the writer: (id as int, invoice_no, line_no, day index, account index, category index,
quantity in thousandths, net in cents, margin in cents).
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from kam_desktop.demo.catalog import CATEGORIES, PRICE_FACTOR

HISTORY_YEARS = 3
CHURN_QUIET_MONTHS = 6

_V4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_V4_SET = (0x4000 << 64) | (0x8000 << 48)


def uuid4_int(rng: random.Random) -> int:
    """The integer of a version-4 UUID drawn from `rng` (same as uuid.UUID(int=…, version=4).int)."""
    return (rng.getrandbits(128) & _V4_CLEAR) | _V4_SET


@dataclass(frozen=True)
class SalesProfile:
    """How one account buys over the history."""

    size: float  # invoices per month at the start of the history
    growth: float  # yearly trend: +0.3 grows 30% a year, -0.3 declines
    first_month: int  # month index of the first purchase (0 = start of history)
    last_month: int | None  # churned: the last month with purchases
    categories: tuple[int, ...]
    cumulative: tuple[float, ...]  # cumulative weights over `categories`
    price_factor: float
    return_rate: float

    @property
    def churned(self) -> bool:
        return self.last_month is not None


def sales_profile(rng: random.Random, currency: str, months: int, partner: bool) -> SalesProfile:
    """A random but plausible buyer: size, trend, churn, basket."""
    size = rng.lognormvariate(0.0, 0.8) * (1.6 if partner else 1.0) * 2.2
    draw = rng.random()
    growth = rng.uniform(-0.45, -0.08) if draw < 0.28 else rng.uniform(0.15, 0.8) if draw > 0.72 else rng.uniform(-0.08, 0.15)
    first = rng.randrange(6, months - 8) if rng.random() < 0.1 else 0
    churns = rng.random() < 0.09
    low, high = max(first + 3, 10), months - CHURN_QUIET_MONTHS - 1
    last = rng.randrange(low, high) if churns and low < high else None
    count = rng.randint(2, 6)
    cats = tuple(sorted(rng.sample(range(len(CATEGORIES)), count)))
    total, cumulative = 0.0, []
    for _ in cats:
        total += rng.random() + 0.2
        cumulative.append(total)
    return SalesProfile(
        size=size, growth=growth, first_month=first, last_month=last, categories=cats,
        cumulative=tuple(c / total for c in cumulative),
        price_factor=PRICE_FACTOR[currency] * rng.uniform(0.9, 1.1), return_rate=rng.uniform(0.003, 0.03),
    )


def history_start(as_of: date) -> date:
    """The first day of the history: three years before `as_of` (the day after)."""
    try:
        return as_of.replace(year=as_of.year - HISTORY_YEARS) + timedelta(days=1)
    except ValueError:  # 29 February
        return date(as_of.year - HISTORY_YEARS, 3, 1)


def month_spans(as_of: date) -> list[tuple[int, int, int, int]]:
    """(year, month, first day index, last day index) per calendar month of the history (days from start)."""
    start = history_start(as_of)
    spans, year, month = [], start.year, start.month
    while (year, month) <= (as_of.year, as_of.month):
        first = max(date(year, month, 1), start)
        nxt = date(year + month // 12, month % 12 + 1, 1)
        last = min(nxt - timedelta(days=1), as_of)
        spans.append((year, month, (first - start).days, (last - start).days))
        year, month = nxt.year, nxt.month
    return spans


@dataclass
class LineGenerator:
    """Invoice lines for a list of profiles, month by month; totals of the last 12 months on the side."""

    profiles: list[SalesProfile]
    as_of: date
    rng: random.Random
    days: list[date] = field(init=False)
    # (account, category) -> [quantity thousandths, net cents] over the trailing 12 months
    category_totals: dict[tuple[int, int], list[int]] = field(init=False, default_factory=dict)
    # account -> [net cents, margin cents] over the trailing 12 months
    account_totals: dict[int, list[int]] = field(init=False, default_factory=dict)
    returns: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        start = history_start(self.as_of)
        self.days = [start + timedelta(days=i) for i in range((self.as_of - start).days + 1)]

    def chunks(self, size: int = 50_000) -> Iterator[list[tuple[int, str, int, int, int, int, int, int, int]]]:
        chunk: list[tuple[int, str, int, int, int, int, int, int, int]] = []
        for line in self._lines():
            chunk.append(line)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _lines(self) -> Iterator[tuple[int, str, int, int, int, int, int, int, int]]:
        rng, spans = self.rng, month_spans(self.as_of)
        last_day = len(self.days) - 1
        recent_from = last_day - 365
        for m, (year, month, first_day, end_day) in enumerate(spans):
            seq, ret_seq = 0, 0
            t = m / 12.0
            for a, p in enumerate(self.profiles):
                if m < p.first_month or (p.last_month is not None and m > p.last_month):
                    continue
                expected = p.size * (1.0 + p.growth) ** t * (end_day - first_day + 1) / 30.4
                invoices = int(expected) + (rng.random() < expected - int(expected))
                for _ in range(invoices):
                    seq += 1
                    number = f"FV/{year}/{month:02d}/{seq:06d}"
                    day = rng.randint(first_day, end_day)
                    n_lines = 1 + int(rng.random() * rng.random() * 5)
                    for line_no in range(1, n_lines + 1):
                        cat = p.categories[bisect.bisect_left(p.cumulative, rng.random())]
                        line = self._line(rng, p, a, cat, number, line_no, day, month, recent_from)
                        yield line
                        if rng.random() < p.return_rate:
                            ret_seq += 1
                            ret_day = min(day + rng.randint(3, 30), last_day)
                            ret = self._return(rng, line, f"KOR/{year}/{month:02d}/{ret_seq:05d}", ret_day)
                            self._count(a, cat, ret, recent_from)
                            self.returns += 1
                            yield ret

    def _line(self, rng: random.Random, p: SalesProfile, a: int, cat: int, number: str, line_no: int,
              day: int, month: int, recent_from: int) -> tuple[int, str, int, int, int, int, int, int, int]:
        c = CATEGORIES[cat]
        units = rng.uniform(c.units[0], c.units[1]) * c.season[month - 1]
        qty = round(units * 2) * 500 if c.fractional else max(1, round(units)) * 1000
        qty = max(qty, 500)
        unit_cents = round(c.unit_price_cents * p.price_factor * rng.uniform(0.92, 1.08))
        net = max(1, unit_cents * qty // 1000)
        margin = round(net * rng.uniform(*c.margin))
        line = (uuid4_int(rng), number, line_no, day, a, cat, qty, net, margin)
        self._count(a, cat, line, recent_from)
        return line

    @staticmethod
    def _return(rng: random.Random, line: tuple[int, str, int, int, int, int, int, int, int], number: str,
                day: int) -> tuple[int, str, int, int, int, int, int, int, int]:
        _, _, _, _, a, cat, qty, net, margin = line
        share = rng.choice((1.0, 0.5, 0.25))
        ret_qty = max(500, round(qty * share / 500) * 500)
        ret_qty = min(ret_qty, qty)
        return (uuid4_int(rng), number, 1, day, a, cat, -ret_qty, -(net * ret_qty // qty), -(margin * ret_qty // qty))

    def _count(self, a: int, cat: int, line: tuple[int, str, int, int, int, int, int, int, int],
               recent_from: int) -> None:
        if line[3] <= recent_from:
            return
        per_cat = self.category_totals.setdefault((a, cat), [0, 0])
        per_cat[0] += line[6]
        per_cat[1] += line[7]
        per_account = self.account_totals.setdefault(a, [0, 0])
        per_account[0] += line[7]
        per_account[1] += line[8]
