"""A pulled row lands in SQLite exactly as the app itself would have stored it: same values, same storage types.

The pull writes with each column's own converter for SQLite (sync/local.py), not through the ORM; a converter
taken from the wrong form of a type (money as a float instead of an integer of cents) would lose digits of large
amounts without any test of small ones noticing.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from kam_desktop.store.models import Account, Contact, InvoiceLine, ProductCategory, Setting
from kam_desktop.store.store import Store
from kam_desktop.sync import local

ACCOUNT, CATEGORY = uuid.uuid4(), uuid.uuid4()


def _store(path: Path) -> Store:
    store = Store.open(path)
    with store.unit_of_work("admin") as uow:
        uow.session.add_all([Account(id=ACCOUNT, code="W1", name="Writer", currency="PLN"),
                             ProductCategory(id=CATEGORY, code="HW", name="Hardware")])
        uow.commit()
    return store


def _stored(path: Path, table: str, row_id: uuid.UUID) -> dict[str, tuple[Any, str]]:
    """Every column of the row as SQLite holds it: (value, storage class)."""
    with sqlite3.connect(path) as raw:
        columns = [c[1] for c in raw.execute(f"PRAGMA table_info({table})")]
        picked = ", ".join(f"{c}, typeof({c})" for c in columns)
        values = raw.execute(f"SELECT {picked} FROM {table} WHERE id = ?", (row_id.hex,)).fetchone()
    assert values is not None, f"no {table} row {row_id}"
    return {c: (values[2 * i], values[2 * i + 1]) for i, c in enumerate(columns)}


def test_pulled_rows_are_stored_as_the_app_stores_them(tmp_path: Path) -> None:
    by_app, by_pull = tmp_path / "app.sqlite", tmp_path / "pull.sqlite"
    app, pulled = _store(by_app), _store(by_pull)
    moment = datetime(2026, 3, 31, 21, 45, 12, 123456, tzinfo=UTC)
    rows: dict[str, dict[str, Any]] = {
        "invoice_lines": {"id": uuid.uuid4(), "invoice_no": "FV/1/2026", "line_no": 1, "invoice_date": date(2026, 3, 31),
                          "account_id": ACCOUNT, "category_id": CATEGORY, "quantity": Decimal("123456789012345.678"),
                          "net_amount": Decimal("9999999999999999.99"), "margin_amount": Decimal("-1234567890123456.01"),
                          "currency": "PLN", "import_id": None},
        "contacts": {"id": uuid.uuid4(), "account_id": ACCOUNT, "name": "Zofia Żółć", "role": "purchasing", "position": None,
                     "email": "z@example.com", "phone": None, "language": "pl", "marketing_consent": True,
                     "consent_on": date(2026, 1, 2), "nps": 9, "nps_on": None, "version": 1, "created_at": moment,
                     "updated_at": moment, "updated_by": "k.nowak", "deleted_at": None},
        "settings": {"id": uuid.uuid4(), "key": "company", "value": {"name": "Firma", "tax_id": "PL5260001246",
                                                                    "limits": [1, 2.5, None]},
                     "version": 1, "created_at": moment, "updated_at": moment, "updated_by": "admin",
                     "deleted_at": None},
    }
    models = {"invoice_lines": InvoiceLine, "contacts": Contact, "settings": Setting}
    with app.unit_of_work("admin") as uow:
        for table, row in rows.items():
            uow.session.add(models[table](**row))
        uow.commit()
    with pulled.engine.begin() as connection:
        for table, row in rows.items():
            assert local.upsert(connection, table, [row]) == 1
    try:
        for table, row in rows.items():
            stored, written = _stored(by_app, table, row["id"]), _stored(by_pull, table, row["id"])
            assert written == stored, table
        money = _stored(by_pull, "invoice_lines", rows["invoice_lines"]["id"])["net_amount"]
        assert money == (999999999999999999, "integer")  # every cent of 18 digits
    finally:
        app.dispose()
        pulled.dispose()


def test_a_pulled_row_replaces_the_laptops_copy(tmp_path: Path) -> None:
    path = tmp_path / "laptop.sqlite"
    store = _store(path)
    row = {"id": uuid.uuid4(), "account_id": ACCOUNT, "name": "Old name", "role": "other", "position": None,
           "email": None, "phone": None, "language": None, "marketing_consent": False, "consent_on": None,
           "nps": None, "nps_on": None, "version": 1, "created_at": datetime.now(UTC),
           "updated_at": datetime.now(UTC), "updated_by": "a", "deleted_at": None}
    try:
        with store.engine.begin() as connection:
            local.upsert(connection, "contacts", [row])
            local.upsert(connection, "contacts", [row | {"name": "New name", "version": 2}])
        stored = _stored(path, "contacts", row["id"])
        assert stored["name"] == ("New name", "text") and stored["version"] == (2, "integer")
    finally:
        store.dispose()
