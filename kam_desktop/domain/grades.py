"""Grades L1..L4 from actual LTV: percentile ranking, downgrade grace, manual overrides and the *why*."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import compress, islice
from operator import eq, itemgetter

from kam_desktop.domain.messages import Refusal
from kam_desktop.domain.vocabulary import AccountKind as AccountKind
from kam_desktop.domain.vocabulary import Grade as Grade


class Basis(StrEnum):
    """What the grade ranks on: trailing-12-month net revenue (default) or gross margin."""

    NET_REVENUE = "net_revenue"
    GROSS_MARGIN = "gross_margin"


class GradeConfigError(Refusal, ValueError):
    """Program terms that cannot be applied (cut-offs out of order, missing reason, …)."""


@dataclass(frozen=True)
class Cutoffs:
    """Percentile cut-offs: p ≤ l1 → L1, p ≤ l2 → L2, p ≤ l3 → L3, else L4."""

    l1: Decimal = Decimal("0.10")
    l2: Decimal = Decimal("0.30")
    l3: Decimal = Decimal("0.60")

    def __post_init__(self) -> None:
        if not Decimal(0) < self.l1 < self.l2 < self.l3 <= Decimal(1):
            raise GradeConfigError("cut-offs must rise strictly within (0, 1]: got {l1}, {l2}, {l3}", l1=self.l1,
                                   l2=self.l2, l3=self.l3)

    def as_tuple(self) -> tuple[tuple[Grade, Decimal], ...]:
        """(grade, cut-off) pairs from the best grade down; L4 has no cut-off."""
        return ((Grade.L1, self.l1), (Grade.L2, self.l2), (Grade.L3, self.l3))


def _default_cashback() -> dict[Grade, Decimal]:
    return {Grade.L1: Decimal("3"), Grade.L2: Decimal("2"), Grade.L3: Decimal("1"), Grade.L4: Decimal("0")}


def _default_names() -> dict[AccountKind, dict[Grade, str]]:
    return {
        AccountKind.CUSTOMER: {g: g.value for g in Grade},
        AccountKind.PARTNER: {
            Grade.L1: "Platinum",
            Grade.L2: "Gold",
            Grade.L3: "Silver",
            Grade.L4: "Member",
        },
    }


@dataclass(frozen=True)
class GradeRules:
    """How grades are computed: cut-offs, the basis, and how many evaluations a downgrade is held."""

    cutoffs: Cutoffs = field(default_factory=Cutoffs)
    basis: Basis = Basis.NET_REVENUE
    downgrade_grace: int = 1

    def __post_init__(self) -> None:
        if self.downgrade_grace < 0:
            raise GradeConfigError("downgrade grace must be ≥ 0 evaluations, not {grace}", grace=self.downgrade_grace)


@dataclass(frozen=True)
class ProgramTerms:
    """One version of the program configuration: grade rules, cashback % per grade, grade names."""

    version: int = 1
    valid_from: date = date(2000, 1, 1)
    rules: GradeRules = field(default_factory=GradeRules)
    cashback_percent: Mapping[Grade, Decimal] = field(default_factory=_default_cashback)
    names: Mapping[AccountKind, Mapping[Grade, str]] = field(default_factory=_default_names)

    def __post_init__(self) -> None:
        missing = [g.value for g in Grade if g not in self.cashback_percent]
        if missing:
            raise GradeConfigError("cashback % missing for grade(s) {grades}", grades=", ".join(missing))
        negative = [g.value for g, pct in self.cashback_percent.items() if pct < 0]
        if negative:
            raise GradeConfigError("cashback % cannot be negative (grade(s) {grades})", grades=", ".join(negative))

    def name_of(self, grade: Grade, kind: AccountKind = AccountKind.CUSTOMER) -> str:
        """The display name of a grade for this kind of account (e.g. 'Gold' for an L2 partner)."""
        return self.names.get(kind, {}).get(grade, grade.value)


@dataclass(slots=True)
class Ranking:
    """One account's place in the population: the inputs of its computed grade.

    A value, never changed after it is made; not `frozen`: a frozen dataclass sets each field through
    `object.__setattr__`, three times the cost, and a grading makes one per account (20,000 at once).
    """

    account: str
    basis: Decimal
    rank: int
    population: int
    grade: Grade
    cutoff: Decimal | None  # the cut-off that placed it; None for L4 (below every cut-off or basis ≤ 0)

    @property
    def percentile(self) -> Decimal:
        """rank / N, shown to four places (the grade itself is decided exactly, see `rank_columns`)."""
        return (Decimal(self.rank) / Decimal(self.population)).quantize(Decimal("0.0001"))


@dataclass(frozen=True, slots=True)
class Ranked:
    """A population ranked, as columns: who stands at each place of the rank order, their rank and computed grade.

    Columns, not an object per account: a grading ranks 20,000 accounts at once.
    """

    order: list[int]  # the position (in the input) of the account at each place: basis descending, ties as given
    ranks: list[int]  # the rank at each place
    grades: list[Grade]  # the computed grade at each place
    population: int
    cutoff_of: Mapping[Grade, Decimal | None]  # the cut-off that places an account at a grade (None for L4)

    def grades_as_given(self) -> list[Grade]:
        """Each account's computed grade, in the order the bases were given."""
        result = [Grade.L4] * self.population
        start = 0
        for grade in (Grade.L1, Grade.L2, Grade.L3):
            end = start + self.grades.count(grade)  # the grades are runs along the rank order, best first
            for i in self.order[start:end]:
                result[i] = grade
            start = end
        return result


