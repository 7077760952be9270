"""A team in a test: a real PostgreSQL server with the sync SQL installed, login roles, and laptops."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import select

from kam_desktop.services.demo.setup import initialize
from kam_desktop.store.models import Account, ProductCategory, User
from kam_desktop.store.server.install import install
from kam_desktop.store.store import Store
from kam_desktop.sync.run import SyncReport, sync

PASSWORD = "team-test-password"
SERVER_SQL = Path(__file__).resolve().parents[2] / "db" / "server"
STUB = Path(__file__).with_name("contract_stub.sql")


def run_sql_file(engine: sa.Engine, path: Path) -> None:
    with engine.begin() as connection:  # the driver's own execute: no parameters, so format()'s %I stays as it is
        connection.connection.driver_connection.execute(path.read_text(encoding="utf-8"))  # type: ignore[union-attr]


def install_server(engine: sa.Engine) -> None:
    """The team server as `kamctl server init` sets it up: roles, functions, sync, row-level security."""
    install(engine)


@dataclass
class Team:
    """The server (its superuser URL, its store) and the people of the team with their login roles."""

    url: str
    store: Store
    tmp: Path
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    logins: dict[str, str] = field(default_factory=dict)

    def login(self, who: str) -> str:
        return self.logins[who]

    def person(self, who: str, role: str) -> str:
        """A person of the team: a users row and a PostgreSQL login role of the same name."""
        login = f"{who}_{self.suffix}"
        with self.store.unit_of_work("admin") as uow:
            uow.session.add(User(login=login, name=who.title(), role=role))
            uow.commit()
        with self.store.engine.begin() as connection:
            connection.exec_driver_sql(f"CREATE ROLE \"{login}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE kam_app")
            if connection.exec_driver_sql(f"SELECT 1 FROM pg_roles WHERE rolname = 'kam_{role}'").first():
                connection.exec_driver_sql(f'GRANT "kam_{role}" TO "{login}"')  # the server install's role groups
        self.logins[who] = login
        return login

    def account(self, code: str, owner: str, **values: object) -> uuid.UUID:
        with self.store.unit_of_work("admin") as uow:
            owner_id = uow.session.scalar(select(User.id).where(User.login == self.login(owner)))
            account = Account(code=code, name=values.pop("name", code), currency="PLN", owner_id=owner_id, **values)
            uow.session.add(account)
            uow.commit()
            return account.id

    def laptop(self, who: str) -> Laptop:
        store = Store.open(self.tmp / f"{who}.sqlite")
        return Laptop(self, who, store)

    def drop_roles(self) -> None:
        with self.store.engine.begin() as connection:
            for login in self.logins.values():
                connection.exec_driver_sql(f'DROP OWNED BY "{login}"')
        self.store.dispose()
        admin = sa.create_engine(sa.engine.make_url(self.url).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for login in self.logins.values():
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
        admin.dispose()


@dataclass
class Laptop:
    team: Team
    who: str
    store: Store

    @property
    def login(self) -> str:
        return self.team.login(self.who)

    def sync(self, wait: bool = True, **kwargs: object) -> SyncReport:
        """A sync; by default first waiting until every committed change can be pulled (see `wait_for_quiet`)."""
        if wait:
            wait_for_quiet(self.team.url)
        return sync(self.store, self.team.url, self.login, PASSWORD, **kwargs)  # type: ignore[arg-type]


def wait_for_quiet(url: str, timeout_s: float = 60.0) -> None:
    """Wait until the newest committed change-log row lies below the cluster's xmin.

    xmin is cluster-wide: a transaction open in *any* database of the test server (other test runs share it)
    holds every pull back, as it should. A test that expects a pull to bring a change first waits it out.
    """
    engine = sa.create_engine(url)
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                behind = connection.scalar(sa.text(
                    "SELECT coalesce(max(xid::text::bigint), 0) >= pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
                    " FROM kam.change_log"))
            if not behind:
                return
            time.sleep(0.05)
        raise TimeoutError("a transaction on the test server stayed open for a minute")
    finally:
        engine.dispose()


def make_team(url: str, tmp: Path) -> Team:
    store = Store.open(url)
    initialize(store)
    with store.unit_of_work("admin") as uow:
        uow.session.add_all([ProductCategory(code="HW", name="Hardware"), ProductCategory(code="SW", name="Software")])
        uow.commit()
    team = Team(url, store, tmp)
    return team
