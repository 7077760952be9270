"""What-if: new cut-offs or cashback % applied to today's bases, before anyone commits to them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kam_desktop.domain.grades import Cutoffs, rank_columns
from kam_desktop.domain.money import EXACT_CENTS, percent_of, percent_of_cents
from kam_desktop.domain.vocabulary import Grade

ZERO = Decimal(0)


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


def simulate_columns(
    accounts: Sequence[str], bases: Sequence[Decimal | int], current: Sequence[Grade],
    revenue: Sequence[Decimal | int], gross_margin: Decimal, current_cashback: Mapping[Grade, Decimal],
    scenario: Scenario,
) -> SimulationResult:
    """Re-rank under the scenario's cut-offs and price cashback both ways, on columns (the i-th account is
    `accounts[i]`, graded `current[i]` now): `bases` as `rank_columns` takes them, the revenue cashback is paid on as
    Decimals or as whole cents (ints: priced in integers, `percent_of_cents`), and the accounts' summed margin.
    Columns: 20,000 accounts at once.

    Downgrade grace and overrides are deliberately left out: the what-if shows where the rules would put
    each account, which is what a committee changing the rules needs to see.
    """
    ranked = rank_columns(bases, scenario.cutoffs)
    new = ranked.grades_as_given()
    # counted in the order given: a (current, new) pair first met first, as a fold over the accounts would
    moves = dict(Counter(zip(current, new, strict=True)))
    counts_now = {g: current.count(g) for g in Grade}
    counts_new = {g: new.count(g) for g in Grade}
    cost_now, cost_new = _costs(revenue, current, new, current_cashback, scenario.cashback_percent)
    placed = [accounts[i] for i in ranked.order]
    return SimulationResult(
        moves=moves,
        new_grades=dict(zip(placed, ranked.grades, strict=True)),
        cost_now=cost_now,
        cost_scenario=cost_new,
        gross_margin=gross_margin,
        counts_now=counts_now,
        counts_scenario=counts_new,
    )


def _costs(revenue: Sequence[Decimal | int], current: Sequence[Grade], new: Sequence[Grade],
           now: Mapping[Grade, Decimal], scenario: Mapping[Grade, Decimal]) -> tuple[Decimal, Decimal]:
    """Cashback now and under the scenario, summed over the accounts (`cashback_cost` of each)."""
    cost_now = cost_new = ZERO
    priced = False  # any account priced: a sum of cents has two places, a sum of nothing none (ZERO)
    cents_now = cents_new = 0
    for amount, old, grade in zip(revenue, current, new, strict=True):
        if amount <= 0:
            continue  # nothing on a net loss
        priced = True
        if type(amount) is int and amount * 10000 < EXACT_CENTS:  # whole cents, priced in integers
            paid = percent_of_cents(amount, now[old])
            cents_now += paid
            # the same % on the same revenue costs the same: most accounts keep their grade, and its %
            cents_new += paid if scenario[grade] == now[old] else percent_of_cents(amount, scenario[grade])
        else:
            paid_now = cashback_cost(Decimal(amount), old, now)
            cost_now += paid_now
            cost_new += paid_now if scenario[grade] == now[old] else cashback_cost(Decimal(amount), grade, scenario)
    if priced:
        cost_now += Decimal(cents_now).scaleb(-2)
        cost_new += Decimal(cents_new).scaleb(-2)
    return cost_now, cost_new
