"""Cashback entries carry their currency through redemption, expiry, reversal and adjustment."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kam_desktop.domain.ledger import LedgerError, LedgerKind, adjust, expire, redeem, reverse
from kam_desktop.domain.ledger import SourceKind as S
from kam_desktop.domain.ledger_checks import validate
from kam_desktop.domain.monetary import CurrencyMismatch
from kam_desktop.domain.vocabulary import LedgerUnit

from .builders import accrual, cashback, d, eur, next_id

CB = LedgerUnit.CASHBACK


def test_every_entry_that_takes_from_euro_lots_is_in_euro() -> None:
    ledger = [cashback("200.01", "2026-03-31", "BERLIN", "EUR", key="q1")]
    (redemption,) = redeem(ledger, "BERLIN", CB, Decimal("50"), d("2026-05-01"), "RQ-1", "rq1", next_id).entries
    ledger.append(redemption)
    reversal = reverse(ledger, ledger[0], d("2026-05-02"), S.RETURN, "RET-1", "ret1", Decimal("10"), next_id)
    assert reversal is not None
    ledger.append(reversal)
    negative = adjust(ledger, "BERLIN", CB, Decimal("-5"), d("2026-05-03"), "ADJ-1", "adj1", "typo", next_id)
    assert negative is not None
    ledger.append(negative)
    (expiry,) = expire(ledger, d("2027-04-01"), next_id)
    assert [e.currency for e in (redemption, reversal, negative, expiry)] == ["EUR"] * 4
    assert expiry.money == eur("-135.01")  # 200.01 − 50 − 10 − 5
    assert validate([*ledger, expiry]) == []


def test_a_positive_cashback_adjustment_takes_the_account_currency() -> None:
    entry = adjust([], "BERLIN", CB, Decimal("25"), d("2026-05-03"), "ADJ-2", "adj2", "goodwill", next_id, currency="EUR")
    assert entry is not None and entry.kind is LedgerKind.ADJUSTMENT and entry.money == eur("25")


def test_lots_of_two_currencies_are_never_consumed_by_one_entry() -> None:
    ledger = [
        cashback("10", "2026-03-31", "MIXED", "EUR", key="eur", expires_on="2026-12-31"),
        cashback("10", "2026-03-31", "MIXED", "PLN", key="pln"),
    ]
    with pytest.raises(CurrencyMismatch, match="cannot redeem for MIXED EUR and PLN"):
        redeem(ledger, "MIXED", CB, Decimal("15"), d("2026-05-01"), "RQ-1", "rq1")
    with pytest.raises(CurrencyMismatch, match="adjust BERLIN"):
        adjust([cashback("10", "2026-03-31", "BERLIN", "EUR")], "BERLIN", CB, Decimal("-1"), d("2026-05-01"),
               "ADJ", "adj", "fix", currency="PLN")


def test_validate_reports_an_entry_booked_in_another_currency_than_its_lot() -> None:
    lot = cashback("10", "2026-03-31", "BERLIN", "EUR", key="q1")
    (redemption,) = redeem([lot], "BERLIN", CB, Decimal("4"), d("2026-05-01"), "RQ-1", "rq1", next_id).entries
    forged = replace(redemption, currency="PLN")
    assert [p.message for p in validate([lot, forged])] == [f"takes EUR lot {lot.id} as PLN"]


def test_points_carry_no_currency_and_a_bad_code_is_refused() -> None:
    with pytest.raises(LedgerError, match="points carry no currency"):
        accrual(10, "2026-03-31", currency="EUR")
    with pytest.raises(ValueError, match="is not a currency code"):
        cashback("10", "2026-03-31", "BERLIN", "euro")
    with pytest.raises(LedgerError, match="is not money"):
        _ = accrual(10, "2026-03-31").money
