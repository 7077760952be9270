"""Vectorised readers for cell text: numbers, dates, enums; each returns values plus a bad-row mask."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kam_desktop.imports.fast import all_match, edges_touched, empty, floats, joined
from kam_desktop.imports.synonyms import CURRENCY_SYNONYMS, normalise_label

_WS = " \t\r\n\u00a0\u2007\u202f\ufeff"
# An export of ours prefixes risky text with ' (see export.py); one quote is taken back off here.
_NEUTRALISED = r"^'(?='*[=+\-@\t\r])"

_PLAIN = {".": r"-?\d{1,15}(?:\.\d+)?", ",": r"-?\d{1,15}(?:,\d+)?"}
MAX_DIGITS = 15  # Numeric(18, 2) in the store; more integer digits is a wrong column, not an amount
_PLAIN_FAST = {".": r"-?+\d{1,15}+(?:\.\d++)?+", ",": r"-?+\d{1,15}+(?:,\d++)?+"}
_EDGE_SPACE = " \t\r\u00a0\u2007\u202f\ufeff"
# Groups: sign, opening bracket, integer part with one kind of thousands separator, fraction, trailing minus.
_GROUPED = {
    ".": r"([+-]?)(\(?)(\d{1,3}(?:([ \u00a0\u202f,'])\d{3})(?:\4\d{3})*|\d+)(?:\.(\d+))?\)?(-?)",
    ",": r"([+-]?)(\(?)(\d{1,3}(?:([ \u00a0\u202f.'])\d{3})(?:\4\d{3})*|\d+)(?:,(\d+))?\)?(-?)",
}


def clean_text(series: pd.Series) -> pd.Series:
    """Trim spaces (NBSP too) and undo the formula-neutralising quote our own exports add."""
    if not edges_touched(series, _EDGE_SPACE + "'", _EDGE_SPACE):
        return series
    stripped = series.str.strip(_WS)
    if stripped.str.startswith("'").any():
        stripped = stripped.str.replace(_NEUTRALISED, "", regex=True)
    return stripped


def parse_number(series: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """Normalise numbers to plain "-1234.56" text (exact, no float); returns (values, bad mask).

    Accepts thousands separators (space, NBSP, "." or "," opposite to the decimal mark, '),
    a leading +/-, a trailing minus (SAP) and accounting brackets. Empty cells are not bad.
    """
    if all_match(series, _PLAIN_FAST[decimal]):
        if decimal == ",":
            text = joined(series).replace(",", ".")
            series = pd.Series(text.split("\n"), index=series.index, dtype=object)
        return series, pd.Series(False, index=series.index)
    plain = series.str.fullmatch(_PLAIN[decimal]) | empty(series)
    values = series.str.replace(",", ".", regex=False) if decimal == "," else series.copy()
    rest = ~plain
    if rest.any():
        parts = series[rest].str.extract("^" + _GROUPED[decimal] + "$")
        ok = parts[2].notna() & ((parts[1] == "(") == series[rest].str.endswith(")"))
        negative = (parts[0] == "-") | (parts[1] == "(") | (parts[5] == "-")
        digits = parts[2].str.replace(r"\D", "", regex=True)
        ok &= digits.fillna("").str.len() <= MAX_DIGITS
        frac = parts[4].fillna("")
        text = np.where(negative, "-", "") + digits + np.where(frac != "", "." + frac, "")
        bad_sign = negative & (((parts[0] == "-").astype(int) + (parts[1] == "(").astype(int)
                                + (parts[5] == "-").astype(int)) > 1)
        ok &= ~bad_sign
        values.loc[rest] = text.where(ok, "")
        plain.loc[rest] = ok
    return values, ~plain


def too_precise(values: pd.Series, places: int) -> pd.Series:
    """Normalised number text with more than `places` digits after the point."""
    if all_match(values, rf"-?+\d++(?:\.\d{{1,{places}}}+)?+"):
        return pd.Series(False, index=values.index)
    return decimal_places(values) > places


def decimal_places(values: pd.Series) -> pd.Series:
    """How many digits follow the point in normalised number text."""
    point = values.str.find(".")
    return (values.str.len() - point - 1).where(point >= 0, 0)


def is_negative(values: pd.Series) -> pd.Series:
    """Below zero; float is exact enough to tell a sign (the amounts themselves stay text)."""
    return floats(values) < 0


def is_zero(values: pd.Series) -> pd.Series:
    """Zero or empty normalised number text: "0", "-0.00", ""."""
    return (floats(values) == 0) | empty(values)


_ISO = r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})"
_DM = r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})"
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"


def parse_date(series: pd.Series, order: str) -> tuple[pd.Series, pd.Series]:
    """Dates as datetime64 (NaT where empty or bad) and the bad mask; year-first always accepted.

    A time of day after the date is dropped: the business event is the day.
    """
    blank = empty(series)
    if all_match(series, r"\d{4}-\d{2}-\d{2}"):
        result = pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")
        return result, result.isna() & ~blank
    fast = series.str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    result = pd.to_datetime(series.where(fast), format="%Y-%m-%d", errors="coerce")
    rest = ~fast & ~blank
    if rest.any():
        sub = series[rest]
        iso = sub.str.extract("^" + _ISO + _TIME + "$")
        year, month, day = iso[0], iso[1], iso[2]
        if order in ("DMY", "MDY"):
            dm = sub.str.extract("^" + _DM + _TIME + "$")
            first, second = (dm[0], dm[2]) if order == "DMY" else (dm[2], dm[0])
            year, month, day = year.fillna(dm[3]), month.fillna(second), day.fillna(first)
        parts = pd.DataFrame({"year": pd.to_numeric(year), "month": pd.to_numeric(month),
                              "day": pd.to_numeric(day)})
        valid = parts.notna().all(axis=1) & parts["year"].between(1900, 2200)
        built = pd.to_datetime(parts.where(valid).dropna(), errors="coerce")
        result.loc[built.index] = built
    bad = result.isna() & ~blank
    return result, bad


def parse_enum(series: pd.Series, lookup: dict[str, str]) -> tuple[pd.Series, pd.Series]:
    """Map spellings (any case, PL/RU synonyms) to canonical values; bad where none matches."""
    uniques = series.unique()
    table = {u: lookup.get(normalise_label(u), "") for u in uniques if u}
    table[""] = ""
    values = series.map(table)
    return values, (values == "") & (series != "")


def parse_currency(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ISO 4217 codes, upper-cased; zł and руб. are read as PLN and RUB."""
    uniques = series.unique()
    table = {u: CURRENCY_SYNONYMS.get(u.casefold(), u.upper()) for u in uniques}
    values = series.map(table)
    if all_match(values, "[A-Z]{3}"):
        return values, pd.Series(False, index=series.index)
    return values, ~values.str.fullmatch(r"[A-Z]{3}") & ~empty(series)


def parse_fraction(series: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """0..1 as number text; "80%" and "80 %" are read as 0.80."""
    percent = series.str.endswith("%")
    bare = series.str.rstrip("%").str.strip(_WS)
    values, bad = parse_number(bare, decimal)
    if percent.any():
        scaled = [_percent(v) if p and v else v for v, p in zip(values, percent, strict=True)]
        values = pd.Series(scaled, index=series.index, dtype=object)
    numeric = pd.to_numeric(values.where(~bad & (values != "")), errors="coerce")
    bad |= (numeric < 0) | (numeric > 1)
    return values, bad


def _percent(text: str) -> str:
    from decimal import Decimal

    return format(Decimal(text) / 100, "f")


EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s.]+"


def label_of(value: str) -> str:
    """A short quotation of a cell for an error message."""
    return repr(clipped(value))


def clipped(value: str) -> str:
    """A cell cut to 40 characters for a message that quotes it (`{value!r}`: quoted the reader's way)."""
    return value if len(value) <= 40 else value[:37] + "..."


