"""The points and cashback ledger: append-only entries, balances folded from them, FIFO lots.

Sign convention: an entry's `amount` is what it adds to the balance. Accruals and positive adjustments
are positive and open a *lot* (with its own expiry); redemptions, expiries, reversals of accruals and
negative adjustments are negative and say, in `allocations`, how much they took from which lot.
A reversal of a redemption is positive and gives back to the lots the redemption took from
(negative allocations). So for every entry that is not a lot, sum(allocation.amount) == −amount,
and a lot's open remainder is its amount minus everything allocated against it.

Currency: a cashback entry may carry its currency (the account's); every entry that takes from lots
carries theirs, and lots of two currencies are never consumed by one entry (`CurrencyMismatch`).
Points carry no currency. Entries built without a currency (older callers) behave as before.

Expiry: a lot accrued in quarter Q expires at the end of the last day of quarter Q + 4
(an accrual booked on 2026-02-10, in 2026Q1, is usable through 2027-03-31 and gone on 2027-04-01).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import partial
from os import urandom
from typing import Any
from uuid import UUID, SafeUUID, uuid4

from kam_desktop.domain.messages import Message, Refusal
from kam_desktop.domain.monetary import CurrencyMismatch, Money, check_currency
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import LedgerKind as LedgerKind
from kam_desktop.domain.vocabulary import LedgerUnit as LedgerUnit

ZERO = Decimal(0)
DEFAULT_EXPIRY_QUARTERS = 4

IdFactory = Callable[[], UUID]

# the kinds an entry's checks test it against, looked up once (each entry of a close's ~30,000 is checked)
_ACCRUAL, _ADJUSTMENT, _REVERSAL = LedgerKind.ACCRUAL, LedgerKind.ADJUSTMENT, LedgerKind.REVERSAL
_TAKING = (LedgerKind.REDEMPTION, LedgerKind.EXPIRY)  # the kinds that must be negative
_new, _set, _UUID, _UNKNOWN = object.__new__, object.__setattr__, UUID, SafeUUID.unknown
_VERSION_4 = (~((0xF000 << 64) | (0xC000 << 48)), (0x4000 << 64) | (0x8000 << 48))  # clear, then set: as UUID(version=4)


def random_ids(batch: int = 256) -> IdFactory:
    """An `IdFactory` of random (version 4) UUIDs, each what `uuid4()` makes - 16 bytes of `os.urandom` with the
    version and variant bits set - at a third of the cost: the bytes drawn `batch` ids at a time and each UUID made
    without `UUID.__init__`'s checks of five spellings (a quarter close makes ~30,000)."""
    return partial(next, _random_ids(batch))


def _random_ids(batch: int) -> Iterator[UUID]:
    clear, version = _VERSION_4
    from_bytes = int.from_bytes
    while True:
        drawn = urandom(16 * batch)
        for at in range(0, 16 * batch, 16):
            made = _new(_UUID)
            _set(made, "int", from_bytes(drawn[at:at + 16]) & clear | version)  # big-endian, as UUID(bytes=...)
            _set(made, "is_safe", _UNKNOWN)  # as uuid4's UUID(bytes=..., version=4) leaves it
            yield made


def random_hex_ids(count: int) -> list[str]:
    """The 32 hex digits (`.hex`) of `count` random version-4 UUIDs, as `random_ids` makes them, with no UUID object
    each: the keys of rows written as SQLite keeps them (a quarter close's ~30,000 entries)."""
    clear, version = _VERSION_4
    drawn, from_bytes = urandom(16 * count), int.from_bytes
    return [f"{from_bytes(drawn[at:at + 16]) & clear | version:032x}" for at in range(0, 16 * count, 16)]


