"""Plain JSON values from domain values: Decimal as a string (never a float), dates ISO, UUIDs as text."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import singledispatch
from typing import Any

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.monetary import MoneyBag


@singledispatch
def to_jsonable(value: Any) -> Any:
    """JSON-ready copy of `value`; used by the CLI's --json output and the audit log's details."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


@to_jsonable.register
def _decimal(value: Decimal) -> str:
    return format(value, "f")  # a string, never a float


@to_jsonable.register
def _day(value: date) -> str:  # datetimes too
    return value.isoformat()


@to_jsonable.register
def _uuid(value: uuid.UUID) -> str:
    return str(value)


@to_jsonable.register
def _text(value: Message | Listing) -> str:  # the English text; a translated one is for screens
    return str(value)


@to_jsonable.register
def _bag(value: MoneyBag) -> list[Any]:  # per-currency totals: one amount with its currency each
    return [to_jsonable(m) for m in value]


@to_jsonable.register
def _enum(value: Enum) -> Any:
    return value.value


@to_jsonable.register
def _mapping(value: Mapping) -> dict[str, Any]:  # type: ignore[type-arg]
    return {str(k): to_jsonable(v) for k, v in value.items()}


@to_jsonable.register(list)
@to_jsonable.register(tuple)
@to_jsonable.register(set)
@to_jsonable.register(frozenset)
def _many(value: Any) -> list[Any]:
    return [to_jsonable(v) for v in value]
