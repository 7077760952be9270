"""Human document numbers (AGR/ANX/STM-YYYY-NNNNN, EXC-…, settlement's) from this store's device blocks; never a collision.

The scheme is `kam_desktop.domain.numbering` (pure); this module keeps its state in the store:
`LocalDevice` says which device this store is, `NumberBlockLease` holds the blocks leased to it.

* A solo store (never bound to a team server) becomes device 1 in solo mode and leases itself the whole leasable
  range of a (prefix, year) the first time it needs one.
* A team laptop is registered by the team server (`kam.register_device`) and leases its blocks from it
  (`kam.lease_number_block`) at every sync where `lease_is_low` says so (`top_up`); offline it issues from those
  blocks and then from its reserve slice. A bound laptop that never reached the server has no device: it refuses
  to number rather than number as a solo store (which would collide with the team).
* A session straight on the team server (a person working online, or the server's owner) is its login's online
  device and leases a block from the server function whenever its blocks are used up — in the same transaction as
  the record that takes the number.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from kam_desktop.domain.numbering import (
    DEFAULT_BLOCK,
    LEASED_PREFIXES,
    DocumentNumber,
    NumberBlock,
    needs_new_lease,
    next_number,
    overlapping,
    remaining,
    solo_block,
)
from kam_desktop.services.errors import ServiceError
from kam_desktop.store import outbox
from kam_desktop.store.models import (
    Document,
    ExceptionRequest,
    LedgerAdjustment,
    LocalDevice,
    MdfClaim,
    NumberBlockLease,
    NumberingDevice,
    PayoutDocument,
)
from kam_desktop.store.server import numbering as server_numbering
from kam_desktop.store.store import Store

SOLO_DEVICE = 1
# every column that carries a PREFIX-YYYY-NNNNN number (each prefix lives in one of them)
NUMBERED = (Document.number, ExceptionRequest.number, PayoutDocument.number, LedgerAdjustment.number, MdfClaim.number)


def this_device(session: Session, actor: str = "system") -> LocalDevice:
    """The store's own device row; an unregistered solo store becomes device 1 in solo mode."""
    local = session.get(LocalDevice, 1)
    if (local is None or local.mode == "solo") and _bound_laptop(session):  # numbering solo would collide
        raise ServiceError("this laptop has no document numbers of its own yet: sync with the team server once, "
                           "then it numbers offline too")
    if local is None:
        _ensure_registered(session, SOLO_DEVICE, "solo install", actor)
        local = LocalDevice(id=1, device_no=SOLO_DEVICE, mode="solo")
        session.add(local)
        session.flush()
    return local


def _bound_laptop(session: Session) -> bool:
    """True on a laptop bound to a team server (its unit of work already knows; a read session asks the store)."""
    known = session.info.get("outbox")
    if known is not None:
        return bool(known)
    bind = session.get_bind()
    return outbox.is_bound(bind if isinstance(bind, Engine) else bind.engine)


def register_device(session: Session, device_no: int, label: str, actor: str, mode: str = "team",
                    row_id: uuid.UUID | None = None) -> LocalDevice:
    """Make this store `device_no` (as the server assigned it); refused once it has issued numbers.

    `row_id` is the server's id of the device's row, so the row this store keeps is the one it later pulls.
    """
    local = session.get(LocalDevice, 1)
    if local is not None and local.device_no != device_no and _issued_any(session):
        raise ServiceError("this store already issues numbers as device {device}; a device number is never changed "
                           "once documents exist", device=local.device_no)
    _ensure_registered(session, device_no, label, actor, row_id)
    if local is None:
        local = LocalDevice(id=1, device_no=device_no, mode=mode)
        session.add(local)
    else:
        local.device_no, local.mode = device_no, mode
    session.flush()
    return local


def _ensure_registered(session: Session, device_no: int, label: str, actor: str,
                       row_id: uuid.UUID | None = None) -> None:
    if session.scalar(select(NumberingDevice.id).where(NumberingDevice.device_no == device_no)) is None:
        session.add(NumberingDevice(id=row_id or uuid.uuid4(), device_no=device_no, label=label, registered_by=actor))
        session.flush()


