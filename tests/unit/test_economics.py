"""Program economics, worked by hand: reward cost against gross margin and the policy's budget (2026Q2).

Default caps: L1 may spend 5 % of gross margin on rewards, L2 4 %.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kam_desktop.domain.economics import AccountPeriod, WarningKind, account_economics, by_grade
from kam_desktop.domain.exceptions import ExceptionRequest, ExceptionStatus
from kam_desktop.domain.monetary import MoneyError, Rate, sum_by_currency
from kam_desktop.domain.policy import CommercialPolicy
from kam_desktop.domain.vocabulary import ExceptionKind, Grade

from .builders import d, eur, pln

POLICY = CommercialPolicy()
ON = d("2026-06-30")
PLN_TO_EUR = Rate("PLN", "EUR", d("2026-06-30"), Decimal("0.2326"), "NBP table A, inverted")

KRAKOW = AccountPeriod("KRAKOW", Grade.L2, pln("100000.00"), pln("20000.00"), pln("2000.00"), (pln("150.00"),))
LOWMARGIN = AccountPeriod("LOWMARGIN", Grade.L1, pln("50000.00"), pln("1000.00"), pln("1500.00"))
BERLIN = AccountPeriod("BERLIN", Grade.L2, eur("30000.00"), eur("20000.00"), eur("600.00"), (pln("430.00"),))


def budget_exception(account: str, requested: str) -> ExceptionRequest:
    return ExceptionRequest(
        "EXC-2026-00042", account, ExceptionKind.BENEFIT_BUDGET, Decimal(requested), Decimal("50.00"),
        "strategic entry into a new category", Decimal(requested), Decimal("4000"), "a.nowak", d("2026-04-01"),
        d("2026-12-31"), status=ExceptionStatus.APPROVED,
    )


def test_an_account_over_its_reward_budget_warns() -> None:
    row = account_economics(KRAKOW, POLICY, ON)
    # cost 2,000 + 150 = 2,150.00; budget 4 % × 20,000 = 800.00
    assert (row.reward_cost, row.budget) == (pln("2150.00"), pln("800.00"))
    assert row.cost_share_of_margin == Decimal("0.1075")
    assert [w.kind for w in row.warnings] == [WarningKind.OVER_BUDGET]
    assert str(row.warnings[0].message) == (
        "rewards cost PLN 2150.00, above the L2 budget of PLN 800.00 (4 % of gross margin PLN 20000.00)"
    )
    assert row.needs_action


def test_a_low_margin_account_whose_cashback_exceeds_its_margin_warns_unless_an_exception_allows_it() -> None:
    row = account_economics(LOWMARGIN, POLICY, ON)
    assert [w.kind for w in row.warnings] == [WarningKind.OVER_BUDGET, WarningKind.CASHBACK_ABOVE_MARGIN]
    assert str(row.warnings[1].message) == (
        "cashback PLN 1500.00 (3.00 % of revenue) is above the gross margin PLN 1000.00 (2.00 %)"
    )
    covered = account_economics(LOWMARGIN, POLICY, ON, exceptions=[budget_exception("LOWMARGIN", "1500.00")])
    assert {w.covered_by for w in covered.warnings} == {"EXC-2026-00042"} and not covered.needs_action
    too_small = account_economics(LOWMARGIN, POLICY, ON, exceptions=[budget_exception("LOWMARGIN", "1000.00")])
    assert too_small.needs_action


def test_costs_in_another_currency_are_converted_at_a_stated_rate_never_added() -> None:
    row = account_economics(BERLIN, POLICY, ON, rates=[PLN_TO_EUR])
    # points cost PLN 430.00 × 0.2326 = 100.018 → EUR 100.02; cost 700.02 within the budget of 800.00
    assert (row.reward_cost, row.budget, row.warnings) == (eur("700.02"), eur("800.00"), ())
    with pytest.raises(MoneyError, match="a cost of PLN 430.00 needs a PLN→EUR rate"):
        account_economics(BERLIN, POLICY, ON)


def test_tier_vs_margin_vs_reward_cost_per_currency() -> None:
    rows = [account_economics(p, POLICY, ON, rates=[PLN_TO_EUR]) for p in (KRAKOW, LOWMARGIN, BERLIN)]
    l1, l2 = by_grade(rows)
    assert (l1.grade, l1.accounts, l1.warnings) == (Grade.L1, 1, 1)
    assert (l2.grade, l2.accounts, l2.warnings) == (Grade.L2, 2, 1)
    assert l2.gross_margin == sum_by_currency([pln("20000.00"), eur("20000.00")])
    assert l2.reward_cost == sum_by_currency([pln("2150.00"), eur("700.02")])
    assert str(l2.reward_cost) == "EUR 700.02, PLN 2150.00"


def test_an_exception_outside_its_validity_covers_nothing() -> None:
    later = account_economics(LOWMARGIN, POLICY, d("2027-01-01"), exceptions=[budget_exception("LOWMARGIN", "9999")])
    assert later.needs_action
