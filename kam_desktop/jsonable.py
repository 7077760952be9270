"""Plain JSON values from domain values: Decimal as a string (never a float), dates ISO, UUIDs as text."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.monetary import MoneyBag


def to_jsonable(value: Any) -> Any:
    """JSON-ready copy of `value`; used by the CLI's --json output and the audit log's details."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Message | Listing):  # the English text; a translated one is for screens
        return str(value)
    if isinstance(value, MoneyBag):  # per-currency totals: one amount with its currency each
        return [to_jsonable(m) for m in value]
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    return value
