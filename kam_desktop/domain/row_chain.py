"""A hash chain over append-only rows (the ledger's): each link's SHA-256 covers the row's values and the link
before it, so a row changed, removed or added behind the program's back breaks the chain at that row.

The same scheme as the audit chain (domain/audit_chain.py), over a row's values as canonical text: the table's
name, then each column's value in the table's column order.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kam_desktop.domain.audit_chain import GENESIS, moment
from kam_desktop.domain.messages import Message


def text_of(value: object) -> str:
    """A column's value as the chain writes it: the same text for the same value, however it was read."""
    exact = _BY_TYPE.get(type(value))  # most values are of these very types: one lookup, not a chain of tests
    return exact(value) if exact is not None else _text_by_kind(value)


def _text_by_kind(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return value.hex
    return str(value)


def _decimal(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 12.5 and 12.50 are one amount


_BY_TYPE: dict[type, Callable[[Any], str]] = {
    str: str, type(None): lambda _: "", Decimal: _decimal, datetime: moment, date: date.isoformat,
    uuid.UUID: lambda value: value.hex, int: str,
}


@dataclass(frozen=True)
class Row:
    """One chained row as stored now: its table, its key and its values in column order."""

    table: str
    id: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class RowLink:
    seq: int
    row: Row | None  # None: the row this link covers was removed
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class RowBreak:
    """Where the chain stops holding: the link's position, the row's table and key, and what is wrong there."""

    seq: int
    table: str
    row_id: str | None
    reason: Message


# json.dumps with these arguments makes an encoder per call; one made once writes the very same text
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
QUOTED: Callable[[str], str] = json.encoder.encode_basestring  # "…", escaped as dumps does


def row_hash(prev_hash: str, row: Row) -> str:
    return values_hash(prev_hash, row.table, row.id, row.values)


def values_hash(prev_hash: str, table: str, row_id: str, values: Iterable[str]) -> str:
    """`row_hash` of a row given as its parts (a bulk insert links 30,000 rows without a `Row` each)."""
    fields = [prev_hash, table, row_id, *values]
    try:  # every field is text (text_of's): the list as json.dumps writes it, without its encoder's per-call set-up
        canonical = "[" + ", ".join(map(QUOTED, fields)) + "]"
    except TypeError:  # a value that is not text: the encoder itself
        canonical = _CANONICAL.encode(fields)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def first_row_break(links: Sequence[RowLink], unchained: Iterable[tuple[str, str]] = (),
                    sealed: Iterable[tuple[int, str]] = ()) -> RowBreak | None:
    """The first link that does not hold; else a row outside the chain; else a sealed head (seq, hash) recorded in
    the audit chain that the links no longer reach (the chain rewritten from some row on); None if all holds."""
    prev = GENESIS
    hashes: dict[int, str] = {}
    for link in links:
        if link.row is None:
            return RowBreak(link.seq, "", None, Message.of("the row this link covers was removed"))
        if link.prev_hash != prev:
            return RowBreak(link.seq, link.row.table, link.row.id,
                            Message.of("the row before it was changed, removed or moved"))
        if row_hash(prev, link.row) != link.hash:
            return RowBreak(link.seq, link.row.table, link.row.id, Message.of("the row was changed after it was written"))
        prev = hashes[link.seq] = link.hash
    for table, row_id in unchained:
        return RowBreak(links[-1].seq + 1 if links else 1, table, row_id, Message.of("a row was added outside the chain"))
    for seq, sealed_hash in sealed:
        if hashes.get(seq) != sealed_hash:
            return RowBreak(seq, "", None, Message.of(
                "the chain no longer reaches the head the audit log sealed at this link: rewritten from a row on"))
    return None
