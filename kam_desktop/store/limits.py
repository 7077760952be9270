"""Text limits the same on every store: SQLite would keep a 100,000-character login that PostgreSQL refuses.

The model's `String(n)` is the limit; the unit of work checks every new or changed row before it is flushed, so
a too-long value is one clear refusal naming the field on SQLite and on PostgreSQL alike, never a raw
"value too long for type character varying(200)" naming nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import String, inspect
from sqlalchemy.orm import Mapper

from kam_desktop.domain.messages import Refusal


class FieldTooLongError(Refusal, ValueError):
    """A text longer than its column allows."""


def check_lengths(rows: Iterable[Any]) -> None:
    """Refuse the first value longer than its column's `String(n)`, naming table, field and both lengths."""
    for row in rows:
        for key, field, limit in _limited(inspect(row).mapper):
            _refuse_longer(getattr(row, key, None), field, limit)


def check_values(model: type, rows: Sequence[Mapping[str, Any]]) -> None:
    """`check_lengths` for rows given as column values (a bulk insert without ORM objects)."""
    limited = _limited(inspect(model))
    if all(_all_fit([row.get(key) for row in rows], limit) for key, _field, limit in limited):
        return  # the usual case, column by column in C (a close's 30,000 rows × 8 limits); else name the first
    for row in rows:
        for key, field, limit in limited:
            _refuse_longer(row.get(key), field, limit)


def check_columns(model: type, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """`check_values` for rows given as tuples of the named columns' values (a bulk insert without a dict a row)."""
    limited = [(columns.index(key), field, limit) for key, field, limit in _limited(inspect(model)) if key in columns]
    if all(_all_fit([row[at] for row in rows], limit) for at, _field, limit in limited):
        return
    for row in rows:
        for at, field, limit in limited:
            _refuse_longer(row[at], field, limit)


def _all_fit(values: list[Any], limit: int) -> bool:
    """True when no value is longer than `limit`; False also when a value has no length (the exact check decides)."""
    try:
        return max(map(len, filter(None, values)), default=0) <= limit
    except TypeError:
        return False


def _refuse_longer(value: object, field: str, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        raise FieldTooLongError("{field} is too long: at most {limit} characters, {given} given; shorten it and try "
                                "again", field=field, limit=limit, given=len(value))


@cache
def _limited(mapper: Mapper[Any]) -> tuple[tuple[str, str, int], ...]:
    # (attribute, "table.column", limit) of each String(n) column, worked out once per model: this runs every flush
    return tuple((column.key, f"{column.table.name}.{column.name}", column.type.length) for column in mapper.columns
                 if isinstance(column.type, String) and column.type.length and column.key in mapper.attrs)
