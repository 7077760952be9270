"""kam.sync_apply_many's batches: sent again after a cut, refused in the middle, one at a time vs all at once."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy import select

from kam_desktop.store.models import Contact, OutboxEntry, SyncConflict
from kam_desktop.sync.push import push
from kam_desktop.sync.server import server_engine
from tests.sync.team import PASSWORD, Team

pytestmark = pytest.mark.pg


@contextmanager
def as_login(team: Team, who: str) -> Iterator[psycopg.Connection[Any]]:
    """A raw connection as a team member's login role: row-level security judges what it pushes."""
    dsn = sa.engine.make_url(team.url).set(drivername="postgresql", username=team.login(who), password=PASSWORD)
    with psycopg.connect(dsn.render_as_string(hide_password=False)) as connection:
        yield connection


def insert_op(account: uuid.UUID, name: str, row_id: uuid.UUID | None = None) -> dict[str, Any]:
    row_id = row_id or uuid.uuid4()
    new = {"id": str(row_id), "account_id": str(account), "name": name, "role": "other", "email": "c@example.com",
           "marketing_consent": False, "version": 1, "created_at": "2026-01-01T00:00:00+00:00",
           "updated_at": "2026-01-01T00:00:00+00:00", "updated_by": "laptop"}
    return {"op_id": str(uuid.uuid4()), "entity": "contacts", "entity_id": str(row_id), "operation": "insert",
            "base_version": None, "changes": {"txn": "t", "new": new}}


