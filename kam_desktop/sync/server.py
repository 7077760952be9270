"""Talking to the team server: a connection as the laptop's login, the replicated tables, the epoch."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Engine, Table, Uuid, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from kam_desktop.store.models import Base
from kam_desktop.store.types import ScaledDecimal, UTCDateTime

CONNECT_TIMEOUT_S = 10
TABLES: dict[str, Table] = {table.name: table for table in Base.metadata.sorted_tables}
ORDER = {name: place for place, name in enumerate(TABLES)}  # parents before children
StoredRow = tuple[Any, ...]  # a row as SQLite stores it, in its table's column order (`stored_form`)


@dataclass(frozen=True)
class Entity:
    """A replicated table as the server describes it (kam.sync_entities)."""

    name: str
    account_sql: str | None  # how a row `r` reaches its account; None: shared by everyone
    transitions: tuple[str, ...]
    append_only: bool

    @property
    def table(self) -> Table:
        return TABLES[self.name]


def server_engine(url: str, login: str | None = None, password: str | None = None) -> Engine:
    """An engine on the server as `login`; no pool: a sync opens its connections and closes them."""
    address = make_url(url).set(drivername="postgresql+psycopg")
    if login is not None:
        address = address.set(username=login)
    if password is not None:
        address = address.set(password=password)
    return create_engine(address, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})


def public_address(url: str) -> str:
    """The server's URL as the laptop remembers it: no user, no password."""
    address = make_url(url).set(drivername="postgresql", username=None, password=None)
    return address.render_as_string(hide_password=True)


def entities(connection: Connection) -> list[Entity]:
    """The replicated tables this version of the app knows, parents first."""
    rows = connection.execute(text("SELECT entity, account_sql, transitions, append_only FROM kam.sync_entities"))
    found = [Entity(r.entity, r.account_sql, tuple(r.transitions), r.append_only) for r in rows if r.entity in TABLES]
    return sorted(found, key=lambda e: ORDER[e.name])


def epoch(connection: Connection) -> str:
    return str(connection.scalar(text("SELECT kam.sync_epoch()")))


# A timestamp as UTCDateTime keeps it on SQLite: isoformat(timespec="microseconds") of the UTC moment
_ISO_UTC = """'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'"""


@cache
def stored_form(table: Table) -> tuple[str, frozenset[str]]:
    """`table`'s SELECT list over its row `r` giving the values as the laptop's SQLite stores them, in the table's
    column order, and the columns it so converts (the laptop's writer leaves those as they come).

    Timestamps, dates, money, booleans and ids (the primary key too: 32 hex digits) are formatted by the server (C, while it
    reads the row) instead of loaded into datetimes, Decimals and UUIDs and converted back to text and integers on
    the laptop: a pull of 10,000 contacts spent a fifth of its time on that. The forms are the columns' own SQLite
    bind processors' (the tests compare the two); other types go the usual way.
    """
    parts: list[str] = []
    converted: set[str] = set()
    for column in table.columns:
        name = '"' + column.name.replace('"', '""') + '"'
        kind = column.type
        if isinstance(kind, UTCDateTime):
            expression = f"to_char(r.{name} AT TIME ZONE 'UTC', {_ISO_UTC})"
        elif isinstance(kind, ScaledDecimal):  # an integer of 10^-scale units; exact: the column has `scale` places
            expression = f"(r.{name} * {10 ** kind.scale})::bigint"
        elif isinstance(kind, Date):
            expression = f"to_char(r.{name}, 'YYYY-MM-DD')"
        elif isinstance(kind, Uuid):
            expression = f"replace(r.{name}::text, '-', '')"
        elif isinstance(kind, Boolean):  # 1 or 0, as SQLite keeps it
            expression = f"r.{name}::integer"
        else:
            expression = None
        if expression is None:
            parts.append(f"r.{name}")
        else:
            parts.append(f"{expression} AS {name}")
            converted.add(column.name)
    return ", ".join(parts), frozenset(converted)


@cache
def position(table: Table, column: str) -> int:
    """Where `column` is in a stored row of `table` (a tuple in the table's column order, as `stored_form` reads)."""
    return [c.name for c in table.columns].index(column)


def ids_of(table: Table, rows: Iterable[StoredRow]) -> set[str]:
    """The ids (32 hex digits) of these stored rows."""
    at = position(table, "id")
    return {row[at] for row in rows}


def rows_by_id(connection: Connection, table: Table, ids: Iterable[uuid.UUID | str]) -> list[StoredRow]:
    """The server's rows with these ids (UUIDs or their hex digits) in their stored form (`stored_form`: the laptop's
    writer converts the rest), in id order.

    One array parameter (an IN list of 10,000 values is parsed and planned 10,000 times over), sent as the text of
    an array (psycopg's binary dump of 10,000 UUID objects cost a pull more than the server's lookups), and no result
    processing on the way: the values go straight into the laptop's upsert.
    """
    sql = (f"FROM {connection.dialect.identifier_preparer.quote(table.name)} r WHERE r.id = ANY(%(ids)s::uuid[]) "
           "ORDER BY r.id")  # the laptop's index order (pull._changed_rows); the server's index scan gives it
    return stored_rows(connection, table, sql, {"ids": uuid_array(ids)})


def uuid_array(ids: Iterable[uuid.UUID | str]) -> str:
    """PostgreSQL's text form of a uuid[] of UUIDs or their 32 hex digits (PostgreSQL reads a UUID with or without
    its hyphens; neither spelling has anything to quote)."""
    return "{" + ",".join(map(str, ids)) + "}"


def stored_rows(connection: Connection, table: Table, from_sql: str, params: dict[str, Any]) -> list[StoredRow]:
    """The rows of `SELECT … {from_sql}` (a FROM clause naming `table` as `r`) in their stored form, all at once."""
    return [row for block in stored_blocks(connection, table, from_sql, params) for row in block]


def stored_blocks(connection: Connection, table: Table, from_sql: str, params: dict[str, Any],
                  size: int = 10_000, *, streamed: bool = False) -> Iterator[list[StoredRow]]:
    """The rows of `SELECT … {from_sql}` in their stored form, in blocks of `size`; `streamed`: each block as soon
    as the server has sent it, not once the whole result is in (a first sync writes one while the next arrives).

    Plain tuples, the driver's own (no dict or SQLAlchemy row per row: a pull of 10,000 rows spent a tenth of its
    laptop time making and reading them); `position` says where a column is."""
    sql = f"SELECT {stored_form(table)[0]} {from_sql}"
    if streamed:
        return _streamed_blocks(connection, sql, params, size)
    return tuple_blocks(connection, sql, params, size)


def _streamed_blocks(connection: Connection, sql: str, params: dict[str, Any],
                     size: int) -> Iterator[list[StoredRow]]:
    with connection.connection.driver_connection.cursor() as cursor:  # type: ignore[union-attr]
        block: list[StoredRow] = []
        for row in cursor.stream(sql, params, size=size):  # libpq's chunked rows: `size` rows a message
            block.append(row)
            if len(block) == size:
                yield block
                block = []
        if block:
            yield block


def tuple_blocks(connection: Connection, sql: str, params: dict[str, Any],
                 size: int = 10_000) -> Iterator[list[StoredRow]]:
    """The rows of `sql` as the driver gives them, in blocks of `size` tuples, in the connection's transaction.

    The driver's own cursor, not SQLAlchemy's result: that wrapped every row one by one (half a pull's reading time
    for 10,000 rows, a third of a first sync's).
    """
    with connection.connection.driver_connection.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(sql, params)
        while block := cursor.fetchmany(size):
            yield block
