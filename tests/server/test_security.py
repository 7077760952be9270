"""The team server's security against a real PostgreSQL: row-level security forced on every table (a catalog
check), a KAM's rows closed to another KAM, and every way around the decision function refused — direct status
writes, self-approval, a stale version, a KAM calling it. The whole role × table × command matrix:
test_rls_matrix.py."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text, update

from kam_desktop.store.models import ExceptionRequest, User
from tests.server.team_world import PASSWORD, Server, account_tables, first_column, owned, rows_of


def test_every_table_has_row_level_security_forced_and_a_policy(server: Server) -> None:
    with server.owner().connect() as connection:
        rows = connection.execute(text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "       (SELECT count(*) FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname IN ('public', 'kam') AND c.relkind IN ('r', 'p')")).all()
        bypass = connection.execute(text(
            "SELECT r.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'kam_app' AND (r.rolbypassrls OR r.rolsuper)")).all()
        owners = connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND pg_has_role('kam_app', tableowner, 'MEMBER')")).all()
    assert len(rows) >= 40
    assert [r.relname for r in rows if not (r.relrowsecurity and r.relforcerowsecurity and r[3] > 0)] == []
    assert bypass == [] and owners == []  # app roles bypass nothing and own nothing
    with server.owner().connect() as connection:
        views = connection.execute(text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname IN ('public', 'kam') AND c.relkind = 'v' "
            "AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)")).all()
    assert views == []


def test_a_kam_reads_and_writes_no_row_of_another_kams_accounts(server: Server) -> None:
    theirs = owned(server, "kam2")
    mine = owned(server, "kam1")
    assert theirs and mine
    exercised = []
    kam = server.engine("kam1")
    for table, account in sorted(account_tables(server).items()):
        others = rows_of(server, table, account, theirs)
        own = rows_of(server, table, account, mine)
        with kam.connect() as connection:
            seen = connection.scalar(text(
                f'SELECT count(*) FROM public."{table}" t WHERE ({account})::text = ANY (:ids)'), {"ids": theirs})
            visible_own = connection.scalar(text(
                f'SELECT count(*) FROM public."{table}" t WHERE ({account})::text = ANY (:ids)'), {"ids": mine})
        assert seen == 0, f"{table}: kam1 reads {seen} rows of kam2's accounts"
        assert visible_own == len(own), f"{table}: kam1 sees {visible_own} of their own {len(own)} rows"
        if not others:
            continue
        exercised.append(table)
        column = first_column(server, table)
        with kam.begin() as connection:
            changed = connection.execute(text(
                f'UPDATE public."{table}" t SET "{column}" = "{column}" WHERE ({account})::text = ANY (:ids)'),
                {"ids": theirs}).rowcount
            removed = connection.execute(text(f'DELETE FROM public."{table}" t WHERE ({account})::text = ANY (:ids)'),
                                         {"ids": theirs}).rowcount
        assert (changed, removed) == (0, 0), f"{table}: kam1 changed {changed} and deleted {removed} of kam2's rows"
        copy = dict(others[0]["row"]) | {"id": str(uuid.uuid4())}
        with pytest.raises(sa.exc.DBAPIError, match="row-level security|permission denied"), kam.begin() as connection:
            connection.execute(text(f'INSERT INTO public."{table}" SELECT * FROM jsonb_populate_record('
                                    f'NULL::public."{table}", CAST(:row AS jsonb))'), {"row": json.dumps(copy)})
    kam.dispose()
    # the world has two KAMs' rows in at least these: accounts, lines, grades, ledger, allocations, exceptions, …
    assert {"accounts", "invoice_lines", "grade_evaluations", "ledger_entries", "ledger_allocations",
            "exception_requests", "potential_slots", "contacts", "documents", "document_files"} <= set(exercised), exercised


@pytest.mark.parametrize("who", ["boss", "money", "admin"])
def test_directors_finance_and_the_administrator_read_every_account(server: Server, who: str) -> None:
    reader = server.engine(who)
    for table in ("accounts", "invoice_lines", "ledger_entries", "exception_requests", "audit_log"):
        with server.owner().connect() as connection:
            total = connection.scalar(text(f'SELECT count(*) FROM public."{table}"'))
        with reader.connect() as connection:
            assert connection.scalar(text(f'SELECT count(*) FROM public."{table}"')) == total, (who, table)
    reader.dispose()


@pytest.mark.parametrize(("who", "may"), [("kam1", False), ("boss", False), ("money", False), ("admin", True)])
def test_program_policy_and_catalog_are_read_by_all_and_written_by_the_administrator(server: Server, who: str,
                                                                                    may: bool) -> None:
    engine = server.engine(who)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM program_configs")) >= 1
        assert connection.scalar(text("SELECT count(*) FROM policy_caps")) >= 1
    with engine.begin() as connection:
        changed = connection.execute(text("UPDATE benefit_catalog SET name = name")).rowcount
    with server.owner().connect() as connection:
        total = connection.scalar(text("SELECT count(*) FROM benefit_catalog"))
    assert changed == (total if may else 0)
    engine.dispose()


def _waiting(server: Server, owner: str) -> tuple[str, int]:
    with server.owner().connect() as connection:
        row = connection.execute(select(ExceptionRequest.number, ExceptionRequest.version)
                                 .join(User, User.id == ExceptionRequest.requested_by_id)
                                 .where(User.login == server.logins[owner], ExceptionRequest.status == "submitted")
                                 ).first()
    assert row is not None
    return str(row.number), int(row.version)


def _decide(server: Server, who: str, number: str, version: int, approve: bool = True) -> Any:
    engine = server.engine(who)
    try:
        with engine.begin() as connection:
            return connection.scalar(text("SELECT kam.decide_exception(:n, :a, 'seen', :v)"),
                                     {"n": number, "a": approve, "v": version})
    finally:
        engine.dispose()


def test_no_way_around_the_decision_function(server: Server) -> None:
    number, version = _waiting(server, "kam2")
    kam = server.engine("kam2")
    with pytest.raises(sa.exc.DBAPIError, match="only through kam.decide_exception"), kam.begin() as connection:
        connection.execute(text("UPDATE exception_requests SET status = 'approved' WHERE number = :n"), {"n": number})
    boss = server.engine("boss")  # a director too: the status is written only by the function
    with pytest.raises(sa.exc.DBAPIError, match="only through kam.decide_exception"), boss.begin() as connection:
        connection.execute(text("UPDATE exception_requests SET status = 'rejected' WHERE number = :n"), {"n": number})
    with pytest.raises(sa.exc.DBAPIError, match="row-level security"), boss.begin() as connection:
        connection.execute(text(
            "INSERT INTO approval_steps (id, exception_id, step_no, approver_role, decided_by_id, decision, "
            "request_version, created_at, created_by) SELECT gen_random_uuid(), id, 1, 'director', "
            "kam.current_person_id(), 'approve', version, now(), session_user FROM exception_requests "
            "WHERE number = :n"), {"n": number})
    kam.dispose()
    boss.dispose()
    with pytest.raises(sa.exc.DBAPIError, match="only the sales director and finance decide"):
        _decide(server, "kam1", number, version)  # a KAM calling the function
    with pytest.raises(sa.exc.DBAPIError, match="changed meanwhile"):
        _decide(server, "boss", number, version - 1)  # a stale version
    with pytest.raises(sa.exc.DBAPIError, match="waits for director, not finance"):
        _decide(server, "money", number, version)  # not finance's step
    answer = _decide(server, "boss", number, version)
    assert answer["status"] == "approved" and answer["version"] == version + 1
    with server.owner().connect() as connection:
        audit = connection.execute(text(
            "SELECT created_by, details->>'to_status' FROM audit_log WHERE action = 'exception.approve' "
            "AND details->>'number' = :n"), {"n": number}).all()
    assert [tuple(a) for a in audit] == [(server.logins["boss"], "approved")]  # the real login, not a claim


def test_nobody_decides_their_own_request(server: Server) -> None:
    with server.owner().begin() as connection:  # the director's own request, waiting
        request = connection.execute(select(ExceptionRequest).join(User, User.id == ExceptionRequest.requested_by_id)
                                     .where(ExceptionRequest.status == "submitted", User.login == server.logins["kam2"])
                                     .order_by(ExceptionRequest.number.desc())).first()
        assert request is not None
        boss_id = connection.scalar(select(User.id).where(User.login == server.logins["boss"]))
        connection.execute(update(ExceptionRequest).where(ExceptionRequest.id == request.id)
                           .values(requested_by_id=boss_id))
    with pytest.raises(sa.exc.DBAPIError, match="your own request"):
        _decide(server, "boss", request.number, request.version)


def _online(server: Server, who: str) -> str:
    """The --db URL of a person working straight against the server with their own login."""
    address = sa.engine.make_url(server.url).set(username=server.logins[who], password=PASSWORD)
    return address.render_as_string(hide_password=False)


def test_online_the_app_acts_as_the_login_the_server_proved_and_decides_through_its_function(
        server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    from kam_desktop.cli.main import main

    number, version = _waiting(server, "kam1")
    kam = _online(server, "kam1")
    assert main(["--db", kam, "--as", server.logins["boss"], "exception", "decide", number, "--approve"]) == 1
    assert "cannot act as" in capsys.readouterr().err  # a KAM naming the director is refused
    assert main(["--db", kam, "exception", "decide", number, "--approve"]) == 4  # as themselves: not a decider
    capsys.readouterr()
    boss = _online(server, "boss")
    assert main(["--db", boss, "--json", "exception", "decide", number, "--approve", "--note", "go"]) == 0
    decided = json.loads(capsys.readouterr().out)
    assert decided["status"] == "approved" and decided["version"] == version + 1
    with server.owner().connect() as connection:
        audit = connection.execute(text(
            "SELECT created_by, details->>'on_server' FROM audit_log WHERE action = 'exception.approve' "
            "AND details->>'number' = :n"), {"n": number}).all()
    assert [tuple(a) for a in audit] == [(server.logins["boss"], "true")]  # written once, by the server


def test_the_servers_audit_is_one_chain_and_a_superusers_edit_is_found_at_its_line(
        server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    from kam_desktop.cli.main import main

    boss = _online(server, "boss")
    assert main(["--db", boss, "--json", "audit", "verify"]) == 0
    check = json.loads(capsys.readouterr().out)
    assert check["ok"] and check["lines"] == check["links"] > 0
    anchor = check["head"]
    with server.owner().begin() as connection:  # even the superuser's quiet edit of one decision's note
        victim = connection.scalar(text(
            "SELECT a.id FROM audit_log a JOIN kam.audit_chain c ON c.audit_id = a.id ORDER BY c.seq LIMIT 1 OFFSET 2"))
        connection.execute(text("UPDATE audit_log SET created_by = created_by || 'x' WHERE id = :id"), {"id": victim})
    assert main(["--db", boss, "--json", "audit", "verify", "--anchor", anchor]) == 5
    broken = json.loads(capsys.readouterr().out)["broken"]
    assert broken["line"] == str(victim) and broken["seq"] == 3
    with server.owner().begin() as connection:
        connection.execute(text("UPDATE audit_log SET created_by = left(created_by, -1) WHERE id = :id"), {"id": victim})
    assert main(["--db", boss, "audit", "verify", "--anchor", anchor]) == 0
    capsys.readouterr()


def _links(server: Server) -> list[tuple[int, str]]:
    with server.owner().connect() as connection:
        return [(int(s), str(a)) for s, a in connection.execute(text(
            "SELECT seq, audit_id FROM kam.audit_chain ORDER BY seq"))]


def _verify(server: Server, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, Any]]:
    from kam_desktop.cli.main import main

    code = main(["--db", _online(server, "boss"), "--json", "audit", "verify", *extra])
    return code, json.loads(capsys.readouterr().out)


# every link computed again from the genesis over the lines as they are now: what a forger with the server's keys does
RECHAIN = ("DO $$ DECLARE l record; prev text := repeat('0', 64); BEGIN "
           "FOR l IN SELECT c.seq, a AS line FROM kam.audit_chain c JOIN audit_log a ON a.id = c.audit_id ORDER BY c.seq "
           "LOOP UPDATE kam.audit_chain SET prev_hash = prev, hash = kam.audit_link_hash(prev, l.line) WHERE seq = l.seq; "
           "prev := kam.audit_link_hash(prev, l.line); END LOOP; END $$")


def _swap(connection: sa.Connection, first: str, second: str) -> None:
    """Two lines change places in the chain (the link's line is unique: in three steps)."""
    parked = str(uuid.uuid4())
    for to, was in ((parked, first), (first, second), (second, parked)):
        connection.execute(text("UPDATE kam.audit_chain SET audit_id = :to WHERE audit_id = :was"), {"to": to, "was": was})


def test_a_removed_line_two_swapped_lines_and_a_rewritten_chain_are_found_on_the_server(
        server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    code, check = _verify(server, capsys)
    assert code == 0
    anchor = check["head"]
    links = _links(server)
    assert len(links) >= 8
    removed_seq, removed = links[3]
    with server.owner().connect() as keeper:  # the superuser removes one line (kept aside on this session)
        keeper.execute(text("CREATE TEMPORARY TABLE kept AS SELECT * FROM audit_log WHERE id = :id"), {"id": removed})
        keeper.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": removed})
        keeper.commit()
        code, check = _verify(server, capsys)
        assert code == 5 and check["broken"]["seq"] == removed_seq and "removed" in check["broken"]["reason"]
        keeper.exec_driver_sql("SET LOCAL session_replication_role = replica")  # put back as it was: no new link
        keeper.execute(text("INSERT INTO audit_log SELECT * FROM kept"))
        keeper.commit()
    assert _verify(server, capsys)[0] == 0
    (first_seq, first), (_, second) = links[5], links[6]
    with server.owner().begin() as connection:
        _swap(connection, first, second)
    code, check = _verify(server, capsys)
    assert code == 5 and check["broken"]["seq"] == first_seq
    with server.owner().begin() as connection:
        _swap(connection, first, second)
    assert _verify(server, capsys)[0] == 0
    victim = links[2][1]
    with server.owner().begin() as connection:  # a forger edits a line and recomputes every link after it
        connection.execute(text("UPDATE audit_log SET created_by = created_by || 'x' WHERE id = :id"), {"id": victim})
        connection.execute(text(RECHAIN))
    assert _verify(server, capsys)[0] == 0  # the chain holds again...
    code, check = _verify(server, capsys, "--anchor", anchor)  # ...but no longer reaches the anchor kept outside
    assert code == 5 and "anchor" in check["broken"]["reason"]
    with server.owner().begin() as connection:  # back as it was, for the module's other tests
        connection.execute(text("UPDATE audit_log SET created_by = left(created_by, -1) WHERE id = :id"), {"id": victim})
        connection.execute(text(RECHAIN))
    code, check = _verify(server, capsys, "--anchor", anchor)
    assert code == 0 and check["head"] == anchor
