"""Builders for apply tests: a store holding what the phase-1 `known` fixture describes, and snapshots."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from kam_desktop.store.models import Account, AuditEntry, Base, ProductCategory, User
from kam_desktop.store.store import Store

TODAY = "2026-03-01"
ACCOUNTS = {"PL-0001": "PLN", "PL-0002": "PLN", "PL-0003": "PLN", "RU-0001": "RUB", "RU-0002": "RUB",
            "EU-0001": "EUR"}
LOGINS = ("anowak", "ipetrov")
CATEGORIES = ("Cables", "Kable", "Кабель")


def seed(store: Store) -> None:
    """The accounts, owners and categories of tests/imports/conftest.py's `known`, in a real store."""
    with store.unit_of_work("test") as uow:
        users = {login: User(login=login, name=login, role="kam") for login in LOGINS}
        uow.session.add_all(users.values())
        uow.session.add_all([User(login="admin", name="Administrator", role="admin"),
                             User(login="fin", name="Finance", role="finance")])
        uow.session.flush()
        for code, currency in ACCOUNTS.items():
            uow.session.add(Account(code=code, name=f"Account {code}", currency=currency,
                                    owner_id=users["anowak"].id, language="pl"))
        uow.session.add_all([ProductCategory(code=name, name=name) for name in CATEGORIES])
        uow.commit()


def snapshot(store: Store, *, skip: tuple[str, ...] = ("audit_log", "audit_chain")) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but `skip`: a refused import is audited, and its audit line chained), sorted: two
    equal snapshots mean an unchanged store."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = conn.execute(sa.select(table)).all()
            tables[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return tables


def audits(store: Store, action: str) -> list[Any]:
    """The audit rows of `action`, oldest first, as plain rows (created_by, entity, entity_id, details)."""
    with store.read() as session:
        return list(session.execute(
            sa.select(AuditEntry.created_by, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.details)
            .where(AuditEntry.action == action).order_by(AuditEntry.created_at)).all())


def count(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


@contextmanager
def unchanged(store: Store) -> Iterator[None]:
    before = snapshot(store)
    yield
    after = snapshot(store)
    changed = [name for name in before if before[name] != after[name]]
    assert not changed, f"tables changed: {changed}"


def csv_file(path: Path, header: str, *rows: str) -> Path:
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path
