"""Exception requests: the state machine refuses every illegal transition, and says who and which rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kam_desktop.domain.exceptions import (
    ALLOWED,
    Action,
    Actor,
    ExceptionRequest,
    ExceptionStatus,
    ExpiredExceptionError,
    IllegalTransitionError,
    NotRequesterError,
    Role,
    RoutingRules,
    SelfDecisionError,
    StaleDecisionError,
    WrongRoleError,
    decide,
    expire,
    new_request,
    require_valid,
    route,
    submit,
    uncovered,
    withdraw,
)
from kam_desktop.domain.grades import Grade
from kam_desktop.domain.policy import BenefitRequest, CommercialPolicy, check
from kam_desktop.domain.vocabulary import ExceptionKind

from .builders import d

KAM = Actor("kam.kowalska", Role.KAM)
OTHER_KAM = Actor("kam.ivanov", Role.KAM)
DIRECTOR = Actor("dir.nowak", Role.DIRECTOR)
FINANCE = Actor("fin.zielinska", Role.FINANCE)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def request(expected_cost: str = "5000") -> ExceptionRequest:
    """KAM Kowalska asks for a 12 % discount for ACME where the L2 cap is 10 %."""
    return new_request(
        ExceptionRequest(
            number="EXC-2026-00001", account="ACME", kind=ExceptionKind.DISCOUNT, requested=Decimal(12), cap=Decimal(10),
            justification="competitor offer, 3-year framework", expected_cost=Decimal(expected_cost),
            expected_incremental_margin=Decimal(20000), requested_by=KAM.login,
            valid_from=d("2026-03-01"), valid_until=d("2026-12-31"),
        )
    )


def submitted(expected_cost: str = "5000") -> ExceptionRequest:
    return submit(request(expected_cost), KAM, NOW).request


def test_routing_by_expected_cost() -> None:
    assert route(Decimal(10000)) == (Role.DIRECTOR,)  # up to the limit: one step
    assert route(Decimal("10000.01")) == (Role.DIRECTOR, Role.FINANCE)
    assert route(Decimal(600), RoutingRules(single_step_limit=Decimal(500))) == (Role.DIRECTOR, Role.FINANCE)


def test_a_cheap_exception_needs_only_the_sales_director() -> None:
    change = decide(submitted(), DIRECTOR, True, seen_version=2, at=NOW, note="ok for one year")
    assert change.request.status is ExceptionStatus.APPROVED
    t = change.transition
    assert (t.action, t.from_status, t.to_status, t.actor, t.version) == (
        Action.DECIDE, ExceptionStatus.SUBMITTED, ExceptionStatus.APPROVED, "dir.nowak", 3,
    )
    assert t.note == "approved as director: ok for one year"


def test_an_expensive_exception_needs_the_director_then_finance() -> None:
    first = decide(submitted("25000"), DIRECTOR, True, 2, NOW).request
    assert (first.status, first.current_step) == (ExceptionStatus.SUBMITTED, Role.FINANCE)
    with pytest.raises(WrongRoleError, match="waits for finance, not director"):
        decide(first, Actor("dir.other", Role.DIRECTOR), True, first.version, NOW)
    final = decide(first, FINANCE, True, first.version, NOW).request
    assert final.status is ExceptionStatus.APPROVED
    assert [dec.decided_by for dec in final.decisions] == ["dir.nowak", "fin.zielinska"]


def test_finance_cannot_skip_the_director() -> None:
    with pytest.raises(WrongRoleError, match="waits for director, not finance"):
        decide(submitted("25000"), FINANCE, True, 2, NOW)


def test_a_rejection_at_any_step_ends_the_request() -> None:
    first = decide(submitted("25000"), DIRECTOR, True, 2, NOW).request
    assert decide(first, FINANCE, False, first.version, NOW).request.status is ExceptionStatus.REJECTED


def test_nobody_decides_their_own_request() -> None:
    own = submit(replace(request(), requested_by=DIRECTOR.login), DIRECTOR, NOW).request
    with pytest.raises(SelfDecisionError, match=r"dir.nowak: EXC-2026-00001 is your own request \[nobody decides"):
        decide(own, DIRECTOR, True, own.version, NOW)


def test_a_kam_cannot_decide() -> None:
    with pytest.raises(WrongRoleError, match="kam.ivanov: a KAM cannot decide"):
        decide(submitted(), OTHER_KAM, True, 2, NOW)


def test_a_decision_on_a_request_changed_since_it_was_read_is_refused() -> None:
    read = submitted()  # the director reads version 2
    changed = replace(read, version=read.version + 1)  # changed meanwhile (another laptop's sync): version 3
    with pytest.raises(StaleDecisionError, match="version 2, now 3"):
        decide(changed, DIRECTOR, True, seen_version=read.version, at=NOW)
    assert decide(changed, DIRECTOR, True, changed.version, NOW).request.status is ExceptionStatus.APPROVED


def test_only_the_requester_submits_and_withdraws() -> None:
    with pytest.raises(NotRequesterError):
        submit(request(), OTHER_KAM, NOW)
    with pytest.raises(NotRequesterError):
        withdraw(submitted(), DIRECTOR, NOW)
    assert withdraw(submitted(), KAM, NOW).request.status is ExceptionStatus.WITHDRAWN


def test_a_request_must_be_beyond_a_cap_and_justified() -> None:
    with pytest.raises(ValueError, match="within the cap"):
        new_request(replace(request(), requested=Decimal(10)))
    with pytest.raises(ValueError, match="justification"):
        new_request(replace(request(), justification=" "))


def in_status(status: ExceptionStatus) -> ExceptionRequest:
    return replace(request(), status=status, steps=(Role.DIRECTOR,))


def attempt(action: Action, req: ExceptionRequest) -> object:
    if action is Action.SUBMIT:
        return submit(req, KAM, NOW)
    if action is Action.DECIDE:
        return decide(req, DIRECTOR, True, req.version, NOW)
    if action is Action.WITHDRAW:
        return withdraw(req, KAM, NOW)
    return expire(req, d("2027-01-01"), NOW)


@pytest.mark.parametrize("status", list(ExceptionStatus))
@pytest.mark.parametrize("action", [a for a in Action if a is not Action.EXPIRE])
def test_every_illegal_transition_is_refused(status: ExceptionStatus, action: Action) -> None:
    req = in_status(status)
    if action in ALLOWED[status]:
        assert attempt(action, req) is not None
    else:
        with pytest.raises(IllegalTransitionError, match=f"cannot {action} EXC-2026-00001: it is {status}"):
            attempt(action, req)


@pytest.mark.parametrize("status", list(ExceptionStatus))
def test_only_an_approved_request_expires(status: ExceptionStatus) -> None:
    change = expire(in_status(status), d("2027-01-01"), NOW)
    assert (change is not None) == (status is ExceptionStatus.APPROVED)
    if change is not None:
        assert change.request.status is ExceptionStatus.EXPIRED


def approved() -> ExceptionRequest:
    return decide(submitted(), DIRECTOR, True, 2, NOW).request


def test_an_approved_request_expires_after_its_validity() -> None:
    assert expire(approved(), d("2026-12-31"), NOW) is None  # still valid on its last day
    assert expire(approved(), d("2027-01-01"), NOW) is not None


def test_applying_an_expired_exception_is_refused() -> None:
    require_valid(approved(), d("2026-06-01"), "kam.kowalska")
    with pytest.raises(ExpiredExceptionError, match="EXC-2026-00001 expired on 2026-12-31"):
        require_valid(approved(), d("2027-01-01"), "kam.kowalska")  # even before the expiry run
    expired = expire(approved(), d("2027-01-01"), NOW)
    assert expired is not None
    with pytest.raises(ExpiredExceptionError, match="expired"):
        require_valid(expired.request, d("2027-01-01"), "kam.kowalska")
    with pytest.raises(ExpiredExceptionError, match="is submitted, not approved"):
        require_valid(submitted(), d("2026-06-01"), "kam.kowalska")


def test_a_benefit_beyond_a_cap_activates_only_with_an_approved_valid_exception() -> None:
    violations = check(CommercialPolicy(), Grade.L2, BenefitRequest(discount_percent=Decimal(12), payment_days=60))
    on = d("2026-06-01")
    assert uncovered(violations, "ACME", [], on)
    assert uncovered(violations, "ACME", [submitted()], on)  # not approved yet
    # the approved discount exception covers 12 %, but nothing covers the 60 days
    assert [v.rule for v in uncovered(violations, "ACME", [approved()], on)] == ["payment_terms"]
    discount_only = check(CommercialPolicy(), Grade.L2, BenefitRequest(discount_percent=Decimal(12)))
    assert not uncovered(discount_only, "ACME", [approved()], on)
    assert uncovered(discount_only, "OTHER", [approved()], on)  # another account's exception
    assert uncovered(discount_only, "ACME", [approved()], d("2027-01-01"))  # expired
    more = check(CommercialPolicy(), Grade.L2, BenefitRequest(discount_percent=Decimal(13)))
    assert uncovered(more, "ACME", [approved()], on)  # 13 % is beyond the 12 % approved
    assert not uncovered([], "ACME", [], on)  # within policy: nothing to cover
