"""The team server's test world on a real PostgreSQL: two KAMs' accounts with their data, a director, finance and an
administrator as login roles, and the helpers that look at its tables as their owner sees them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select, text, update

from kam_desktop.store.models import Account, Contact, User
from kam_desktop.store.server.install import install
from kam_desktop.store.server.people import add_person
from kam_desktop.store.server.policies import THROUGH_PARENT
from kam_desktop.store.store import Store
from tests.acting import desk
from tests.services.settlement_world import Q4_CLOSED_ON, settlement_world

PASSWORD = "server-test-password"
PEOPLE = ("kam1", "kam2", "boss", "money", "admin")


@dataclass
class Server:
    url: str
    store: Store
    logins: dict[str, str]  # person of the world → their login role on this cluster

    def engine(self, who: str) -> sa.Engine:
        address = sa.engine.make_url(self.url).set(username=self.logins[who], password=PASSWORD)
        return sa.create_engine(address, poolclass=sa.pool.NullPool)

    def owner(self) -> sa.Engine:
        return self.store.engine


def world(store: Store) -> None:
    """Two KAMs' accounts with sales, grades, a closed quarter, exceptions (waiting and decided), benefits, contacts and
    slots on both sides."""
    settlement_world(store)
    desk(store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    for who, code in (("kam1", "EUR1"), ("kam2", "A07")):
        kam = desk(store, who, date(2026, 1, 20))
        for requested in (15, 16):  # one each for the tests that decide
            row = kam.request_exception(code, "discount", Decimal(requested), "a tender against a competitor")
            kam.submit_exception(row.number)
        kam.save_slot(code, "HW", total_units=Decimal(10), total_money=Decimal("50000.00"), source="survey",
                      collected_on=date(2026, 1, 10), confidence=Decimal("0.7"))
        desk(store, "money", date(2026, 1, 20)).redeem(code, "points", Decimal(5), f"gift for {code}")
        kam.issue_document(code, "statement", "2025Q4", "en")
        kam.add_benefit(code, "SLA-PLUS", None, Decimal(100))
        decided = kam.request_exception(code, "discount", Decimal(14), "a volume commitment for 2026")
        kam.submit_exception(decided.number)
        desk(store, "boss", date(2026, 1, 21)).decide_exception(decided.number, True, "agreed")  # an approval step
        with store.unit_of_work("test") as uow:
            account_id = uow.session.scalar(select(Account.id).where(Account.code == code))
            uow.session.add(Contact(account_id=account_id, name=f"Buyer of {code}", role="purchasing"))
            uow.commit()


def tables(server: Server) -> list[str]:
    with server.owner().connect() as connection:
        return [str(n) for (n,) in connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))]


def serve() -> Iterator[Server]:
    """A server database with the world installed and its people as login roles; dropped afterwards."""
    from tests.conftest import PG_ADMIN_URL

    name, suffix = f"kam_test_srv_{uuid.uuid4().hex[:10]}", uuid.uuid4().hex[:6]
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    store = Store.open(url)
    logins = {who: f"{who}_{suffix}" for who in PEOPLE}
    try:
        world(store)
        with store.engine.begin() as connection:  # login roles are cluster-wide: unique names per run
            if connection.scalar(select(User.id).where(User.login == "admin")) is None:
                connection.execute(sa.insert(User).values(id=uuid.uuid4(), login="admin", name="Admin", role="admin"))
            for who, login in logins.items():
                connection.execute(update(User).where(User.login == who).values(login=login))
        install(store.engine)
        with store.engine.connect() as connection:
            roles = dict(connection.execute(select(User.login, User.role)).all())
        for login in logins.values():
            add_person(store.engine, login, roles[login], login, PASSWORD)
        yield Server(url, store, logins)
    finally:
        store.dispose()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for login in logins.values():
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
        admin.dispose()



def account_expression(table: str) -> str | None:
    """SQL giving each row's account in `table` (alias t), as the owner sees it."""
    if table == "accounts":
        return "t.id"
    if table in THROUGH_PARENT:
        return THROUGH_PARENT[table].replace("{row}", "t")
    return None


def account_tables(server: Server) -> dict[str, str]:
    with server.owner().connect() as connection:
        direct = {str(n) for (n,) in connection.execute(text(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND column_name = 'account_id'"))}
    found = {t: "t.account_id" for t in direct}
    for table in tables(server):
        expression = account_expression(table)
        if expression:
            found[table] = expression
    return found


def first_column(server: Server, table: str) -> str:
    with server.owner().connect() as connection:
        return str(connection.scalar(text(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = :t "
            "ORDER BY ordinal_position LIMIT 1"), {"t": table}))


def owned(server: Server, who: str) -> list[str]:
    with server.owner().connect() as connection:
        return [str(i) for (i,) in connection.execute(text(
            "SELECT a.id FROM accounts a JOIN users u ON u.id = a.owner_id WHERE u.login = :login"),
            {"login": server.logins[who]})]


def rows_of(server: Server, table: str, account: str, accounts: list[str]) -> list[dict[str, Any]]:
    with server.owner().connect() as connection:
        return [dict(r._mapping) for r in connection.execute(text(
            f'SELECT to_jsonb(t) AS row FROM public."{table}" t WHERE ({account})::text = ANY (:ids)'),
            {"ids": accounts})]