class SourceKind(StrEnum):
    """What caused an entry; with `source_ref` it traces the entry back to a document."""

    QUARTER_CLOSE = "quarter_close"
    INVOICE = "invoice"
    RETURN = "return"
    PARTNER_EVENT = "partner_event"
    REDEMPTION_REQUEST = "redemption_request"
    EXCEPTION = "exception"
    EXPIRY_RUN = "expiry_run"
    MANUAL = "manual"
    OPENING_BALANCE = "opening_balance"  # carried over from the spreadsheets the program replaced
    LATE_SALE = "late_sale"  # an invoice that reached us after its quarter was closed
    CLAWBACK = "clawback"  # taking back the cashback of a net-negative quarter (domain/clawback.py)
    # cashback paid out (domain/payout.py), the method in the kind so that an entry says how it was settled
    PAYOUT_REBATE_NOTE = "payout_rebate_note"
    PAYOUT_INVOICE_DISCOUNT = "payout_invoice_discount"
    PAYOUT_MDF = "payout_mdf"


class LedgerError(Refusal, ValueError):
    """An entry that would break the ledger's rules."""


class InsufficientBalanceError(LedgerError):
    """A redemption or reversal asks for more than the open lots hold."""

    def __init__(self, account: str, unit: LedgerUnit, requested: Decimal, available: Decimal) -> None:
        self.account, self.unit, self.requested, self.available = account, unit, requested, available
        super().__init__("account {account}: cannot take {requested} {unit}; only {available} {unit} available",
                         account=account, requested=requested, unit=unit, available=available)


@dataclass(frozen=True)
class Allocation:
    """How much an entry took from (positive) or gave back to (negative) one lot."""

    lot_id: UUID
    amount: Decimal


@dataclass(frozen=True)
class LedgerEntry:
    """One immutable ledger line; see the module docstring for the sign convention."""

    account: str
    unit: LedgerUnit
    kind: LedgerKind
    amount: Decimal
    booked_on: date
    source_kind: SourceKind
    source_ref: str
    idempotency_key: str
    id: UUID = field(default_factory=uuid4)
    expires_on: date | None = None  # lots only: the last day the lot can be used
    reverses: UUID | None = None
    allocations: tuple[Allocation, ...] = ()
    note: str = ""
    currency: str | None = None  # cashback only: the account's currency
    corrects: UUID | None = None  # a late accrual or clawback: the entry (usually a close accrual) it corrects

    def __post_init__(self) -> None:
        if self.currency is not None:
            check_currency(self.currency)
            if self.unit is LedgerUnit.POINTS:
                raise LedgerError("{key}: points carry no currency, not {currency}", key=self.idempotency_key,
                                  currency=self.currency)
        amount, kind = self.amount, self.kind
        if amount == 0:
            raise LedgerError("{key}: a ledger entry cannot be zero", key=self.idempotency_key)
        if kind is _ACCRUAL or (kind is _ADJUSTMENT and amount > 0):  # is_lot, without the property's lookups
            self._check_lot()
        else:
            self._check_allocations()
        self._check_sign()

    def with_values(self, **changes: Any) -> LedgerEntry:
        """`dataclasses.replace(self, **changes)` - the same entry, checked the same - without calling `__init__`
        with every field again (a close makes ~30,000 accruals alike but for account, amount, key, id and note)."""
        made, values = _new(LedgerEntry), self.__dict__.copy()
        fields = len(values)
        values.update(changes)
        if len(values) != fields:
            raise TypeError(f"LedgerEntry has no field {sorted(values.keys() - self.__dict__.keys())[0]!r}")
        _set(made, "__dict__", values)
        made.__post_init__()
        return made

    def _check_lot(self) -> None:
        if self.expires_on is None:
            raise LedgerError("{key}: an accrual needs an expiry date", key=self.idempotency_key)
        if self.allocations:
            raise LedgerError("{key}: an accrual takes from no lot", key=self.idempotency_key)

    def _check_allocations(self) -> None:
        allocated = sum((a.amount for a in self.allocations), ZERO)
        if allocated != -self.amount:
            raise LedgerError("{key}: allocations total {allocated}, entry needs {needed}",
                              key=self.idempotency_key, allocated=allocated, needed=-self.amount)

    def _check_sign(self) -> None:
        """Each kind's direction, and a reversal names what it reverses."""
        kind = self.kind
        if kind is _ACCRUAL and self.amount < 0:
            raise LedgerError("{key}: an accrual must be positive", key=self.idempotency_key)
        if kind in _TAKING and self.amount > 0:
            raise LedgerError("{key}: a {kind} must be negative", key=self.idempotency_key, kind=self.kind)
        if kind is _REVERSAL and self.reverses is None:
            raise LedgerError("{key}: a reversal must name the entry it reverses", key=self.idempotency_key)

    @property
    def is_lot(self) -> bool:
        """Accruals and positive adjustments open a lot that later entries consume."""
        return self.kind is _ACCRUAL or (self.kind is _ADJUSTMENT and self.amount > 0)

    @property
    def money(self) -> Money:
        """The amount with its currency (cashback entries that carry one)."""
        if self.currency is None:
            raise LedgerError("{key}: a {unit} entry without a currency is not money", key=self.idempotency_key,
                              unit=self.unit)
        return Money(self.amount, self.currency)


