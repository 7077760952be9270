"""Text limits the same on every store: SQLite would keep a 100,000-character login that PostgreSQL refuses.

The model's `String(n)` is the limit; the unit of work checks every new or changed row before it is flushed, so
a too-long value is one clear refusal naming the field on SQLite and on PostgreSQL alike, never a raw
"value too long for type character varying(200)" naming nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, inspect

from kam_desktop.domain.messages import Refusal


class FieldTooLongError(Refusal, ValueError):
    """A text longer than its column allows."""


def check_lengths(rows: Iterable[Any]) -> None:
    """Refuse the first value longer than its column's `String(n)`, naming table, field and both lengths."""
    for row in rows:
        mapper = inspect(row).mapper
        for column in mapper.columns:
            limit = column.type.length if isinstance(column.type, String) else None
            if not limit or column.key not in mapper.attrs:
                continue
            value = getattr(row, column.key, None)
            if isinstance(value, str) and len(value) > limit:
                raise FieldTooLongError(
                    "{field} is too long: at most {limit} characters, {given} given; shorten it and try again",
                    field=f"{column.table.name}.{column.name}", limit=limit, given=len(value))
