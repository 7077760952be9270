"""Validating a whole file chunk by chunk, then across rows, into staged rows or a list of errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from kam_desktop.domain.messages import Message
from kam_desktop.imports import rules
from kam_desktop.imports.columns import ChunkReader, IssueSink
from kam_desktop.imports.fast import empty, floats, lookup
from kam_desktop.imports.formats import FormatSpec, Kind
from kam_desktop.imports.hostile import check_characters
from kam_desktop.imports.profiles import HeaderMatch
from kam_desktop.imports.staged import ROW_TYPES, KnownData, StagedRows, empty_rows
from kam_desktop.imports.store_sums import check_store_sums
from kam_desktop.imports.values import clean_text, is_zero

# the columns agreements, annexes and statements print: only letters their font has (domain.printable)
PRINTED: dict[str, tuple[str, ...]] = {"accounts": ("name",), "contacts": ("name", "role", "position")}

AMOUNTS = ("quantity", "net_amount", "margin_amount")  # an invoice line's numbers, parsed once as floats
_FIELD_KIND = {Kind.DECIMAL: "decimal", Kind.MONEY: "decimal", Kind.FRACTION: "decimal",
               Kind.DATE: "date", Kind.INT: "int"}


class FileValidator:
    """Feed it text chunks (header row already removed), then call `finish()` once."""

    def __init__(self, spec: FormatSpec, match: HeaderMatch, known: KnownData, sink: IssueSink, *,
                 decimal: str, date_order: str, from_xlsx: bool) -> None:
        self.spec, self.match, self.known, self.sink = spec, match, known, sink
        self.headers = {col: match.header_of(col) for col in match.columns}
        # An absent optional column still needs a name for messages; the canonical one will do.
        self.headers.update({c: c for c in spec.names if c not in self.headers})
        self.reader = ChunkReader(spec, dict(match.columns), self.headers, decimal, date_order, from_xlsx)
        self.width = len(match.headers)
        self.frames: list[pd.DataFrame] = []
        self.numbers: dict[str, list[pd.Series]] = {}  # per amount column, each chunk's floats (row rules parse them)
        self.rows_read = 0
        self.last_raw: tuple[int, list[str]] | None = None

    def add_chunk(self, chunk: pd.DataFrame) -> None:
        if chunk.empty:
            return
        chunk = chunk.reindex(columns=range(self.width), fill_value="")
        rows = pd.Series(chunk.index + 1, index=chunk.index)  # the header is row 1
        texts = {col: clean_text(chunk[pos].astype(object)) for col, pos in self.match.columns.items()}
        blank = pd.concat([empty(text) for text in texts.values()], axis=1).all(axis=1)
        self.last_raw = (int(rows.iloc[-1]), [str(v) for v in chunk.iloc[-1].tolist()])
        if blank.any():  # blank lines keep their row numbers, nothing else
            rows = rows[~blank]
            texts = {col: text[~blank] for col, text in texts.items()}
        if rows.empty:
            return
        self.rows_read += len(rows)
        check_characters(self.spec, texts, rows, self.headers, self.sink, self.reader.from_xlsx,
                         self.known.owner_logins)
        typed = self.reader.read(texts, rows.index, rows, self.sink)
        frame = pd.DataFrame(typed)
        frame["_row"] = rows
        self._row_rules(frame)
        self.frames.append(frame)

    def _row_rules(self, frame: pd.DataFrame) -> None:
        h, k, sink, rows = self.headers, self.known, self.sink, frame["_row"]
        name = self.spec.name
        for printed in PRINTED.get(name, ()):
            if printed in self.match.columns:
                rules.check_printable(frame[printed], rows, h[printed], sink)
        for col in self.spec.columns:
            if col.kind is Kind.DATE and col.name in self.match.columns:
                rules.check_date_range(frame[col.name], rows, h[col.name], k, sink)
        if name == "accounts":
            rules.check_currency(frame["account_code"], frame["currency"], rows, h["currency"], k, sink)
            if "enrolled_on" in self.match.columns:
                rules.check_not_future(frame["enrolled_on"], rows, h["enrolled_on"], k, sink)
            # a new account with no date joins today; a known one keeps its own date, or its place in the control
            # group (no date: never enrolled), so that an exported portfolio imports back unchanged
            new = ~frame["account_code"].isin(list(k.accounts))
            frame.loc[new, "enrolled_on"] = frame.loc[new, "enrolled_on"].fillna(pd.Timestamp(k.today))
            return
        known = rules.check_known_accounts(frame["account_code"], rows, h["account_code"], k, sink)
        if name == "invoices":
            rules.check_currency(frame["account_code"], frame["currency"], rows, h["currency"], k, sink)
            quantity, net, margin = (floats(frame[c]) for c in AMOUNTS)
            for column, values in zip(AMOUNTS, (quantity, net, margin), strict=True):
                self.numbers.setdefault(column, []).append(values)  # kept for the file's sums (`finish`)
            rules.check_sign(frame["quantity"], frame["net_amount"], rows, h["quantity"], sink, (quantity, net))
            rules.check_margin(frame["net_amount"], frame["margin_amount"], rows, h["margin_amount"], sink,
                               (net, margin))
        elif name == "potential":
            rules.check_not_negative(frame["total_units"], rows, h["total_units"], Message.of("total units"), sink)
            rules.check_not_negative(frame["total_value"], rows, h["total_value"], Message.of("total value"), sink)
            rules.check_not_future(frame["collected_on"], rows, h["collected_on"], k, sink)
        elif name == "opening-balances":
            balance = Message.of("an opening balance")
            rules.check_not_negative(frame["points"], rows, h["points"], balance, sink)
            rules.check_not_negative(frame["cashback"], rows, h["cashback"], balance, sink)
            nothing = known & is_zero(frame["points"]) & is_zero(frame["cashback"])
            sink.add_rows(rows, nothing, h["points"], frame["account_code"],
                          lambda code: Message.of("points and cashback are both 0 for {code}: nothing to carry "
                                                  "over; remove the row", code=code))
        if name in ("potential", "opening-balances"):
            frame["currency"] = rules.account_currency(frame["account_code"], k)

    def finish(self) -> tuple[StagedRows[Any], tuple[str, ...], tuple[str, ...]]:
        """Cross-row checks; returns staged rows (empty if any error), new categories, new owners."""
        self._check_truncated_tail()
        if not self.frames:
            return empty_rows(self.spec.name), (), ()
        several = len(self.frames) > 1
        frame = pd.concat(self.frames, ignore_index=True) if several else self.frames[0]
        # row for row with `frame`: every chunk's frame went through the row rules whole, so each has its floats
        numbers = {c: pd.concat(parts, ignore_index=True) if several else parts[0] for c, parts in self.numbers.items()
                   if len(parts) == len(self.frames)}
        self.frames, self.numbers = [], {}
        rules.check_duplicates(frame, self.spec.key, self.headers, self.sink)
        amounts = [c.name for c in self.spec.columns if c.kind in (Kind.MONEY, Kind.DECIMAL) and c.name in frame]
        rules.check_sums(frame, amounts, self.headers, self.sink, numbers)
        if self.spec.name == "invoices":
            check_store_sums(frame, self.headers, self.known, self.sink, numbers)
            rules.check_invoice_heads(frame, self.headers, self.sink)
        new_categories: list[str] = []
        new_owners: list[str] = []
        if "category" in frame:
            spelling, new_categories = rules.new_names(frame["category"], self.known.categories)
            frame["category"] = lookup(frame["category"], spelling)
        if "owner_login" in frame:
            _, new_owners = rules.new_names(frame["owner_login"], self.known.owner_logins)
        if self.sink.issues or self.sink.dropped:
            return empty_rows(self.spec.name), tuple(new_categories), tuple(new_owners)
        return self._staged(frame, numbers), tuple(new_categories), tuple(new_owners)

    def _staged(self, frame: pd.DataFrame, numbers: Mapping[str, pd.Series]) -> StagedRows[Any]:
        kinds = {"row": "int", "currency": "text"}
        for col in self.spec.columns:
            kind = _FIELD_KIND.get(col.kind, "text")
            kinds[col.name] = "optional" if kind in ("text",) and not col.needs_value else kind
        frame = frame.rename(columns={"_row": "row"})
        return StagedRows(ROW_TYPES[self.spec.name], frame, kinds, numbers)

    def _check_truncated_tail(self) -> None:
        """A last row that stops early while required values are missing is a cut-off file."""
        if self.last_raw is None:
            return
        row, cells = self.last_raw
        filled = max((i + 1 for i, c in enumerate(cells) if c.strip()), default=0)
        if 0 < filled < self.width and any(issue.row == row for issue in self.sink.issues[-self.width:]):
            self.sink.add(row, None, Message.of("the last row stops after {filled} of {width} values: the file "
                                                "looks truncated; export it again", filled=filled, width=self.width))
