"""Paying cashback out, worked by hand: a EUR client's rebate note, a discount, an MDF budget transfer.

BERLIN GmbH invoices in EUR. Its open cashback: 200.01 EUR from the 2026Q1 close (usable through
2027-03-31) and a 50.00 EUR promotion usable through 2026-12-31.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kam_desktop.domain.ledger import LedgerEntry, LedgerKind, SourceKind, balance
from kam_desktop.domain.ledger_checks import validate
from kam_desktop.domain.monetary import CurrencyMismatch, Money
from kam_desktop.domain.payout import (
    BudgetTransfer,
    InvoiceDiscount,
    Party,
    PayoutRequest,
    RebateNote,
    SettlementError,
    SettlementTerms,
    pay_out,
)
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import BenefitType, LedgerUnit

from .builders import cashback, d, eur, next_id

US = Party("KAM Supplies sp. z o.o.", "PL5252248481", "ul. Prosta 51, 00-838 Warszawa")
BERLIN = Party("Berlin Technik GmbH", "DE811907980", "Friedrichstraße 68, 10117 Berlin")


def open_cashback() -> list[LedgerEntry]:
    return [
        cashback("200.01", "2026-03-31", "BERLIN", "EUR", key="close:2026Q1:BERLIN:cashback"),
        cashback("50.00", "2026-06-01", "BERLIN", "EUR", key="promo", expires_on="2026-12-31"),
    ]


def request(amount: str = "220.00", benefit: BenefitType = BenefitType.CASHBACK, number: str = "RN-2026-00012",
            currency: str = "EUR") -> PayoutRequest:
    return PayoutRequest("BERLIN", benefit, Money.of(amount, currency), number, d("2026-07-10"), "2026Q2", US, BERLIN)


def test_a_rebate_note_redeems_the_soonest_expiring_cashback_and_points_both_ways() -> None:
    ledger = open_cashback()
    payout = pay_out(ledger, request(), SettlementTerms(), next_id)
    assert payout is not None
    entry, note = payout.entry, payout.document
    # 220.00 = 50.00 from the promotion (expires first) + 170.00 from the Q1 accrual.
    assert (entry.kind, entry.amount, entry.currency) == (LedgerKind.REDEMPTION, Decimal("-220.00"), "EUR")
    assert (entry.source_kind, entry.source_ref) == (SourceKind.PAYOUT_REBATE_NOTE, "RN-2026-00012")
    assert [(a.lot_id, a.amount) for a in entry.allocations] == [
        (ledger[1].id, Decimal("50.00")), (ledger[0].id, Decimal("170.00"))
    ]
    assert isinstance(note, RebateNote) and not note.is_correcting_invoice
    assert (note.number, note.seller.tax_id, note.buyer.tax_id) == ("RN-2026-00012", "PL5252248481", "DE811907980")
    assert note.ledger_entry == entry.id and note.lots == entry.allocations  # each points at the other
    assert (note.total_net, note.total_vat, note.total_gross) == (eur("220.00"), eur("0.00"), eur("220.00"))
    assert balance([*ledger, entry], "BERLIN", LedgerUnit.CASHBACK) == Decimal("30.01")
    assert validate([*ledger, entry]) == []


def test_with_vat_the_program_settles_by_correcting_invoice_vat_per_line_half_up() -> None:
    payout = pay_out(open_cashback(), request("220.01"), SettlementTerms(vat_percent=Decimal(23)), next_id)
    assert payout is not None and isinstance(payout.document, RebateNote)
    note = payout.document
    assert note.is_correcting_invoice
    # 23 % of 220.01 = 50.6023 → 50.60
    assert (note.total_net, note.total_vat, note.total_gross) == (eur("220.01"), eur("50.60"), eur("270.61"))


def test_the_program_chooses_the_method_per_benefit() -> None:
    discount = pay_out(open_cashback(), request("20.00", BenefitType.VOLUME_DISCOUNT, "DSC-7"), SettlementTerms())
    assert discount is not None and isinstance(discount.document, InvoiceDiscount)
    assert discount.entry.source_kind is SourceKind.PAYOUT_INVOICE_DISCOUNT
    budget = pay_out(open_cashback(), request("20.00", BenefitType.MDF, "MDF-T-3"), SettlementTerms())
    assert budget is not None and isinstance(budget.document, BudgetTransfer)
    assert budget.document.quarter == Quarter(2026, 3) and budget.entry.source_kind is SourceKind.PAYOUT_MDF
    with pytest.raises(SettlementError, match="settles no gift by payout; set its method"):
        pay_out(open_cashback(), request(benefit=BenefitType.GIFT), SettlementTerms())


def test_the_same_document_number_is_paid_once() -> None:
    ledger = open_cashback()
    payout = pay_out(ledger, request(), SettlementTerms(), next_id)
    assert payout is not None
    assert pay_out([*ledger, payout.entry], request(), SettlementTerms()) is None


def test_a_payout_in_another_currency_than_the_lots_is_refused() -> None:
    with pytest.raises(CurrencyMismatch, match="cannot pay out PLN and EUR"):
        pay_out(open_cashback(), request(currency="PLN"), SettlementTerms())


def test_bad_payouts_say_what_is_missing() -> None:
    with pytest.raises(SettlementError, match="positive amount in whole cents, not EUR 0.001"):
        pay_out(open_cashback(), request("0.001"), SettlementTerms())
    with pytest.raises(SettlementError, match="needs our and the client's name and tax ID"):
        pay_out(open_cashback(), replace(request(), buyer=None), SettlementTerms())
    with pytest.raises(SettlementError, match="tax_id missing"):
        Party("Berlin Technik GmbH", " ")