def currency_of(lots: Iterable[LedgerEntry], operation: Message) -> str | None:
    """The one currency of the lots an entry takes from (None for points), or CurrencyMismatch."""
    found: str | None = None
    for lot in lots:
        if found is None:
            found = lot.currency
        elif lot.currency is not None and lot.currency != found:
            raise CurrencyMismatch(operation, found, lot.currency)
    return found


def default_expiry(accrued_on: date, quarters: int = DEFAULT_EXPIRY_QUARTERS) -> date:
    """The last day of the quarter `quarters` after the accrual's quarter (2026-02-10 → 2027-03-31)."""
    return Quarter.of(accrued_on).plus(quarters).end


def _of(entries: Iterable[LedgerEntry], account: str, unit: LedgerUnit) -> list[LedgerEntry]:
    return [e for e in entries if e.account == account and e.unit is unit]


def balance(entries: Iterable[LedgerEntry], account: str, unit: LedgerUnit, as_of: date | None = None) -> Decimal:
    """The balance is the sum of the entries' amounts (booked on or before `as_of`); never stored."""
    return sum(
        (e.amount for e in _of(entries, account, unit) if as_of is None or e.booked_on <= as_of), ZERO
    )


@dataclass(frozen=True)
class Lot:
    """An accrual (or positive adjustment) and what is still open of it."""

    entry: LedgerEntry
    remaining: Decimal

    @property
    def id(self) -> UUID:
        return self.entry.id

    @property
    def expires_on(self) -> date:
        assert self.entry.expires_on is not None  # guaranteed by LedgerEntry for lots
        return self.entry.expires_on

    def is_expired_on(self, day: date) -> bool:
        """A lot is usable through its expiry day and expired from the next day."""
        return day > self.expires_on


def _fifo_key(lot: Lot) -> tuple[date, date, str]:
    # Soonest expiry first; ties by booking date, then id, so the order never depends on list order.
    return lot.expires_on, lot.entry.booked_on, str(lot.id)


def open_lots(entries: Iterable[LedgerEntry], account: str, unit: LedgerUnit) -> list[Lot]:
    """Lots with something left, soonest-expiring first."""
    mine = _of(entries, account, unit)
    used: dict[UUID, Decimal] = {}
    for entry in mine:
        for alloc in entry.allocations:
            used[alloc.lot_id] = used.get(alloc.lot_id, ZERO) + alloc.amount
    lots = [Lot(e, e.amount - used.get(e.id, ZERO)) for e in mine if e.is_lot]
    return sorted((lot for lot in lots if lot.remaining > 0), key=_fifo_key)


