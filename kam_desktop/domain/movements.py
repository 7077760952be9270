"""What each ledger entry is for finance (accrued, reversed, redeemed, paid out, …): one classification."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from kam_desktop.domain.ledger import LedgerEntry, LedgerError, SourceKind
from kam_desktop.domain.monetary import Money, check_amount
from kam_desktop.domain.vocabulary import LedgerKind, LedgerUnit


class Movement(StrEnum):
    """A line of the roll-forward and of the accounting export; `normal_sign` is its usual direction."""

    ACCRUED = "accrued"
    REVERSED = "reversed"  # accruals taken back for returns (and late-fact corrections)
    REDEEMED = "redeemed"  # exchanged for goods, services or discounts (net of reversed redemptions)
    PAID_OUT_REBATE_NOTE = "paid_out_rebate_note"
    PAID_OUT_INVOICE_DISCOUNT = "paid_out_invoice_discount"
    PAID_OUT_MDF = "paid_out_mdf"
    EXPIRED = "expired"
    CLAWED_BACK = "clawed_back"
    ADJUSTED = "adjusted"

    @property
    def normal_sign(self) -> int:
        """+1 where the movement usually adds to the balance (accruals, positive adjustments), else −1."""
        return 1 if self in (Movement.ACCRUED, Movement.ADJUSTED) else -1

    @property
    def is_payout(self) -> bool:
        return self.value.startswith("paid_out")


# A payout's method is carried by its source kind, so an entry says by itself how it was settled.
PAYOUT_SOURCES: Mapping[SourceKind, Movement] = {
    SourceKind.PAYOUT_REBATE_NOTE: Movement.PAID_OUT_REBATE_NOTE,
    SourceKind.PAYOUT_INVOICE_DISCOUNT: Movement.PAID_OUT_INVOICE_DISCOUNT,
    SourceKind.PAYOUT_MDF: Movement.PAID_OUT_MDF,
}


def _own_movement(entry: LedgerEntry) -> Movement:
    if entry.kind is LedgerKind.ACCRUAL:
        return Movement.ACCRUED
    if entry.kind is LedgerKind.EXPIRY:
        return Movement.EXPIRED
    if entry.kind is LedgerKind.REDEMPTION:
        return PAYOUT_SOURCES.get(entry.source_kind, Movement.REDEEMED)
    if entry.kind is LedgerKind.ADJUSTMENT:
        return Movement.CLAWED_BACK if entry.source_kind is SourceKind.CLAWBACK else Movement.ADJUSTED
    return Movement.REVERSED


def classify(entries: Iterable[LedgerEntry]) -> dict[UUID, Movement]:
    """Each entry's movement. A reversed redemption counts as a negative redemption (or payout) of its kind."""
    pool = list(entries)
    by_id = {e.id: e for e in pool}
    result: dict[UUID, Movement] = {}
    for e in pool:
        if e.kind is LedgerKind.REVERSAL and e.amount > 0:
            target = by_id.get(e.reverses) if e.reverses else None
            if target is None:
                raise LedgerError("{key}: reverses an entry that is not in the ledger given", key=e.idempotency_key)
            result[e.id] = _own_movement(target)
        else:
            result[e.id] = _own_movement(e)
    return result


@dataclass(frozen=True, order=True)
class Denomination:
    """What a balance is counted in: cashback in a currency, or points."""

    unit: LedgerUnit
    currency: str | None = None

    def __str__(self) -> str:
        return f"{self.unit} {self.currency}" if self.currency else str(self.unit)


def denomination_of(entry: LedgerEntry) -> Denomination:
    """Cashback entries must carry their currency here: a roll-forward never adds currencies blindly."""
    if entry.unit is LedgerUnit.CASHBACK and entry.currency is None:
        raise LedgerError("{key}: cashback entry of {account} has no currency; load the ledger with each account's "
                          "currency", key=entry.idempotency_key, account=entry.account)
    return Denomination(entry.unit, entry.currency)


@dataclass(frozen=True)
class PointValue:
    """What one point costs the program in money (for liability and the journal), e.g. PLN 0.01."""

    per_point: Money

    def __post_init__(self) -> None:
        check_amount(self.per_point.amount)
        if self.per_point.amount <= 0:
            raise LedgerError("a point's value must be positive, not {value}", value=self.per_point)

    def of(self, points: Decimal) -> Money:
        """Points in money, rounded half up to cents (each entry is valued on its own)."""
        return (self.per_point * points).rounded()


def money_of(entry: LedgerEntry, point_value: PointValue | None) -> Money:
    """An entry's signed amount in money: cashback as it is, points at the point value."""
    if entry.unit is LedgerUnit.POINTS:
        if point_value is None:
            raise LedgerError("points need a point value to be shown in money")
        return point_value.of(entry.amount)
    denomination_of(entry)
    return entry.money
