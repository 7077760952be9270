"""The audit log as a hash chain: each line's SHA-256 covers the line and the hash before it, so a changed byte,
a removed line or two swapped lines break the chain at that line, and a rewritten chain no longer ends in the
head hash kept outside the store (the anchor).

A link hashes the canonical JSON of `[previous hash, id, action, entity, entity_id, created_by, created_at,
details]`: an array of strings, ", " and ": " separators, non-ASCII as itself — the form PostgreSQL's
`jsonb_build_array(...)::text` writes, so the server's trigger and this module compute the same hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from kam_desktop.domain.messages import Message

GENESIS = "0" * 64  # the hash before the first line


@dataclass(frozen=True)
class AuditLine:
    """The fields of an audit line the chain covers, as the store keeps them (details: its stored JSON text)."""

    id: str
    action: str
    entity: str
    entity_id: str | None
    created_by: str
    created_at: datetime
    details: str | None


@dataclass(frozen=True)
class Link:
    seq: int
    line: AuditLine | None  # None: the line it chains was removed from the log
    prev_hash: str
    hash: str


def moment(value: datetime) -> str:
    """A timestamp as the chain writes it: UTC, microseconds, a Z."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(prev_hash: str, line: AuditLine) -> str:
    fields = [prev_hash, line.id, line.action, line.entity, line.entity_id or "", line.created_by,
              moment(line.created_at), line.details or ""]
    return json.dumps(fields, ensure_ascii=False, separators=(", ", ": "))


def link_hash(prev_hash: str, line: AuditLine) -> str:
    return hashlib.sha256(canonical(prev_hash, line).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Break:
    """Where the chain stops holding: the link's position and what is wrong there."""

    seq: int
    line_id: str | None
    reason: Message


def first_break(links: Sequence[Link], unchained: Iterable[str] = (), anchor: str | None = None) -> Break | None:
    """The first link (in chain order) that does not hold; else a line outside the chain; else an anchor that the
    chain's head is not (a chain rewritten whole); None when everything holds."""
    prev = GENESIS
    for link in links:
        if link.line is None:
            return Break(link.seq, None, Message.of("the line this link covers was removed"))
        if link.prev_hash != prev:
            return Break(link.seq, link.line.id, Message.of("the line before it was changed, removed or moved"))
        if link_hash(prev, link.line) != link.hash:
            return Break(link.seq, link.line.id, Message.of("the line was changed after it was written"))
        prev = link.hash
    for line_id in unchained:
        return Break(links[-1].seq + 1 if links else 1, line_id, Message.of("a line was added outside the chain"))
    if anchor is not None and anchor not in (prev, *(link.hash for link in links)):
        return Break(links[-1].seq if links else 0, None, Message.of("the chain does not reach the anchor kept outside the store"))
    return None


def head(links: Sequence[Link]) -> str:
    """The hash of the last link (the anchor to keep outside the store)."""
    return links[-1].hash if links else GENESIS