def available(entries: Iterable[LedgerEntry], account: str, unit: LedgerUnit, on: date) -> Decimal:
    """What can be redeemed on a day: open lots not yet expired on it."""
    return sum(
        (lot.remaining for lot in open_lots(entries, account, unit) if not lot.is_expired_on(on)), ZERO
    )


def _find_by_key(entries: Iterable[LedgerEntry], key: str) -> LedgerEntry | None:
    return next((e for e in entries if e.idempotency_key == key), None)


def _allocated_currency(lots: Sequence[Lot], allocations: Iterable[Allocation], operation: Message) -> str | None:
    taken = {a.lot_id for a in allocations}
    return currency_of((lot.entry for lot in lots if lot.id in taken), operation)


def take_fifo(lots: Sequence[Lot], amount: Decimal) -> tuple[Allocation, ...]:
    """Allocations taking `amount` from `lots` in their order (callers pass them soonest-expiring first)."""
    allocations = []
    left = amount
    for lot in lots:
        if left <= 0:
            break
        take = min(lot.remaining, left)
        allocations.append(Allocation(lot.id, take))
        left -= take
    return tuple(allocations)


@dataclass(frozen=True)
class Redemption:
    """The outcome of `redeem`: the new entries to append (none if already booked) and the allocations."""

    entries: tuple[LedgerEntry, ...]
    allocations: tuple[Allocation, ...]


def redeem(
    entries: Sequence[LedgerEntry],
    account: str,
    unit: LedgerUnit,
    amount: Decimal,
    booked_on: date,
    source_ref: str,
    idempotency_key: str,
    new_id: IdFactory = uuid4,
) -> Redemption:
    """Redeem `amount` from the soonest-expiring open lots first; refuse an overdraft.

    Idempotent: if an entry with `idempotency_key` exists, nothing new is produced.
    """
    existing = _find_by_key(entries, idempotency_key)
    if existing is not None:
        return Redemption((), existing.allocations)
    if amount <= 0:
        raise LedgerError("account {account}: a redemption must be positive, not {amount}", account=account,
                          amount=amount)
    usable = [lot for lot in open_lots(entries, account, unit) if not lot.is_expired_on(booked_on)]
    total = sum((lot.remaining for lot in usable), ZERO)
    if amount > total:
        raise InsufficientBalanceError(account, unit, amount, total)
    allocations = take_fifo(usable, amount)
    entry = LedgerEntry(
        currency=_allocated_currency(usable, allocations, Message.of("redeem for {account}", account=account)),
        account=account,
        unit=unit,
        kind=LedgerKind.REDEMPTION,
        amount=-amount,
        booked_on=booked_on,
        source_kind=SourceKind.REDEMPTION_REQUEST,
        source_ref=source_ref,
        idempotency_key=idempotency_key,
        id=new_id(),
        allocations=allocations,
    )
    return Redemption((entry,), allocations)


def expire(entries: Sequence[LedgerEntry], as_of: date, new_id: IdFactory = uuid4) -> list[LedgerEntry]:
    """Expiry entries for whatever remains of lots expired by `as_of`, across all accounts and units.

    Each expiry is booked the day after the lot's expiry date, so the result does not depend on when the
    run happens; running it again produces nothing, because the expired lots are then empty.
    """
    result = []
    # One pass to group by (account, unit) and count past expiries per lot: the run touches the
    # whole ledger, so anything per lot × per entry would be quadratic.
    groups: dict[tuple[str, LedgerUnit], list[LedgerEntry]] = {}
    expiries_of: dict[UUID, int] = {}
    for e in entries:
        groups.setdefault((e.account, e.unit), []).append(e)
        if e.kind is LedgerKind.EXPIRY:
            for lot_id in {a.lot_id for a in e.allocations}:
                expiries_of[lot_id] = expiries_of.get(lot_id, 0) + 1
    for account, unit in sorted(groups):
        for lot in open_lots(groups[(account, unit)], account, unit):
            if not lot.is_expired_on(as_of):
                continue
            # A lot can re-open (a reversed redemption gives back to it), so number its expiries.
            count = expiries_of.get(lot.id, 0)
            result.append(
                LedgerEntry(
                    currency=lot.entry.currency,
                    account=account,
                    unit=unit,
                    kind=LedgerKind.EXPIRY,
                    amount=-lot.remaining,
                    booked_on=lot.expires_on + timedelta(days=1),
                    source_kind=SourceKind.EXPIRY_RUN,
                    source_ref=str(lot.id),
                    idempotency_key=f"expire:{lot.id}:{count + 1}",
                    id=new_id(),
                    allocations=(Allocation(lot.id, lot.remaining),),
                )
            )
    return result


