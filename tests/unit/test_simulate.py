"""What-if: how many accounts move under new cut-offs, and what cashback would cost against margin."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kam_desktop.domain.grades import Cutoffs, Grade, ProgramTerms
from kam_desktop.domain.money import percent_of, percent_of_cents
from kam_desktop.domain.simulate import Scenario, SimulationResult, simulate_columns
from tests import grading_reference as reference
from tests.grading_reference import SimulatedAccount

from .builders import rank_accounts
from .test_grades import TEN


def simulate(items: list[SimulatedAccount], now: Mapping[Grade, Decimal], scenario: Scenario) -> SimulationResult:
    """The domain's what-if of accounts given one by one (`simulate_columns` on their Decimals)."""
    return simulate_columns([a.account for a in items], [a.basis for a in items], [a.current_grade for a in items],
                            [a.net_revenue for a in items], sum((a.gross_margin for a in items), Decimal(0)), now,
                            scenario)


def portfolio() -> list[SimulatedAccount]:
    current = rank_accounts(TEN)  # today's grades under the default cut-offs
    return [SimulatedAccount(a, b, current[a].grade, b, Decimal(100)) for a, b in TEN.items()]


def test_wider_cutoffs_and_higher_cashback() -> None:
    scenario = Scenario(
        Cutoffs(Decimal("0.2"), Decimal("0.4"), Decimal("0.7")),
        {Grade.L1: Decimal(4), Grade.L2: Decimal(2), Grade.L3: Decimal(1), Grade.L4: Decimal(0)},
    )
    result = simulate(portfolio(), ProgramTerms().cashback_percent, scenario)
    # B (p 0.2) L2 → L1 and G (p 0.7) L4 → L3; nobody goes down.
    assert (result.upgrades, result.downgrades, result.unchanged) == (2, 0, 8)
    assert result.moves[(Grade.L2, Grade.L1)] == 1 and result.moves[(Grade.L4, Grade.L3)] == 1
    assert result.new_grades["G"] is Grade.L3
    # now:      A 3 % × 1000 = 30, B 2 % × 900 = 18, C, D 2 % × 800 = 16 + 16, E 1 % × 600 = 6, F 5 → 91
    # scenario: A 4 % × 1000 = 40, B 4 % × 900 = 36, C, D 16 + 16, E 6, F 5, G 1 % × 400 = 4  → 123
    assert (result.cost_now, result.cost_scenario) == (Decimal(91), Decimal(123))
    assert result.gross_margin == Decimal(1000)
    assert (result.cost_to_margin(scenario=False), result.cost_to_margin()) == (Decimal("0.0910"), Decimal("0.1230"))
    assert dict(result.counts_scenario) == {Grade.L1: 2, Grade.L2: 2, Grade.L3: 3, Grade.L4: 3}


def test_the_same_terms_move_nobody() -> None:
    terms = ProgramTerms()
    result = simulate(portfolio(), terms.cashback_percent, Scenario(Cutoffs(), terms.cashback_percent))
    assert (result.upgrades, result.downgrades, result.unchanged) == (0, 0, 10)
    assert result.cost_now == result.cost_scenario


amounts = st.decimals(min_value=-1000, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
percents = st.decimals(min_value=0, max_value=100, places=3, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(amounts, amounts, st.sampled_from(list(Grade))), min_size=1, max_size=30),
       st.lists(percents, min_size=8, max_size=8))
def test_the_columns_in_whole_cents_give_what_simulate_gives(
    accounts: list[tuple[Decimal, Decimal, Grade]], pcts: list[Decimal]
) -> None:
    now, then = dict(zip(Grade, pcts[:4], strict=True)), dict(zip(Grade, pcts[4:], strict=True))
    scenario = Scenario(Cutoffs(Decimal("0.2"), Decimal("0.4"), Decimal("0.7")), then)
    items = [SimulatedAccount(f"A{i}", basis, grade, revenue, revenue - basis)
             for i, (basis, revenue, grade) in enumerate(accounts)]
    expected = reference.simulate(items, now, scenario)  # priced in Decimals one account at a time
    assert repr(simulate(items, now, scenario)) == repr(expected)
    result = simulate_columns([a.account for a in items], [int(a.basis * 100) for a in items],
                              [a.current_grade for a in items], [int(a.net_revenue * 100) for a in items],
                              sum((a.gross_margin for a in items), Decimal(0)), now, scenario)
    assert repr(result) == repr(expected)  # every Decimal's exponent, the dicts' order


@given(st.integers(-10**15, 10**15), st.decimals(min_value=-1000, max_value=1000, places=4, allow_nan=False,
                                                  allow_infinity=False))
def test_a_percent_of_whole_cents_is_percent_of_the_amount(cents: int, percent: Decimal) -> None:
    expected = percent_of(Decimal(cents).scaleb(-2), percent)
    assert Decimal(percent_of_cents(cents, percent)).scaleb(-2) == expected
