"""Pull: the server's change log since the cursor, through row-level security, applied with the cursor advance.

The log is read `(xid, id) > cursor AND xid < pg_snapshot_xmin(pg_current_snapshot())` in (xid, id) order,
in one REPEATABLE READ transaction: every transaction below the snapshot's xmin has finished, so no row can
still commit behind the cursor (a plain `id > cursor` skips a row whose transaction commits late). Each batch
of log rows is applied — current rows upserted, missing rows removed — together with the new cursor in one
SQLite transaction. A first sync (or a restored server, detected by its epoch) is a bulk snapshot instead;
accounts that became visible are snapshotted, accounts that disappeared (reassigned) are purged and their
pending outbox entries become conflicts.
"""

from __future__ import annotations

import queue
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from kam_desktop.store import rollup
from kam_desktop.store.codec import uuid_of_hex
from kam_desktop.store.engine import WRITE
from kam_desktop.store.models import OutboxEntry, SyncConflict, SyncState
from kam_desktop.store.store import Store
from kam_desktop.store.types import utc_now
from kam_desktop.sync import local
from kam_desktop.sync.server import (
    TABLES,
    Entity,
    StoredRow,
    entities,
    epoch,
    ids_of,
    rows_by_id,
    stored_blocks,
    stored_rows,
    uuid_array,
)

BATCH = 10_000
SNAPSHOT_BLOCK = 500  # rows a first sync writes at a time, streamed: the laptop writes a block while the next comes
READ_AHEAD = 4  # blocks the snapshot's reader may fetch ahead of the writes
ROWS_PART = 2_500  # changed rows read by one query in a log pull: the laptop writes a part while the next is read
FIRST_PART = 500  # the first of them: the laptop waits for it with nothing else to do
END_OF_XID = 2**62  # a cursor id past any log row of its xid
DIRECT_ACCOUNT = frozenset({"r.id", "r.account_id"})  # an account's rows the index on their account finds

# read through the driver's cursor as plain tuples (SQLAlchemy's rows cost a 10,000-row pull a fifth of its time)
# (the row's id as 32 hex digits, the form the laptop stores and the pull's rows have: no UUID object per log row)
LOG = (
    "SELECT id, xid::text::bigint AS xid, entity, replace(entity_id::text, '-', '') FROM kam.change_log "
    "WHERE (xid, id) > (CAST(CAST(%(xid)s AS text) AS xid8), %(id)s) "
    "AND xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, id LIMIT %(limit)s"
)

Hook = Callable[[str], None]
Item = tuple[str, list[StoredRow]]  # a table's name and some of its rows, in their stored form


@dataclass
class PullResult:
    pulled: int = 0
    snapshot: bool = False
    revoked: int = 0
    arrived: int = 0
    conflicts: int = 0


@dataclass(frozen=True)
class Cursor:
    xid: int
    id: int


def pull(server: Engine, store: Store, on_committed: Hook | None = None) -> PullResult:
    """Bring the laptop up to the server's state for this login."""
    result = PullResult()
    with server.connect().execution_options(isolation_level="REPEATABLE READ") as connection, connection.begin():
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        replicated = entities(connection)
        server_epoch = epoch(connection)
        state = _state(store)
        if _must_resync(connection, state, server_epoch):
            _snapshot_everything(connection, store, replicated, server_epoch, result)
        else:
            held = _held(store)  # before the log: an account row that arrives by the log still needs its history
            _follow_log(connection, store, replicated, Cursor(state.cursor_xid, state.cursor_id), result,
                        on_committed)
            _reconcile_accounts(connection, store, replicated, held, result)
    return result


def _state(store: Store) -> SyncState:
    with store.read() as session:
        state = session.scalar(select(SyncState).where(SyncState.login.is_not(None)))
        if state is None:
            raise RuntimeError("this store is not bound to a team server")
        session.expunge(state)
        return state