def reverse(
    entries: Sequence[LedgerEntry],
    target: LedgerEntry,
    booked_on: date,
    source_kind: SourceKind,
    source_ref: str,
    idempotency_key: str,
    amount: Decimal | None = None,
    new_id: IdFactory = uuid4,
) -> LedgerEntry | None:
    """Reverse an accrual (wholly, or partly for a partial return) or a whole redemption.

    An accrual's reversal takes first from that accrual's own lot and, if part of it was already spent,
    from the other open lots soonest-expiring first; if even that is not enough it is refused
    (finance then books an adjustment). A redemption's reversal gives back to the very lots it took.
    Returns None if an entry with `idempotency_key` is already booked.
    """
    if _find_by_key(entries, idempotency_key) is not None:
        return None
    if target.kind is LedgerKind.ACCRUAL:
        allocations, total = _accrual_reversal(entries, target, amount, booked_on)
    elif target.kind is LedgerKind.REDEMPTION:
        if amount is not None and amount != -target.amount:
            raise LedgerError("a redemption is reversed whole ({whole}), not {amount}", whole=-target.amount, amount=amount)
        if any(e.reverses == target.id for e in entries):
            raise LedgerError("redemption {key} is already reversed", key=target.idempotency_key)
        allocations = tuple(Allocation(a.lot_id, -a.amount) for a in target.allocations)
        total = target.amount  # negative: the reversal adds back what was redeemed
    else:
        raise LedgerError("a {kind} cannot be reversed; book an adjustment instead", kind=target.kind)
    return LedgerEntry(
        currency=target.currency,
        account=target.account,
        unit=target.unit,
        kind=LedgerKind.REVERSAL,
        amount=-total,
        booked_on=booked_on,
        source_kind=source_kind,
        source_ref=source_ref,
        idempotency_key=idempotency_key,
        id=new_id(),
        reverses=target.id,
        allocations=allocations,
    )


def _still_reversible(entries: Sequence[LedgerEntry], target: LedgerEntry, amount: Decimal | None) -> Decimal:
    """How much of accrual `target` to reverse (all that is left when `amount` is None), never beyond it."""
    already = sum((-e.amount for e in entries if e.reverses == target.id), ZERO)
    wanted = target.amount - already if amount is None else amount
    if wanted <= 0:
        raise LedgerError("reversal of {key} must be positive, not {wanted}", key=target.idempotency_key, wanted=wanted)
    if already + wanted > target.amount:
        raise LedgerError("cannot reverse {wanted} of {key}: {already} of {amount} already reversed", wanted=wanted,
                          key=target.idempotency_key, already=already, amount=target.amount)
    return wanted


def _reversal_lots(entries: Sequence[LedgerEntry], target: LedgerEntry, on: date) -> list[Lot]:
    """The accrual's own lot first, then the account's other usable lots (what it earned may be spent)."""
    lots = open_lots(entries, target.account, target.unit)
    own = [lot for lot in lots if lot.id == target.id]
    return own + [lot for lot in lots if lot.id != target.id and not lot.is_expired_on(on)]


