"""Strategic segments A/B/C/P from an account's grade, potential and growth.

The rules, tried in this order (the first that matches wins):

1. **P – Partner**: the account is a channel partner (distributor, integrator, dealer). Partners are
   judged on their own terms (lead quality, activity), so grade and potential do not move them out of P.
2. **A – Strategic**: grade in `strategic_grades` (default L1, L2) *and* high potential
   (the potential matrix puts it in the high-money half).
3. **B – Development**: purchases growing by at least `growth_threshold` year on year (default 10 %),
   *or* high potential at a lower grade.
4. **C – Volume**: everything else, typically high turnover with little room left or price sensitivity.

An unknown growth (no revenue in the prior year) counts as "not growing": a new account with high
potential still lands in B through the potential rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kam_desktop.domain.vocabulary import AccountKind, Grade
from kam_desktop.domain.vocabulary import Segment as Segment


@dataclass(frozen=True)
class SegmentRules:
    """Configurable thresholds for the segment rules (see the module docstring)."""

    strategic_grades: frozenset[Grade] = field(default_factory=lambda: frozenset({Grade.L1, Grade.L2}))
    growth_threshold: Decimal = Decimal("0.10")


@dataclass(frozen=True)
class SegmentInputs:
    """What the segment of one account depends on."""

    kind: AccountKind
    grade: Grade
    high_potential: bool
    growth: Decimal | None  # year-on-year growth as a fraction (0.10 = +10 %); None when unknown


@dataclass(frozen=True)
class SegmentDecision:
    """The segment and the rule that gave it."""

    segment: Segment
    reason: str


def growth_rate(current: Decimal, prior: Decimal) -> Decimal | None:
    """Year-on-year growth as a fraction, (current − prior) / prior; None when the prior year is ≤ 0."""
    if prior <= 0:
        return None
    return (current - prior) / prior


def segment_of(inputs: SegmentInputs, rules: SegmentRules | None = None) -> SegmentDecision:
    """Apply the segment rules in order and say which one matched."""
    rules = rules or SegmentRules()
    if inputs.kind is AccountKind.PARTNER:
        return SegmentDecision(Segment.PARTNER, "channel partner")
    if inputs.grade in rules.strategic_grades and inputs.high_potential:
        return SegmentDecision(Segment.STRATEGIC, f"grade {inputs.grade} and high potential")
    growing = inputs.growth is not None and inputs.growth >= rules.growth_threshold
    if growing:
        return SegmentDecision(
            Segment.DEVELOPMENT, f"growth {inputs.growth} ≥ threshold {rules.growth_threshold}"
        )
    if inputs.high_potential:
        return SegmentDecision(Segment.DEVELOPMENT, f"high potential at grade {inputs.grade}")
    return SegmentDecision(Segment.VOLUME, "neither strategic nor developing")
