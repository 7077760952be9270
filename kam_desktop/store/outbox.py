"""The push side of team sync: every flushed change of a replicated row writes its outbox entry in the same transaction.

The unit of work calls `record` after each flush, so a service cannot change a replicated row without its
outbox entry: both commit or neither does. Only a laptop bound to a team server (a `sync_state` row with a
login) records anything; a solo store and a PostgreSQL store (which *is* the server) write no outbox.

An entry carries the op id (a UUID the server remembers, so a retried push is a no-op), the table and row,
the version the change was made against, and the changed columns as `{"old": …, "new": …}` in plain JSON
(the server merges three-way against `old`). Entries of one local transaction share a `txn` id: the pusher
sends them to the server in one server transaction.
"""

from __future__ import annotations

import uuid
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, insert, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kam_desktop.jsonable import to_jsonable
from kam_desktop.store.models import Base, OutboxEntry

# Tables that stay on the laptop: the sync bookkeeping itself, which device this is, and the local audit
# (the server writes its own audit by triggers, as the pushing login).
LOCAL_ONLY = frozenset({"sync_outbox", "sync_state", "sync_conflicts", "local_device", "audit_log", "audit_chain"})
# Rows only the team server's functions write (kam.register_device, kam.lease_number_block): a laptop keeps the
# server's answer and pulls them, it never pushes them.
SERVER_WRITTEN = frozenset({"numbering_devices", "number_block_leases"})
# Bookkeeping columns the server stamps itself; they are never merged.
STAMPS = frozenset({"version", "created_at", "updated_at", "updated_by"})

_bound: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()
_TABLE_ORDER = {table.name: position for position, table in enumerate(Base.metadata.sorted_tables)}


def is_bound(engine: Engine) -> bool:
    """True when this store is a laptop bound to a team server (read once per engine, then cached)."""
    if engine not in _bound:
        _bound[engine] = engine.dialect.name == "sqlite" and _has_binding(engine)
    return _bound[engine]


def mark_bound(engine: Engine, bound: bool) -> None:
    """Tell the outbox that the store was just bound to (or released from) a server."""
    _bound[engine] = bound


def _has_binding(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT 1 FROM sync_state WHERE login IS NOT NULL")).first() is not None
    except DBAPIError:  # a store older than the binding column: not bound
        return False


def replicated(obj: object) -> bool:
    table = getattr(obj, "__tablename__", None)
    return table is not None and table not in LOCAL_ONLY and table not in SERVER_WRITTEN and hasattr(obj, "id")


def record(session: Session) -> None:
    """Write the outbox entries of the flush that just ran (called from the unit of work's after_flush)."""
    txn = str(session.info.setdefault("sync_txn", uuid.uuid4()))
    entries = [_inserted(obj, txn) for obj in session.new if replicated(obj)]
    entries.sort(key=lambda entry: _TABLE_ORDER.get(entry["entity"], 0))  # parents before children
    entries += [e for obj in session.dirty if replicated(obj) and (e := _updated(obj, txn)) is not None]
    if entries:
        session.connection().execute(insert(OutboxEntry), entries)


def forget_transaction(session: Session) -> None:
    """A new transaction gets a new `txn` id."""
    session.info.pop("sync_txn", None)


def _columns(obj: object) -> list[tuple[str, str]]:
    """(attribute key, column name) of every mapped column of the row."""
    return [(prop.key, prop.columns[0].name) for prop in inspect(obj).mapper.column_attrs]


def _inserted(obj: object, txn: str) -> dict[str, Any]:
    state = inspect(obj)
    values = {column: to_jsonable(state.dict.get(key)) for key, column in _columns(obj)}
    return _entry(obj, "insert", None, {"txn": txn, "new": values})


def _updated(obj: object, txn: str) -> dict[str, Any] | None:
    state = inspect(obj)
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    base_version = None
    for key, column in _columns(obj):
        history = state.attrs[key].history
        if column == "version":  # the flush's UPDATE has just counted it up by one (version_id_col)
            base_version = history.deleted[0] if history.deleted else state.dict.get(key) - 1
            continue
        if column in STAMPS or not history.has_changes():
            continue
        old[column] = to_jsonable(history.deleted[0] if history.deleted else None)
        new[column] = to_jsonable(state.dict.get(key))
    if not new:
        return None
    return _entry(obj, "update", base_version, {"txn": txn, "old": old, "new": new})


def _entry(obj: object, operation: str, base_version: int | None, changes: dict[str, Any]) -> dict[str, Any]:
    return {
        "op_id": uuid.uuid4(),
        "entity": getattr(obj, "__tablename__"),  # noqa: B009 - replicated() checked it exists
        "entity_id": obj.id,  # type: ignore[attr-defined]
        "operation": operation,
        "base_version": base_version,
        "changes": changes,
    }