def _accrual_reversal(
    entries: Sequence[LedgerEntry], target: LedgerEntry, amount: Decimal | None, on: date
) -> tuple[tuple[Allocation, ...], Decimal]:
    wanted = _still_reversible(entries, target, amount)
    ordered = _reversal_lots(entries, target, on)
    reachable = sum((lot.remaining for lot in ordered), ZERO)
    if wanted > reachable:
        raise InsufficientBalanceError(target.account, target.unit, wanted, reachable)
    allocations = take_fifo(ordered, wanted)
    operation = Message.of("reverse {key}", key=target.idempotency_key)
    taken = _allocated_currency(ordered, allocations, operation)
    if taken is not None and target.currency is not None and taken != target.currency:
        raise CurrencyMismatch(operation, target.currency, taken)
    return allocations, wanted


def _take_for_adjustment(entries: Sequence[LedgerEntry], account: str, unit: LedgerUnit, wanted: Decimal,
                         booked_on: date, currency: str | None) -> tuple[tuple[Allocation, ...], str | None]:
    """A negative adjustment takes FIFO from the usable lots, in their currency (a different `currency` refused)."""
    usable = [lot for lot in open_lots(entries, account, unit) if not lot.is_expired_on(booked_on)]
    total = sum((lot.remaining for lot in usable), ZERO)
    if wanted > total:
        raise InsufficientBalanceError(account, unit, wanted, total)
    allocations = take_fifo(usable, wanted)
    operation = Message.of("adjust {account}", account=account)
    taken = _allocated_currency(usable, allocations, operation)
    if currency is not None and taken is not None and taken != currency:
        raise CurrencyMismatch(operation, currency, taken)
    return allocations, taken or currency


def adjust(
    entries: Sequence[LedgerEntry],
    account: str,
    unit: LedgerUnit,
    amount: Decimal,
    booked_on: date,
    source_ref: str,
    idempotency_key: str,
    note: str,
    new_id: IdFactory = uuid4,
    currency: str | None = None,
    source_kind: SourceKind = SourceKind.MANUAL,
    corrects: UUID | None = None,
) -> LedgerEntry | None:
    """A manual correction: positive opens a lot with the default expiry, negative takes FIFO.

    A positive cashback adjustment takes `currency` (the account's); a negative one takes the lots'
    and refuses a different `currency`. Returns None if `idempotency_key` is already booked.
    """
    if _find_by_key(entries, idempotency_key) is not None:
        return None
    if not note.strip():
        raise LedgerError("an adjustment needs a note saying why")
    allocations: tuple[Allocation, ...] = ()
    expires_on = None
    if amount > 0:
        expires_on = default_expiry(booked_on)
    else:
        allocations, currency = _take_for_adjustment(entries, account, unit, -amount, booked_on, currency)
    return LedgerEntry(
        currency=currency,
        corrects=corrects,
        account=account,
        unit=unit,
        kind=LedgerKind.ADJUSTMENT,
        amount=amount,
        booked_on=booked_on,
        source_kind=source_kind,
        source_ref=source_ref,
        idempotency_key=idempotency_key,
        id=new_id(),
        expires_on=expires_on,
        allocations=allocations,
        note=note,
    )


@dataclass(frozen=True)
class ExpiryLine:
    """How much will expire at the end of a day, if not used before."""

    expires_on: date
    amount: Decimal


def expiry_schedule(
    entries: Iterable[LedgerEntry], account: str, unit: LedgerUnit, as_of: date
) -> list[ExpiryLine]:
    """What is open and not yet expired on `as_of`, grouped by expiry date, soonest first."""
    by_day: dict[date, Decimal] = {}
    for lot in open_lots(entries, account, unit):
        if not lot.is_expired_on(as_of):
            by_day[lot.expires_on] = by_day.get(lot.expires_on, ZERO) + lot.remaining
    return [ExpiryLine(day, amount) for day, amount in sorted(by_day.items())]
