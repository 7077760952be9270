"""Small builders that keep domain tests readable: accounts, ledgers, dates."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from itertools import count
from uuid import UUID

from kam_desktop.domain.grades import (
    Cutoffs,
    GradeOverride,
    GradeResult,
    GradeRules,
    GradeState,
    Ranking,
    evaluate_columns,
)
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


def rank_accounts(bases: Mapping[str, Decimal], cutoffs: Cutoffs | None = None) -> dict[str, Ranking]:
    """The domain's ranking of `bases` (`rank_columns`), one `Ranking` per account in rank order."""
    evaluated = evaluate_columns(list(bases), list(bases.values()), {}, date(2000, 1, 1),
                                 GradeRules(cutoffs=cutoffs or Cutoffs()))
    return {evaluated.accounts[p]: evaluated.result(p).ranking for p in range(len(evaluated.accounts))}


def evaluate(bases: Mapping[str, Decimal], previous: Mapping[str, GradeState], as_of: date,
             rules: GradeRules | None = None, overrides: Mapping[str, GradeOverride] | None = None
             ) -> dict[str, GradeResult]:
    """The domain's evaluation of `bases` (`evaluate_columns`), one `GradeResult` per account in rank order."""
    evaluated = evaluate_columns(list(bases), list(bases.values()), previous, as_of, rules, overrides)
    return {evaluated.accounts[p]: evaluated.result(p) for p in range(len(evaluated.accounts))}
