"""Segments from grade, potential and growth; potential slots, share of wallet and the potential matrix."""

from __future__ import annotations

from decimal import Decimal

from kam_desktop.domain.grades import AccountKind, Grade
from kam_desktop.domain.segments import Segment, SegmentInputs, SegmentRules, growth_rate, segment_of
from kam_desktop.domain.slots import (
    CategorySpend,
    OurSales,
    Quadrant,
    category_slots,
    potential_matrix,
    roll_up,
    share_of_wallet,
)

from .builders import d

C, P = AccountKind.CUSTOMER, AccountKind.PARTNER


def seg(kind: AccountKind, grade: Grade, high: bool, growth: str | None, rules: SegmentRules | None = None) -> Segment:
    return segment_of(SegmentInputs(kind, grade, high, Decimal(growth) if growth else None), rules).segment


def test_segment_rules_in_order() -> None:
    assert seg(P, Grade.L1, True, "0.5") is Segment.PARTNER  # partners are always P
    assert seg(C, Grade.L2, True, None) is Segment.STRATEGIC  # top grade + high potential
    assert seg(C, Grade.L1, False, "0.10") is Segment.DEVELOPMENT  # growth 10 % ≥ threshold 10 %
    assert seg(C, Grade.L3, True, "0.01") is Segment.DEVELOPMENT  # high potential at a lower grade
    assert seg(C, Grade.L1, False, "0.09") is Segment.VOLUME  # big, not growing, little room
    assert seg(C, Grade.L4, False, None) is Segment.VOLUME  # unknown growth is not growth


def test_segment_rules_are_configurable() -> None:
    only_l1 = SegmentRules(strategic_grades=frozenset({Grade.L1}), growth_threshold=Decimal("0.25"))
    assert seg(C, Grade.L2, True, None, only_l1) is Segment.DEVELOPMENT
    assert seg(C, Grade.L2, False, "0.20", only_l1) is Segment.VOLUME


def test_growth_rate() -> None:
    assert growth_rate(Decimal(110), Decimal(100)) == Decimal("0.1")
    assert growth_rate(Decimal(110), Decimal(0)) is None


def spend(account: str, category: str, units: int, money: int) -> CategorySpend:
    return CategorySpend(account, category, Decimal(units), Decimal(money), "interview", d("2026-01-20"))


def test_a_slot_is_what_is_left_of_the_clients_spend() -> None:
    ours = {("ACME", "cables"): OurSales(Decimal(40), Decimal(4000)), ("ACME", "racks"): OurSales(Decimal(12), Decimal(9000))}
    slots = category_slots([spend("ACME", "cables", 100, 10000), spend("ACME", "racks", 10, 8000),
                            spend("ACME", "ups", 0, 0)], ours)
    cables, racks, ups = slots
    # cables: 100 − 40 = 60 units, 10 000 − 4 000 = 6 000; share 4 000 / 10 000 = 0.4
    assert (cables.slot_units, cables.slot_money, cables.share_money) == (Decimal(60), Decimal(6000), Decimal("0.4000"))
    # racks: we sell more than the survey said → slot 0, flagged for a new survey
    assert (racks.slot_units, racks.slot_money, racks.ours_exceed_total) == (Decimal(0), Decimal(0), True)
    # ups: total 0 → no share of wallet at all
    assert ups.share_money is None and ups.share_units is None
    acme = roll_up(slots)["ACME"]
    # slots are summed per category: 6 000 + 0 + 0, not (18 000 − 13 000)
    assert (acme.slot_money, acme.slot_units, acme.categories) == (Decimal(6000), Decimal(60), 3)
    assert acme.share_money == Decimal("0.7222")  # 13 000 / 18 000


def test_share_of_wallet_of_nothing_is_none() -> None:
    assert share_of_wallet(Decimal(5), Decimal(0)) is None


def test_the_potential_matrix_splits_at_the_portfolio_median_by_default() -> None:
    slots = category_slots(
        [spend("A", "x", 100, 100), spend("B", "x", 10, 1000), spend("C", "x", 50, 500), spend("D", "x", 1, 1)], {}
    )
    matrix = potential_matrix(roll_up(slots))
    # units 100, 10, 50, 1 → median 30; money 100, 1000, 500, 1 → median 300
    assert (matrix.units_threshold, matrix.money_threshold) == (Decimal(30), Decimal(300))
    assert dict(matrix.placements) == {
        "A": Quadrant.HIGH_UNITS_LOW_MONEY,
        "B": Quadrant.LOW_UNITS_HIGH_MONEY,
        "C": Quadrant.HIGH_UNITS_HIGH_MONEY,
        "D": Quadrant.LOW_UNITS_LOW_MONEY,
    }
    fixed = potential_matrix(roll_up(slots), units_threshold=Decimal(100), money_threshold=Decimal(1))
    assert fixed.placements["A"] is Quadrant.HIGH_UNITS_HIGH_MONEY
    assert fixed.placements["C"].high_money