def rank_columns(bases: Sequence[Decimal | int], cutoffs: Cutoffs | None = None) -> Ranked:
    """Rank active accounts by basis and cut them into grades, on columns: `bases[i]` is the i-th account's basis.

    N = number of accounts given (the caller passes the *active* ones). Sort by basis descending;
    rank = 1 + number of accounts with a strictly higher basis (ties share a rank); p = rank / N;
    p ≤ l1 → L1, ≤ l2 → L2, ≤ l3 → L3, else L4. A basis ≤ 0 is L4 whatever its rank.
    The bases may be given as any numbers ordered as the bases and ≤ 0 exactly where they are (e.g. whole cents
    as integers, which sort faster than Decimals); every account's rank and grade follow from their order alone.
    """
    cut = cutoffs or Cutoffs()
    population = len(bases)
    # a stable sort: ties keep the order given
    order = sorted(range(population), key=bases.__getitem__, reverse=True)
    ranked = [bases[i] for i in order]
    # rank = 1 + accounts strictly above = the place (from 1), except that a tie shares the rank of the place above:
    # the places equal to the one above found in C (`map(eq)`), then only those few set in Python
    ranks = list(range(1, population + 1))
    for place in compress(range(1, population), map(eq, ranked, islice(ranked, 1, None))):
        ranks[place] = ranks[place - 1]
    # rank / N ≤ cutoff  ⇔  rank ≤ cutoff × N; the product is exact in Decimal, the quotient (e.g. 1/3) is not, so a
    # boundary account can never fall on the wrong side by rounding. A rank is whole, so rank ≤ ⌊cutoff × N⌋. Ranks
    # only grow along the order, so each grade is a run of places: it ends at the last rank within its limit, or
    # where the bases stop being positive (a basis ≤ 0 is L4 whatever its rank)
    positive = bisect_left(ranked, True, key=_not_positive)
    ends = [min(bisect_right(ranks, int(cutoff * population)), positive) for _grade, cutoff in cut.as_tuple()]
    grades: list[Grade] = []
    start = 0
    for grade, end in zip((Grade.L1, Grade.L2, Grade.L3), ends, strict=True):
        grades += [grade] * (end - start)
        start = end
    grades += [Grade.L4] * (population - start)
    cutoff_of: dict[Grade, Decimal | None] = {grade: cutoff for grade, cutoff in cut.as_tuple()}
    cutoff_of[Grade.L4] = None
    return Ranked(order, ranks, grades, population, cutoff_of)


def _not_positive(basis: Decimal | int) -> bool:
    return basis <= 0


