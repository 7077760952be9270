"""Talking to the team server: a connection as the laptop's login, the replicated tables, the epoch."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from kam_desktop.store.models import Base

CONNECT_TIMEOUT_S = 10
TABLES: dict[str, Table] = {table.name: table for table in Base.metadata.sorted_tables}
ORDER = {name: position for position, name in enumerate(TABLES)}  # parents before children


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


def typed(entity: Entity, sql: str, **params: Any) -> Any:
    """A text query over `entity`'s rows whose result comes back typed by the model's columns (by name)."""
    return text(sql).columns(**{column.name: column.type for column in entity.table.columns}).bindparams(**params)


def rows_by_id(connection: Connection, table: Table, ids: Iterable[uuid.UUID]) -> list[Any]:
    """The server's rows with these ids, as the driver gives them (the laptop's writer converts each column).

    One array parameter (an IN list of 10,000 values is parsed and planned 10,000 times over), and no result
    processing on the way: the values go straight into the laptop's upsert, which converts them once.
    """
    sql = f"SELECT * FROM {connection.dialect.identifier_preparer.quote(table.name)} WHERE id = ANY(%(ids)s)"
    return [row for block in dict_blocks(connection, sql, {"ids": list(ids)}) for row in block]


def dict_blocks(connection: Connection, sql: str, params: dict[str, Any],
                size: int = 10_000) -> Iterator[list[dict[str, Any]]]:
    """The rows of `sql` as the driver gives them, in blocks of `size` dicts, in the connection's transaction.

    The driver's own cursor, not SQLAlchemy's result: that wrapped every row one by one (half a pull's reading time
    for 10,000 rows, a third of a first sync's).
    """
    from psycopg.rows import dict_row  # here: a solo laptop's start never loads the server's driver

    with connection.connection.driver_connection.cursor(row_factory=dict_row) as cursor:  # type: ignore[union-attr]
        cursor.execute(sql, params)
        while block := cursor.fetchmany(size):
            yield block
