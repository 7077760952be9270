"""Manual adjustments: a KAM proposes, a second person approves above the limit, finance books."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kam_desktop.domain.adjustments import (
    Adjustment,
    AdjustmentStatus,
    ApprovalLimits,
    NotProposerError,
    SecondApprovalRequired,
    approve,
    book,
    reject,
    withdraw,
)
from kam_desktop.domain.closing import PeriodLocks
from kam_desktop.domain.exceptions import Actor
from kam_desktop.domain.ledger import LedgerError, LedgerKind, SourceKind
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.refusals import IllegalTransitionError, SelfApprovalError, WrongRoleError
from kam_desktop.domain.vocabulary import LedgerUnit, Role

from .builders import d, next_id

KAM = Actor("a.nowak", Role.KAM)
FINANCE = Actor("t.zielinski", Role.FINANCE)
FINANCE_2 = Actor("m.lis", Role.FINANCE)
DIRECTOR = Actor("k.wisniewska", Role.DIRECTOR)
AT = datetime(2026, 7, 2, 9, 30, tzinfo=UTC)
LIMITS = ApprovalLimits()  # PLN 5,000 · EUR 1,200 · 50,000 points
OPEN = PeriodLocks()


def proposal(amount: str, currency: str | None = "PLN", by: str = KAM.login, dated: str = "2026-07-01",
             unit: LedgerUnit = LedgerUnit.CASHBACK) -> Adjustment:
    return Adjustment("ADJ-2026-00007", "KRAKOW", unit, Decimal(amount), currency, d(dated),
                      "credit note 17/2026 was booked twice", by)


def test_up_to_the_limit_finance_books_a_proposal_alone() -> None:
    booking = book(proposal("300.00"), FINANCE, AT, [], LIMITS, OPEN, next_id)
    entry = booking.entry
    assert (entry.kind, entry.amount, entry.currency, entry.booked_on) == (
        LedgerKind.ADJUSTMENT, Decimal("300.00"), "PLN", d("2026-07-01")
    )
    assert (entry.source_kind, entry.source_ref, entry.idempotency_key) == (
        SourceKind.MANUAL, "ADJ-2026-00007", "adjust:ADJ-2026-00007"
    )
    assert entry.note == "credit note 17/2026 was booked twice"
    after = booking.change.adjustment
    assert (after.status, after.booked_entry, after.version) == (AdjustmentStatus.BOOKED, entry.id, 2)


def test_above_the_limit_a_second_person_approves_first() -> None:
    big = proposal("8000.00", by=FINANCE.login)
    with pytest.raises(SecondApprovalRequired, match=r"t.zielinski: ADJ-2026-00007 \(8000.00 PLN\) is above the limit"):
        book(big, FINANCE, AT, [], LIMITS, OPEN)
    with pytest.raises(SelfApprovalError, match="is your own proposal \\[a second person approves\\]"):
        approve(big, FINANCE, AT)
    with pytest.raises(WrongRoleError, match="a kam cannot approve"):
        approve(big, KAM, AT)
    approved = approve(big, DIRECTOR, AT, "checked against the ERP").adjustment
    assert (approved.status, approved.approved_by) == (AdjustmentStatus.APPROVED, "k.wisniewska")
    assert book(approved, FINANCE, AT, [], LIMITS, OPEN, next_id).entry.amount == Decimal("8000.00")


def test_a_currency_without_a_limit_always_needs_the_approval() -> None:
    with pytest.raises(SecondApprovalRequired):
        book(proposal("1.00", currency="USD"), FINANCE, AT, [], LIMITS, OPEN)
    assert LIMITS.needs_approval(LedgerUnit.POINTS, Decimal(-60000), None)
    assert not LIMITS.needs_approval(LedgerUnit.CASHBACK, Decimal("-1200"), "EUR")


def test_only_finance_books() -> None:
    with pytest.raises(WrongRoleError, match="a director cannot book ADJ-2026-00007; finance books"):
        book(proposal("10"), DIRECTOR, AT, [], LIMITS, OPEN)


def test_an_adjustment_dated_in_a_locked_quarter_is_booked_in_the_open_period() -> None:
    locks = PeriodLocks().lock(Quarter(2026, 2), d("2026-07-01"))
    entry = book(proposal("300", dated="2026-06-20"), FINANCE, AT, [], LIMITS, locks, next_id).entry
    assert entry.booked_on == d("2026-07-01")
    assert entry.note.endswith("(dated 2026-06-20, booked in the open period)")


def test_rejected_withdrawn_and_booked_adjustments_go_nowhere_else() -> None:
    adj = proposal("300")
    with pytest.raises(NotProposerError, match="was proposed by a.nowak"):
        withdraw(adj, FINANCE, AT)
    withdrawn = withdraw(adj, KAM, AT).adjustment
    with pytest.raises(IllegalTransitionError, match="cannot book ADJ-2026-00007: it is withdrawn"):
        book(withdrawn, FINANCE, AT, [], LIMITS, OPEN)
    with pytest.raises(LedgerError, match="a rejection needs a note"):
        reject(adj, FINANCE_2, AT, " ")
    rejected = reject(adj, FINANCE_2, AT, "not a duplicate: two deliveries").adjustment
    assert rejected.status is AdjustmentStatus.REJECTED
    booked = book(adj, FINANCE, AT, [], LIMITS, OPEN).change.adjustment
    with pytest.raises(IllegalTransitionError, match="it is booked"):
        approve(booked, DIRECTOR, AT)


def test_a_proposal_needs_a_reason_an_amount_and_the_right_currency() -> None:
    with pytest.raises(LedgerError, match="needs a reason"):
        Adjustment("ADJ-1", "KRAKOW", LedgerUnit.CASHBACK, Decimal(5), "PLN", d("2026-07-01"), "  ", KAM.login)
    with pytest.raises(LedgerError, match="zero changes nothing"):
        proposal("0")
    with pytest.raises(ValueError, match="is not a currency code"):
        proposal("5", currency=None)
    with pytest.raises(LedgerError, match="points carry no currency"):
        proposal("5", currency="PLN", unit=LedgerUnit.POINTS)
