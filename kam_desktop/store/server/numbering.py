"""The team server's numbering functions (db/server/70_numbering.sql) called from Python: devices and leased blocks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

LEASE = text("SELECT kam.lease_number_block(:device, :prefix, :year, :size)")
REGISTER = text("SELECT kam.register_device(:label)")


@dataclass(frozen=True)
class ServerDevice:
    """A device as the server registered it (its row id, so the laptop keeps the very row it later pulls)."""

    id: uuid.UUID
    device_no: int
    label: str
    registered_by: str
    created_at: datetime


@dataclass(frozen=True)
class ServerLease:
    id: uuid.UUID
    prefix: str
    year: int
    first: int
    last: int
    device_no: int
    created_by: str
    created_at: datetime


def leases_on_server(connection: Connection) -> bool:
    """True when this connection is to a team server that leases number blocks (its function is installed)."""
    if connection.dialect.name != "postgresql":
        return False
    return bool(connection.scalar(text(
        "SELECT to_regprocedure('kam.lease_number_block(integer, text, integer, integer)') IS NOT NULL")))


def register_device(connection: Connection, label: str) -> ServerDevice:
    """A new device number for the calling login (the server records it before answering)."""
    row: dict[str, Any] = connection.scalar(REGISTER, {"label": label})
    return ServerDevice(uuid.UUID(row["id"]), int(row["device_no"]), row["label"], row["registered_by"],
                        datetime.fromisoformat(row["created_at"]))


def online_device(connection: Connection) -> int:
    """The device number of the login working online straight against the server (made on first use)."""
    return int(connection.scalar(text("SELECT kam.online_device()")))


def lease_block(connection: Connection, device: int, prefix: str, year: int, size: int) -> ServerLease:
    """The next free block of (prefix, year) for the caller's own `device`, recorded on the server."""
    row: dict[str, Any] = connection.scalar(LEASE, {"device": device, "prefix": prefix, "year": year, "size": size})
    return ServerLease(uuid.UUID(row["id"]), row["prefix"], int(row["year"]), int(row["first_seq"]),
                       int(row["last_seq"]), int(row["device_no"]), row["created_by"],
                       datetime.fromisoformat(row["created_at"]))


def lock_device(connection: Connection, device: int) -> None:
    """Two sessions of one online device take numbers one after the other (until their transactions end)."""
    connection.execute(text("SELECT pg_advisory_xact_lock(hashtextextended('kam.device:' || :device, 0))"),
                       {"device": device})