@dataclass(frozen=True)
class GradeOverride:
    """A manual grade set by a person, with a reason and an expiry; shown as an override, never hidden."""

    grade: Grade
    reason: str
    expires_on: date
    set_by: str
    set_on: date

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise GradeConfigError("a grade override needs a reason")
        if self.expires_on < self.set_on:
            raise GradeConfigError("a grade override cannot expire ({expires}) before it is set ({since})",
                                   expires=self.expires_on, since=self.set_on)

    def is_valid_on(self, day: date) -> bool:
        """Valid from the day it is set through its expiry day, inclusive."""
        return self.set_on <= day <= self.expires_on


@dataclass(frozen=True)
class GradeState:
    """What an account carries from the last evaluation into the next."""

    grade: Grade  # the grade by the rules (after grace), not counting an override
    held_evaluations: int = 0  # consecutive evaluations a lower computed grade has been held so far


@dataclass(slots=True)
class GradeResult:
    """The outcome of one evaluation for one account, with every input needed to explain it.

    A value, never changed after it is made (not `frozen` for the cost of 20,000 at once, as `Ranking`).
    """

    account: str
    ranking: Ranking
    previous_grade: Grade | None
    grade_by_rules: Grade  # computed grade after downgrade grace
    effective_grade: Grade  # after a valid manual override
    at_risk: bool
    held_evaluations: int
    override: GradeOverride | None  # the override applied, if any
    override_expired: bool  # an override existed but was past its expiry and ignored
    evaluated_on: date

    @property
    def computed_grade(self) -> Grade:
        """The grade the ranking alone gives."""
        return self.ranking.grade

    @property
    def state(self) -> GradeState:
        """What to store for the next evaluation."""
        return GradeState(self.grade_by_rules, self.held_evaluations)

    def why(self) -> tuple[str, ...]:
        """Plain sentences explaining the grade, in the order a reader checks them."""
        r = self.ranking
        lines = [f"basis {r.basis} ranks {r.rank} of {r.population} (p = {r.percentile})"]
        if r.basis <= 0:
            lines.append("a basis of zero or less is always L4")
        elif r.cutoff is None:
            lines.append(f"p is above every cut-off, so computed grade {r.grade}")
        else:
            lines.append(f"p ≤ cut-off {r.cutoff}, so computed grade {r.grade}")
        if self.previous_grade is None:
            lines.append("no previous grade: the computed grade applies")
        elif self.at_risk:
            lines.append(
                f"lower than the previous grade {self.previous_grade}: held "
                f"({self.held_evaluations} evaluation(s) of grace used), account at risk"
            )
        elif self.computed_grade.is_worse_than(self.previous_grade):
            lines.append(f"grace used up: downgraded from {self.previous_grade} to {self.grade_by_rules}")
        elif self.computed_grade.is_better_than(self.previous_grade):
            lines.append(f"upgraded from {self.previous_grade} at once")
        else:
            lines.append(f"unchanged from {self.previous_grade}")
        if self.override is not None:
            o = self.override
            lines.append(
                f"manual override to {o.grade} by {o.set_by} until {o.expires_on.isoformat()}: {o.reason}"
            )
        elif self.override_expired:
            lines.append("a manual override had expired and was ignored")
        return tuple(lines)


