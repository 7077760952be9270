"""The team server's audit chain (kam.audit_chain, written by a trigger) read back for verification."""

from __future__ import annotations

from sqlalchemy import Connection, text

from kam_desktop.domain.audit_chain import AuditLine, Link


def read_server_chain(connection: Connection) -> tuple[list[Link], list[str]]:
    """The server's links in chain order with their lines, and the lines no link covers."""
    lines = {str(r.id): AuditLine(str(r.id), r.action, r.entity, r.entity_id, r.created_by, r.created_at, r.details)
             for r in connection.execute(text(
                 "SELECT id, action, entity, entity_id, created_by, created_at, details::text AS details "
                 "FROM public.audit_log"))}
    links = [Link(r.seq, lines.pop(str(r.audit_id), None), r.prev_hash, r.hash)
             for r in connection.execute(text("SELECT seq, audit_id, prev_hash, hash FROM kam.audit_chain ORDER BY seq"))]
    return links, sorted(lines)
