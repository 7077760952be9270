"""Convergence: two KAMs' laptops and the director's, editing offline and online, syncing over cut connections,
accounts reassigned — after quiescence every replica equals the server's view for its person, no row is doubled,
and every laptop edit that did not survive was overwritten later or is a visible conflict."""

from __future__ import annotations

import contextlib
import itertools
import uuid
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import select, update

from kam_desktop.store.models import Account, Contact, SyncConflict, User
from kam_desktop.store.store import Store
from kam_desktop.sync.run import SyncFailed
from tests.conftest import PG_ADMIN_URL
from tests.sync.faults import CutAfter
from tests.sync.team import Laptop, Team, install_server, make_team

pytestmark = pytest.mark.pg

PEOPLE = ("kam1", "kam2", "boss")
CODES = ("A1", "A2", "A3")
FIELDS = ("city", "region", "industry")


@dataclass(frozen=True)
class Edit:
    order: int
    who: str  # a laptop's person, or "server" for the director online
    code: str
    field: str
    value: str


def _admin() -> sa.Engine:
    return sa.create_engine(sa.engine.make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg"),
                            isolation_level="AUTOCOMMIT")


class TeamMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = TemporaryDirectory()
        self.database = f"kam_sync_conv_{uuid.uuid4().hex[:10]}"
        with _admin().connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{self.database}"')
        url = sa.engine.make_url(PG_ADMIN_URL).set(database=self.database).render_as_string(hide_password=False)
        self.team: Team = make_team(url, Path(self.folder.name))
        install_server(self.team.store.engine)
        self.laptops: dict[str, Laptop] = {}
        self.edits: list[Edit] = []
        self.collisions: list[Edit] = []
        self.order = itertools.count()
        self.names = itertools.count()

    @initialize()
    def a_team_with_accounts(self) -> None:
        self.team.person("kam1", "kam")
        self.team.person("kam2", "kam")
        self.team.person("boss", "director")
        for code, owner in zip(CODES, ("kam1", "kam2", "kam1"), strict=True):
            self.team.account(code, owner)
        self.laptops = {who: self.team.laptop(who) for who in PEOPLE}

    # -- work --------------------------------------------------------------------------------------------
    @rule(who=st.sampled_from(PEOPLE), code=st.sampled_from(CODES), field=st.sampled_from(FIELDS))
    def edit_offline(self, who: str, code: str, field: str) -> None:
        laptop = self.laptops[who]
        value = f"{who}-{next(self.names)}"
        with laptop.store.unit_of_work(laptop.login) as uow:
            account = uow.session.scalar(select(Account).where(Account.code == code))
            if account is None:  # not this person's account (or not synced yet)
                return
            setattr(account, field, value)
            uow.commit()
        self.edits.append(Edit(next(self.order), who, code, field, value))

    @rule(who=st.sampled_from(PEOPLE), code=st.sampled_from(CODES))
    def add_contact_offline(self, who: str, code: str) -> None:
        laptop = self.laptops[who]
        with laptop.store.unit_of_work(laptop.login) as uow:
            account_id = uow.session.scalar(select(Account.id).where(Account.code == code))
            if account_id is not None:
                uow.session.add(Contact(account_id=account_id, name=f"contact-{next(self.names)}"))
                uow.commit()

    @rule(who=st.sampled_from(PEOPLE), code=st.sampled_from(CODES))
    def crash_before_commit(self, who: str, code: str) -> None:
        laptop = self.laptops[who]
        with laptop.store.unit_of_work(laptop.login) as uow:  # the app dies: the unit of work never commits
            account = uow.session.scalar(select(Account).where(Account.code == code))
            if account is not None:
                account.city = "never committed"
                uow.session.flush()

    @rule(code=st.sampled_from(CODES), field=st.sampled_from(FIELDS))
    def director_edits_online(self, code: str, field: str) -> None:
        value = f"server-{next(self.names)}"
        with self.team.store.unit_of_work("admin") as uow:
            account = uow.session.scalar(select(Account).where(Account.code == code))
            assert account is not None
            setattr(account, field, value)
            uow.commit()
        self.edits.append(Edit(next(self.order), "server", code, field, value))

    @rule(who=st.sampled_from(PEOPLE), code=st.sampled_from(CODES))
    def collide(self, who: str, code: str) -> None:
        """The director changes the address online, then the laptop changes it offline before hearing of it:
        the laptop's value must end up as a visible conflict (only this rule touches the address)."""
        laptop = self.laptops[who]
        with laptop.store.read() as session:
            if session.scalar(select(Account.id).where(Account.code == code)) is None:
                return
        self.director_edits_online(code, "address")
        value = f"{who}-{next(self.names)}"
        with laptop.store.unit_of_work(laptop.login) as uow:
            account = uow.session.scalar(select(Account).where(Account.code == code))
            assert account is not None
            account.address = value
            uow.commit()
        self.collisions.append(Edit(next(self.order), who, code, "address", value))

    @rule(code=st.sampled_from(CODES), owner=st.sampled_from(("kam1", "kam2")))
    def reassign(self, code: str, owner: str) -> None:
        with self.team.store.unit_of_work("admin") as uow:
            owner_id = uow.session.scalar(select(User.id).where(User.login == self.team.login(owner)))
            uow.session.execute(update(Account).where(Account.code == code).values(owner_id=owner_id))
            uow.commit()

    @rule(who=st.sampled_from(PEOPLE), cut=st.one_of(st.none(), st.integers(1, 14)))
    def sync(self, who: str, cut: int | None) -> None:
        laptop = self.laptops[who]
        if cut is None:
            laptop.sync(wait=False)
            return
        with CutAfter(self.team.url, laptop.login, cut), contextlib.suppress(SyncFailed):
            laptop.sync(wait=False)

    # -- after quiescence ---------------------------------------------------------------------------------
    def teardown(self) -> None:
        try:
            if self.laptops:
                self._quiesce_and_compare()
        finally:
            for laptop in self.laptops.values():
                laptop.store.dispose()
            self.team.drop_roles()
            with _admin().connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self.folder.cleanup()

    def _quiesce_and_compare(self) -> None:
        for _ in range(2):  # a second round carries what one laptop pushed to the others
            for laptop in self.laptops.values():
                laptop.sync()
        server = _content(self.team.store)
        for who, laptop in self.laptops.items():
            mine = _content(laptop.store)
            if who != "boss":
                login = self.team.login(who)
                visible = {code for code, row in server["accounts"].items() if row[-1] == login}
                expected = {k: {c: v for c, v in rows.items() if _account_of(k, c, v) in visible}
                            for k, rows in server.items()}
            else:
                expected = server
            assert mine == expected, f"{who}'s laptop differs from the server's view"
        for collision in self.collisions:
            assert _has_conflict(self.laptops[collision.who].store, collision), f"{collision}: no conflict"
        final = server["accounts"]
        for e in self.edits:
            if e.who == "server":
                continue
            if e.field not in FIELDS:
                continue
            survived = final[e.code][FIELDS.index(e.field)] == e.value
            overwritten_later = any(o.order > e.order and (o.code, o.field) == (e.code, e.field) for o in self.edits)
            if not (survived or overwritten_later):
                assert _has_conflict(self.laptops[e.who].store, e), f"{e} was lost without a conflict"


