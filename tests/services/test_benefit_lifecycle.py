"""A benefit after it is granted: edited, cancelled, used; activated by the approval that covers it, or told why
not with the rejected request named; several requests decided at once; the inbox's age and base currency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from kam_desktop.services.benefits import approval, lifecycle
from kam_desktop.services.benefits.catalog import account_benefits
from kam_desktop.services.benefits.grants import add_benefit_grant
from kam_desktop.services.errors import NotPermittedError, Refused
from kam_desktop.services.exceptions import caps, inbox
from kam_desktop.services.exceptions import requests as ex
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.services.program.fx import set_rate
from kam_desktop.store.models import Account, AuditEntry
from tests.acting import as_

from .builders import account, sale, world

AS_OF = date(2025, 12, 31)
TODAY = date(2026, 1, 10)
L1_GIFT_CAP = Decimal("800.00")


@pytest.fixture
def acme(sqlite_store: Any) -> Any:
    """ACME (kam1, L1, margin 30 000), OTHER (kam2) and nine small accounts, graded."""
    world(sqlite_store)
    account(sqlite_store, "ACME")
    sale(sqlite_store, "ACME", date(2025, 6, 1), "100000.00", "30000.00")
    account(sqlite_store, "OTHER", owner="kam2")
    for n in range(1, 9):
        account(sqlite_store, f"S{n}")
        sale(sqlite_store, f"S{n}", date(2025, 6, 1), "100.00")
    grade_portfolio(as_(sqlite_store, on=TODAY), AS_OF, apply=True)
    return sqlite_store


def kam(store: Any) -> Any:
    return as_(store, "kam1", TODAY)


def gift(store: Any, value: str = "900") -> Any:
    return add_benefit_grant(kam(store), "ACME", "GIFT", value=Decimal(value), cost_estimate=Decimal(value))


def request(store: Any, kind: str, value: str, submit: bool = True) -> str:
    row = ex.request_exception(kam(store), "ACME", kind, Decimal(value), "warehouse opening")
    if submit:
        ex.submit_exception(kam(store), row.number)
    return row.number


def status(store: Any, grant_id: Any) -> str:
    return next(b.status for b in account_benefits(kam(store), "ACME").lines if b.id == grant_id)


def test_the_approval_that_covers_a_waiting_benefit_makes_it_active(acme: Any) -> None:
    outcome = gift(acme)
    assert outcome.status == "pending_approval"
    [blocker] = lifecycle.grant_blockers(kam(acme), outcome.grant_id)
    assert (blocker.reason, blocker.kind, blocker.cap, blocker.number) == ("uncovered", "gift_value", L1_GIFT_CAP, None)
    number = request(acme, "gift_value", "900")
    [blocker] = lifecycle.grant_blockers(kam(acme), outcome.grant_id)
    assert (blocker.number, blocker.request_status, blocker.waiting_for) == (number, "submitted", "director")
    assert status(acme, outcome.grant_id) == "pending_approval"  # asking why changed nothing
    row = approval.decide_exception(as_(acme, "boss", TODAY), number, True, "for the opening")
    assert row.status == "approved"
    assert status(acme, outcome.grant_id) == "active"
    assert lifecycle.grant_blockers(kam(acme), outcome.grant_id)[0].reason == "status"  # active: nothing to do
    with acme.read() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == str(outcome.grant_id)))
        assert list(actions) == ["grant.add", "grant.activate"]


def test_a_rejected_request_is_named_with_its_note_and_the_benefit_keeps_waiting(acme: Any) -> None:
    outcome = gift(acme)
    number = request(acme, "gift_value", "900")
    row = approval.decide_exception(as_(acme, "boss", TODAY), number, False, "gifts are frozen this year")
    assert row.status == "rejected"
    assert row.steps[0].note == "gifts are frozen this year" and not row.steps[0].approved
    assert status(acme, outcome.grant_id) == "pending_approval"
    [blocker] = lifecycle.grant_blockers(kam(acme), outcome.grant_id)
    assert (blocker.number, blocker.request_status, blocker.note) == (number, "rejected", "gifts are frozen this year")
    with pytest.raises(Refused, match=f"{number} is rejected: gifts are frozen this year"):
        from kam_desktop.services.benefits.grants import activate_grant

        activate_grant(kam(acme), outcome.grant_id)


def test_an_approval_that_covers_less_than_asked_activates_nothing(acme: Any) -> None:
    outcome = gift(acme, "950")
    number = request(acme, "gift_value", "850")
    approval.decide_exception(as_(acme, "boss", TODAY), number, True)
    assert status(acme, outcome.grant_id) == "pending_approval"
    [blocker] = lifecycle.grant_blockers(kam(acme), outcome.grant_id)
    assert (blocker.number, blocker.allows, blocker.requested) == (number, Decimal(850), Decimal(950))


def test_editing_a_pending_benefit_back_within_the_policy_makes_it_proposed(acme: Any) -> None:
    outcome = gift(acme)
    terms = lifecycle.GrantTerms(value=Decimal(500), cost=Decimal(500), valid_from=TODAY, valid_to=date(2026, 6, 30))
    edited = lifecycle.edit_grant(kam(acme), outcome.grant_id, terms)
    assert (edited.status, edited.drafts) == ("proposed", [])
    line = next(b for b in account_benefits(kam(acme), "ACME").lines if b.id == outcome.grant_id)
    assert (line.value, line.cost, line.valid_to) == (Decimal(500), Decimal(500), date(2026, 6, 30))
    back = lifecycle.edit_grant(kam(acme), outcome.grant_id, lifecycle.GrantTerms(
        Decimal(1000), Decimal(1000), TODAY, None))
    assert back.status == "pending_approval" and [d.kind for d in back.drafts] == ["gift_value"]
    with pytest.raises(Refused, match="ends on 2026-01-01 before it starts on 2026-01-10"):
        lifecycle.edit_grant(kam(acme), outcome.grant_id, lifecycle.GrantTerms(
            Decimal(500), Decimal(500), TODAY, date(2026, 1, 1)))


def test_usage_accumulates_up_to_the_cost_then_the_benefit_is_used(acme: Any) -> None:
    outcome = add_benefit_grant(kam(acme), "ACME", "GIFT", value=Decimal(600), cost_estimate=Decimal(600))
    with pytest.raises(Refused, match="only an active benefit is used"):
        lifecycle.record_usage(kam(acme), outcome.grant_id, Decimal(100))
    from kam_desktop.services.benefits.grants import activate_grant

    activate_grant(kam(acme), outcome.grant_id)
    assert lifecycle.record_usage(kam(acme), outcome.grant_id, Decimal(250), note="flowers") == (Decimal(250), "active")
    with pytest.raises(Refused) as refused:
        lifecycle.record_usage(kam(acme), outcome.grant_id, Decimal(400), on=date(2026, 2, 1))
    problems = [p.template for p in refused.value.problems]  # type: ignore[attr-defined]
    assert len(problems) == 2 and "at most {currency} {left} is left" in problems[0] and "future" in problems[1]
    assert "PLN 350.00 is left" in str(refused.value)
    assert lifecycle.record_usage(kam(acme), outcome.grant_id, Decimal(350)) == (Decimal(600), "used")


def test_cancelling_needs_a_reason_and_another_kams_benefit_is_refused(acme: Any) -> None:
    outcome = gift(acme)
    with pytest.raises(Refused, match="say why the benefit is cancelled"):
        lifecycle.cancel_grant(kam(acme), outcome.grant_id, "  ")
    with pytest.raises(NotPermittedError, match="another KAM's account"):
        lifecycle.cancel_grant(as_(acme, "kam2", TODAY), outcome.grant_id, "not mine")
    assert lifecycle.cancel_grant(kam(acme), outcome.grant_id, "the client declined") == "cancelled"
    assert status(acme, outcome.grant_id) == "cancelled"
    with pytest.raises(Refused, match="GIFT is cancelled"):
        lifecycle.cancel_grant(kam(acme), outcome.grant_id, "again")


def test_the_cap_a_request_would_exceed_is_the_one_stored_with_it(acme: Any) -> None:
    cap = caps.cap_for(kam(acme), "ACME", "benefit_budget")
    assert (cap.value, cap.unit, cap.grade, cap.currency) == (Decimal("2400.00"), "money", "L1", "PLN")
    assert caps.cap_for(kam(acme), "ACME", "discount").value == Decimal(12)
    row = ex.request_exception(kam(acme), "ACME", "benefit_budget", Decimal(3000), "launch")
    assert row.cap == cap.value
    with pytest.raises(Refused, match="unknown exception kind 'bonus'"):
        caps.cap_for(kam(acme), "ACME", "bonus")


def test_several_requests_are_decided_at_once_and_each_refusal_is_named(acme: Any) -> None:
    first, second = request(acme, "discount", "15"), request(acme, "payment_terms", "90")
    boss = as_(acme, "boss", TODAY)
    own = ex.submit_exception(boss, ex.request_exception(boss, "ACME", "discount", Decimal(14), "mine").number)
    waiting = {r.request.number: r.request.version for r in inbox.inbox(boss)}
    assert set(waiting) == {first, second, own.number}
    ex.withdraw_exception(kam(acme), second, "the client signed without it")
    outcomes = approval.decide_many(boss, sorted(waiting.items()), False, "not this quarter")
    assert [(o.number, o.ok) for o in outcomes] == [(first, True), (second, False), (own.number, False)]
    assert "changed since you read it" in str(outcomes[1].error) or "withdrawn" in str(outcomes[1].error)
    assert "your own request" in str(outcomes[2].error)
    assert ex.get_exception(kam(acme), first).steps[0].note == "not this quarter"
    assert ex.get_exception(kam(acme), second).closed_note == "the client signed without it"


def test_the_inbox_shows_the_age_and_money_in_the_base_currency(acme: Any) -> None:
    with acme.unit_of_work("test") as uow:
        uow.session.scalars(select(Account).where(Account.code == "ACME")).one().currency = "EUR"
        uow.commit()
    set_rate(as_(acme, "money", TODAY), "EUR", "4.25", date(2026, 1, 1))
    ex.submit_exception(kam(acme), ex.request_exception(
        as_(acme, "kam1", date(2026, 1, 3)), "ACME", "gift_value", Decimal(1000), "opening").number)
    [row] = inbox.inbox(as_(acme, "boss", TODAY))
    assert row.currency == "EUR" and row.base_currency == "PLN"
    assert row.requested_base == Decimal("4250.00")
    assert row.margin_12m_base == (row.margin_12m * Decimal("4.25")).quantize(Decimal("0.01"))
    assert row.age_days == 0  # submitted today (the clock of the submission)
    [later] = inbox.inbox(as_(acme, "boss", date(2026, 1, 17)))
    assert later.age_days == 7
