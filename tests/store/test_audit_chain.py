"""The tamper-evident audit on a laptop (SQLite): every line chained in the transaction that writes it, and a
changed byte, a removed line, two swapped lines or a chain rewritten whole (against an anchor) found at its line."""

from __future__ import annotations

import json
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kam_desktop.cli.main import main
from kam_desktop.domain.audit_chain import GENESIS, AuditLine, link_hash
from kam_desktop.store.store import Store
from tests.acting import desk
from tests.services.builders import account, sale, world


@pytest.fixture
def laptop(sqlite_path: Path) -> str:
    store = Store.open(sqlite_path)
    world(store)
    account(store, "ACME")
    sale(store, "ACME", date(2025, 11, 5), "9000.00")
    kam = desk(store, "kam1", date(2026, 1, 10))
    for n in range(3):
        row = kam.request_exception("ACME", "discount", Decimal(15 + n), f"tender {n}")
        kam.submit_exception(row.number)
    store.dispose()
    return str(sqlite_path)


def verify(capsys: pytest.CaptureFixture[str], db: str, *extra: str) -> tuple[int, dict[str, Any]]:
    code = main(["--db", db, "--as", "boss", "--json", "audit", "verify", *extra])
    return code, json.loads(capsys.readouterr().out)


def lines_in_order(db: str) -> list[tuple[str, str]]:
    store = Store.open(db)
    with store.engine.connect() as connection:
        rows = [(str(uuid.UUID(str(r[0]))), str(r[1])) for r in connection.execute(text(
            "SELECT a.id, a.action FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id ORDER BY c.seq"))]
    store.dispose()
    return rows


def raw(db: str, sql: str, **params: Any) -> None:
    store = Store.open(db)
    with store.engine.begin() as connection:
        connection.execute(text(sql), params)
    store.dispose()


def test_every_line_is_chained_and_the_chain_holds(laptop: str, capsys: Any) -> None:
    code, check = verify(capsys, laptop)
    assert code == 0 and check["ok"] and check["lines"] == check["links"] >= 7  # people, requests, submissions
    assert main(["--db", laptop, "--as", "kam1", "audit", "verify"]) == 4  # a KAM does not verify the team's log


def test_one_changed_byte_is_found_at_its_line(laptop: str, capsys: Any) -> None:
    victim, _ = lines_in_order(laptop)[4]
    raw(laptop, "UPDATE audit_log SET created_by = 'kam2' WHERE id = :id AND created_by = 'kam1'",  # one byte
        id=victim.replace("-", ""))
    code, check = verify(capsys, laptop)
    assert code == 5 and check["broken"]["line"] == victim and "changed after" in check["broken"]["reason"]


def test_a_removed_line_and_two_swapped_lines_are_found(laptop: str, capsys: Any, tmp_path: Path) -> None:
    order = lines_in_order(laptop)
    raw(laptop, "DELETE FROM audit_log WHERE id = :id", id=order[3][0].replace("-", ""))
    code, check = verify(capsys, laptop)
    assert code == 5 and check["broken"]["seq"] == 4 and "removed" in check["broken"]["reason"]
    raw(laptop, "DELETE FROM audit_chain WHERE audit_id = :id", id=order[3][0].replace("-", ""))
    code, check = verify(capsys, laptop)  # the link removed too: the next one no longer follows
    assert code == 5 and check["broken"]["line"] == order[4][0] and "before it" in check["broken"]["reason"]


def test_swapped_lines_break_the_chain_at_the_first_of_them(laptop: str, capsys: Any) -> None:
    order = lines_in_order(laptop)
    first, second = order[5][0].replace("-", ""), order[6][0].replace("-", "")
    parked = uuid.uuid4().hex  # the two lines swap places in the chain (a unique column: in three steps)
    raw(laptop, "UPDATE audit_chain SET audit_id = :p WHERE audit_id = :a", p=parked, a=first)
    raw(laptop, "UPDATE audit_chain SET audit_id = :a WHERE audit_id = :b", a=first, b=second)
    raw(laptop, "UPDATE audit_chain SET audit_id = :b WHERE audit_id = :p", b=second, p=parked)
    code, check = verify(capsys, laptop)
    assert code == 5 and check["broken"]["seq"] == 6


def test_a_chain_rewritten_whole_is_caught_by_the_anchor_kept_outside(laptop: str, capsys: Any) -> None:
    assert main(["--db", laptop, "--as", "boss", "audit", "anchor"]) == 0
    anchor = capsys.readouterr().out.strip()
    assert len(anchor) == 64
    victim = lines_in_order(laptop)[2][0]
    raw(laptop, "UPDATE audit_log SET created_by = 'kam2' WHERE id = :id", id=victim.replace("-", ""))
    store = Store.open(laptop)  # the forger recomputes every link from the genesis: the chain holds again...
    with store.engine.begin() as connection:
        lines = {str(r.id): AuditLine(str(r.id), r.action, r.entity, r.entity_id, r.created_by, r.created_at,
                                      r.details) for r in connection.execute(text(
                     "SELECT a.id, a.action, a.entity, a.entity_id, a.created_by, a.created_at, a.details "
                     "FROM audit_log a"))}
    store.dispose()
    assert lines  # (read raw; the links are rebuilt below through the store's own types)
    from kam_desktop.store.audit_chain import read_chain

    store = Store.open(laptop)
    with store.engine.begin() as connection:
        links, _ = read_chain(connection)
        prev = GENESIS
        for link in links:
            assert link.line is not None
            digest = link_hash(prev, link.line)
            connection.execute(text("UPDATE audit_chain SET prev_hash = :p, hash = :h WHERE seq = :s"),
                               {"p": prev, "h": digest, "s": link.seq})
            prev = digest
    store.dispose()
    assert verify(capsys, laptop)[0] == 0
    code, check = verify(capsys, laptop, "--anchor", anchor)  # ...but no longer reaches the anchor
    assert code == 5 and "anchor" in check["broken"]["reason"]
