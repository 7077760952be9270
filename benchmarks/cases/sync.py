"""Team sync on a real PostgreSQL server (KAM_BENCH_PG_URL, default the local server's `postgres` database).

- `sync_log_import`: a bulk import of invoice lines (COPY) with the change-log triggers vs the same import with
  them disabled. Target (issue 11): ≤ 2×. KAM_BENCH_SYNC_LINES sets the size (default 1,000,000).
- `sync_push_pull`: 10,000 contacts made on a laptop, pushed (kam.sync_apply_many in slices) and pulled by a
  second laptop, as a KAM through row-level security, vs a raw psycopg `executemany` of the same rows. Target:
  ≥ 0.25× the raw rate (ratio ≤ 4).
- `sync_first_sync`: a KAM's first sync (100 accounts) from a server of 20,000 accounts vs a raw `COPY … TO` of
  the same rows. Target ≤ 3×. KAM_BENCH_SERVER_ACCOUNTS and KAM_BENCH_LINES_PER_ACCOUNT set the size.
Each case creates its own database `kam_bench_sync_*` and drops it afterwards.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks.registry import CaseContext, Measured, Pair, case

PG_URL = os.environ.get("KAM_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
LINES = int(os.environ.get("KAM_BENCH_SYNC_LINES", "1000000"))
CHANGES = int(os.environ.get("KAM_BENCH_SYNC_CHANGES", "10000"))
SERVER_SQL = Path(__file__).resolve().parents[2] / "db" / "server"


def _admin() -> sa.Engine:
    return sa.create_engine(sa.engine.make_url(PG_URL).set(drivername="postgresql+psycopg"),
                            isolation_level="AUTOCOMMIT")


def _database() -> tuple[str, Callable[[], None]]:
    """A fresh database at schema head with the sync SQL; and how to drop it."""
    from kam_desktop.store.store import Store

    name = f"kam_bench_sync_{uuid.uuid4().hex[:8]}"
    with _admin().connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    Store.open(url).dispose()

    def drop() -> None:
        with _admin().connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url, drop


def _run_sql(url: str, path: Path) -> None:
    engine = sa.create_engine(sa.engine.make_url(url).set(drivername="postgresql+psycopg"))
    with engine.begin() as connection:
        connection.connection.driver_connection.execute(path.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    engine.dispose()


@dataclass(frozen=True)
class TeamServer:
    """A database set up as `kamctl server init` sets one up, with one KAM (a users row and a login role)."""

    url: str
    login: str
    password: str
    kam_id: uuid.UUID
    drop: Callable[[], None]

    @property
    def dsn(self) -> str:
        return sa.engine.make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=False)


def _team_server() -> TeamServer:
    from kam_desktop.services.demo.setup import initialize
    from kam_desktop.store.models import User
    from kam_desktop.store.server.install import install
    from kam_desktop.store.store import Store

    url, drop_database = _database()
    server_store = Store.open(url)
    initialize(server_store)
    install(server_store.engine)  # roles, sync functions, row-level security on every table
    login = f"bench_kam_{uuid.uuid4().hex[:6]}"  # a KAM of the team: the benchmarks read and write through RLS
    with server_store.unit_of_work("admin") as uow:
        kam = User(login=login, name="Bench KAM", role="kam")
        uow.session.add(kam)
        uow.commit()
        kam_id = kam.id
    with server_store.engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE ROLE \"{login}\" LOGIN PASSWORD 'bench' IN ROLE kam_app")
        if connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = 'kam_kam'").first():
            connection.exec_driver_sql(f'GRANT kam_kam TO "{login}"')
    server_store.dispose()

    def drop() -> None:
        drop_database()
        with _admin().connect() as connection:
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')

    return TeamServer(url, login, "bench", kam_id, drop)


@case("sync_log_import", scales=("small",), rounds={"small": 3}, measure_memory=False, targets={"small": 2.0})
def log_import(ctx: CaseContext) -> Pair:
    """COPY of invoice lines with the change-log triggers vs with them disabled (target ≤ 2×)."""
    import psycopg

    url, drop = _database()
    _run_sql(url, SERVER_SQL / "50_sync_change_log.sql")
    dsn = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        account, category = uuid.uuid4(), uuid.uuid4()
        connection.execute("INSERT INTO product_categories (id, code, name, version, created_at, updated_at, "
                           "updated_by) VALUES (%s, 'HW', 'Hardware', 1, now(), now(), 'bench')", (category,))
        connection.execute("INSERT INTO accounts (id, code, name, kind, currency, language, status, control_group, "
                           "version, created_at, updated_at, updated_by) VALUES (%s, 'B1', 'Bench', 'customer', "
                           "'PLN', 'en', 'active', false, 1, now(), now(), 'bench')", (account,))
        columns = [r[0] for r in connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'invoice_lines' "
            "ORDER BY ordinal_position")]
    rows = _lines(columns, account, category)

    def load(triggers: bool) -> Callable[[], object]:
        def run() -> object:
            with psycopg.connect(dsn) as connection:
                connection.execute("TRUNCATE invoice_lines, kam.change_log")
                state = "ENABLE" if triggers else "DISABLE"
                connection.execute(f"ALTER TABLE invoice_lines {state} TRIGGER kam_log_insert")
                with connection.cursor().copy(f"COPY invoice_lines ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                connection.commit()
            return len(rows)

        return run

    return Pair(load(True), load(False), cleanup=drop,
                note=f"{len(rows):,} lines; one change-log row per line written by one INSERT … SELECT per statement")


def _lines(columns: list[str], account: uuid.UUID, category: uuid.UUID) -> list[tuple[Any, ...]]:
    from datetime import date, timedelta
    from decimal import Decimal

    first = date(2024, 1, 1)
    values: dict[str, Callable[[int], Any]] = {
        "id": lambda i: uuid.uuid4(), "invoice_no": lambda i: f"FV/{i // 4}", "line_no": lambda i: i % 4 + 1,
        "invoice_date": lambda i: first + timedelta(days=i % 1000), "account_id": lambda i: account,
        "category_id": lambda i: category, "quantity": lambda i: Decimal("1.000"),
        "net_amount": lambda i: Decimal(100 + i % 900), "margin_amount": lambda i: Decimal(30 + i % 200),
        "currency": lambda i: "PLN",
    }
    return [tuple(values[c](i) if c in values else None for c in columns) for i in range(LINES)]


# Push + pull ≥ 0.25× a raw executemany (issue 11) is a time ratio ≤ 4.
# five rounds, not three: both sides talk to the shared PostgreSQL server, where other sessions' work slows a round
@case("sync_push_pull", scales=("small",), rounds={"small": 5}, measure_memory=False, targets={"small": 4.0},
      quick=False)
def push_pull(ctx: CaseContext) -> Pair:
    """10,000 new contacts: laptop A's outbox pushed, then pulled by laptop B, vs raw executemany (target ratio ≤ 4).

    The contacts are made through the unit of work (so the outbox holds them) before the timed part starts."""
    import psycopg

    from kam_desktop.store.models import Account
    from kam_desktop.store.store import Store
    from kam_desktop.sync.binding import bind
    from kam_desktop.sync.pull import pull
    from kam_desktop.sync.push import SLICE, push
    from kam_desktop.sync.server import server_engine

    team = _team_server()
    url, login, drop = team.url, team.login, team.drop
    server_store = Store.open(url)
    with server_store.unit_of_work("admin") as uow:
        account = Account(code="B1", name="Bench", currency="PLN", owner_id=team.kam_id)
        uow.session.add(account)
        uow.commit()
    server_store.dispose()

    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    laptops = []
    server = server_engine(url, login, team.password)
    for name in ("a", "b"):
        path = ctx.work_dir / f"laptop_{name}_{uuid.uuid4().hex[:6]}.sqlite"
        laptop = Store.open(path)
        bind(laptop, url, login)
        pull(server, laptop)
        laptops.append(laptop)
    maker, reader = laptops
    dsn = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute("CREATE TABLE bench_contacts (LIKE contacts INCLUDING DEFAULTS)")

    def new_contacts(session_store: Store) -> list[Any]:
        """The rows a KAM types: 10,000 contacts, each its own unit of work's insert (the outbox records them)."""
        from kam_desktop.store.models import Contact

        with session_store.unit_of_work(login) as uow:
            contacts = [Contact(account_id=account.id, name=f"Contact {uuid.uuid4().hex[:8]}", email="c@example.com")
                        for _ in range(CHANGES)]
            uow.session.add_all(contacts)
            uow.commit()
        return contacts

    def run() -> object:
        new_contacts(maker)  # the KAM's work, not the sync's: outside the timing
        started = time.perf_counter()
        push(server, maker)
        pull(server, reader)
        return Measured(time.perf_counter() - started)

    def baseline() -> object:
        rows = [(uuid.uuid4(), account.id, f"Contact {i}", "other", "c@example.com") for i in range(CHANGES)]
        with psycopg.connect(dsn) as connection:
            connection.cursor().executemany(
                "INSERT INTO bench_contacts (id, account_id, name, role, email, marketing_consent, version, "
                "created_at, updated_at, updated_by) VALUES (%s, %s, %s, %s, %s, false, 1, now(), now(), 'bench')",
                rows)
            connection.commit()
        return len(rows)

    def cleanup() -> None:
        server.dispose()
        for laptop in laptops:
            laptop.dispose()
        drop()

    return Pair(run, baseline, cleanup=cleanup,
                note=f"{CHANGES:,} contacts: one unit of work on laptop A (outbox), push in slices of {SLICE:,} ops "
                     "(kam.sync_apply_many), pull by laptop B; baseline: psycopg executemany of the same rows")


