"""The bulk writer's roll-up cells summed in numpy (`lines.CellSums`) equal SQLite's aggregation of the same stored
lines (`rollup.aggregation`'s GROUP BY: month by `substr`, latest day by `max`), across batches."""

from __future__ import annotations

import random
import sqlite3

from kam_desktop.services.imports.lines import CellSums

_SQL = ("SELECT account, substr(day, 1, 7), category, currency, sum(net), sum(margin), sum(qty), count(*), max(day) "
        "FROM lines GROUP BY 1, 2, 3, 4")


def _random_lines(rnd: random.Random, count: int, big: bool = False) -> list[tuple[str, str, str, str, int, int, int]]:
    accounts = [f"{rnd.getrandbits(128):032x}" for _ in range(7)]
    categories = [f"{rnd.getrandbits(128):032x}" for _ in range(3)]
    top = 4 * 10 ** 18 if big else 10 ** 12
    return [(rnd.choice(accounts), f"{rnd.choice([1999, 2025, 2026])}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
             rnd.choice(categories), rnd.choice(["PLN", "EUR", "RUB"]), rnd.randint(-top, top), rnd.randint(-top, top),
             rnd.randint(-10 ** 9, 10 ** 9)) for _ in range(count)]


def _summed(lines: list[tuple[str, str, str, str, int, int, int]], batch: int) -> list[tuple[object, ...]] | None:
    sums = CellSums()
    for start in range(0, len(lines), batch):
        account, day, category, currency, net, margin, qty = (list(c) for c in zip(*lines[start:start + batch],
                                                                                   strict=True))
        sums.add(account, day, category, currency, (net, margin, qty))
    return sums.cells()


def _aggregated(lines: list[tuple[str, str, str, str, int, int, int]]) -> list[tuple[object, ...]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE lines (account TEXT, day TEXT, category TEXT, currency TEXT, net INTEGER, "
               "margin INTEGER, qty INTEGER)")
    db.executemany("INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?)", lines)
    return sorted(db.execute(_SQL).fetchall())


def test_cells_equal_sqlites_aggregation_across_batches() -> None:
    rnd = random.Random(15)
    for count, batch in ((1, 1), (50, 7), (3_000, 1_000), (3_000, 5_000)):
        lines = _random_lines(rnd, count)
        summed = _summed(lines, batch)
        assert summed is not None
        assert sorted(summed) == _aggregated(lines)


def test_no_cells_from_no_lines() -> None:
    assert CellSums().cells() == []


def test_sums_int64_might_not_hold_are_left_to_sql() -> None:
    lines = _random_lines(random.Random(16), 10, big=True)
    assert _summed(lines, 4) is None
