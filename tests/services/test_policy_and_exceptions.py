"""Policy checks, the exception state machine end to end, and grants under the policy (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from kam_desktop.services.benefits.grants import activate_grant, add_benefit_grant
from kam_desktop.services.errors import Refused
from kam_desktop.services.exceptions import requests as ex
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.services.program.policy import policy_check
from kam_desktop.store.models import ApprovalStep, AuditEntry, ExceptionRequest
from tests.acting import as_

from .builders import account, sale, world

AS_OF = date(2025, 12, 31)
TODAY = date(2026, 1, 10)


@pytest.fixture
def acme(any_store: Any) -> Any:
    """ACME: L1 (rank 1 of 10, p = 0.1), 12-month margin 30 000 on revenue 100 000."""
    world(any_store)
    account(any_store, "ACME")
    sale(any_store, "ACME", date(2025, 6, 1), "100000.00", "30000.00")
    for n in range(1, 10):
        account(any_store, f"S{n}")
        sale(any_store, f"S{n}", date(2025, 6, 1), "100.00")
    grade_portfolio(as_(any_store, on=TODAY), AS_OF, apply=True)
    return any_store


def _writes(store: Any) -> tuple[int, int, int]:
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
                s.scalar(select(func.count()).select_from(ApprovalStep)) or 0,
                s.scalar(select(func.max(ExceptionRequest.version))) or 0)


def test_policy_check_reports_every_violation_worked_example(acme: Any) -> None:
    # L1 caps: discount 12 %, 60 days, budget 8 % of margin 30 000 = 2 400, gifts 800 per person-year.
    result = policy_check(as_(acme, "kam1", TODAY), "ACME", discount=Decimal(15), payment_days=90, benefit_cost=Decimal(3000),
                          gifts={"CFO": Decimal(900), "buyer": Decimal(100)})
    assert result.grade == "L1" and result.gross_margin_12m == Decimal("30000.00")
    assert [(v.rule.value, v.cap, v.requested) for v in result.violations] == [
        ("discount", Decimal(12), Decimal(15)), ("payment_terms", Decimal(60), Decimal(90)),
        ("benefit_budget", Decimal("2400.00"), Decimal(3000)), ("gift_value", Decimal("800.00"), Decimal(900))]
    assert policy_check(as_(acme, "kam1", TODAY), "ACME", discount=Decimal(12)).ok


def test_exception_lifecycle_and_every_illegal_move_refused_without_writing(acme: Any) -> None:
    row = ex.request_exception(as_(acme, "kam1", TODAY), "ACME", "discount", Decimal(15), "competitor at 15 %")
    assert row.number == "EXC-2026-00001" and row.status == "draft" and row.cap == Decimal(12)
    assert row.expected_cost == Decimal("3000.00")  # 100 000 × (15 − 12) %: below the 20 000 limit
    with pytest.raises(Refused, match=r"kam2 \(kam\) may not request a policy exception of ACME: it is another KAM's"):
        ex.submit_exception(as_(acme, "kam2", TODAY), row.number)
    row = ex.submit_exception(as_(acme, "kam1", TODAY), row.number)
    assert row.waiting_for == "director" and row.steps_required == 1
    before = _writes(acme)
    with pytest.raises(Refused, match=r"kam1 \(kam\) may not decide a policy exception \[who may do what\]"):
        ex.decide_exception(as_(acme, "kam1", TODAY), row.number, True)
    with pytest.raises(Refused, match=r"kam2 \(kam\) may not decide a policy exception \[who may do what\]"):
        ex.decide_exception(as_(acme, "kam2", TODAY), row.number, True)
    with pytest.raises(Refused, match=r"boss: .*changed since you read it \(version 1, now 2\)"):
        ex.decide_exception(as_(acme, "boss", TODAY), row.number, True, seen_version=1)
    with pytest.raises(Refused, match="money: .*waits for director, not finance"):
        ex.decide_exception(as_(acme, "money", TODAY), row.number, True)
    assert _writes(acme) == before
    row = ex.decide_exception(as_(acme, "boss", TODAY), row.number, True, "one year", seen_version=row.version)
    assert row.status == "approved" and [str(d) for d in row.decisions] == ["director boss: approved"]
    with pytest.raises(Refused, match="cannot withdraw"):
        ex.withdraw_exception(as_(acme, "kam1", TODAY), row.number)
    with acme.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "exception_request")).all()
    assert list(actions) == ["exception.request", "exception.submit", "exception.approve"]


def test_nobody_decides_their_own_request(acme: Any) -> None:
    boss = as_(acme, "boss", TODAY)  # a director may request on any account, and decides requests
    row = ex.submit_exception(boss, ex.request_exception(boss, "ACME", "discount", Decimal(14), "launch").number)
    before = _writes(acme)
    with pytest.raises(Refused, match=r"boss: .*your own request \[nobody decides their own request\]"):
        ex.decide_exception(boss, row.number, True)
    assert _writes(acme) == before


def test_an_expensive_request_needs_director_then_finance(acme: Any) -> None:
    row = ex.request_exception(as_(acme, "kam1", TODAY), "ACME", "other", Decimal(500), "reserved stock",
                               expected_cost=Decimal("25000.00"))
    ex.submit_exception(as_(acme, "kam1", TODAY), row.number)
    row = ex.decide_exception(as_(acme, "boss", TODAY), row.number, True)
    assert row.status == "submitted" and row.waiting_for == "finance"
    row = ex.decide_exception(as_(acme, "money", TODAY), row.number, False, "budget spent")
    assert row.status == "rejected"
    assert [r.number for r in ex.list_exceptions(as_(acme), "rejected")] == [row.number]


def test_a_grant_beyond_a_cap_needs_a_valid_exception(acme: Any) -> None:
    outcome = add_benefit_grant(as_(acme, "kam1", TODAY), "ACME", "VOL-DISC", value=Decimal(15),
                                cost_estimate=Decimal("1000.00"), valid_from=date(2026, 1, 10))
    assert outcome.status == "pending_approval"
    assert [(d.kind, d.requested, d.cap) for d in outcome.drafts] == [("discount", Decimal(15), Decimal(12))]
    with pytest.raises(Refused, match=r"cannot activate: VOL-DISC: discount 15 % exceeds the L1 cap of 12 %"):
        activate_grant(as_(acme, "kam1", TODAY), outcome.grant_id, on=date(2026, 1, 10))
    row = ex.request_exception(as_(acme, "kam1", TODAY), "ACME", "discount", Decimal(15), "match competitor",
                               valid_until=date(2026, 3, 31))
    ex.submit_exception(as_(acme, "kam1", TODAY), row.number)
    ex.decide_exception(as_(acme, "boss", TODAY), row.number, True)
    assert ex.expire_due(as_(acme, "money", TODAY), on=date(2026, 3, 31)) == []
    with pytest.raises(Refused, match="needs an approved, still valid exception"):
        activate_grant(as_(acme, "kam1", TODAY), outcome.grant_id, on=date(2026, 4, 1))  # the exception has expired
    assert activate_grant(as_(acme, "kam1", TODAY), outcome.grant_id, on=date(2026, 2, 1)) == "active"
    assert ex.expire_due(as_(acme, "money", TODAY), on=date(2026, 4, 1)) == [row.number]
    assert ex.get_exception(as_(acme), row.number).status == "expired"


def test_numbers_follow_the_device_block(acme: Any) -> None:
    from kam_desktop.services.numbering import register_device

    with acme.unit_of_work("admin") as uow:
        register_device(uow.session, 3, "laptop 3", "admin")  # as the sync layer registers a team laptop
        uow.commit()
    row = ex.request_exception(as_(acme, "kam1", TODAY), "ACME", "discount", Decimal(15), "x")
    assert row.number == "EXC-2026-90101"  # device 3 without a lease issues from its own reserve slice
