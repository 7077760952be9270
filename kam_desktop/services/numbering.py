"""Human document numbers (AGR/ANX/STM-YYYY-NNNNN) from this store's device blocks; never a collision.

The scheme is `kam_desktop.domain.numbering` (pure); this module keeps its state in the store:
`LocalDevice` says which device this store is, `NumberBlockLease` holds the blocks leased to it.
A store that was never registered becomes device 1 in solo mode and leases itself the whole leasable
range of a (prefix, year) the first time it needs one. A team laptop is registered by the sync layer
(`register_device`, mode "team") with a device number from the server and records each block the
server leases to it (`record_lease`); offline it falls back to its reserve slice automatically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.numbering import (
    DocumentNumber,
    NumberBlock,
    needs_new_lease,
    next_number,
    solo_block,
)
from kam_desktop.services.errors import ServiceError
from kam_desktop.store.models import Document, LocalDevice, NumberBlockLease, NumberingDevice

SOLO_DEVICE = 1


def this_device(session: Session, actor: str = "system") -> LocalDevice:
    """The store's own device row; an unregistered store becomes device 1 in solo mode."""
    local = session.get(LocalDevice, 1)
    if local is None:
        _ensure_registered(session, SOLO_DEVICE, "solo install", actor)
        local = LocalDevice(id=1, device_no=SOLO_DEVICE, mode="solo")
        session.add(local)
        session.flush()
    return local


def register_device(session: Session, device_no: int, label: str, actor: str, mode: str = "team") -> LocalDevice:
    """Make this store `device_no` (as the server assigned it); refused once it has issued numbers."""
    local = session.get(LocalDevice, 1)
    if local is not None and local.device_no != device_no and _issued_any(session):
        raise ServiceError("this store already issues numbers as device {device}; a device number is never changed "
                           "once documents exist", device=local.device_no)
    _ensure_registered(session, device_no, label, actor)
    if local is None:
        local = LocalDevice(id=1, device_no=device_no, mode=mode)
        session.add(local)
    else:
        local.device_no, local.mode = device_no, mode
    session.flush()
    return local


def _ensure_registered(session: Session, device_no: int, label: str, actor: str) -> None:
    if session.scalar(select(NumberingDevice.id).where(NumberingDevice.device_no == device_no)) is None:
        session.add(NumberingDevice(device_no=device_no, label=label, registered_by=actor))
        session.flush()


def _issued_any(session: Session) -> bool:
    return session.scalar(select(Document.id).limit(1)) is not None


def record_lease(session: Session, block: NumberBlock, actor: str = "system") -> None:
    """Keep a block the server leased to a device (the server's `lease_block` chose it)."""
    _ensure_registered(session, block.device, f"device {block.device}", actor)
    session.add(NumberBlockLease(prefix=block.prefix, year=block.year, first_seq=block.first,
                                 last_seq=block.last, device_no=block.device, created_by=actor))
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


UsedLoader = Callable[[Session, str, int], set[int]]


@dataclass
class NumberAllocator:
    """Hands out numbers within one unit of work; remembers what it gave, so a batch queries once."""

    session: Session
    actor: str = "system"
    used_loader: UsedLoader = issued_sequences
    _used: dict[tuple[str, int], set[int]] = field(default_factory=dict)

    def next(self, prefix: str, year: int) -> str:
        local = this_device(self.session, self.actor)
        blocks = self._blocks(local, prefix, year)
        used = self._used.get((prefix, year))
        if used is None:
            used = self._used[(prefix, year)] = set(self.used_loader(self.session, prefix, year))
        number = next_number(blocks, used, prefix, year, local.device_no)
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


def lease_is_low(session: Session, prefix: str, year: int) -> bool:
    """True when this device should lease another block at its next contact with the server."""
    local = this_device(session)
    return needs_new_lease(leases(session, prefix, year), issued_sequences(session, prefix, year), prefix, year,
                           local.device_no)
