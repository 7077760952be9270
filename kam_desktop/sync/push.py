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
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, text

from kam_desktop.store.codec import uuid_of_hex
from kam_desktop.store.engine import WRITE
from kam_desktop.store.models import OutboxEntry, SyncConflict
from kam_desktop.store.store import Store
from kam_desktop.sync import local
from kam_desktop.sync.server import TABLES, StoredRow, ids_of, rows_by_id, stored_rows, uuid_array

APPLY_MANY = text("SELECT kam.sync_apply_many(CAST(:ops AS jsonb))")
# A run of new rows of one table (a day's contacts, an import): the rows themselves as one json array, read once by
# the server, instead of every op as a jsonb tree taken apart again per row (db/server/55_sync_apply.sql)
INSERT_MANY = text("SELECT kam.sync_insert_many(:entity, CAST(:ops AS uuid[]), CAST(:ids AS uuid[]), CAST(:rows AS json))")
SLICE = 2_000  # entries of one local transaction sent in one server transaction (a bulk import is split)
# The outbox as stored: the changes stay the JSON text the unit of work wrote (decoded only when a conflict or a
# decision needs them), and the server gets that text as it is, not decoded and encoded again.
OUTBOX_SLICE = (
    "SELECT seq, op_id, entity, entity_id, operation, base_version, json_extract(changes, '$.txn'), changes, "
    "CASE operation WHEN 'insert' THEN json_extract(changes, '$.new') END "  # an insert's row, as JSON text
    "FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?"
)
DECIDE = text("SELECT kam.sync_decide(CAST(:op AS uuid), CAST(:step AS jsonb))")
SETTLED = frozenset({"applied", "duplicate"})  # answers after which the laptop already holds the server's row
# Answers that are no conflict although the laptop must take the server's rows: a decision the server took through
# kam.decide_exception (its own step replaces the laptop's), and the request's change that decision made.
DECIDED = "decided"
BY_DECISION = "by_decision"

Hook = Callable[[str], None]


@dataclass
class PushResult:
    pushed: int = 0
    conflicts: int = 0
    transactions: int = 0
    answers: dict[str, int] = field(default_factory=dict)


@dataclass  # not frozen: its generated __init__ (object.__setattr__ per field) cost a 10,000-entry push ~20 ms
class Pending:
    seq: int
    op_text: str  # the op id as the outbox holds it (32 hex digits): sent as it is, made a UUID only when needed
    entity: str
    entity_text: str  # the row's id, likewise
    operation: str
    base_version: int | None
    txn: str | None  # the local transaction it belongs to
    changes_json: str  # {"txn": …, "new": {…}, "old": {…}} as the outbox holds it
    new_json: str | None  # an insert's {"new": …} object alone (SQLite's json_extract of it); None for other ops

    @cached_property
    def op_id(self) -> uuid.UUID:
        return uuid.UUID(self.op_text)

    @cached_property
    def entity_id(self) -> uuid.UUID:
        return uuid.UUID(self.entity_text)

    @cached_property
    def changes(self) -> dict[str, Any]:
        decoded: dict[str, Any] = json.loads(self.changes_json)
        return decoded

    def op_json(self) -> str:
        """The op as kam.sync_apply_many reads it (ids are hex digits and names are identifiers: nothing to escape;
        PostgreSQL reads a UUID with or without its hyphens)."""
        base = "null" if self.base_version is None else str(int(self.base_version))
        return (f'{{"op_id":"{self.op_text}","entity":"{self.entity}","entity_id":"{self.entity_text}",'
                f'"operation":"{self.operation}","base_version":{base},"changes":{self.changes_json}}}')


