"""An MDF quarter, worked by hand: INTEGRA (a partner invoicing in PLN), 2026Q2.

The fund: 20,000.00 PLN allocated + 5,000.00 PLN of cashback moved into it = 25,000.00 PLN.
Claims are accepted until 30 days after the quarter (2026-07-30), then the quarter is settled.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kam_desktop.domain.exceptions import Actor
from kam_desktop.domain.mdf import (
    ClaimPeriodError,
    ClaimStatus,
    FundExceededError,
    MdfClaim,
    MdfFund,
    NoProofError,
    PendingClaimsError,
    Proof,
    approve,
    pay,
    reject,
    settle,
    submit,
)
from kam_desktop.domain.monetary import CurrencyMismatch
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.refusals import IllegalTransitionError, SelfApprovalError, WrongRoleError
from kam_desktop.domain.vocabulary import Role

from .builders import d, eur, pln

Q2 = Quarter(2026, 2)
FUND = MdfFund("INTEGRA", Q2, pln("20000.00"), (pln("5000.00"),))
KAM = Actor("a.nowak", Role.KAM)
DIRECTOR = Actor("k.wisniewska", Role.DIRECTOR)
FINANCE = Actor("t.zielinski", Role.FINANCE)
WEBINAR_PROOF = (Proof("attendee list", "webinar 2026-05-20: 142 attendees", d("2026-05-22")),
                 Proof("invoice", "FV/2026/05/311 (platform)", d("2026-05-25")))


def claim(number: str, amount: str, proofs: tuple[Proof, ...] = WEBINAR_PROOF, performed: str = "2026-05-20",
          submitted: str = "2026-06-01") -> MdfClaim:
    return MdfClaim(number, "INTEGRA", Q2, "co-branded webinar", d(performed), pln(amount), KAM.login, d(submitted),
                    proofs)


def test_the_fund_is_the_allocation_plus_cashback_moved_into_it() -> None:
    assert FUND.budget == pln("25000.00") and FUND.claims_until == d("2026-07-30")


def test_a_claim_with_proof_is_approved_within_the_fund_and_paid_by_finance() -> None:
    first = approve(FUND, [], submit(FUND, claim("MDF-12", "12000.00")), DIRECTOR, d("2026-06-05"))
    assert (first.status, first.decided_by) == (ClaimStatus.APPROVED, "k.wisniewska")
    assert FUND.left([first]) == pln("13000.00")
    with pytest.raises(FundExceededError, match="MDF-13 asks PLN 15000.00; PLN 13000.00 left in the fund"):
        approve(FUND, [first], claim("MDF-13", "15000.00"), DIRECTOR, d("2026-06-05"))
    paid = pay(first, FINANCE, d("2026-06-20"), "PRZELEW 2026/06/0042")
    assert (paid.status, paid.payment_ref) == (ClaimStatus.PAID, "PRZELEW 2026/06/0042")


def test_approval_needs_proof_a_director_or_finance_and_not_the_submitter() -> None:
    with pytest.raises(NoProofError, match="MDF-14 has no proof of performance attached"):
        approve(FUND, [], claim("MDF-14", "100", proofs=()), DIRECTOR, d("2026-06-05"))
    with pytest.raises(WrongRoleError, match="a kam cannot decide MDF-14"):
        approve(FUND, [], claim("MDF-14", "100"), KAM, d("2026-06-05"))
    own = replace(claim("MDF-14", "100"), submitted_by=DIRECTOR.login)
    with pytest.raises(SelfApprovalError, match="MDF-14 is your own claim"):
        approve(FUND, [], own, DIRECTOR, d("2026-06-05"))
    with pytest.raises(WrongRoleError, match="finance pays"):
        pay(approve(FUND, [], claim("MDF-14", "100"), FINANCE, d("2026-06-05")), DIRECTOR, d("2026-06-06"), "T-1")


def test_claims_belong_to_the_quarter_arrive_in_time_and_in_the_fund_currency() -> None:
    with pytest.raises(ClaimPeriodError, match="performed on 2026-07-03, outside 2026Q2"):
        submit(FUND, claim("MDF-15", "100", performed="2026-07-03"))
    with pytest.raises(ClaimPeriodError, match="claims for 2026Q2 closed on 2026-07-30"):
        submit(FUND, claim("MDF-15", "100", submitted="2026-07-31"))
    with pytest.raises(CurrencyMismatch, match="cannot match claim MDF-15 to its fund: EUR and PLN"):
        submit(FUND, replace(claim("MDF-15", "100"), amount=eur("100")))
    with pytest.raises(ClaimPeriodError, match="positive amount in whole cents, not PLN 0.005"):
        submit(FUND, claim("MDF-15", "0.005"))


def test_the_quarter_is_settled_once_the_window_closed_and_every_claim_is_decided() -> None:
    paid = pay(approve(FUND, [], claim("MDF-12", "12000.00"), DIRECTOR, d("2026-06-05")), FINANCE,
               d("2026-06-20"), "T-42")
    approved = approve(FUND, [paid], claim("MDF-16", "8000.00"), FINANCE, d("2026-07-10"))
    waiting = claim("MDF-17", "2000.00", submitted="2026-07-29")
    claims = [paid, approved, waiting]
    with pytest.raises(ClaimPeriodError, match="takes claims until 2026-07-30"):
        settle(FUND, claims, d("2026-07-30"))
    with pytest.raises(PendingClaimsError, match="decide MDF-17 before settling INTEGRA 2026Q2"):
        settle(FUND, claims, d("2026-07-31"))
    rejected = reject(waiting, DIRECTOR, d("2026-07-31"), "the event was a sales training of its own staff")
    with pytest.raises(IllegalTransitionError, match="cannot pay MDF-17: it is rejected"):
        pay(rejected, FINANCE, d("2026-08-01"), "T-43")
    settlement = settle(FUND, [paid, approved, rejected], d("2026-07-31"))
    # 25,000 budget = 12,000 paid + 8,000 to pay + 5,000 lapsed (budgets do not roll over).
    assert (settlement.paid, settlement.to_pay, settlement.lapsed, settlement.rejected) == (
        pln("12000.00"), pln("8000.00"), pln("5000.00"), pln("2000.00")
    )