def _issued_any(session: Session) -> bool:
    return session.scalar(select(Document.id).limit(1)) is not None


def record_lease(session: Session, block: NumberBlock, actor: str = "system", lease_id: uuid.UUID | None = None) -> None:
    """Keep a block the server leased to a device (the server's `kam.lease_number_block` chose it).

    The server serialises its leases; here the invariant is checked again where the block is taken into use: a
    block that shares a number with one already known is refused, never issued from.
    """
    if lease_id is not None and session.get(NumberBlockLease, lease_id) is not None:
        return  # already here (a pull brought it first)
    clashes = [pair for pair in overlapping([*leases(session, block.prefix, block.year), block]) if block in pair]
    if clashes:
        other = next(b for b in clashes[0] if b is not block)
        raise ServiceError("the block {prefix}-{year} {first}…{last} overlaps the block {other_first}…{other_last} of "
                           "device {device}; it is not used", prefix=block.prefix, year=block.year, first=block.first,
                           last=block.last, other_first=other.first, other_last=other.last, device=other.device)
    _ensure_registered(session, block.device, f"device {block.device}", actor)
    session.add(NumberBlockLease(id=lease_id or uuid.uuid4(), prefix=block.prefix, year=block.year,
                                 first_seq=block.first, last_seq=block.last, device_no=block.device,
                                 created_by=actor))
    session.flush()


def leases(session: Session, prefix: str | None = None, year: int | None = None) -> list[NumberBlock]:
    """Every recorded block (of one prefix and year when given)."""
    query = select(NumberBlockLease)
    if prefix is not None:
        query = query.where(NumberBlockLease.prefix == prefix)
    if year is not None:
        query = query.where(NumberBlockLease.year == year)
    return [NumberBlock(r.prefix, r.year, r.first_seq, r.last_seq, r.device_no) for r in session.scalars(query)]


def issued_sequences(session: Session, prefix: str, year: int) -> set[int]:
    """Sequences already on documents of (prefix, year), any device, any version."""
    numbers = session.scalars(select(Document.number).where(Document.number.startswith(f"{prefix}-{year}-")))
    return {DocumentNumber.parse(n).sequence for n in numbers}


def issued_anywhere(session: Session, prefix: str, year: int) -> set[int]:
    """Sequences of (prefix, year) on any numbered record (documents, requests, payouts, adjustments, claims)."""
    used: set[int] = set()
    for column in NUMBERED:
        used |= {DocumentNumber.parse(n).sequence for n in session.scalars(
            select(column).where(column.startswith(f"{prefix}-{year}-")))}
    return used


UsedLoader = Callable[[Session, str, int], set[int]]


@dataclass
class NumberAllocator:
    """Hands out numbers within one unit of work; remembers what it gave, so a batch queries once."""

    session: Session
    actor: str = "system"
    used_loader: UsedLoader = issued_sequences
    _used: dict[tuple[str, int], set[int]] = field(default_factory=dict)
    _on_server: bool | None = None
    _online_device: int | None = None

    def next(self, prefix: str, year: int) -> str:
        online = self._device_online() if self._on_team_server() else None  # locked before reading what is used
        used = self._used.get((prefix, year))
        if used is None:
            used = self._used[(prefix, year)] = set(self.used_loader(self.session, prefix, year))
        if online is not None:
            device = online
            blocks = self._online_blocks(device, prefix, year, used)
        else:
            local = this_device(self.session, self.actor)
            device = local.device_no
            blocks = self._blocks(local, prefix, year)
        number = next_number(blocks, used, prefix, year, device)
        used.add(number.sequence)
        return str(number)

    def _blocks(self, local: LocalDevice, prefix: str, year: int) -> list[NumberBlock]:
        blocks = leases(self.session, prefix, year)
        own = [b for b in blocks if b.device == local.device_no]
        if local.mode == "solo" and not own:
            block = solo_block(prefix, year)
            record_lease(self.session, block, self.actor)
            own = [block]
        return own

    def _on_team_server(self) -> bool:
        if self._on_server is None:
            self._on_server = server_numbering.leases_on_server(self.session.connection())
        return self._on_server

    def _device_online(self) -> int:
        if self._online_device is None:
            connection = self.session.connection()
            self._online_device = server_numbering.online_device(connection)
            server_numbering.lock_device(connection, self._online_device)  # one window of a person after the other
        return self._online_device

    def _online_blocks(self, device: int, prefix: str, year: int, used: set[int]) -> list[NumberBlock]:
        """The online device's blocks; a new one from the server when they are used up (online needs no reserve)."""
        own = [b for b in leases(self.session, prefix, year) if b.device == device]
        if remaining(own, used, prefix, year, device) == 0:
            lease = _lease(self.session.connection(), device, prefix, year)
            if lease is not None:  # else the space is leased out: the device's reserve slice follows
                own.append(NumberBlock(lease.prefix, lease.year, lease.first, lease.last, lease.device_no))
        return own