def push(server: Engine, store: Store, on_committed: Hook | None = None) -> PushResult:
    """Send the whole outbox; returns how many entries went and how many became conflicts.

    One connection for the whole push (a login costs more than a slice's work); a server transaction per slice, in
    outbox order. The laptop's own work overlaps the server's: while the server applies a slice (on a thread of its
    own, which alone uses the connection meanwhile), the laptop reads the next one from the outbox; while the server
    applies that one, the laptop records the answers of the one before (a 10,000-entry push spent a third of its time
    with the server idle). A slice still leaves the outbox only after its own answers came back; a push cut anywhere
    leaves the slices not yet recorded in the outbox, and the server gives them the same answers when sent again.
    """
    result = PushResult()
    with server.connect() as connection, ThreadPoolExecutor(1, thread_name_prefix="kam-push") as server_side:
        group = next_transaction(store)
        sending = server_side.submit(_send, connection, group) if group else None
        try:
            while sending is not None:
                following = next_transaction(store, after=group[-1].seq)  # while the server works on `group`
                answers, winners = sending.result()
                sending = None
                if on_committed is not None:
                    on_committed("push")  # the tests cut the connection here: committed, answer not yet recorded
                if following:
                    sending = server_side.submit(_send, connection, following)  # the server starts on the next one
                result.conflicts += _record(store, group, answers, winners)  # while it works on that one
                result.pushed += len(group)
                result.transactions += 1
                for answer in answers:
                    result.answers[answer["status"]] = result.answers.get(answer["status"], 0) + 1
                group = following
        finally:
            if sending is not None:  # recording failed: let the slice in flight finish before the connection closes
                wait([sending])
    return result


def next_transaction(store: Store, limit: int | None = None, after: int = 0) -> list[Pending]:
    """The oldest local transaction in the outbox after the entry `after` (its entries share a `txn` id), in order;
    at most `limit`. (`after`: the last entry of a slice sent but not yet recorded, still in the outbox.)"""
    with store.engine.connect() as connection:
        # sqlite3's own cursor: the entries are plain values, SQLAlchemy's row objects only cost time here
        entries = connection.connection.driver_connection.execute(  # type: ignore[union-attr]
            OUTBOX_SLICE, (after, limit or SLICE)).fetchall()
    group: list[Pending] = []
    for seq, op_id, entity, entity_id, operation, base_version, txn, changes, new in entries:
        if group and txn != group[0].txn:
            break
        # (a 10,000-entry push spent a tenth of its laptop time making UUIDs only to print them again)
        group.append(Pending(seq, str(op_id), entity, str(entity_id), operation, base_version,
                             None if txn is None else str(txn), changes, new))
    return group


def _send(connection: Connection, group: list[Pending]) -> tuple[list[dict[str, Any]], dict[str, list[StoredRow]]]:
    """One server transaction: every entry through kam.sync_apply, then the server's rows where it disagreed."""
    with connection.begin():
        answers = _apply(connection, group)
        disputed: dict[str, set[uuid.UUID]] = {}
        for entry, answer in zip(group, answers, strict=True):
            if answer["status"] not in SETTLED:
                disputed.setdefault(entry.entity, set()).add(entry.entity_id)
            if is_decision(entry):  # decided or refused: the request as the server has it now
                disputed.setdefault("exception_requests", set()).add(uuid.UUID(str(entry.changes["new"]["exception_id"])))
        winners = {entity: _server_rows(connection, entity, ids) for entity, ids in disputed.items()}
        if "exception_requests" in disputed and any(is_decision(e) for e in group):
            winners["approval_steps"] = winners.get("approval_steps", []) + _steps_of(
                connection, disputed["exception_requests"])  # the server's own steps replace the laptop's
    return answers, winners


def _apply(connection: Connection, group: list[Pending]) -> list[dict[str, Any]]:
    """The group's ops, one answer each, in one round trip through kam.sync_apply_many — except a decision prepared
    offline: it goes first through kam.sync_decide (the server decides again, as the pushing login), the request's
    change it made is the server's to make, and if the server refuses the decision, the rest of that local
    transaction (benefits the approval activated) is refused with it."""
    decisions = [e for e in group if is_decision(e)]
    if not decisions:
        return _apply_many(connection, group)
    answers = {e.op_id: _decide(connection, e) for e in decisions}
    decided = {str(e.changes["new"].get("exception_id")) for e in decisions}
    rest = [e for e in group if not is_decision(e) and not _made_by_decision(e, decided)]
    if all(answers[e.op_id]["status"] == DECIDED for e in decisions):
        answers.update(zip([e.op_id for e in rest], _apply_many(connection, rest), strict=True))
    else:
        answers.update({e.op_id: {"status": "refused", "reason": "the decision it belonged to was refused"}
                        for e in rest})
    return [answers.get(e.op_id, {"status": BY_DECISION}) for e in group]


