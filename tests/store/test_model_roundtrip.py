"""Every table of the model stores and returns every column exactly, on SQLite and on PostgreSQL."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

from kam_desktop.store.models import Base
from kam_desktop.store.types import ScaledDecimal, UTCDateTime

_IN_LIST = re.compile(r"^\s*(\w+) IN \((.*)\)\s*$")


def _allowed_values(table: sa.Table) -> dict[str, list[str]]:
    allowed: dict[str, list[str]] = {}
    for constraint in table.constraints:
        if isinstance(constraint, sa.CheckConstraint):
            match = _IN_LIST.match(str(constraint.sqltext))
            if match:
                allowed[match.group(1)] = [v.strip().strip("'") for v in match.group(2).split(",")]
    return allowed


def _value_for(column: sa.Column[Any], index: int, allowed: dict[str, list[str]]) -> Any:
    """A value that exercises the column's type at its edges (non-ASCII text, max places, UTC)."""
    kind = column.type
    if column.name in allowed:
        options = allowed[column.name]
        return options[index % len(options)]
    if isinstance(kind, ScaledDecimal):
        digits = kind.precision - kind.scale - 2
        return Decimal("-" + "9" * digits + "." + "7" * kind.scale)
    if isinstance(kind, UTCDateTime):
        return datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=UTC)
    if isinstance(kind, sa.Uuid):
        return uuid.uuid4()
    if isinstance(kind, sa.Boolean):
        return True
    if isinstance(kind, sa.Date):
        return date(2024, 2, 29)
    if isinstance(kind, sa.Integer):
        return 2_000_000_000 if isinstance(kind, sa.BigInteger) else 7  # within every CHECK range
    if isinstance(kind, sa.JSON):
        return {"note": "Zażółć gęślą jaźń — Съешь же ещё", "n": [1, "2.50"]}
    if isinstance(kind, sa.LargeBinary):
        return bytes(range(256)) * 3
    if isinstance(kind, sa.String | sa.Text):
        text = f"Łódź-Москва-{column.name}-{index}"
        length = getattr(kind, "length", None)
        return text[: length] if length else text
    raise AssertionError(f"no test value for {column.table.name}.{column.name} of type {kind!r}")


def _build_rows() -> list[tuple[sa.Table, dict[str, Any]]]:
    rows: dict[str, dict[str, Any]] = {}
    ordered = []
    for table in Base.metadata.sorted_tables:
        allowed = _allowed_values(table)
        values: dict[str, Any] = {}
        for index, column in enumerate(table.columns):
            if column.primary_key and isinstance(column.type, sa.Integer):
                continue  # autoincrement
            foreign = next(iter(column.foreign_keys), None)
            if foreign is not None:
                target = foreign.column.table.name
                values[column.name] = rows[target][foreign.column.name] if target in rows else None
                continue
            values[column.name] = _value_for(column, index, allowed)
        rows[table.name] = values
        ordered.append((table, values))
    return ordered




@pytest.mark.parametrize("store_kind", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_every_column_of_every_table_round_trips(store_kind: str, request: pytest.FixtureRequest) -> None:
    store = request.getfixturevalue("sqlite_store" if store_kind == "sqlite" else "pg_store")
    rows = _build_rows()
    assert len(rows) == len(Base.metadata.tables)
    with store.engine.begin() as connection:
        for table, _ in reversed(rows):  # the rows a migration seeds (data_generation's count) make room
            connection.execute(table.delete())
        # the count of changes last: SQLite's triggers add the other tables' rows to it
        for table, values in sorted(rows, key=lambda row: row[0].name == "data_generation"):
            connection.execute(table.insert().values(**values))
    with store.engine.connect() as connection:
        for table, values in rows:
            stored = connection.execute(sa.select(table)).mappings().one()
            for name, expected in values.items():
                assert stored[name] == expected, f"{table.name}.{name}: stored {stored[name]!r}, wrote {expected!r}"
                if isinstance(expected, Decimal):
                    assert isinstance(stored[name], Decimal), f"{table.name}.{name} came back as {type(stored[name])}"
