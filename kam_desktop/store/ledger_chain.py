"""The store's side of the ledger chain: link each new ledger entry and allocation as it is flushed, seal the
chain's head in the audit log at each commit, and read the chain back to verify.

Like the audit chain (store/audit_chain.py): the unit of work queues the new rows before a flush and links them
after it, in the same transaction, reading each row back as stored so that verifying reads the same values. Only
on SQLite (a laptop): a team server keeps its ledger behind its own functions and row-level security.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from kam_desktop.domain.audit_chain import GENESIS
from kam_desktop.domain.row_chain import Row, RowLink, row_hash, text_of
from kam_desktop.store.models import AuditEntry, LedgerAllocation, LedgerEntry, LedgerLink

CHAINED: dict[type, Table] = {LedgerEntry: cast(Table, LedgerEntry.__table__),
                              LedgerAllocation: cast(Table, LedgerAllocation.__table__)}
# The values a link covers, frozen: a column added to a table later must not change the hash of the rows linked
# before it (add it here only with a new chain scheme).
COVERED = {
    "ledger_entries": ("id", "created_at", "created_by", "account_id", "kind", "unit", "amount", "currency",
                       "booked_on", "quarter", "expires_on", "source_kind", "source_ref", "idempotency_key",
                       "reverses_id", "corrects_id", "note"),
    "ledger_allocations": ("id", "created_at", "created_by", "entry_id", "lot_id", "amount"),
}
SEAL = "ledger.seal"  # the audit action whose details hold the ledger chain's head (seq, hash) at a commit
_QUEUE = "ledger_new"
_SEALED = "ledger_sealed"
_BATCH = 500  # ids per read-back (SQLite's bound parameters)


def queue_new_rows(session: Session, new: Sequence[Any]) -> None:
    """Remember the ledger rows this flush inserts (their client-made ids are set by the caller)."""
    rows = [(CHAINED[type(obj)].name, obj.id) for obj in new if type(obj) in CHAINED]
    if rows:
        session.info.setdefault(_QUEUE, []).extend(rows)


def chain_new_rows(session: Session) -> None:
    """Link the ledger rows this flush wrote, in the order they were added."""
    chain_inserted(session, session.info.pop(_QUEUE, []))


def chain_inserted(session: Session, rows: Sequence[tuple[str, uuid.UUID]]) -> None:
    """Link ledger rows ((table, id), in booking order): a flush's, or rows inserted without ORM objects."""
    if rows and session.get_bind().dialect.name == "sqlite":
        chain_rows(session.connection(), rows)
        session.info[_SEALED] = True  # the commit seals the new head in the audit log


def chain_rows(connection: Connection, rows: Sequence[tuple[str, uuid.UUID]]) -> None:
    """Append links for `rows` ((table, id), in that order) after the chain's head."""
    if not rows:
        return
    last = connection.execute(select(LedgerLink.hash).order_by(LedgerLink.seq.desc()).limit(1)).scalar()
    prev = last or GENESIS
    stored = _rows(connection, rows)
    links = []
    for table, row_id in rows:
        digest = row_hash(prev, stored[row_id])
        links.append({"row_table": table, "row_id": row_id, "prev_hash": prev, "hash": digest})
        prev = digest
    connection.execute(insert(LedgerLink), links)


def seal_line(session: Session) -> AuditEntry | None:
    """The audit line sealing the ledger chain's head, when this transaction linked ledger rows; else None."""
    if not session.info.pop(_SEALED, False):
        return None
    seq, digest = session.connection().execute(
        select(LedgerLink.seq, LedgerLink.hash).order_by(LedgerLink.seq.desc()).limit(1)).one()
    return AuditEntry(action=SEAL, entity="ledger", entity_id=None, details={"seq": seq, "hash": digest})


def forget(session: Session) -> None:
    session.info.pop(_QUEUE, None)
    session.info.pop(_SEALED, None)


def _rows(connection: Connection, keys: Sequence[tuple[str, uuid.UUID]]) -> dict[uuid.UUID, Row]:
    found: dict[uuid.UUID, Row] = {}
    for table in CHAINED.values():
        ids = [row_id for name, row_id in keys if name == table.name]
        for start in range(0, len(ids), _BATCH):
            for record in connection.execute(_covered(table).where(table.c.id.in_(ids[start:start + _BATCH]))):
                found[record.id] = _row(table, record)
    return found


def _covered(table: Table) -> Any:
    return select(*(table.c[name] for name in COVERED[table.name]))


def _row(table: Table, record: Any) -> Row:
    return Row(table.name, text_of(record.id), tuple(text_of(value) for value in record))


def read_chain(connection: Connection) -> tuple[list[RowLink], list[tuple[str, str]], list[tuple[int, str]]]:
    """The links in chain order with the rows they cover, the rows no link covers, and the sealed heads."""
    rows: dict[str, Row] = {}
    for table in CHAINED.values():
        for record in connection.execute(_covered(table)):
            row = _row(table, record)
            rows[row.id] = row
    links = [RowLink(r.seq, rows.pop(r.row_id.hex, None), r.prev_hash, r.hash)
             for r in connection.execute(select(LedgerLink).order_by(LedgerLink.seq))]
    sealed = [(int(str(d["seq"])), str(d["hash"])) for d in connection.scalars(
        select(AuditEntry.details).where(AuditEntry.action == SEAL).order_by(AuditEntry.created_at))
        if isinstance(d, dict) and "seq" in d and "hash" in d]
    return links, sorted((row.table, row.id) for row in rows.values()), sealed