def _content(store: Store) -> dict[str, dict[str, tuple[object, ...]]]:
    """Accounts by code (fields, owner) and contacts by name (account code): what a person sees."""
    with store.read() as session:
        accounts = {row.code: (row.city, row.region, row.industry, row.login) for row in session.execute(
            select(Account.code, Account.city, Account.region, Account.industry, User.login)
            .join(User, User.id == Account.owner_id))}
        contacts_rows = session.execute(select(Contact.name, Account.code).join(Account)).all()
    names = [name for name, _ in contacts_rows]
    assert len(names) == len(set(names)), "a contact is doubled"
    return {"accounts": accounts, "contacts": {name: (code,) for name, code in contacts_rows}}


def _account_of(kind: str, key: str, row: tuple[object, ...]) -> str:
    return key if kind == "accounts" else str(row[0])


def _has_conflict(store: Store, edit: Edit) -> bool:
    with store.read() as session:
        for changes in session.scalars(select(SyncConflict.local_changes)):
            if changes and changes.get(edit.field) == edit.value:
                return True
    return False


def test_laptops_and_the_director_converge_on_the_servers_view(pg_available: bool) -> None:
    if not pg_available:
        pytest.skip("no PostgreSQL server")
    run_state_machine_as_test(TeamMachine, settings=settings(
        max_examples=8, stateful_step_count=25, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
