"""Per-column validation of one chunk: every cell read by its column's kind, every problem kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.imports.errors import ImportIssue
from kam_desktop.imports.fast import all_match, cells, empty, flags, has_any
from kam_desktop.imports.formats import ColumnSpec, FormatSpec, Kind
from kam_desktop.imports.reader import FORMULA_MARK
from kam_desktop.imports.synonyms import enum_lookup
from kam_desktop.imports.values import (
    EMAIL,
    clipped,
    label_of,
    parse_currency,
    parse_date,
    parse_enum,
    parse_fraction,
    parse_number,
    too_precise,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_CODE = 64
MAX_TEXT = 2_000
_FREE = (Kind.CODE, Kind.TEXT, Kind.EMAIL)
MAX_PLACES = {Kind.MONEY: 2, Kind.DECIMAL: 6, Kind.FRACTION: 6}
_DATE_HINT = {
    "DMY": Message.of("day.month.year like 31.01.2026, or 2026-01-31"),
    "MDY": Message.of("month/day/year like 01/31/2026, or 2026-01-31"),
    "ISO": Message.of("year-month-day like 2026-01-31 (or choose day-first in the preview)"),
}


@dataclass
class IssueSink:
    """Collects issues for a file; past `limit` it only counts, so a million bad rows cannot exhaust memory."""

    file: str
    limit: int = 200_000
    issues: list[ImportIssue] = field(default_factory=list)
    dropped: int = 0

    def add(self, row: int | None, column: str | None, message: Message) -> None:
        """A finding written as a message template, so that it can be shown in the reader's language."""
        if len(self.issues) < self.limit:
            self.issues.append(ImportIssue.of(self.file, row, column, safe(message)))
        else:
            self.dropped += 1

    def add_rows(self, rows: pd.Series, mask: pd.Series, column: str | None, raw: pd.Series,
                 message: Callable[[str], Message]) -> None:
        """One issue per row where `mask` holds; the loop runs over bad rows only."""
        if not mask.any():
            return
        for row, value in zip(rows[mask].tolist(), raw[mask].tolist(), strict=True):
            self.add(int(row), column, message(value))

    def final(self) -> tuple[ImportIssue, ...]:
        extra = () if not self.dropped else (ImportIssue.of(self.file, None, None, Message.of(
            "{count:,} more errors not listed; fix the ones above first", count=self.dropped)),)
        return (*sorted(self.issues, key=_order), *extra)


def safe(message: Message) -> Message:
    """`message` with the control bytes of the cells it quotes shown as <U+XXXX> (ESC repaints a terminal)."""
    params = {k: _safe(v) for k, v in message.params.items()}
    if all(params[k] is v for k, v in message.params.items()):
        return message
    return Message.of(message.template, **params)


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub(lambda m: f"<U+{ord(m[0]):04X}>", value) if _CONTROL.search(value) else value
    if isinstance(value, Message):
        return safe(value)
    if isinstance(value, Listing):
        items = tuple(_safe(item) for item in value.items)
        return value if all(a is b for a, b in zip(items, value.items, strict=True)) else Listing(items, value.separator)
    return value


def _order(issue: ImportIssue) -> tuple[int, int]:
    return (issue.row or 0, 0)


