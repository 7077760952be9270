"""SQL expression helpers that keep exact money types through CASE and SUM on every dialect."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, type_coerce

from kam_desktop.store.types import Money, Quantity

_ZERO = Decimal("0.00")


def money_sum(expression: Any) -> ColumnElement[Decimal]:
    """SUM of a money expression, read back as Decimal (on SQLite the store keeps integer cents)."""
    return type_coerce(func.coalesce(func.sum(expression), literal(_ZERO, Money())), Money())


def money_if(condition: ColumnElement[bool], amount: Any) -> ColumnElement[Decimal]:
    """`amount` where `condition` holds, else zero — typed as money so a SUM over it stays exact."""
    return type_coerce(case((condition, amount), else_=literal(_ZERO, Money())), Money())


def quantity_sum(expression: Any) -> ColumnElement[Decimal]:
    """SUM of a quantity, read back as Decimal with three places (SQLite keeps thousandths)."""
    return type_coerce(func.coalesce(func.sum(expression), literal(Decimal("0.000"), Quantity())), Quantity())
