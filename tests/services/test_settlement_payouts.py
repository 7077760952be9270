"""Paying out, adjusting and MDF, worked by hand on the settlement world (EUR1 holds EUR 200.01 after 2025Q4).

A rebate note for EUR 150.00 takes the close accrual's lot, books one redemption traceable to RBN-2026-00001,
and is a PDF in the register with both tax IDs; with VAT 23 % it is a correcting invoice: 150.00 + 34.50 =
184.50. A next-invoice discount and an MDF budget transfer are numbered DSC/MDT. Adjustments above EUR 1 200
need a second person; MDF claims stay within the fund.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.domain.monetary import Money
from kam_desktop.services.errors import NotPermittedError, Refused
from tests.acting import desk
from tests.documents.pdfcheck import flat_text

from .settlement_world import Q4_CLOSED_ON, keys_and_amounts, line, settlement_world

PAY_DAY = date(2026, 1, 20)


@pytest.fixture
def closed(any_store: Any) -> Any:
    settlement_world(any_store)
    line(any_store, "P1", date(2025, 11, 5), "50000.00")  # the partner (L4, 0 %) earns points only
    desk(any_store, "money", Q4_CLOSED_ON).close_quarter("2025Q4")
    return any_store


def test_a_rebate_note_pays_cashback_out_as_a_numbered_pdf_with_both_tax_ids(closed: Any, tmp_path: Path) -> None:
    finance = desk(closed, "money", PAY_DAY)
    paid = finance.pay_out("EUR1", "150.00", period="2025Q4", lang="pl")
    row = paid.row
    assert (row.number, row.method, row.document) == ("RBN-2026-00001", "rebate_note", "RBN-2026-00001")
    assert (row.net, row.vat, row.gross) == (Money.of("150.00", "EUR"), Money.of("0.00", "EUR"),
                                             Money.of("150.00", "EUR"))
    ledger = finance.ledger("EUR1")
    entry = next(e for e in ledger.entries if e.id == row.entry_id)
    close_lot = next(e.id for e in ledger.entries if e.key == "close:2025Q4:EUR1:cashback")
    assert (entry.amount, entry.currency, entry.source_kind, entry.source_ref) == (
        Decimal("-150.00"), "EUR", "payout_rebate_note", "RBN-2026-00001")
    assert row.lots == ((close_lot, Decimal("150.00")),)  # the soonest-expiring lot, whole cents
    assert ledger.balance["cashback"] == Decimal("50.01")
    text = flat_text(paid.pdf or b"")
    for expected in ("Nota uznaniowa", "RBN-2026-00001", "NIP UE: DE811907980", "NIP: PL5260250274", "150,00",
                     "EUR", "IV kwartał 2025 r."):
        assert expected in text, expected
    assert "2025Q4" not in text and str(row.entry_id) not in text  # a Polish reader's words, no store id
    assert finance.verify_document("RBN-2026-00001").ok  # frozen: the SHA-256 recorded at issue holds
    assert finance.document_pdf("RBN-2026-00001") == paid.pdf
    with pytest.raises(Refused, match="only 50.01 cashback available"):
        finance.pay_out("EUR1", "60.00", period="2025Q4")
    with pytest.raises(NotPermittedError, match="may not pay out cashback"):
        desk(closed, "kam1", PAY_DAY).pay_out("EUR1", "10.00")


def test_with_a_vat_rate_it_is_a_correcting_invoice_in_russian(closed: Any) -> None:
    finance = desk(closed, "money", PAY_DAY)
    finance.set_settlement_term("settlement.vat_percent", "23")
    paid = finance.pay_out("EUR1", "150.00", period="2025Q4", lang="ru")
    assert (paid.row.net, paid.row.vat, paid.row.gross) == (
        Money.of("150.00", "EUR"), Money.of("34.50", "EUR"), Money.of("184.50", "EUR"))
    text = flat_text(paid.pdf or b"")
    assert "Корректировочный счёт-фактура" in text and "34,50" in text and "184,50" in text


def test_other_methods_book_a_voucher_or_fill_the_partners_mdf_budget(closed: Any) -> None:
    finance = desk(closed, "money", PAY_DAY)
    voucher = finance.pay_out("EUR1", "20.00", benefit="volume_discount").row
    assert (voucher.number, voucher.method, voucher.document, voucher.period) == (
        "DSC-2026-00001", "invoice_discount", None, "2025Q4")
    finance.set_settlement_term("settlement.method.cashback", "mdf_budget")
    transfer = finance.pay_out("EUR1", "30.00").row
    assert (transfer.number, transfer.method) == ("MDT-2026-00001", "mdf_budget")
    fund = {f.account: f for f in finance.mdf_funds("2026Q1")}["EUR1"]
    assert (fund.allocated, fund.transfers_in, fund.budget) == (
        Money.of("0.00", "EUR"), Money.of("30.00", "EUR"), Money.of("30.00", "EUR"))
    assert [(k, a) for k, a, _ in keys_and_amounts(closed, "payout:EUR1:")] == [
        ("payout:EUR1:DSC-2026-00001", Decimal("-20.00")), ("payout:EUR1:MDT-2026-00001", Decimal("-30.00"))]
    assert [p.number for p in desk(closed, "kam1", PAY_DAY).payouts()] == ["MDT-2026-00001", "DSC-2026-00001"]
    assert desk(closed, "kam2", PAY_DAY).payouts() == []  # another KAM's client


def test_an_adjustment_above_the_limit_needs_a_second_person(closed: Any) -> None:
    kam, boss, finance = (desk(closed, who, PAY_DAY) for who in ("kam1", "boss", "money"))
    big = kam.propose_adjustment("EUR1", "cashback", "1500.00", "goodwill for the recall of batch 17")
    assert (big.money, big.status, big.needs_approval) == (Money.of("1500.00", "EUR"), "proposed", True)
    with pytest.raises(Refused, match="above the limit; a director or finance other than the proposer approves it"):
        finance.book_adjustment(big.number)
    with pytest.raises(NotPermittedError):
        kam.approve_adjustment(big.number)
    with pytest.raises(Refused, match="changed meanwhile"):
        boss.approve_adjustment(big.number, "ok", seen_version=big.version + 5)
    approved = boss.approve_adjustment(big.number, "agreed with the client", seen_version=big.version)
    assert [a.number for a in finance.adjustments_inbox()] == [big.number]
    booked = finance.book_adjustment(approved.number)
    assert booked.status == "booked" and finance.ledger("EUR1").balance["cashback"] == Decimal("1700.01")
    small = kam.propose_adjustment("EUR1", "cashback", "-0.01", "rounding on FV/9")
    assert not small.needs_approval and finance.book_adjustment(small.number).status == "booked"
    with pytest.raises(Refused, match="is your own proposal"):
        finance.approve_adjustment(finance.propose_adjustment("EUR1", "points", "10", "x").number)
    overdraft = kam.propose_adjustment("EUR1", "cashback", "-2000.00", "wrong")
    boss.approve_adjustment(overdraft.number)
    with pytest.raises(Refused, match="only 1700.00 cashback available"):
        finance.book_adjustment(overdraft.number)


def test_an_mdf_claim_with_proof_is_approved_within_the_fund_paid_and_the_quarter_settled(closed: Any) -> None:
    boss, kam, finance = (desk(closed, who, date(2026, 2, 20)) for who in ("boss", "kam1", "money"))
    fund = boss.mdf_fund("P1", "2026Q1", "5000.00")
    assert (fund.budget, fund.claims_until) == (Money.of("5000.00", "EUR"), date(2026, 4, 30))
    claim = kam.mdf_claim("P1", "2026Q1", "trade fair booth, Poznań", date(2026, 2, 15), "1200.00")
    with pytest.raises(Refused, match="has no proof of performance"):
        boss.mdf_decide(claim.number, True)
    kam.mdf_proof(claim.number, "invoice", "FV/EXPO/2026/031")
    assert boss.mdf_decide(claim.number, True, "booth photos seen").status == "approved"
    second = kam.mdf_claim("P1", "2026Q1", "newsletter campaign", date(2026, 3, 1), "4000.00", [("report", "R-7")])
    with pytest.raises(Refused, match=r"asks EUR 4000.00; EUR 3800.00 left in the fund"):
        boss.mdf_decide(second.number, True)
    boss.mdf_decide(second.number, False, "beyond the fund; resubmit smaller")
    with pytest.raises(Refused, match="finance pays|may not"):
        boss.mdf_pay(claim.number, "TR-1")
    assert finance.mdf_pay(claim.number, "TR-2026-0042").paid_on == date(2026, 2, 20)
    with pytest.raises(Refused, match="takes claims until 2026-04-30"):
        finance.mdf_settle("P1", "2026Q1")
    done = desk(closed, "money", date(2026, 5, 2)).mdf_settle("P1", "2026Q1")
    assert (done.paid, done.to_pay, done.lapsed, done.rejected) == (
        Money.of("1200.00", "EUR"), Money.of("0.00", "EUR"), Money.of("3800.00", "EUR"), Money.of("4000.00", "EUR"))
    with pytest.raises(Refused, match="takes no more claims"):
        kam.mdf_claim("P1", "2026Q1", "late", date(2026, 3, 2), "1.00", [("invoice", "x")])
