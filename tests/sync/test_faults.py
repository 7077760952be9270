"""Late commits and cut connections: nothing pulled is skipped, nothing pushed is lost or doubled."""

from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from kam_desktop.store.models import Account, Contact, OutboxEntry
from kam_desktop.store.store import Store
from kam_desktop.sync.run import SyncFailed
from tests.sync.faults import Counting, CutAfter
from tests.sync.team import Laptop, Team
from tests.sync.test_round_trip import edit, field

pytestmark = pytest.mark.pg


def naive_pull(connection: sa.Connection, cursor: int) -> tuple[int, set[object]]:
    """What a plain sequence cursor would do: every log row with a greater id."""
    rows = connection.execute(sa.text("SELECT id, entity_id FROM kam.change_log WHERE id > :c ORDER BY id"),
                              {"c": cursor}).all()
    return (rows[-1].id if rows else cursor), {r.entity_id for r in rows}


def test_a_late_committing_change_is_missed_by_an_id_cursor_and_not_by_ours(team: Team) -> None:
    early = team.account("EARLY", "kam1")
    late = team.account("LATE", "kam1")
    laptop = team.laptop("kam1")
    laptop.sync()
    server = sa.create_engine(team.url)
    with server.connect() as reader:
        cursor, _ = naive_pull(reader, 0)
        reader.commit()
    slow, fast = server.connect(), server.connect()
    try:
        slow.execute(sa.update(Account.__table__).where(Account.id == late).values(city="Late"))  # lower id, no commit
        fast.execute(sa.update(Account.__table__).where(Account.id == early).values(city="Early"))
        fast.commit()
        with server.connect() as reader:
            cursor, seen = naive_pull(reader, cursor)  # sees the fast one and moves past the slow one's id
        assert seen == {early}
        laptop.sync(wait=False)
        assert field(laptop.store, "EARLY", "city") is None  # ours waits: the slow transaction is still open
        slow.commit()
    finally:
        slow.close()
        fast.close()
    with server.connect() as reader:
        _, seen = naive_pull(reader, cursor)
    server.dispose()
    assert late not in seen  # the naive cursor has lost the late commit for good
    laptop.sync()
    assert (field(laptop.store, "EARLY", "city"), field(laptop.store, "LATE", "city")) == ("Early", "Late")


def contacts(store: Store) -> list[str]:
    with store.read() as session:
        return sorted(session.scalars(select(Contact.name)))


def pending(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def work(laptop: Laptop, team: Team, round_no: int) -> None:
    """One round of work on both sides: a new contact and an account edit offline, a server-side edit."""
    with laptop.store.unit_of_work(laptop.login) as uow:
        account = uow.session.scalar(select(Account).where(Account.code == "A1"))
        assert account is not None
        account.city = f"City {round_no}"
        uow.session.add(Contact(account_id=account.id, name=f"Contact {round_no:03d}"))
        uow.commit()
    edit(team.store, "admin", "A1", region=f"Region {round_no}")


def test_a_connection_cut_after_any_statement_or_after_commit_loses_and_doubles_nothing(team: Team) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    laptop.sync()
    rounds = itertools.count(1)
    work(laptop, team, next(rounds))
    with Counting(team.url, laptop.login) as counting:
        laptop.sync()
    statements = counting.count
    assert statements > 5
    failed = 0
    for n in range(1, statements + 2):
        work(laptop, team, round_no := next(rounds))
        with CutAfter(team.url, laptop.login, n) as cut:
            try:
                laptop.sync()
            except SyncFailed:
                assert cut.fired
                failed += 1
        laptop.sync()  # recovery: the next sync, on a good connection
        assert pending(laptop.store) == 0, f"cut after statement {n}"
        assert contacts(laptop.store) == contacts(team.store) == [f"Contact {i:03d}" for i in range(1, round_no + 1)]
        assert field(team.store, "A1", "city") == field(laptop.store, "A1", "city") == f"City {round_no}"
        assert field(laptop.store, "A1", "region") == f"Region {round_no}"
    assert failed >= statements - 1  # every cut was felt (a cut after the very last read may go unnoticed)


def test_a_push_whose_answer_is_lost_after_the_servers_commit_is_sent_again_harmlessly(team: Team) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    laptop.sync()
    work(laptop, team, 1)

    def lost_answer(stage: str) -> None:
        if stage == "push":
            raise ConnectionResetError("the answer never arrived")

    with pytest.raises(ConnectionResetError):
        laptop.sync(on_committed=lost_answer)
    assert pending(laptop.store) == 2  # committed on the server, not yet known here
    report = laptop.sync()
    assert (report.pushed, report.conflicts, pending(laptop.store)) == (2, 0, 0)
    assert contacts(team.store) == contacts(laptop.store) == ["Contact 001"]