SERVER_ACCOUNTS = int(os.environ.get("KAM_BENCH_SERVER_ACCOUNTS", "20000"))
KAM_ACCOUNTS = 100
LINES_PER_ACCOUNT = int(os.environ.get("KAM_BENCH_LINES_PER_ACCOUNT", "20"))
CONTACTS_PER_ACCOUNT = 3


# five rounds, as sync_push_pull (the shared server)
@case("sync_first_sync", scales=("small",), rounds={"small": 5}, measure_memory=False, targets={"small": 3.0},
      quick=False)
def first_sync(ctx: CaseContext) -> Pair:
    """A KAM's first sync (100 accounts) from a server of 20,000 accounts vs a raw COPY … TO of the same rows.

    Ours: a new laptop store (made outside the timing) pulls everything this KAM may see, through row-level
    security, and writes it into SQLite with the sales roll-up. Baseline: `COPY (SELECT …) TO STDOUT` of exactly
    those rows of every replicated table, as the superuser (no row-level security), bytes read and dropped."""
    import psycopg

    from kam_desktop.store.store import Store
    from kam_desktop.sync.binding import bind
    from kam_desktop.sync.pull import pull
    from kam_desktop.sync.server import server_engine

    team = _team_server()
    _fill_server(team)
    with psycopg.connect(team.dsn, autocommit=True) as connection:
        replicated = connection.execute(
            "SELECT entity, account_sql FROM kam.sync_entities e WHERE to_regclass('public.' || e.entity) IS NOT NULL"
        ).fetchall()
    visible = f"(SELECT id FROM accounts WHERE owner_id = '{team.kam_id}')"
    queries = [f"SELECT r.* FROM {entity} r" + ("" if account_sql is None else f" WHERE {account_sql} IN {visible}")
               for entity, account_sql in replicated]
    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    server = server_engine(team.url, team.login, team.password)
    laptops: list[Store] = []

    def run() -> object:
        laptop = Store.open(ctx.work_dir / f"first_{uuid.uuid4().hex[:8]}.sqlite")  # installing the app: not timed
        laptops.append(laptop)
        bind(laptop, team.url, team.login)
        started = time.perf_counter()
        result = pull(server, laptop)
        elapsed = time.perf_counter() - started
        if not result.snapshot or result.arrived != KAM_ACCOUNTS:
            raise RuntimeError(f"the first sync brought {result.arrived} accounts, not {KAM_ACCOUNTS}")
        return Measured(elapsed)

    def baseline() -> object:
        size = 0
        with psycopg.connect(team.dsn) as connection, connection.cursor() as cursor:
            for query in queries:
                with cursor.copy(f"COPY ({query}) TO STDOUT") as copy:
                    for block in copy:
                        size += len(block)
        return size

    def cleanup() -> None:
        server.dispose()
        for laptop in laptops:
            laptop.dispose()
        team.drop()

    return Pair(run, baseline, cleanup=cleanup,
                note=f"{KAM_ACCOUNTS} of {SERVER_ACCOUNTS:,} accounts, {LINES_PER_ACCOUNT} invoice lines and "
                     f"{CONTACTS_PER_ACCOUNT} contacts each; snapshot through RLS into SQLite vs COPY of those rows")


