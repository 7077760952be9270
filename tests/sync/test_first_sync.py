"""A first sync's fast path: one probe says which tables hold rows for the login, and the wiped tables get plain
INSERTs; the laptop ends up with exactly what the upsert path and a table-by-table read would have given it."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kam_desktop.store import rollup
from kam_desktop.store.models import Contact
from kam_desktop.store.store import Store
from kam_desktop.sync import local, pull, server
from kam_desktop.sync.server import entities, server_engine
from tests.sync.team import PASSWORD, Laptop, Team
from tests.sync.test_pulled_lines import sell

pytestmark = pytest.mark.pg


def _contents(path: Path, tables: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of these tables as SQLite stores it, in a fixed order."""
    with sqlite3.connect(path) as raw:
        return {table: sorted(raw.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}


def _portfolio(team: Team) -> None:
    mine = team.account("A1", "kam1")
    team.account("B1", "kam2")
    with team.store.unit_of_work("admin") as uow:
        uow.session.add(Contact(account_id=mine, name="Anna", email="a@example.com"))
        uow.commit()
    sell(team, "A1", (date(2026, 1, 5), "HW", "100.00"), (date(2026, 2, 1), "SW", "7.50"))
    sell(team, "B1", (date(2026, 1, 7), "HW", "999.00"))


def test_plain_inserts_give_the_same_laptop_as_the_upsert_path(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    _portfolio(team)
    fast = team.laptop("kam1")
    assert fast.sync().snapshot
    monkeypatch.setattr(local, "insert_fresh", lambda writer, name, rows, **how: local.upsert(writer, name, rows, **how))
    slow = Laptop(team, "kam1", Store.open(team.tmp / "kam1_upserted.sqlite"))
    assert slow.sync().snapshot
    tables = [*local.TABLES, "sales_rollup", "sales_months"]
    # data_generation counts changes, which the two paths make in different numbers (an upsert's insert is one)
    replicated = [t for t in tables if t not in ("sync_outbox", "sync_state", "sync_conflicts", "audit_log",
                                                  "data_generation")]
    try:
        by_insert, by_upsert = (_contents(Path(s.store.engine.url.database or ""), replicated) for s in (fast, slow))
        assert by_insert == by_upsert
        assert len(by_insert["invoice_lines"]) == 2 and len(by_insert["contacts"]) == 1
        assert by_insert["sales_rollup"], "the roll-up is rebuilt from the inserted lines"
    finally:
        fast.store.dispose()
        slow.store.dispose()


def test_a_twice_inserted_row_fails_instead_of_merging(team: Team) -> None:
    laptop = team.laptop("kam1")
    moment = datetime.now(UTC)
    row = {column.name: None for column in local.TABLES["product_categories"].columns} | {
        "id": uuid.uuid4(), "code": "X", "name": "X", "version": 1, "created_at": moment, "updated_at": moment,
        "updated_by": "admin"}
    try:
        with pytest.raises(sa.exc.IntegrityError), laptop.store.engine.begin() as connection:
            local.insert_fresh(connection, "product_categories", [row])
            local.insert_fresh(connection, "product_categories", [row])
    finally:
        laptop.store.dispose()


def test_the_probe_names_exactly_the_tables_a_read_finds_rows_in(team: Team) -> None:
    _portfolio(team)
    server = server_engine(team.url, team.login("kam1"), PASSWORD)
    try:
        with server.connect() as connection, connection.begin():
            replicated = entities(connection)
            accounts = pull.replicated_entity(replicated, "accounts")
            visible = list(connection.scalars(sa.select(accounts.table.c.id)))
            probed = {e.name for e in pull._tables_with_rows(connection, replicated, visible)}
            read = {e.name for e in replicated
                    if any(block for block in pull._snapshot_blocks(connection, e, visible))}
    finally:
        server.dispose()
    assert probed == read
    assert {"accounts", "contacts", "invoice_lines", "users", "product_categories"} <= probed
    assert "documents" not in probed  # empty for this login: never read


def test_rows_read_in_their_stored_form_are_written_as_typed_rows_would_be(team: Team) -> None:
    """The server formats timestamps, dates, money and ids as SQLite keeps them (server.stored_form); each table's
    writer gets from those exactly what the columns' own converters make of the same rows read as Python values."""
    _portfolio(team)
    moment = datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC)  # no microseconds: still six digits of them
    with team.store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE contacts SET consent_on = '2026-03-01', nps = 9, nps_on = '0999-01-02', "
                                   "deleted_at = :moment"), {"moment": moment})
        connection.execute(sa.text("UPDATE invoice_lines SET net_amount = -1234567890123456.78 "
                                   "WHERE net_amount = 999"))
    laptop = team.laptop("kam1")
    dialect = laptop.store.engine.dialect
    compared = 0
    try:
        with team.store.engine.connect() as connection:  # as the superuser: every row of every replicated table
            for entity in entities(connection):
                table = entity.table
                typed = [dict(row._mapping) for row in connection.execute(sa.select(table))]
                stored = server.stored_rows(connection, table, f'FROM "{table.name}" r', {})
                as_typed, as_stored = (local._writer(table, dialect, how) for how in (False, True))
                assert sorted(map(as_typed.values, typed), key=repr) == sorted(map(as_stored.values, stored), key=repr)
                compared += len(typed)
    finally:
        laptop.store.dispose()
    assert compared > 10


def test_the_roll_up_summed_from_the_pulled_lines_is_the_one_rebuild_computes(team: Team) -> None:
    team.account("A1", "kam1")
    team.account("B1", "kam1")
    sell(team, "A1", (date(2026, 1, 5), "HW", "100.00"), (date(2026, 1, 31), "HW", "-20.05"),
         (date(2026, 1, 9), "SW", "7.50"), (date(2026, 2, 1), "HW", "0.01"))
    sell(team, "B1", (date(2025, 12, 31), "SW", "999999.99"), (date(2025, 12, 1), "SW", "1.00"))
    laptop = team.laptop("kam1")
    assert laptop.sync().snapshot
    path = Path(laptop.store.engine.url.database or "")
    try:
        summed = _contents(path, ["sales_rollup", "sales_months"])
        assert len(summed["sales_rollup"]) == 4 and len(summed["sales_months"]) == 3
        with laptop.store.engine.begin() as connection:
            rollup.rebuild(connection)
        assert _contents(path, ["sales_rollup", "sales_months"]) == summed
    finally:
        laptop.store.dispose()
