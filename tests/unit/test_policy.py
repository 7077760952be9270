"""Commercial policy: caps per grade, versioned, every violation reported at once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kam_desktop.domain.grades import Grade
from kam_desktop.domain.policy import (
    BenefitRequest,
    CommercialPolicy,
    GiftRequest,
    PolicyError,
    check,
)
from kam_desktop.domain.vocabulary import ExceptionKind

POLICY = CommercialPolicy()  # L2: discount 10 %, 45 days, budget 4 % of margin, gifts 300 per person


def test_a_request_within_the_caps_has_no_violations() -> None:
    request = BenefitRequest(discount_percent=Decimal(10), payment_days=45, benefit_cost=Decimal(4000),
                             gross_margin_in_period=Decimal(100000), gifts=(GiftRequest("Anna", Decimal(300)),))
    assert check(POLICY, Grade.L2, request) == []


def test_every_violation_is_reported_with_cap_and_requested_value() -> None:
    request = BenefitRequest(
        discount_percent=Decimal(12),
        payment_days=60,
        benefit_cost=Decimal(3000),
        benefits_already_granted=Decimal(2000),  # 2 000 + 3 000 = 5 000 > 4 % × 100 000 = 4 000
        gross_margin_in_period=Decimal(100000),
        gifts=(GiftRequest("Anna", Decimal(250), Decimal(100)), GiftRequest("Piotr", Decimal(100))),  # 350 > 300
    )
    found = check(POLICY, Grade.L2, request)
    assert [(v.rule, v.cap, v.requested) for v in found] == [
        (ExceptionKind.DISCOUNT, Decimal(10), Decimal(12)),
        (ExceptionKind.PAYMENT_TERMS, Decimal(45), Decimal(60)),
        (ExceptionKind.BENEFIT_BUDGET, Decimal("4000.00"), Decimal(5000)),
        (ExceptionKind.GIFT_VALUE, Decimal(300), Decimal(350)),
    ]
    assert str(found[0].message) == "discount 12 % exceeds the L2 cap of 10 %"
    assert found[3].person == "Anna"


def test_without_margin_there_is_no_benefit_budget() -> None:
    found = check(POLICY, Grade.L1, BenefitRequest(benefit_cost=Decimal("0.01"), gross_margin_in_period=Decimal(-500)))
    assert [(v.rule, v.cap) for v in found] == [(ExceptionKind.BENEFIT_BUDGET, Decimal("0.00"))]


def test_a_policy_missing_a_grade_is_an_error_not_a_free_pass() -> None:
    with pytest.raises(PolicyError, match="no caps for grade L3"):
        check(CommercialPolicy(caps={}), Grade.L3, BenefitRequest())
