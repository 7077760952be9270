"""SQL expression helpers that keep exact money types through CASE and SUM on every dialect."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from sqlalchemy import ColumnElement, Integer, case, func, literal, type_coerce

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


def money_at_rate(amount: Any, rate: Any, dialect: str) -> ColumnElement[Any]:
    """`amount` × `rate` rounded to cents half away from zero — what `domain.money.money` (ROUND_HALF_UP) gives.

    PostgreSQL's numeric is exact and its `round` rounds half away from zero. SQLite keeps money as integer cents
    and rates as integer millionths (`Rate()`), so the product is in 10^-8 and integer division by 10^6 truncates
    toward zero; adding half a cent in the amount's own direction first makes that a half-up rounding. A product
    past 2^63 turns into a float on SQLite: a caller reading the raw sum sees the float and must not trust it.
    """
    if dialect == "postgresql":
        return func.round(amount * rate, 2)
    # plain integers (typed as the amount, a literal would be bound in cents); as an Integer, `//` renders SQLite's
    # own truncating "/" (on a Numeric it would be FLOOR of a real division)
    half, whole = literal(500_000, Integer()), literal(1_000_000, Integer())
    product = type_coerce(amount * rate, Integer())
    cents = type_coerce(product + half - case((amount < 0, whole), else_=literal(0, Integer())), Integer()) // whole
    return cast(ColumnElement[Any], cents)