def _fill_server(team: TeamServer) -> None:
    """A sales organisation in bulk SQL: accounts (the first 100 the bench KAM's, the rest another KAM's),
    contacts and invoice lines; written as the superuser, with the change log's triggers as in real life."""
    import psycopg

    with psycopg.connect(team.dsn, autocommit=True) as connection:
        other = uuid.uuid4()
        connection.execute(
            "INSERT INTO users (id, login, name, role, language, active, version, created_at, updated_at, updated_by) "
            "VALUES (%s, 'bench_other', 'Other KAM', 'kam', 'pl', true, 1, now(), now(), 'bench')", (other,))
        category = connection.execute("SELECT id FROM product_categories ORDER BY code LIMIT 1").fetchone()
        if category is None:
            category = (uuid.uuid4(),)
            connection.execute("INSERT INTO product_categories (id, code, name, version, created_at, updated_at, "
                               "updated_by) VALUES (%s, 'HW', 'Hardware', 1, now(), now(), 'bench')", category)
        connection.execute(
            "INSERT INTO accounts (id, code, name, kind, currency, language, status, control_group, version, "
            "created_at, updated_at, updated_by, owner_id) "
            "SELECT gen_random_uuid(), 'C' || lpad(n::text, 6, '0'), 'Account ' || n, 'customer', 'PLN', 'pl', "
            "'active', false, 1, now(), now(), 'bench', CASE WHEN n <= %s THEN %s ELSE %s END "
            "FROM generate_series(1, %s) n", (KAM_ACCOUNTS, team.kam_id, other, SERVER_ACCOUNTS))
        connection.execute(
            "INSERT INTO contacts (id, account_id, name, role, email, marketing_consent, version, created_at, "
            "updated_at, updated_by) SELECT gen_random_uuid(), a.id, a.name || ' contact ' || k, 'other', "
            "'c@example.com', false, 1, now(), now(), 'bench' FROM accounts a, generate_series(1, %s) k",
            (CONTACTS_PER_ACCOUNT,))
        connection.execute(
            "INSERT INTO invoice_lines (id, invoice_no, line_no, invoice_date, account_id, category_id, quantity, "
            "net_amount, margin_amount, currency) SELECT gen_random_uuid(), a.code || '/' || k, 1, "
            "DATE '2025-01-01' + (k * 17 %% 450), a.id, %s, 1, 100 + k, 30 + k %% 40, 'PLN' "
            "FROM accounts a, generate_series(1, %s) k", (category[0], LINES_PER_ACCOUNT))
        connection.execute("ANALYZE")