def lease_is_low(session: Session, prefix: str, year: int, device: int | None = None) -> bool:
    """True when this device should lease another block at its next contact with the server."""
    device = this_device(session).device_no if device is None else device
    return needs_new_lease(leases(session, prefix, year), issued_anywhere(session, prefix, year), prefix, year, device)


# -- a team laptop's device and blocks, from the team server at each sync ---------------------------------------
def lease_years(today: date) -> list[int]:
    """The years a laptop keeps blocks for: this one, and in December the coming one (it may sync next in January)."""
    return [today.year, today.year + 1] if today.month == 12 else [today.year]


def top_up(store: Store, server: Engine, login: str, today: date | None = None) -> int:
    """Register this laptop with the team server if it is not yet, then lease a block of every prefix and year that
    runs low (all of them the first time); returns how many blocks were leased.

    The server records a device and a lease before it answers; here both are recorded in one local transaction.
    An answer lost on the way costs only numbers (a lease arrives by the next pull anyway), never a duplicate.
    """
    years = lease_years(today or date.today())
    device, wanted = _wanted(store, years)
    if device is not None and not wanted:
        return 0
    label = socket.gethostname() or "laptop"
    try:
        with server.begin() as connection:
            registered = None if device is not None else server_numbering.register_device(connection, label)
            device_no = registered.device_no if registered is not None else device
            assert device_no is not None
            got = [lease for prefix, year in wanted if (lease := _lease(connection, device_no, prefix, year))]
    except OperationalError:
        raise  # offline: the sync says so
    except DBAPIError as exc:  # e.g. a server restored without this laptop's device
        reason = str(getattr(getattr(exc.orig, "diag", None), "message_primary", None) or exc.orig)
        raise ServiceError("the changes were synced, but the team server leased no document numbers to this laptop: "
                           "{reason}", reason=reason) from None
    with store.unit_of_work(login) as uow:
        if registered is not None:
            register_device(uow.session, registered.device_no, registered.label, login, "team", registered.id)
        for lease in got:
            record_lease(uow.session, NumberBlock(lease.prefix, lease.year, lease.first, lease.last, lease.device_no),
                         login, lease.id)
        if registered is not None or got:
            uow.audit("numbering.leased", "numbering_devices", device_no, device=device_no,
                      blocks=[f"{lease.prefix}-{lease.year} {lease.first}-{lease.last}" for lease in got])
        uow.commit()
    return len(got)


def _wanted(store: Store, years: list[int]) -> tuple[int | None, list[tuple[str, int]]]:
    """This laptop's team device (None: not registered yet) and the (prefix, year) spaces it needs a block of."""
    with store.read() as session:
        local = session.get(LocalDevice, 1)
        device = local.device_no if local is not None and local.mode == "team" else None
        spaces = [(prefix, year) for year in years for prefix in LEASED_PREFIXES]
        if device is None:
            return None, spaces
        return device, [(p, y) for p, y in spaces if lease_is_low(session, p, y, device)]


def _lease(connection: Connection, device: int, prefix: str, year: int) -> server_numbering.ServerLease | None:
    """One block, or None when the server has none left (the laptop then issues from its reserve)."""
    try:
        with connection.begin_nested():
            return server_numbering.lease_block(connection, device, prefix, year, DEFAULT_BLOCK)
    except OperationalError:
        raise
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "54000":  # program_limit_exceeded: the space is leased out
            return None
        raise
