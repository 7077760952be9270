"""Push: the outbox goes to the server one local transaction at a time, in order, through kam.sync_apply.

An entry leaves the outbox only after the server's answer has come back and been recorded here, in one
SQLite transaction. The server remembers each op id's answer, so a push cut anywhere — even after the
server's COMMIT, before the answer arrived — is simply sent again and gets the same answer. A refused or
conflicting entry does not block the queue: it becomes a row of `sync_conflicts`, and the server's version
of the row replaces the laptop's.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, text

from kam_desktop.store.engine import WRITE
from kam_desktop.store.models import OutboxEntry, SyncConflict
from kam_desktop.store.store import Store
from kam_desktop.sync import local
from kam_desktop.sync.server import TABLES

APPLY_MANY = text("SELECT kam.sync_apply_many(CAST(:ops AS jsonb))")
SETTLED = frozenset({"applied", "duplicate"})  # answers after which the laptop already holds the server's row

Hook = Callable[[str], None]


@dataclass
class PushResult:
    pushed: int = 0
    conflicts: int = 0
    transactions: int = 0
    answers: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Pending:
    seq: int
    op_id: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    operation: str
    base_version: int | None
    changes: dict[str, Any]


def push(server: Engine, store: Store, on_committed: Hook | None = None) -> PushResult:
    """Send the whole outbox; returns how many entries went and how many became conflicts."""
    result = PushResult()
    while group := next_transaction(store):
        answers, winners = _send(server, group)
        if on_committed is not None:
            on_committed("push")  # the tests cut the connection here: committed, answer not yet recorded
        result.conflicts += _record(store, group, answers, winners)
        result.pushed += len(group)
        result.transactions += 1
        for answer in answers:
            result.answers[answer["status"]] = result.answers.get(answer["status"], 0) + 1
    return result


def next_transaction(store: Store) -> list[Pending]:
    """The oldest local transaction still in the outbox (its entries share a `txn` id), in order."""
    with store.read() as session:
        entries = session.execute(select(OutboxEntry).order_by(OutboxEntry.seq).limit(500)).scalars().all()
        group: list[Pending] = []
        for entry in entries:
            if group and entry.changes.get("txn") != group[0].changes.get("txn"):
                break
            group.append(Pending(entry.seq, entry.op_id, entry.entity, entry.entity_id, entry.operation,
                                 entry.base_version, dict(entry.changes)))
        return group


def _send(server: Engine, group: list[Pending]) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
    """One server transaction: every entry through kam.sync_apply, then the server's rows where it disagreed."""
    with server.begin() as connection:
        answers = _apply(connection, group)
        disputed: dict[str, set[uuid.UUID]] = {}
        for entry, answer in zip(group, answers, strict=True):
            if answer["status"] not in SETTLED:
                disputed.setdefault(entry.entity, set()).add(entry.entity_id)
        winners = {entity: _server_rows(connection, entity, ids) for entity, ids in disputed.items()}
    return answers, winners


def _apply(connection: Connection, group: list[Pending]) -> list[dict[str, Any]]:
    """The group's ops through kam.sync_apply in order, in one round trip; one answer per op."""
    ops = [{"op_id": str(e.op_id), "entity": e.entity, "entity_id": str(e.entity_id), "operation": e.operation,
            "base_version": e.base_version, "changes": e.changes} for e in group]
    answers = connection.scalar(APPLY_MANY, {"ops": json.dumps(ops)})
    return [dict(answer) for answer in answers]


def _server_rows(connection: Connection, entity: str, ids: set[uuid.UUID]) -> list[Any]:
    table = TABLES[entity]
    return [row._mapping for row in connection.execute(select(table).where(table.c.id.in_(ids)))]


def _record(store: Store, group: list[Pending], answers: list[dict[str, Any]], winners: dict[str, list[Any]]) -> int:
    """The answers land here in one SQLite transaction: entries out, conflicts in, the server's rows over ours."""
    conflicts = [c for entry, answer in zip(group, answers, strict=True) if (c := _conflict(entry, answer))]
    with store.engine.execution_options(**WRITE).begin() as connection:
        local.defer_foreign_keys(connection)
        connection.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_([e.seq for e in group])))
        if conflicts:
            connection.execute(insert(SyncConflict), conflicts)
        refused_inserts = {(e.entity, e.entity_id) for e, answer in zip(group, answers, strict=True)
                           if e.operation == "insert" and answer["status"] not in SETTLED}
        for entity, rows in winners.items():
            found = {row["id"] for row in rows}
            local.upsert(connection, entity, rows)
            refused = {row_id for name, row_id in refused_inserts if name == entity}
            local.remove(connection, entity, refused - found)  # the server has no such row: nor do we
    return len(conflicts)


def _conflict(entry: Pending, answer: dict[str, Any]) -> dict[str, Any] | None:
    status = answer["status"]
    if status in SETTLED:
        return None
    if status in ("conflict", "merged"):
        lost: dict[str, Any] = answer.get("conflicts") or {}
        if not lost:
            return None
        return _conflict_row(entry, "field changed on the server",
                             {k: v["laptop"] for k, v in lost.items()}, {k: v["server"] for k, v in lost.items()})
    return _conflict_row(entry, str(answer.get("reason") or status), entry.changes.get("new"), answer.get("server"))


def _conflict_row(entry: Pending, reason: str, laptop: Any, server: Any) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(), "entity": entry.entity, "entity_id": entry.entity_id, "op_id": entry.op_id,
        "reason": reason, "local_changes": laptop, "server_values": server, "created_by": "sync",
    }
