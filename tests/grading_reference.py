"""The grading rules as the domain wrote them before it worked on columns, one object per account: the plain
reference the columnar ranking, evaluation and what-if are held to (and the KPI reference's simulator)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from operator import itemgetter

from kam_desktop.domain.grades import (
    Cutoffs,
    GradeOverride,
    GradeResult,
    GradeRules,
    GradeState,
    Ranking,
    apply_grace,
)
from kam_desktop.domain.simulate import Scenario, SimulationResult, cashback_cost
from kam_desktop.domain.vocabulary import Grade

_ZERO = Decimal(0)
ZERO = Decimal(0)


def rank_accounts(bases: Mapping[str, Decimal], cutoffs: Cutoffs | None = None) -> dict[str, Ranking]:
    """Rank active accounts by basis and cut them into grades.

    N = number of accounts given (the caller passes the *active* ones). Sort by basis descending;
    rank = 1 + number of accounts with a strictly higher basis (ties share a rank); p = rank / N;
    p ≤ l1 → L1, ≤ l2 → L2, ≤ l3 → L3, else L4. A basis ≤ 0 is L4 whatever its rank.
    """
    cut = cutoffs or Cutoffs()
    population = len(bases)
    # rank / N ≤ cutoff  ⇔  rank ≤ cutoff × N; the product is exact in Decimal, the quotient
    # (e.g. 1/3) is not, so a boundary account can never fall on the wrong side by rounding. A rank is whole, so
    # rank ≤ cutoff × N  ⇔  rank ≤ ⌊cutoff × N⌋: compared as integers, 20,000 accounts convert no int to Decimal.
    limits = tuple((grade, cutoff, int(cutoff * population)) for grade, cutoff in cut.as_tuple())
    ordered = sorted(bases.items(), key=itemgetter(1), reverse=True)
    result: dict[str, Ranking] = {}
    rank = 0
    previous: Decimal | None = None
    grade, applied = Grade.L4, None
    step, steps = 0, len(limits)  # the first limit the rank is within: ranks only grow, so it only moves on
    for position, (account, basis) in enumerate(ordered, 1):
        if basis != previous:
            # Everyone before this position has a strictly higher basis, so rank = position (counted from 1); ties
            # share the rank and the basis, so the grade too: worked out once per distinct basis
            rank = position
            previous = basis
            while step < steps and rank > limits[step][2]:
                step += 1
            # the first grade whose limit the rank is within; a basis ≤ 0 or a rank past every limit is L4
            grade, applied = (Grade.L4, None) if basis <= _ZERO or step == steps else limits[step][:2]
        result[account] = Ranking(account, basis, rank, population, grade, applied)
    return result


def evaluate(
    bases: Mapping[str, Decimal],
    previous: Mapping[str, GradeState],
    as_of: date,
    rules: GradeRules | None = None,
    overrides: Mapping[str, GradeOverride] | None = None,
) -> dict[str, GradeResult]:
    """Grade every active account in `bases`: rank, then downgrade grace, then manual overrides."""
    rules = rules or GradeRules()
    overrides = overrides or {}
    grace = rules.downgrade_grace
    results: dict[str, GradeResult] = {}
    for account, ranking in rank_accounts(bases, rules.cutoffs).items():
        before = previous.get(account)
        computed = ranking.grade
        # apply_grace's answer without the call where it is plain: no previous grade (a first grading)
        by_rules, at_risk, held = (computed, False, 0) if before is None else apply_grace(computed, before, grace)
        override = overrides.get(account)
        applied = override if override is not None and override.is_valid_on(as_of) else None
        # positional: account, ranking, previous grade, by rules, effective, at risk, held, override, expired, day
        results[account] = GradeResult(
            account, ranking, None if before is None else before.grade, by_rules,
            by_rules if applied is None else applied.grade, at_risk, held, applied,
            override is not None and applied is None and as_of > override.expires_on, as_of,
        )
    return results


@dataclass(frozen=True)
class SimulatedAccount:
    """One account as it stands: its basis, current grade, and the revenue and margin cashback applies to."""

    account: str
    basis: Decimal
    current_grade: Grade
    net_revenue: Decimal  # the revenue cashback would be paid on (e.g. the last 12 months)
    gross_margin: Decimal


def simulate(
    accounts: Iterable[SimulatedAccount], current_cashback: Mapping[Grade, Decimal], scenario: Scenario
) -> SimulationResult:
    """Re-rank under the scenario's cut-offs and price cashback both ways.

    Downgrade grace and overrides are deliberately left out: the what-if shows where the rules would put
    each account, which is what a committee changing the rules needs to see.
    """
    items = list(accounts)
    ranking = rank_accounts({a.account: a.basis for a in items}, scenario.cutoffs)
    moves: dict[tuple[Grade, Grade], int] = {}
    counts_now: dict[Grade, int] = {g: 0 for g in Grade}
    counts_new: dict[Grade, int] = {g: 0 for g in Grade}
    cost_now = cost_new = margin = ZERO
    for a in items:
        new = ranking[a.account].grade
        moves[(a.current_grade, new)] = moves.get((a.current_grade, new), 0) + 1
        counts_now[a.current_grade] += 1
        counts_new[new] += 1
        now_cost = cashback_cost(a.net_revenue, a.current_grade, current_cashback)
        cost_now += now_cost
        # the same % on the same revenue costs the same: most accounts keep their grade, and its %
        same = scenario.cashback_percent[new] == current_cashback[a.current_grade]
        cost_new += now_cost if same else cashback_cost(a.net_revenue, new, scenario.cashback_percent)
        margin += a.gross_margin
    return SimulationResult(
        moves=moves,
        new_grades={a: r.grade for a, r in ranking.items()},
        cost_now=cost_now,
        cost_scenario=cost_new,
        gross_margin=margin,
        counts_now=counts_now,
        counts_scenario=counts_new,
    )