def apply_grace(computed: Grade, previous: GradeState | None, grace: int) -> tuple[Grade, bool, int]:
    """(grade by rules, at_risk, held evaluations) after downgrade grace; upgrades apply at once."""
    if previous is None or not computed.is_worse_than(previous.grade):
        return computed, False, 0
    if previous.held_evaluations < grace:
        return previous.grade, True, previous.held_evaluations + 1
    return computed, False, 0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Every account's evaluation as columns, one entry per place of the rank order (`Ranked.order`).

    Columns, not a `GradeResult` per account: 20,000 accounts are graded at once, and a screen or a store of the
    evaluations reads them place by place; `result(place)` makes one account's `GradeResult` when it is asked for.
    """

    ranked: Ranked
    accounts: Sequence[str]  # the account at each place
    bases: Sequence[Decimal]  # the bases as given (input order; `ranked.order` maps a place to its input position)
    previous: Sequence[Grade | None]  # the grade by rules the account carried in (None: never graded)
    by_rules: Sequence[Grade]  # the computed grade after downgrade grace
    effective: Sequence[Grade]  # after a valid manual override
    at_risk: Sequence[bool]
    held: Sequence[int]  # evaluations of grace used so far
    overrides: Mapping[int, GradeOverride]  # the override applied, by place
    expired: frozenset[int]  # places whose override had expired and was ignored
    as_of: date

    def basis(self, place: int) -> Decimal:
        """The basis of the account at `place`."""
        return self.bases[self.ranked.order[place]]

    def result(self, place: int) -> GradeResult:
        """The account at `place` as one `GradeResult` (with its `Ranking`)."""
        ranked, account, grade = self.ranked, self.accounts[place], self.ranked.grades[place]
        ranking = Ranking(account, self.basis(place), ranked.ranks[place], ranked.population, grade,
                          ranked.cutoff_of[grade])
        # positional: account, ranking, previous grade, by rules, effective, at risk, held, override, expired, day
        return GradeResult(account, ranking, self.previous[place], self.by_rules[place], self.effective[place],
                           self.at_risk[place], self.held[place], self.overrides.get(place), place in self.expired,
                           self.as_of)


def evaluate_columns(
    accounts: Sequence[str],
    bases: Sequence[Decimal],
    previous: Mapping[str, GradeState],
    as_of: date,
    rules: GradeRules | None = None,
    overrides: Mapping[str, GradeOverride] | None = None,
    keys: Sequence[Decimal | int] | None = None,
) -> Evaluation:
    """Grade accounts given as columns (`accounts[i]` has basis `bases[i]`): rank (`rank_columns`), then downgrade
    grace (`apply_grace`), then manual overrides valid on `as_of`. `keys`: the bases as `rank_columns` may take them
    (e.g. whole cents), when the caller has them; ranked on `bases` otherwise."""
    rules = rules or GradeRules()
    ranked = rank_columns(bases if keys is None else keys, rules.cutoffs)
    population = ranked.population
    placed = itemgetter(*ranked.order)(accounts) if population > 1 else [accounts[i] for i in ranked.order]
    # An account with no previous grade and no override keeps its computed grade as is: the columns start as that,
    # and only the accounts with a history or an override (few, or none in a first grading) are worked on one by one
    by_rules, effective = ranked.grades, ranked.grades
    before: list[Grade | None] = [None] * population
    at_risk, held = [False] * population, [0] * population
    applied: dict[int, GradeOverride] = {}
    expired: set[int] = set()
    if previous or overrides:
        place_of = dict(zip(placed, range(population), strict=True))
        by_rules = list(ranked.grades)
        for account, state in previous.items():
            place = place_of.get(account)
            if place is not None:  # a state of an account not graded now is not used
                before[place] = state.grade
                by_rules[place], at_risk[place], held[place] = apply_grace(ranked.grades[place], state,
                                                                           rules.downgrade_grace)
        effective = list(by_rules)
        for account, override in (overrides or {}).items():
            place = place_of.get(account)
            if place is None:
                continue
            if override.is_valid_on(as_of):
                applied[place] = override
                effective[place] = override.grade
            elif as_of > override.expires_on:
                expired.add(place)
    return Evaluation(ranked, placed, bases, before, by_rules, effective, at_risk, held, applied, frozenset(expired),
                      as_of)


def basis_for_next_grade(
    grade: Grade, population: int, other_bases: Iterable[Decimal], cutoffs: Cutoffs
) -> Decimal | None:
    """The least basis that would lift an account computed at `grade` one grade now (None for L1), all else
    unchanged: `other_bases` are the bases of the other accounts of the same grading."""
    better = {Grade.L2: cutoffs.l1, Grade.L3: cutoffs.l2, Grade.L4: cutoffs.l3}.get(grade)
    if better is None:
        return None
    # To reach rank ≤ cutoff × N the account must beat everyone but the first ⌊cutoff × N⌋ − 1 others.
    allowed_rank = int(better * population)
    if allowed_rank < 1:
        return None
    others = sorted(other_bases, reverse=True)
    # rank = 1 + count strictly above; we need at most allowed_rank − 1 others strictly above us,
    # so we must at least equal the allowed_rank-th highest other basis (and a basis ≤ 0 is always L4).
    target = others[allowed_rank - 1] if allowed_rank - 1 < len(others) else Decimal(0)
    return max(target, Decimal("0.01"))
