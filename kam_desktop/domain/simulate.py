"""What-if: new cut-offs or cashback % applied to today's bases, before anyone commits to them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kam_desktop.domain.grades import Cutoffs, rank_accounts
from kam_desktop.domain.money import percent_of
from kam_desktop.domain.vocabulary import Grade

ZERO = Decimal(0)


@dataclass(frozen=True)
class SimulatedAccount:
    """One account as it stands: its basis, current grade, and the revenue and margin cashback applies to."""

    account: str
    basis: Decimal
    current_grade: Grade
    net_revenue: Decimal  # the revenue cashback would be paid on (e.g. the last 12 months)
    gross_margin: Decimal


@dataclass(frozen=True)
class Scenario:
    """The terms to try."""

    cutoffs: Cutoffs
    cashback_percent: Mapping[Grade, Decimal]


@dataclass(frozen=True)
class SimulationResult:
    """How many accounts move, and what the program would cost against margin, now vs the scenario."""

    moves: Mapping[tuple[Grade, Grade], int]  # (current, new) → accounts; includes unchanged pairs
    new_grades: Mapping[str, Grade]
    cost_now: Decimal
    cost_scenario: Decimal
    gross_margin: Decimal
    counts_now: Mapping[Grade, int] = field(default_factory=dict)
    counts_scenario: Mapping[Grade, int] = field(default_factory=dict)

    @property
    def upgrades(self) -> int:
        return sum(n for (old, new), n in self.moves.items() if new.is_better_than(old))

    @property
    def downgrades(self) -> int:
        return sum(n for (old, new), n in self.moves.items() if new.is_worse_than(old))

    @property
    def unchanged(self) -> int:
        return sum(n for (old, new), n in self.moves.items() if old is new)

    def cost_to_margin(self, scenario: bool = True) -> Decimal | None:
        """Program cost as a share of gross margin (four places); None without margin."""
        if self.gross_margin <= 0:
            return None
        cost = self.cost_scenario if scenario else self.cost_now
        return (cost / self.gross_margin).quantize(Decimal("0.0001"))


def cashback_cost(revenue: Decimal, grade: Grade, percents: Mapping[Grade, Decimal]) -> Decimal:
    """Cashback on positive revenue at the grade's %; nothing on a net loss."""
    return percent_of(revenue, percents[grade]) if revenue > 0 else ZERO


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