def _apply_many(connection: Connection, run: list[Pending]) -> list[dict[str, Any]]:
    if not run:
        return []
    entity = run[0].entity
    rows = [e.new_json for e in run if e.operation == "insert" and e.entity == entity and e.new_json is not None]
    if len(rows) == len(run):  # new rows of one table, the common push: the same answers, a third less server time
        answers = connection.scalar(INSERT_MANY, {
            "entity": entity, "ops": "{" + ",".join(e.op_text for e in run) + "}",
            "ids": "{" + ",".join(e.entity_text for e in run) + "}", "rows": "[" + ",".join(rows) + "]"})
        return [dict(answer) for answer in answers]
    answers = connection.scalar(APPLY_MANY, {"ops": "[" + ",".join(e.op_json() for e in run) + "]"})
    return [dict(answer) for answer in answers]


def is_decision(entry: Pending) -> bool:
    """An approval step the laptop wrote: a decision prepared offline, which only kam.decide_exception may take."""
    return entry.entity == "approval_steps" and entry.operation == "insert"


def _made_by_decision(entry: Pending, decided: set[str]) -> bool:
    """The request's own change (status, decided_at) that a decision of the same local transaction made."""
    return entry.entity == "exception_requests" and entry.operation == "update" and str(entry.entity_id) in decided


def _decide(connection: Connection, entry: Pending) -> dict[str, Any]:
    step = entry.changes["new"]
    return dict(connection.scalar(DECIDE, {"op": str(entry.op_id), "step": json.dumps(step)}))


def _server_rows(connection: Connection, entity: str, ids: set[uuid.UUID]) -> list[StoredRow]:
    return rows_by_id(connection, TABLES[entity], ids)


def _steps_of(connection: Connection, requests: set[uuid.UUID]) -> list[StoredRow]:
    return stored_rows(connection, TABLES["approval_steps"], "FROM approval_steps r WHERE r.exception_id = ANY(%(ids)s::uuid[])",
                       {"ids": uuid_array(requests)})


def _record(store: Store, group: list[Pending], answers: list[dict[str, Any]],
            winners: dict[str, list[StoredRow]]) -> int:
    """The answers land here in one SQLite transaction: entries out, conflicts in, the server's rows over ours."""
    conflicts = [c for entry, answer in zip(group, answers, strict=True) if (c := _conflict(entry, answer))]
    with store.engine.execution_options(**WRITE).begin() as connection:
        local.defer_foreign_keys(connection)
        # the group is a prefix of the outbox in seq order and a new entry's seq is above every present one, so the
        # range is exactly the group (an IN list of 2,000 values cost a slice ~10 ms to bind and parse)
        connection.execute(delete(OutboxEntry).where(OutboxEntry.seq.between(group[0].seq, group[-1].seq)))
        if conflicts:
            connection.execute(insert(SyncConflict), conflicts)
        refused_inserts = {(e.entity, e.entity_id) for e, answer in zip(group, answers, strict=True)
                           if e.operation == "insert" and answer["status"] not in SETTLED}
        for entity, rows in winners.items():
            found = {uuid_of_hex(row_id) for row_id in ids_of(TABLES[entity], rows)}
            refused = {row_id for name, row_id in refused_inserts if name == entity}
            # the server has no such row: nor do we (first: the server's own row may take its place, e.g. a step)
            local.remove(connection, entity, refused - found)
            local.upsert(connection, entity, rows, stored=True)  # the server's rows, as it reads them
    return len(conflicts)


def _conflict(entry: Pending, answer: dict[str, Any]) -> dict[str, Any] | None:
    status = answer["status"]
    if status in SETTLED or status in (DECIDED, BY_DECISION):
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
