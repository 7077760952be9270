"""Numbers leased from the team server (db/server/70_numbering.sql) against a real PostgreSQL: two laptops issuing
offline never share a number, concurrent leases never overlap, nobody leases for someone else's device or writes the
registry by hand, a lease survives `kamctl server init`, and a person working online numbers from the server too."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text

from kam_desktop.cli.main import main
from kam_desktop.domain.numbering import (
    DEFAULT_BLOCK,
    LEASED_PREFIXES,
    RESERVE_START,
    NumberBlock,
    overlapping,
)
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.numbering import NumberAllocator, lease_years
from kam_desktop.services.team_sync import sync_with_team
from kam_desktop.store.models import (
    ExceptionRequest,
    LocalDevice,
    NumberBlockLease,
    NumberingDevice,
    SyncConflict,
)
from kam_desktop.store.server import numbering as server_numbering
from kam_desktop.store.store import Store
from tests.acting import desk
from tests.sync.team import PASSWORD, Laptop, Team, wait_for_quiet

pytestmark = pytest.mark.pg

TODAY = date.today()  # the laptops lease for the years around the real day, as the app does
ON = date(TODAY.year, TODAY.month, 1)


def as_login(team: Team, who: str) -> sa.Engine:
    address = sa.engine.make_url(team.url).set(username=team.login(who), password=PASSWORD)
    return sa.create_engine(address, poolclass=sa.pool.NullPool)


def connect(laptop: Laptop) -> Any:
    """A sync as the app runs it (services.team_sync): push, pull, then the numbering top-up."""
    wait_for_quiet(laptop.team.url)
    return sync_with_team(laptop.store, laptop.team.url, laptop.login, PASSWORD)


def server_leases(team: Team, prefix: str | None = None) -> list[NumberBlock]:
    with team.store.read() as session:
        rows = session.scalars(select(NumberBlockLease).where(
            NumberBlockLease.prefix == prefix if prefix else sa.true()))
        return [NumberBlock(r.prefix, r.year, r.first_seq, r.last_seq, r.device_no) for r in rows]


def request(laptop: Laptop, code: str, times: int) -> list[str]:
    """Exception requests made on the laptop through the services (offline: nothing reaches the server)."""
    kam = desk(laptop.store, laptop.login, ON)
    return [kam.request_exception(code, "discount", Decimal(10 + i), "a tender against a competitor").number
            for i in range(times)]


def test_two_laptops_issue_numbers_offline_and_no_number_is_duplicated(team: Team) -> None:
    team.account("A1", "kam1")
    team.account("B1", "kam2")
    one, two = team.laptop("kam1"), team.laptop("kam2")
    first = connect(one)
    connect(two)
    assert first.leased == len(LEASED_PREFIXES) * len(lease_years(TODAY))  # a block of every prefix and year
    for laptop in (one, two):
        with laptop.store.read() as session:
            device = session.get(LocalDevice, 1)
            assert device is not None and device.mode == "team"
            mine = session.scalar(select(NumberingDevice.registered_by).where(
                NumberingDevice.device_no == device.device_no))
            assert mine == laptop.login  # the server registered it to the laptop's own login

    numbers = request(one, "A1", 4) + request(two, "B1", 4)  # both offline, interleaved in time on purpose
    numbers += request(one, "A1", 3) + request(two, "B1", 3)
    assert len(set(numbers)) == len(numbers) == 14

    connect(one)
    connect(two)
    with team.store.read() as session:
        on_server = list(session.scalars(select(ExceptionRequest.number)))
    assert sorted(on_server) == sorted(numbers)  # every request reached the server: none refused as a duplicate
    for laptop in (one, two):
        with laptop.store.read() as session:
            assert session.scalar(select(sa.func.count()).select_from(SyncConflict)) == 0
    assert overlapping(server_leases(team)) == []
    exc = server_leases(team, "EXC")
    assert sorted((b.first, b.last) for b in exc if b.year == ON.year) == [(1, DEFAULT_BLOCK), (DEFAULT_BLOCK + 1,
                                                                                                  2 * DEFAULT_BLOCK)]


def test_a_laptop_out_of_its_block_numbers_from_its_reserve_and_leases_again_at_the_next_sync(team: Team) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    connect(laptop)
    with laptop.store.unit_of_work(laptop.login) as uow:  # its EXC block as good as used up (numbers taken meanwhile)
        local = uow.session.get(LocalDevice, 1)
        assert local is not None
        device_no = local.device_no
        block = next(b for b in server_leases(team, "EXC") if b.device == device_no and b.year == ON.year)
        used = set(range(block.first, block.last + 1))
        allocator = NumberAllocator(uow.session, uow.actor, used_loader=lambda *_: used)
        offline = allocator.next("EXC", ON.year)
    assert int(offline.rsplit("-", 1)[1]) == RESERVE_START + (device_no - 1) * 50 + 1  # the reserve slice

    numbers = request(laptop, "A1", 2)
    report = connect(laptop)
    assert report.leased == 0  # the block still holds numbers: nothing to lease
    assert [int(n.rsplit("-", 1)[1]) for n in numbers] == [block.first, block.first + 1]


def test_concurrent_leases_from_two_connections_never_overlap(team: Team) -> None:
    engines = {who: as_login(team, who) for who in ("kam1", "kam2")}
    devices = {}
    for who, engine in engines.items():
        with engine.begin() as connection:
            devices[who] = server_numbering.register_device(connection, f"{who}'s laptop").device_no
    start = threading.Barrier(2)
    got: dict[str, list[NumberBlock]] = {"kam1": [], "kam2": []}

    def lease_many(who: str) -> None:
        start.wait()
        for _ in range(25):
            with engines[who].begin() as connection:
                lease = server_numbering.lease_block(connection, devices[who], "ANX", 2031, 7)
            got[who].append(NumberBlock(lease.prefix, lease.year, lease.first, lease.last, lease.device_no))

    threads = [threading.Thread(target=lease_many, args=(who,)) for who in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines.values():
        engine.dispose()
    blocks = got["kam1"] + got["kam2"]
    assert len(blocks) == 50 and overlapping(blocks) == []
    assert sorted(b.first for b in blocks) == list(range(1, 50 * 7, 7))  # one after the other, no gap, no overlap


def test_nobody_leases_for_another_device_or_writes_the_registry(team: Team) -> None:
    kam1, kam2 = as_login(team, "kam1"), as_login(team, "kam2")
    try:
        with kam1.begin() as connection:
            theirs = server_numbering.register_device(connection, "kam1's laptop").device_no
        with pytest.raises(sa.exc.DBAPIError, match="is not yours"), kam2.begin() as connection:
            server_numbering.lease_block(connection, theirs, "ANX", 2031, 10)
        statements = [
            f"INSERT INTO number_block_leases (id, prefix, year, first_seq, last_seq, device_no, created_at, created_by)"
            f" VALUES (gen_random_uuid(), 'ANX', 2031, 1, 100, {theirs}, now(), 'x')",
            "UPDATE number_block_leases SET last_seq = last_seq + 1",
            "DELETE FROM number_block_leases",
            "INSERT INTO numbering_devices (id, device_no, label, registered_by, version, created_at, updated_at, "
            "updated_by) VALUES (gen_random_uuid(), 150, 'forged', 'x', 1, now(), now(), 'x')",
            f"UPDATE numbering_devices SET registered_by = session_user WHERE device_no = {theirs}",
        ]
        for statement in statements:
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"), kam2.begin() as connection:
                connection.exec_driver_sql(statement)
        # nor through the push: an outbox entry that inserts a lease is refused by the server
        with kam2.begin() as connection:
            answer = connection.scalar(text("SELECT kam.sync_apply(gen_random_uuid(), 'number_block_leases', "
                                            "gen_random_uuid(), 'insert', NULL, CAST(:changes AS jsonb))"), {
                "changes": '{"new": {"id": "6f1c1c1e-0000-4000-8000-000000000001", "prefix": "ANX", "year": 2031, '
                           f'"first_seq": 1, "last_seq": 100, "device_no": {theirs}, "created_by": "x"}}}}'})
        assert answer["status"] == "refused" and "permission denied" in answer["reason"]
        with pytest.raises(sa.exc.DBAPIError, match="not yours"), kam2.begin() as connection:
            connection.execute(text("SELECT kam.lease_number_block(:d, 'ANX', 2031)"), {"d": theirs})
    finally:
        kam1.dispose()
        kam2.dispose()
    with team.store.engine.connect() as connection:  # no PUBLIC execute, a pinned search_path, owned by kam_definer
        rows = connection.execute(text(
            "SELECT p.proname, p.prosecdef, p.proconfig, pg_get_userbyid(p.proowner) AS owner, "
            "has_function_privilege('public', p.oid, 'EXECUTE') AS public_may FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'kam' "
            "AND p.proname IN ('lease_number_block', 'register_device', 'online_device')")).all()
    assert len(rows) == 3
    for row in rows:
        assert row.prosecdef and row.owner == "kam_definer" and not row.public_may
        assert any(setting.startswith("search_path=") for setting in row.proconfig)


def test_a_lease_survives_kamctl_server_init_run_again(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    connect(laptop)
    before = server_leases(team)
    assert main(["server", "init", "--url", team.url, "--json"]) == 0
    capsys.readouterr()
    assert sorted(server_leases(team), key=repr) == sorted(before, key=repr)
    numbers = request(laptop, "A1", 1)
    report = connect(laptop)  # the laptop still numbers from its block, and the server accepts the number
    assert report.conflicts == 0
    with team.store.read() as session:
        assert session.scalar(select(ExceptionRequest.number)) == numbers[0]
    engine = as_login(team, "kam2")
    try:
        with engine.begin() as connection:
            device = server_numbering.register_device(connection, "kam2's laptop").device_no
            lease = server_numbering.lease_block(connection, device, "EXC", ON.year, 10)
    finally:
        engine.dispose()
    assert lease.first == max(b.last for b in before if (b.prefix, b.year) == ("EXC", ON.year)) + 1


def test_a_person_working_online_numbers_from_the_server(team: Team) -> None:
    online = Store.open(sa.engine.make_url(team.url).set(username=team.login("boss"), password=PASSWORD)
                        .render_as_string(hide_password=False))
    try:
        with online.unit_of_work(team.login("boss")) as uow:
            numbers = NumberAllocator(uow.session, uow.actor, used_loader=lambda *_: set())
            first, second = numbers.next("ANX", 2031), numbers.next("ANX", 2031)
            uow.commit()
    finally:
        online.dispose()
    assert (first, second) == ("ANX-2031-00001", "ANX-2031-00002")
    with team.store.read() as session:
        device = session.scalar(select(NumberingDevice).where(NumberingDevice.registered_by == team.login("boss")))
        assert device is not None and device.label == f"online: {team.login('boss')}"
        device_no = device.device_no
        assert session.get(LocalDevice, 1) is None  # the server is no device of its own
    assert server_leases(team, "ANX") == [NumberBlock("ANX", 2031, 1, DEFAULT_BLOCK, device_no)]


def test_a_store_that_numbered_alone_keeps_only_its_used_numbers_when_it_becomes_the_server(pg_url: str) -> None:
    from kam_desktop.store.server.install import install
    from tests.services.builders import account, world

    store = Store.open(pg_url)
    try:
        world(store)
        account(store, "ACME", owner="kam1")
        issued = [desk(store, "kam1", ON).request_exception("ACME", "discount", Decimal(12), "a tender").number
                  for _ in range(3)]
        assert issued[-1] == f"EXC-{ON.year}-00003"
        with store.read() as session:  # solo: device 1 leased itself the whole range
            assert [(r.first_seq, r.last_seq) for r in session.scalars(select(NumberBlockLease))] == [(1, 89_999)]
        with store.engine.begin() as connection:  # history numbered without any lease (as the demo's generator does)
            connection.execute(sa.update(ExceptionRequest).where(ExceptionRequest.number == issued[0])
                               .values(number="EXC-2031-00007"))
        install(store.engine)
        install(store.engine)  # again: nothing more changes
        with store.read() as session:
            assert [(r.first_seq, r.last_seq) for r in session.scalars(select(NumberBlockLease))] == [(1, 3)]
            assert session.get(LocalDevice, 1) is None
        number = desk(store, "kam1", ON).request_exception("ACME", "discount", Decimal(13), "a tender").number
        assert number == f"EXC-{ON.year}-00004"  # the owner's online device, leased after the solo numbers
        with store.engine.begin() as connection:  # a lease never holds a number a record already carries
            device = server_numbering.online_device(connection)
            assert server_numbering.lease_block(connection, device, "EXC", 2031, 10).first == 8
    finally:
        store.dispose()


def test_a_server_that_lost_the_laptops_device_says_so_after_the_sync(team: Team) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    connect(laptop)
    with team.store.engine.begin() as connection:  # as a restore from an older backup would: device and leases gone
        connection.execute(text("DELETE FROM number_block_leases WHERE created_by = :login"), {"login": laptop.login})
        connection.execute(text("DELETE FROM numbering_devices WHERE registered_by = :login"), {"login": laptop.login})
    with pytest.raises(ServiceError, match="leased no document numbers to this laptop: .*is not yours"):
        connect(laptop)
    with laptop.store.read() as session:  # the pull happened: the leases the server forgot are gone here too
        assert session.scalar(select(sa.func.count()).select_from(NumberBlockLease)) == 0


def test_a_lease_whose_answer_was_lost_reaches_the_laptop_by_the_next_pull(team: Team) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    connect(laptop)
    with laptop.store.read() as session:
        local = session.get(LocalDevice, 1)
        assert local is not None
        device_no = local.device_no
    engine = as_login(team, "kam1")
    try:  # the server committed a lease for this laptop; the answer never came back (the network dropped)
        with engine.begin() as connection:
            lost = server_numbering.lease_block(connection, device_no, "ANX", 2031, 5)
    finally:
        engine.dispose()
    connect(laptop)
    with laptop.store.unit_of_work(laptop.login) as uow:
        assert uow.session.get(NumberBlockLease, lost.id) is not None  # the server's very row, once
        numbers = NumberAllocator(uow.session, uow.actor)
        assert numbers.next("ANX", 2031) == f"ANX-2031-{lost.first:05d}"  # and the laptop numbers from it