@dataclass(frozen=True)
class ChunkReader:
    """Reads one format's columns from a text chunk into typed columns, reporting to `sink`."""

    spec: FormatSpec
    positions: dict[str, int]  # canonical → file column
    headers: dict[str, str]  # canonical → header as written
    decimal: str
    date_order: str
    from_xlsx: bool

    def read(self, texts: dict[str, pd.Series], index: pd.Index, rows: pd.Series,
             sink: IssueSink) -> dict[str, pd.Series]:
        """Typed columns from cleaned text columns (see values.clean_text) of one chunk."""
        typed: dict[str, pd.Series] = {}
        for col in self.spec.columns:
            if col.name in texts:
                typed[col.name] = self._column(col, texts[col.name], rows, sink)
            else:
                typed[col.name] = self._absent(col, index)
        return typed

    def _absent(self, col: ColumnSpec, index: pd.Index) -> pd.Series:
        text = pd.Series(col.default or "", index=index, dtype=object)
        if col.kind is Kind.DATE:
            return pd.Series(pd.NaT, index=index, dtype="datetime64[us]")
        return text

    def _column(self, col: ColumnSpec, text: pd.Series, rows: pd.Series, sink: IssueSink) -> pd.Series:
        header = self.headers[col.name]
        if self.from_xlsx:
            formula = text.str.startswith(FORMULA_MARK)
            sink.add_rows(rows, formula, header, text.str.slice(len(FORMULA_MARK)),
                          lambda v: Message.of("holds a formula ({formula!r}); the import reads values only: "
                                               "copy the column and paste it as values", formula=clipped(v)))
            text = text.mask(formula, "")
        limit = col.max_len or (MAX_CODE if col.kind is Kind.CODE else MAX_TEXT)
        too_long = pd.Series(False, index=text.index)
        # typed kinds reject long values by their own patterns; only free text needs a length limit
        if col.kind in _FREE and max(map(len, cells(text)), default=0) > limit:
            too_long = text.str.len() > limit
            sink.add_rows(rows, too_long, header, text.str.len().astype(object),
                          lambda n: Message.of("the value is {length} characters long (limit {limit}): a "
                                               "wrong column or a broken export", length=n, limit=limit))
            text = text.mask(too_long, "")
        blank = empty(text)
        if col.needs_value:
            sink.add_rows(rows, blank & ~too_long, header, text,
                          lambda _: Message.of("missing value: every row needs {column}; fill it in",
                                               column=col.name))
        elif col.default is not None:
            text = text.mask(blank, col.default)
        return self._typed(col, text, rows, header, sink)

    def _typed(self, col: ColumnSpec, text: pd.Series, rows: pd.Series, header: str,
               sink: IssueSink) -> pd.Series:
        kind = col.kind
        if kind is Kind.CODE:
            broken = flags(text, lambda v: "\n" in v or "\r" in v or "\t" in v) if has_any(text, "\t\r\n") \
                else pd.Series(False, index=text.index)
            sink.add_rows(rows, broken, header, text,
                          lambda v: Message.of("{value} holds a line break or tab; a code is one word",
                                               value=label_of(v)))
            return text.mask(broken, "")
        if kind in (Kind.DECIMAL, Kind.MONEY):
            return self._number(col, text, rows, header, sink)
        if kind is Kind.INT:
            bad = pd.Series(False, index=text.index) if all_match(text, r"0*+[1-9]\d{0,8}+") else \
                ~text.str.fullmatch(r"0*[1-9]\d{0,8}") & (text != "")
            sink.add_rows(rows, bad, header, text, lambda v: Message.of("{value!r} is not a whole number above 0",
                                                                             value=clipped(v)))
            return text.mask(bad, "")
        if kind is Kind.DATE:
            dates, bad = parse_date(text, self.date_order)
            hint = _DATE_HINT[self.date_order]
            sink.add_rows(rows, bad, header, text, lambda v: Message.of("{value!r} is not a date; expected {hint}",
                                                                             value=clipped(v), hint=hint))
            return dates
        if kind is Kind.ENUM:
            values, bad = parse_enum(text, enum_lookup(col.name, col.choices))
            allowed = ", ".join(col.choices)
            sink.add_rows(rows, bad, header, text, lambda v: Message.of("{value!r} is not one of: {allowed}",
                                                                             value=clipped(v), allowed=allowed))
            return values
        if kind is Kind.CURRENCY:
            values, bad = parse_currency(text)
            sink.add_rows(rows, bad, header, text,
                          lambda v: Message.of("{value!r} is not a currency code; use ISO codes like PLN, EUR, RUB",
                                               value=clipped(v)))
            return values.mask(bad, "")
        if kind is Kind.FRACTION:
            values, bad = parse_fraction(text, self.decimal)
            sink.add_rows(rows, bad, header, text,
                          lambda v: Message.of("{value!r} is not a confidence between 0 and 1; write {example} or 80%",
                                               value=clipped(v), example=f"0{self.decimal}8"))
            return values.mask(bad, "")
        if kind is Kind.EMAIL:
            bad = ~text.str.fullmatch(EMAIL) & (text != "")
            sink.add_rows(rows, bad, header, text, lambda v: Message.of("{value!r} is not an e-mail address",
                                                                             value=clipped(v)))
            return text.mask(bad, "")
        return text

    def _number(self, col: ColumnSpec, text: pd.Series, rows: pd.Series, header: str,
                sink: IssueSink) -> pd.Series:
        values, bad = parse_number(text, self.decimal)
        example = "1 234,56" if self.decimal == "," else "1234.56"
        sink.add_rows(rows, bad, header, text,
                      lambda v: Message.of("{value!r} is not a number; write it like {example} (decimal mark "
                                           "{mark!r}, or change it in the preview)",
                                           value=clipped(v), example=example, mark=self.decimal))
        places = col.places if col.places is not None else MAX_PLACES[col.kind]
        precise = too_precise(values, places) & ~bad
        what = Message.of("an amount has at most 2 decimal places") if col.kind is Kind.MONEY else \
            Message.of("at most {places} decimal places are kept", places=places)
        sink.add_rows(rows, precise, header, text,
                      lambda v: Message.of("{value!r} is too precise: {what}", value=clipped(v), what=what))
        return values.mask(bad | precise, "")
