"""How kamctl prints: JSON (money as decimal strings) or aligned plain-text tables."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from kam_desktop.jsonable import to_jsonable


def print_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_result(args: Any, data: Any, text: str) -> int:
    """`data` as JSON under --json, else `text` for a person; exit code 0."""
    if getattr(args, "json", False):
        print_json(data)
    else:
        print(text)
    return 0


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