def _must_resync(connection: Connection, state: SyncState, server_epoch: str) -> bool:
    """First sync, another server's identity, or a cursor ahead of the server (restored to an earlier point)."""
    if state.epoch != server_epoch:
        return True
    next_xid = int(connection.scalar(text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")))
    return state.cursor_xid >= next_xid


def _follow_log(connection: Connection, store: Store, replicated: Sequence[Entity], cursor: Cursor,
                result: PullResult, on_committed: Hook | None) -> None:
    by_name = {e.name: e for e in replicated}
    while True:
        log = _log(connection, cursor)
        if not log:
            return
        changed: dict[str, set[str]] = {}  # ids as 32 hex digits
        for _, _, entity_name, entity_id in log:
            if entity_name in by_name:
                changed.setdefault(entity_name, set()).add(entity_id)
        cursor = Cursor(log[-1][1], log[-1][0])
        wanted = [(entity, changed[entity.name]) for entity in replicated if entity.name in changed]  # parents first
        with _local_transaction(store) as writer:
            keep = local.pending_rows(writer)
            found: dict[str, set[str]] = {name: set() for name in changed}
            # the server reads the rows a part at a time on its thread while the laptop writes the part before
            with _Reader(partial(_changed_rows, connection, wanted)) as parts:
                for name, rows in parts:
                    found[name].update(ids_of(TABLES[name], rows))
                    local.upsert(writer, name, rows, keep, stored=True)
            for entity, ids in wanted:
                local.remove(writer, entity.name, map(uuid_of_hex, ids - found[entity.name] - keep))
            _advance(writer, cursor, pulled=True)
        result.pulled += len(log)
        if on_committed is not None:
            on_committed("pull")


def _log(connection: Connection, cursor: Cursor) -> list[tuple[int, int, str, str]]:
    """The next batch of log rows after `cursor`: (id, xid, entity, entity_id), in the pull's transaction."""
    with connection.connection.driver_connection.cursor() as log:  # type: ignore[union-attr]
        log.execute(LOG, {"xid": cursor.xid, "id": cursor.id, "limit": BATCH})
        return log.fetchall()  # type: ignore[no-any-return]


def _changed_rows(connection: Connection, wanted: list[tuple[Entity, set[str]]]) -> Iterator[Item]:
    """The current rows of these ids (32 hex digits), table by table, a part of at most ROWS_PART at a time (one
    query each; the first part smaller, so that the laptop starts writing sooner).

    In id order, as the laptop's primary key index holds them: SQLite then fills its index pages one after another
    instead of all over an index larger than its page cache (a pull of 10,000 contacts into a laptop holding 60,000
    spent a third more time writing them in random order).
    """
    first = True
    for entity, ids in wanted:
        ordered = sorted(ids)  # 32 lowercase hex digits order as SQLite's index on them does
        start = 0
        while start < len(ordered):
            end = start + (FIRST_PART if first else ROWS_PART)
            yield entity.name, rows_by_id(connection, entity.table, ordered[start:end])
            start, first = end, False


def _reconcile_accounts(connection: Connection, store: Store, replicated: Sequence[Entity],
                        held_before: set[uuid.UUID], result: PullResult) -> None:
    """Accounts this login may now see arrive whole; accounts it may no longer see leave the laptop."""
    accounts = replicated_entity(replicated, "accounts")
    visible = set(connection.scalars(select(accounts.table.c.id)))
    with _local_transaction(store) as writer:
        held = local.local_accounts(writer)
        arrived = visible - held_before
        gone = held - visible - _unpushed_accounts(writer)
        if arrived:
            for entity in replicated:
                if entity.account_sql is not None:
                    local.upsert(writer, entity.name, _account_rows(connection, entity, arrived), stored=True)
        if gone:
            result.conflicts += _revoke(writer, replicated, gone)
    result.arrived += len(arrived)
    result.revoked += len(gone)


def _unpushed_accounts(writer: Connection) -> set[uuid.UUID]:
    """Accounts created here and not yet on the server: not a revocation."""
    query = select(OutboxEntry.entity_id).where(OutboxEntry.entity == "accounts", OutboxEntry.operation == "insert")
    return set(writer.scalars(query))


def _revoke(writer: Connection, replicated: Sequence[Entity], gone: set[uuid.UUID]) -> int:
    """Purge the accounts' rows; their changes still waiting in the outbox become conflicts, not silent losses."""
    doomed = {entity.name: local.rows_of_accounts(writer, entity, gone) for entity in replicated}
    entries = writer.execute(select(OutboxEntry)).all()
    lost = [e for e in entries if e.entity_id in doomed.get(e.entity, set())]
    if lost:
        writer.execute(insert(SyncConflict), [{
            "id": uuid.uuid4(), "entity": e.entity, "entity_id": e.entity_id, "op_id": e.op_id,
            "reason": "account reassigned to someone else", "local_changes": e.changes.get("new"),
            "server_values": None, "created_by": "sync",
        } for e in lost])
        writer.execute(delete(OutboxEntry).where(OutboxEntry.seq.in_([e.seq for e in lost])))
    for entity in reversed(replicated):
        local.remove(writer, entity.name, doomed[entity.name])
    return len(lost)


def _snapshot_everything(connection: Connection, store: Store, replicated: Sequence[Entity], server_epoch: str,
                         result: PullResult) -> None:
    """A first sync: every row this login may read, in bulk; the cursor then starts at the snapshot's xmin."""
    xmin = int(connection.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")))
    with _local_transaction(store) as writer:
        # Every row is replaced, pending ones too: their outbox entries still go out at the next push, and the
        # pull after it brings back the merged row (a row kept out of the snapshot would be missing meanwhile).
        sums = rollup.StoredSums()  # the roll-up, summed from the lines as they pass, written once at the end
        with _Reader(partial(_snapshot_items, connection, replicated)) as blocks:
            local.wipe(writer, replicated)  # while the server finds the login's accounts and tables
            for name, block in blocks:
                result.pulled += local.insert_fresh(writer, name, block, stored=True)
                if name == local.LINES:
                    sums.add(block)
                elif name == "accounts":  # the wiped store now holds exactly these accounts
                    result.arrived += len(block)
        sums.write(writer)
        writer.execute(update(SyncState).values(epoch=server_epoch))
        _advance(writer, Cursor(xmin - 1, END_OF_XID), pulled=True)
    result.snapshot = True


def _snapshot_blocks(connection: Connection, entity: Entity, visible: list[uuid.UUID]) -> Iterator[list[StoredRow]]:
    """Every row of `entity` this login may read, in blocks, in their stored form (the laptop's writer converts the
    rest)."""
    return stored_blocks(connection, entity.table, _snapshot_from(connection, entity),
                         {"accounts": uuid_array(visible)}, SNAPSHOT_BLOCK, streamed=True)


def _snapshot_from(connection: Connection, entity: Entity) -> str:
    """`FROM … WHERE …` of `entity`'s rows this login may read (the accounts it sees are `%(accounts)s`).

    An account's rows are asked for by the accounts it sees as well: row-level security alone filters a scan of the
    whole table (every KAM's invoice lines) row by row, while the same accounts as an array parameter let the server
    use the table's index. Row-level security still applies to what the query returns.
    """
    table = connection.dialect.identifier_preparer.quote(entity.name)
    if entity.account_sql is None or entity.account_sql not in DIRECT_ACCOUNT:
        return f"FROM {table} r"
    return f"FROM {table} r WHERE {entity.account_sql} = ANY(%(accounts)s::uuid[])"


def _tables_with_rows(connection: Connection, replicated: Sequence[Entity], visible: list[uuid.UUID]) -> list[Entity]:
    """The replicated tables that hold rows for this login, asked in one round trip.

    Most of them are empty for a new KAM, and a query each cost a first sync more than its rows (~1 ms a table).
    The same filters as the reads, in the same REPEATABLE READ snapshot: a table said empty is empty for the reads.
    """
    probes = ", ".join(f"EXISTS (SELECT 1 {_snapshot_from(connection, entity)})" for entity in replicated)
    cursor = connection.connection.driver_connection.execute(  # type: ignore[union-attr]
        f"SELECT ARRAY[{probes}]", {"accounts": uuid_array(visible)})
    found = cursor.fetchone()
    assert found is not None
    return [entity for entity, has_rows in zip(replicated, found[0], strict=True) if has_rows]


def _snapshot_items(connection: Connection, replicated: Sequence[Entity]) -> Iterator[Item]:
    """A first sync's reads: the accounts this login sees, then every table that holds rows for it, a block at a
    time."""
    visible = list(connection.scalars(select(replicated_entity(replicated, "accounts").table.c.id)))
    for entity in _tables_with_rows(connection, replicated, visible):
        for block in _snapshot_blocks(connection, entity, visible):
            yield entity.name, block


_DONE = object()  # the reader's last item


class _Reader:
    """The server reads of a pull (`produce`: a table's name and rows at a time) on a thread of their own, ahead of
    the SQLite writes.

    The server's query time and the laptop's writes (sqlite3 lets go of the GIL while it writes) then overlap instead
    of adding up. Only the thread uses the server connection until it has ended (joined on leaving), so the reads stay
    in the pull's REPEATABLE READ transaction, in order. A failure on either side stops both and is raised here.
    """

    def __init__(self, produce: Callable[[], Iterator[Item]]) -> None:
        self._queue: queue.Queue[object] = queue.Queue(maxsize=READ_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(produce,), name="kam-pull-reader", daemon=True)

    def _read(self, produce: Callable[[], Iterator[Item]]) -> None:
        try:
            for item in produce():
                if not self._put(item):
                    return
            self._put(_DONE)
        except BaseException as error:  # noqa: BLE001 - handed over to the writing thread, which raises it
            self._put(error)

    def _put(self, item: object) -> bool:
        """Hand an item over; False once the writer has stopped listening (it failed)."""
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def __enter__(self) -> Iterator[Item]:
        self._thread.start()
        return self._blocks()

    def _blocks(self) -> Iterator[Item]:
        while (item := self._queue.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]

    def __exit__(self, *exc: object) -> None:
        self._stop.set()  # the writer is done (or failed): a reader still waiting to hand over gives up
        self._thread.join()


def _held(store: Store) -> set[uuid.UUID]:
    with store.engine.connect() as connection:
        return local.local_accounts(connection)


def _account_rows(connection: Connection, entity: Entity, accounts: set[uuid.UUID]) -> list[StoredRow]:
    """The accounts' rows of `entity`, in their stored form."""
    table = connection.dialect.identifier_preparer.quote(entity.name)
    return stored_rows(connection, entity.table, f"FROM {table} r WHERE {entity.account_sql} = ANY(%(accounts)s::uuid[])",
                       {"accounts": uuid_array(accounts)})


def replicated_entity(replicated: Sequence[Entity], name: str) -> Entity:
    return next(e for e in replicated if e.name == name)


def _advance(writer: Connection, cursor: Cursor, *, pulled: bool) -> None:
    values: dict[str, Any] = {"cursor_xid": cursor.xid, "cursor_id": cursor.id}
    if pulled:
        values["last_pull_at"] = utc_now()
    writer.execute(update(SyncState).values(**values))


class _local_transaction:  # noqa: N801 - reads as a context manager function
    """One SQLite write transaction (BEGIN IMMEDIATE) with foreign keys checked at COMMIT."""

    def __init__(self, store: Store) -> None:
        self._context = store.engine.execution_options(**WRITE).begin()

    def __enter__(self) -> Connection:
        connection = self._context.__enter__()
        local.defer_foreign_keys(connection)
        return connection

    def __exit__(self, *exc: Any) -> None:
        self._context.__exit__(*exc)
