"""Helpers for the demo tests: build a demo store, dump every table comparably across stores."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from kam_desktop.demo.company import DemoSummary, build_demo
from kam_desktop.services.demo.setup import ensure_defaults
from kam_desktop.store.models import Base
from kam_desktop.store.store import Store

# Earlier than the machine's clock, so a timestamp taken from the wall clock would show.
AS_OF = date(2025, 9, 17)
SEED = 7

# Rows the store's defaults write (not the demo): compared by natural key, without ids and timestamps.
NATURAL_KEYS = {"benefit_catalog": "code", "users": "login", "program_configs": "valid_from",
                "commercial_policies": "valid_from", "settings": "key"}
DEFAULT_ONLY_TABLES = {"program_grade_terms", "policy_caps", "earning_rules"}
VOLATILE = {"id", "created_at", "updated_at"}


def build_store(url: str | Path, seed: int = SEED, as_of: date = AS_OF) -> tuple[Store, DemoSummary]:
    store = Store.open(url)
    with store.unit_of_work("admin") as uow:
        ensure_defaults(uow.session)
        summary = build_demo(uow.session, seed=seed, as_of=as_of)
        uow.commit()
    return store, summary


def dump_tables(engine: Engine, skip: frozenset[str] | set[str] = frozenset()) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows as read through SQLAlchemy, with the defaults' random ids named by natural key."""
    names: dict[uuid.UUID, str] = {}
    with engine.connect() as conn:
        for table_name, key in NATURAL_KEYS.items():
            table = Base.metadata.tables[table_name]
            query = select(table.c.id, table.c[key])
            if table_name == "users":  # the demo's staff are the demo's own rows
                query = query.where(table.c.login == "admin")
            for row in conn.execute(query):
                names[row[0]] = f"{table_name}:{row[1]}"
        out = {}
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = []
            for row in conn.execute(select(table)).mappings():
                is_default = table.name in DEFAULT_ONLY_TABLES or row.get("id") in names
                rows.append(tuple(
                    (column, names.get(value, value) if isinstance(value, uuid.UUID) else value)
                    for column, value in row.items() if not (is_default and column in VOLATILE)
                ))
            out[table.name] = sorted(rows, key=repr)
    return out


def dump_sqlite_raw(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The stored bytes of every table in insertion order (the defaults' random ids and clock times named)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        names: dict[str, str] = {}
        for table_name, key in NATURAL_KEYS.items():
            where = " WHERE login = 'admin'" if table_name == "users" else ""
            for row_id, natural in conn.execute(f"SELECT id, {key} FROM {table_name}{where}"):  # noqa: S608
                names[row_id] = f"{table_name}:{natural}"
        out = {}
        for table in Base.metadata.sorted_tables:
            # a WITHOUT ROWID table (sales_months) keeps its rows in key order: that is its insertion-free order
            order = "rowid" if table.dialect_options["sqlite"].get("with_rowid", True) else ", ".join(
                c.name for c in table.primary_key.columns)
            cursor = conn.execute(f"SELECT * FROM {table.name} ORDER BY {order}")  # noqa: S608
            columns = [d[0] for d in cursor.description]
            rows = []
            for row in cursor:
                values = dict(zip(columns, row, strict=True))
                is_default = table.name in DEFAULT_ONLY_TABLES or values.get("id") in names
                rows.append(tuple(
                    (column, names.get(value, value) if isinstance(value, str) else value)
                    for column, value in values.items() if not (is_default and column in VOLATILE)
                ))
            out[table.name] = rows
        return out
    finally:
        conn.close()
