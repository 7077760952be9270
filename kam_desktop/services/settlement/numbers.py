"""Numbers of settlement records (RBN/DSC/MDT payouts, ADJ adjustments, MDF claims) from the device's blocks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.numbering import DocumentNumber
from kam_desktop.domain.payout import PayoutMethod
from kam_desktop.services.numbering import NumberAllocator, issued_sequences
from kam_desktop.store.models import LedgerAdjustment, MdfClaim, PayoutDocument
from kam_desktop.store.uow import UnitOfWork

# a rebate note is also a document of the register; the other payouts are numbered here only
PAYOUT_PREFIX = {PayoutMethod.REBATE_NOTE: "RBN", PayoutMethod.INVOICE_DISCOUNT: "DSC", PayoutMethod.MDF_BUDGET: "MDT"}
ADJUSTMENT_PREFIX = "ADJ"
CLAIM_PREFIX = "MDF"


def _used(session: Session, prefix: str, year: int) -> set[int]:
    """Sequences taken in (prefix, year) by any record that carries such numbers."""
    used = issued_sequences(session, prefix, year)
    for column in (PayoutDocument.number, LedgerAdjustment.number, MdfClaim.number):
        used |= {DocumentNumber.parse(n).sequence for n in session.scalars(select(column).where(
            column.startswith(f"{prefix}-{year}-")))}
    return used


def next_number(uow: UnitOfWork, prefix: str, on: date) -> str:
    """The next `PREFIX-YYYY-NNNNN` of this store's device for the year of `on`."""
    return NumberAllocator(uow.session, uow.actor, used_loader=_used).next(prefix, on.year)
