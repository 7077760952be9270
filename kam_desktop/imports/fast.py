"""Whole-column checks in one regex pass: the happy path of a million clean rows stays in C."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

# Per-cell pandas string methods cost about a microsecond a cell; joining a column with newlines and
# matching it once with possessive quantifiers costs a few nanoseconds. A column that fails the
# one-pass check falls back to the exact per-cell path, which also finds the bad rows.


@lru_cache(maxsize=64)
def _whole(fragment: str) -> re.Pattern[str]:
    item = f"(?:{fragment})?+"
    return re.compile(f"(?:{item}\\n)*+{item}")


def cells(series: pd.Series) -> np.ndarray:
    values: np.ndarray = series.to_numpy(dtype=object)
    return values


# The columns joined last (the Series objects themselves, so that an id is never reused while kept): a chunk's
# column is joined by the edge trim, the character check and its parser in turn, each after every other column's.
_last: list[tuple[pd.Series, str]] = []
_KEPT = 16


def joined(series: pd.Series) -> str:
    """The column's cells joined by newlines; the last few columns' are kept (see `_last`)."""
    for kept, text in _last:
        if kept is series:
            return text
    text = "\n".join(cells(series))
    _last.append((series, text))
    del _last[:-_KEPT]
    return text


def all_match(series: pd.Series, fragment: str) -> bool:
    """True if every cell is empty or fully matches `fragment` (which must never match a newline)."""
    if series.empty:
        return True
    text = joined(series)
    # a cell holding a newline would split into two cells that each match: count them
    return text.count("\n") == len(series) - 1 and _whole(fragment).fullmatch(text) is not None


def edges_touched(series: pd.Series, leading: str, trailing: str) -> bool:
    """True if some cell may start with a char of `leading` or end with one of `trailing`.

    Plain substring scans of the joined column; a false alarm only sends it down the exact path.
    """
    if series.empty:
        return False
    text = joined(series)
    # most columns (numbers, dates, codes) hold none of these characters at all: one memchr-like scan per character
    # answers that ~5 times faster than the pattern, which cannot start from a literal
    if not any(char in text for char in {*leading, *trailing}):
        return False
    pattern = _edges(re.escape(leading), re.escape(trailing))
    return pattern.search("\n" + text + "\n") is not None


@lru_cache(maxsize=8)
def _edges(leading: str, trailing: str) -> re.Pattern[str]:
    return re.compile(f"\\n[{leading}]|[{trailing}]\\n")


def has_any(series: pd.Series, chars: str) -> bool:
    """True if some cell holds one of `chars` (a newline counts when a cell holds one)."""
    text = joined(series)
    return any(ch in text for ch in chars if ch != "\n") or text.count("\n") != max(len(series) - 1, 0)


def flags(series: pd.Series, test: object) -> pd.Series:
    """A boolean Series from a plain per-cell predicate (faster than pandas' str accessor here)."""
    values = cells(series)
    return pd.Series(np.fromiter((test(v) for v in values), dtype=np.bool_, count=len(values)),  # type: ignore[operator]
                     index=series.index)


def floats(series: pd.Series) -> pd.Series:
    """Normalised number text as float64, NaN where empty: only for comparisons, never stored."""
    values = cells(series)
    return pd.Series(np.array(np.where(values == "", "nan", values), dtype=float), index=series.index)


def floats_of(frame: pd.DataFrame, column: str, parsed: Mapping[str, pd.Series] | None = None) -> pd.Series:
    """`floats(frame[column])`, or the same already parsed (`parsed[column]`, row for row with `frame`)."""
    if parsed is not None and column in parsed:
        return parsed[column]
    return floats(frame[column])


def empty(series: pd.Series) -> pd.Series:
    """Cells that are "", compared in numpy (several times faster than a Series comparison)."""
    return pd.Series(cells(series) == "", index=series.index)


def lookup(series: pd.Series, table: dict[str, str]) -> pd.Series:
    """Map cells through `table`, "" where a cell is not in it (object dtype even when nothing maps)."""
    mapped = series.map(table).astype(object)
    return mapped.where(mapped.notna(), "")
