"""The store's side of the audit chain: link each new audit line as it is flushed, read the chain back to verify.

The unit of work calls `chain_new_lines` after every flush, inside the same transaction as the lines, so no
service can write an audit line outside the chain. SQLite serialises writers (BEGIN IMMEDIATE), so the head read
here is the chain's only head. A team server chains its lines itself, in a trigger (db/server/45_audit_chain.sql).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Connection, Text, cast, func, insert, select
from sqlalchemy.orm import Session

from kam_desktop.domain.audit_chain import GENESIS, AuditLine, Link, link_hash
from kam_desktop.store.models import AuditEntry, AuditLink


def _lines(connection: Connection, ids: Sequence[uuid.UUID] | None = None) -> dict[uuid.UUID, AuditLine]:
    query = select(AuditEntry.id, AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.created_by,
                   AuditEntry.created_at, cast(AuditEntry.details, Text).label("details"))
    if ids is not None:
        query = query.where(AuditEntry.id.in_(list(ids)))
    return {r.id: AuditLine(str(r.id), r.action, r.entity, r.entity_id, r.created_by, r.created_at, r.details)
            for r in connection.execute(query)}


def chain_lines(connection: Connection, ids: Sequence[uuid.UUID]) -> None:
    """Append links for the audit lines `ids` (in that order) after the chain's head."""
    if not ids:
        return
    head = connection.execute(select(AuditLink.hash).order_by(AuditLink.seq.desc()).limit(1)).scalar()
    prev = head or GENESIS
    lines = _lines(connection, ids)
    rows = []
    for audit_id in ids:
        digest = link_hash(prev, lines[audit_id])
        rows.append({"audit_id": audit_id, "prev_hash": prev, "hash": digest})
        prev = digest
    connection.execute(insert(AuditLink), rows)


def chain_new_lines(session: Session) -> None:
    """Link the audit lines this flush wrote (queued by the unit of work's before_flush)."""
    queued: list[uuid.UUID] = session.info.pop("audit_new", [])
    if queued and session.get_bind().dialect.name == "sqlite":
        chain_lines(session.connection(), queued)


def read_chain(connection: Connection) -> tuple[list[Link], list[str]]:
    """The links in chain order with the lines they cover, and the ids of lines no link covers."""
    lines = _lines(connection)
    links = [Link(r.seq, lines.pop(r.audit_id, None), r.prev_hash, r.hash)
             for r in connection.execute(select(AuditLink).order_by(AuditLink.seq))]
    return links, sorted(line.id for line in lines.values())


def count_lines(connection: Connection) -> int:
    return int(connection.scalar(select(func.count()).select_from(AuditEntry)) or 0)
