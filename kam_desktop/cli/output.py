"""How kamctl prints: JSON (money as decimal strings) or aligned plain-text tables."""

from __future__ import annotations

import dataclasses
import json
import sys
import uuid
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any


def to_jsonable(value: Any) -> Any:
    """Plain JSON types; Decimal becomes a string so no amount ever passes through a float."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """A plain aligned table; numbers right-aligned."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row, raw in zip(cells, rows, strict=True):
        parts = []
        for i, c in enumerate(columns):
            numeric = isinstance(raw.get(c), int | Decimal) and not isinstance(raw.get(c), bool)
            parts.append(row[i].rjust(widths[i]) if numeric else row[i].ljust(widths[i]))
        print("  ".join(parts).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    jsonable = to_jsonable(value)
    return str(jsonable)
