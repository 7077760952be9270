"""Small builders that keep domain tests readable: accounts, ledgers, dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import count
from uuid import UUID

from kam_desktop.domain.ledger import LedgerEntry, LedgerKind, LedgerUnit, SourceKind, default_expiry
from kam_desktop.domain.monetary import Money

_ids = count(1)


def next_id() -> UUID:
    """Readable, deterministic ids: 00000000-0000-0000-0000-000000000001, …"""
    return UUID(int=next(_ids))


def d(text: str) -> date:
    """A date from ISO text."""
    return date.fromisoformat(text)


def dec(text: str | int) -> Decimal:
    """A Decimal from text (never a float)."""
    return Decimal(text)


def bases(**amounts: str | int) -> dict[str, Decimal]:
    """Account → basis, e.g. bases(A="100", B="50")."""
    return {account: Decimal(amount) for account, amount in amounts.items()}


def accrual(
    amount: str | int,
    booked_on: str,
    account: str = "ACME",
    unit: LedgerUnit = LedgerUnit.POINTS,
    key: str | None = None,
    expires_on: str | None = None,
    currency: str | None = None,
) -> LedgerEntry:
    """A points accrual (cashback with `currency`) with the default expiry unless one is given."""
    booked = d(booked_on)
    return LedgerEntry(
        account=account,
        unit=unit,
        kind=LedgerKind.ACCRUAL,
        amount=Decimal(amount),
        booked_on=booked,
        source_kind=SourceKind.INVOICE,
        source_ref=f"INV-{booked_on}",
        idempotency_key=key or f"test:{account}:{booked_on}:{amount}",
        id=next_id(),
        expires_on=d(expires_on) if expires_on else default_expiry(booked),
        currency=currency,
    )


def cashback(
    amount: str, booked_on: str, account: str, currency: str, key: str | None = None, expires_on: str | None = None
) -> LedgerEntry:
    """A cashback accrual in the account's currency."""
    return accrual(amount, booked_on, account, LedgerUnit.CASHBACK, key, expires_on, currency)


def eur(text: str) -> Money:
    return Money.of(text, "EUR")


def pln(text: str) -> Money:
    return Money.of(text, "PLN")