def apply_many(connection: psycopg.Connection[Any], ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    answers = connection.execute("SELECT kam.sync_apply_many(%s::jsonb)", (json.dumps(ops),)).fetchone()
    assert answers is not None
    return list(answers[0])


def server_contacts(team: Team) -> dict[str, str]:
    """id -> name of every contact on the server (as the superuser)."""
    with team.store.engine.connect() as connection:
        return {str(i): n for i, n in connection.execute(sa.text("SELECT id, name FROM contacts"))}


def recorded_answers(team: Team) -> int:
    with team.store.engine.connect() as connection:
        return int(connection.scalar(sa.text("SELECT count(*) FROM kam.sync_applied_ops")) or 0)


def test_a_batch_sent_again_after_a_cut_applies_once(team: Team) -> None:
    account = team.account("A1", "kam1")
    ops = [insert_op(account, f"Contact {i}") for i in range(50)]
    with as_login(team, "kam1") as connection:
        apply_many(connection, ops)
        connection.rollback()  # cut before COMMIT: nothing happened
    assert server_contacts(team) == {}
    with as_login(team, "kam1") as connection:
        first = apply_many(connection, ops)
        connection.commit()  # committed; say the answer was lost on the way back
    with as_login(team, "kam1") as connection:
        again = apply_many(connection, ops)
        connection.commit()
    assert first == again == [{"status": "applied"}] * 50  # the same answers, not "duplicate"
    assert len(server_contacts(team)) == 50
    assert recorded_answers(team) == 50


def test_an_rls_refusal_in_the_middle_of_a_run_of_inserts_leaves_the_rest_applied(team: Team) -> None:
    mine = team.account("A1", "kam1")
    theirs = team.account("B1", "kam2")
    ops = [insert_op(mine, "Mine 0"), insert_op(mine, "Mine 1"), insert_op(theirs, "Intruder"),
           insert_op(mine, "Mine 3"), insert_op(mine, "Mine 4")]
    with as_login(team, "kam1") as connection:
        answers = apply_many(connection, ops)
        connection.commit()
    assert [a["status"] for a in answers] == ["applied", "applied", "refused", "applied", "applied"]
    assert "row-level security" in answers[2]["reason"]
    assert sorted(server_contacts(team).values()) == ["Mine 0", "Mine 1", "Mine 3", "Mine 4"]
    assert recorded_answers(team) == 5  # the refusal is remembered: sent again, it gets the same answer
    with as_login(team, "kam1") as connection:
        assert apply_many(connection, ops) == answers
        connection.commit()


def test_a_refused_entry_in_the_middle_of_a_pushed_batch_becomes_a_conflict_and_the_rest_goes(team: Team) -> None:
    team.account("A1", "kam1")
    theirs = team.account("B1", "kam2")
    laptop = team.laptop("kam1")
    laptop.sync()
    with laptop.store.unit_of_work(laptop.login) as uow:
        account_id = uow.session.scalar(sa.text("SELECT id FROM accounts WHERE code = 'A1'"))
        uow.session.add_all([Contact(account_id=uuid.UUID(str(account_id)), name=f"Contact {i}") for i in range(5)])
        uow.commit()
    with laptop.store.engine.begin() as connection:  # the middle entry points into another KAM's account
        middle = connection.execute(select(OutboxEntry.seq, OutboxEntry.op_id, OutboxEntry.entity_id)
                                    .order_by(OutboxEntry.seq).offset(2).limit(1)).one()
        connection.exec_driver_sql("UPDATE sync_outbox SET changes = json_set(changes, '$.new.account_id', ?) "
                                   "WHERE seq = ?", (str(theirs), middle.seq))
    server = server_engine(team.url, laptop.login, PASSWORD)
    try:
        result = push(server, laptop.store)
    finally:
        server.dispose()
    assert (result.pushed, result.conflicts) == (5, 1)
    assert sorted(server_contacts(team).values()) == ["Contact 0", "Contact 1", "Contact 3", "Contact 4"]
    with laptop.store.read() as session:
        conflicts = session.scalars(select(SyncConflict)).all()
        assert [(c.op_id, c.entity_id) for c in conflicts] == [(middle.op_id, middle.entity_id)]
        assert session.scalar(select(sa.func.count()).select_from(OutboxEntry)) == 0
        assert session.get(Contact, middle.entity_id) is None  # the server has no such row: nor has the laptop


def _mine_theirs_and_a_stored_contact(team: Team) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """kam1's account, kam2's, and the id of a contact of kam1's already on the server."""
    mine = team.account("A1", "kam1")
    theirs = team.account("B1", "kam2")
    existing = uuid.uuid4()
    with as_login(team, "kam1") as connection:
        apply_many(connection, [insert_op(mine, "Already here", existing)])
        connection.commit()
    return mine, theirs, existing


def test_a_batch_gives_the_same_answers_as_its_ops_one_at_a_time(team: Team) -> None:
    mine, theirs, existing = _mine_theirs_and_a_stored_contact(team)
    twice = uuid.uuid4()
    ops = [insert_op(mine, "New 0"), insert_op(mine, "Again", existing), insert_op(theirs, "Intruder"),
           insert_op(mine, "Twice", twice), insert_op(mine, "Twice again", twice), insert_op(mine, "New 5"),
           {**insert_op(mine, "x"), "entity": "no_such_table"}]
    outcomes = []
    for batched in (True, False):
        with as_login(team, "kam1") as connection:
            if batched:
                answers = apply_many(connection, ops)
            else:
                answers = [answer for op in ops for answer in apply_many(connection, [op])]
            names = sorted(n for (n,) in connection.execute("SELECT name FROM contacts"))
            connection.rollback()  # both ways start from the same server
        outcomes.append((answers, names))
    assert outcomes[0] == outcomes[1]
    assert [a["status"] for a in outcomes[0][0]] == [
        "applied", "duplicate", "refused", "applied", "duplicate", "applied", "refused"]


def insert_many(connection: psycopg.Connection[Any], ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ops as push sends a run of new rows of one table: the rows alone, as json, and their ids."""
    answers = connection.execute(
        "SELECT kam.sync_insert_many(%s, %s::uuid[], %s::uuid[], %s::json)",
        (ops[0]["entity"], [op["op_id"] for op in ops], [op["entity_id"] for op in ops],
         json.dumps([op["changes"]["new"] for op in ops]))).fetchone()
    assert answers is not None
    return list(answers[0])


def test_rows_sent_as_rows_get_the_answers_their_ops_get(team: Team) -> None:
    mine, theirs, existing = _mine_theirs_and_a_stored_contact(team)
    twice = uuid.uuid4()
    unstamped = insert_op(mine, "No stamp")
    del unstamped["changes"]["new"]["updated_by"]
    stamped_null = insert_op(mine, "Null stamp")
    stamped_null["changes"]["new"]["updated_by"] = None
    cases = {
        "plain": [insert_op(mine, f"New {i}") for i in range(5)],
        "mixed": [insert_op(mine, "New 0"), insert_op(mine, "Again", existing), insert_op(theirs, "Intruder"),
                  insert_op(mine, "Twice", twice), insert_op(mine, "Twice again", twice), insert_op(mine, "New 5")],
        "stamps": [insert_op(mine, "Fine"), unstamped, stamped_null],
        "one": [insert_op(mine, "Alone")],
        "not replicated": [{**insert_op(mine, "x"), "entity": "no_such_table"} for _ in range(2)],
    }
    for name, ops in cases.items():
        outcomes = []
        for send in (insert_many, apply_many):
            with as_login(team, "kam1") as connection:
                answers = send(connection, ops)
                rows = sorted(connection.execute("SELECT name, updated_by FROM contacts").fetchall())
                recorded = sorted(connection.execute("SELECT op_id, entity_id, answer FROM kam.sync_applied_ops")
                                  .fetchall(), key=str)
                connection.rollback()  # both ways start from the same server
            outcomes.append((answers, rows, recorded))
        assert outcomes[0] == outcomes[1], name
    assert [a["status"] for a in outcomes[0][0]] == ["refused", "refused"]


def test_rows_sent_again_after_a_cut_get_the_same_answers(team: Team) -> None:
    account = team.account("A1", "kam1")
    ops = [insert_op(account, f"Contact {i}") for i in range(20)]
    with as_login(team, "kam1") as connection:
        first = insert_many(connection, ops)
        connection.commit()  # committed; say the answer was lost on the way back
    with as_login(team, "kam1") as connection:
        again = insert_many(connection, ops)
        connection.commit()
    assert first == again == [{"status": "applied"}] * 20
    assert len(server_contacts(team)) == 20
    assert recorded_answers(team) == 20
    with as_login(team, "kam1") as connection:  # and their rows' stamp is the login that pushed them
        assert {who for (who,) in connection.execute("SELECT updated_by FROM contacts")} == {team.login("kam1")}


def test_rows_and_ops_that_do_not_pair_up_are_refused_whole(team: Team) -> None:
    """One row an op: a json array with a row too few or too many is an error (nothing inserted, nothing recorded),
    never answers for ops without a row or rows without an op (the statement counts the rows it reads)."""
    account = team.account("A1", "kam1")
    ops = [insert_op(account, f"Contact {i}") for i in range(3)]
    for rows in ([op["changes"]["new"] for op in ops[:2]],
                 [op["changes"]["new"] for op in ops] + [insert_op(account, "Extra")["changes"]["new"]]):
        with as_login(team, "kam1") as connection, pytest.raises(psycopg.errors.RaiseException, match="3 ops, 3 ids"):
            connection.execute("SELECT kam.sync_insert_many(%s, %s::uuid[], %s::uuid[], %s::json)",
                               ("contacts", [op["op_id"] for op in ops], [op["entity_id"] for op in ops],
                                json.dumps(rows)))
    assert server_contacts(team) == {}
    assert recorded_answers(team) == 0


class _Cut(Exception):
    """The connection dropped right after a slice's COMMIT (its answers never recorded)."""


def test_slices_in_flight_while_answers_are_recorded_leave_the_outbox_only_once_answered(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    """The push sends the next slice while it records the answers of the one before: a push cut after any slice's
    COMMIT leaves exactly the unrecorded slices in the outbox, and the next push completes without a duplicate."""
    from kam_desktop.sync import push as pushing

    monkeypatch.setattr(pushing, "SLICE", 3)
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    laptop.sync()
    with laptop.store.read() as session:
        account_id = session.scalar(sa.text("SELECT id FROM accounts WHERE code = 'A1'"))
    for size in (10, 2, 2):  # local transactions: 10 entries (four slices), then two of 2
        with laptop.store.unit_of_work(laptop.login) as uow:
            uow.session.add_all([Contact(account_id=uuid.UUID(str(account_id)), name=f"C{size}-{i}")
                                 for i in range(size)])
            uow.commit()

    def outbox() -> list[int]:
        with laptop.store.read() as session:
            return list(session.scalars(select(OutboxEntry.seq).order_by(OutboxEntry.seq)))

    everything = outbox()
    assert len(everything) == 14
    committed = 0

    def cut_after_the_third(_stage: str) -> None:
        nonlocal committed
        committed += 1
        if committed == 3:
            raise _Cut

    server = server_engine(team.url, laptop.login, PASSWORD)
    try:
        with pytest.raises(_Cut):
            push(server, laptop.store, cut_after_the_third)
        assert outbox() == everything[6:]  # two slices recorded; the third committed on the server, not recorded
        assert len(server_contacts(team)) == 9
        result = push(server, laptop.store)
    finally:
        server.dispose()
    assert (result.pushed, result.transactions, result.conflicts) == (8, 4, 0)
    assert result.answers == {"applied": 8}  # the third slice again: its stored answers, not "duplicate"
    assert outbox() == []
    assert sorted(server_contacts(team).values()) == sorted(f"C{size}-{i}" for size in (10, 2, 2)
                                                           for i in range(size))
