"""KPIs: LTV and trend, churn, cohort retention, ROI with its method, and the report tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kam_desktop.domain.churn import churn_cutoff, churned_by
from kam_desktop.domain.grades import Grade
from kam_desktop.domain.kpi import (
    AccountPeriod,
    AccountYears,
    BasketLine,
    CategoryMonth,
    IncrementMethod,
    MonthFigures,
    basket_lines,
    basket_sides,
    buyers,
    churn,
    cohorts_retained,
    ltv_by_account,
    portfolio_share_of_wallet,
    roi_against_control_group,
    roi_against_prior_trend,
    tier_table,
    trend_of,
    years_of,
)
from kam_desktop.domain.periods import Quarter, add_months

from .builders import d


def monthly(account: str, first: str, count: int, revenue: int = 1000, margin: int = 200) -> list[MonthFigures]:
    start = d(first)
    return [MonthFigures(account, add_months(start, i), Decimal(revenue), Decimal(margin)) for i in range(count)]


ACME = monthly("ACME", "2025-01-01", 15)  # Jan 2025 … Mar 2026, 1 000 revenue and 200 margin a month


def test_ltv_is_the_twelve_months_to_the_as_of_month() -> None:
    # Apr 2025 … Mar 2026 = 12 months × 1 000
    assert ltv_by_account(ACME, d("2026-03-15")) == {"ACME": Decimal(12000)}
    assert ltv_by_account(ACME, d("2026-03-15"), margin=True) == {"ACME": Decimal(2400)}
    assert "OTHER" not in ltv_by_account(ACME, d("2026-03-15"))


def test_every_accounts_ltv_comes_from_one_pass_over_the_rows() -> None:
    rows = ACME + monthly("BETA", "2024-06-01", 30, revenue=70, margin=7) + monthly("GAMMA", "2026-03-01", 1)
    assert ltv_by_account(rows, d("2026-03-15")) == {"ACME": Decimal(12000), "BETA": Decimal(70 * 12),
                                                     "GAMMA": Decimal(1000)}
    assert ltv_by_account(rows, d("2026-03-15"), margin=True)["BETA"] == Decimal(7 * 12)


def test_ltv_trend_compares_with_the_year_before() -> None:
    as_of = d("2026-03-15")
    trend = trend_of(ltv_by_account(ACME, as_of), ltv_by_account(ACME, d("2025-03-15")),
                     ["ACME", "OTHER"])  # OTHER bought nothing: adds 0
    # prior window Apr 2024 … Mar 2025 holds only Jan–Mar 2025 = 3 000
    assert (trend.current, trend.prior, trend.change, trend.change_ratio) == (
        Decimal(12000), Decimal(3000), Decimal(9000), Decimal("3.0000"),
    )


def is_churned(last: date | None, as_of: date, months: int = 6) -> bool:
    return churned_by(last, churn_cutoff(as_of, months))


def test_churn_is_no_invoice_for_six_months() -> None:
    as_of = d("2026-06-30")  # six months back: 2025-12-30
    assert churn_cutoff(as_of) == d("2025-12-30")
    assert is_churned(d("2025-12-30"), as_of)
    assert not is_churned(d("2025-12-31"), as_of)
    assert is_churned(None, as_of)
    assert is_churned(d("2026-02-01"), as_of, months=3)  # 3 months back: 2026-03-30
    assert not is_churned(d("2026-04-01"), as_of, months=3)
    report = churn({"A": d("2026-06-01"), "B": d("2025-11-01"), "C": None, "D": d("2026-01-15")}, as_of)
    assert (report.churned, report.rate) == (("B", "C"), Decimal("0.5000"))


def test_cohort_retention_by_enrolment_quarter() -> None:
    rows = (
        monthly("A", "2026-01-01", 9)  # buys Q1, Q2, Q3
        + monthly("B", "2026-02-01", 1)  # buys in Q1 only
        + monthly("C", "2026-05-01", 5)  # buys Q2, Q3
        + [MonthFigures("B", d("2026-08-01"), Decimal(-50), Decimal(-10))]  # a return is not activity
    )
    enrolled = {"A": d("2026-01-15"), "B": d("2026-02-20"), "C": d("2026-04-02")}
    matrix = cohorts_retained(enrolled, buyers(rows), Quarter(2026, 3))
    assert [(r.cohort, r.size, r.retention) for r in matrix] == [
        (Quarter(2026, 1), 2, (Decimal(1), Decimal("0.5"), Decimal("0.5"))),
        (Quarter(2026, 2), 1, (Decimal(1), Decimal(1))),
    ]
    # the figures begin in Q2: Q1 is unknown for the Q1 cohort, not "nobody bought"
    later = cohorts_retained(enrolled, buyers(r for r in rows if r.month >= d("2026-04-01")), Quarter(2026, 3),
                             data_from=Quarter(2026, 2))
    assert later[0].retention == (None, Decimal("0.5"), Decimal("0.5"))
    assert later[1].retention == (Decimal(1), Decimal(1))


def test_roi_against_a_control_group_states_its_method() -> None:
    # Control margin grew 500 000 → 525 000 (× 1.05), so enrolled 1 000 000 would have become 1 050 000.
    # Actual 1 150 000 → increment 100 000; − rewards 30 000 − operating 20 000 = 50 000; / cost 50 000 = 1.
    roi = roi_against_control_group(
        Decimal(1000000), Decimal(1150000), Decimal(500000), Decimal(525000), Decimal(30000), Decimal(20000)
    )
    assert roi.method is IncrementMethod.CONTROL_GROUP
    assert "control group" in str(roi.method_note)
    assert (roi.baseline_margin, roi.incremental_margin, roi.net_result, roi.roi) == (
        Decimal("1050000.00"), Decimal("100000.00"), Decimal("50000.00"), Decimal("1.0000"),
    )
    assert [(s.label, s.amount) for s in roi.waterfall()] == [
        ("baseline margin", Decimal("1050000.00")),
        ("incremental margin", Decimal("100000.00")),
        ("reward cost", Decimal(-30000)),
        ("operating cost", Decimal(-20000)),
        ("net program result", Decimal("50000.00")),
    ]


def test_roi_against_the_accounts_own_prior_trend() -> None:
    # 800 000 → 880 000 is +10 %; continued: 968 000. Actual 1 000 000 → increment 32 000;
    # − 20 000 − 10 000 = 2 000; / 30 000 = 0.0667.
    roi = roi_against_prior_trend(Decimal(800000), Decimal(880000), Decimal(1000000), Decimal(20000), Decimal(10000))
    assert roi.method is IncrementMethod.PRIOR_YEAR_TREND
    assert (roi.incremental_margin, roi.roi) == (Decimal("32000.00"), Decimal("0.0667"))


def test_roi_needs_a_baseline() -> None:
    with pytest.raises(ValueError, match="control group had no margin"):
        roi_against_control_group(Decimal(1), Decimal(1), Decimal(0), Decimal(1), Decimal(1), Decimal(1))


def test_tier_vs_margin_vs_reward_cost() -> None:
    table = tier_table([
        AccountPeriod("A", Grade.L1, Decimal(50000), Decimal(3000)),
        AccountPeriod("B", Grade.L1, Decimal(30000), Decimal(1000)),
        AccountPeriod("C", Grade.L3, Decimal(10000), Decimal(100)),
    ])
    assert [(r.grade, r.accounts, r.gross_margin, r.reward_cost, r.cost_to_margin) for r in table] == [
        (Grade.L1, 2, Decimal(80000), Decimal(4000), Decimal("0.0500")),  # 4 000 / 80 000
        (Grade.L2, 0, Decimal(0), Decimal(0), None),
        (Grade.L3, 1, Decimal(10000), Decimal(100), Decimal("0.0100")),
        (Grade.L4, 0, Decimal(0), Decimal(0), None),
    ]


def test_basket_before_and_after_enrolment() -> None:
    enrolled = {"ACME": date(2026, 3, 10)}  # before: Mar 2025 … Feb 2026; after: Mar 2026 … Feb 2027
    rows = [
        CategoryMonth("ACME", "cables", d("2025-02-01"), Decimal(999)),  # too early: ignored
        CategoryMonth("ACME", "cables", d("2025-03-01"), Decimal(100)),
        CategoryMonth("ACME", "cables", d("2026-03-01"), Decimal(150)),
        CategoryMonth("ACME", "racks", d("2027-02-01"), Decimal(70)),
        CategoryMonth("ACME", "racks", d("2027-03-01"), Decimal(999)),  # too late: ignored
        CategoryMonth("NOT_ENROLLED", "cables", d("2026-03-01"), Decimal(999)),
    ]
    assert basket_lines(*basket_sides(enrolled, rows)) == [
        BasketLine("cables", Decimal(100), Decimal(150)),
        BasketLine("racks", Decimal(0), Decimal(70)),
    ]


def test_portfolio_share_of_wallet() -> None:
    # (30 + 10) / (100 + 100) = 0.2
    assert portfolio_share_of_wallet([(Decimal(30), Decimal(100)), (Decimal(10), Decimal(100))]) == Decimal("0.2000")
    assert portfolio_share_of_wallet([]) is None


def test_years_of_sums_each_year_and_leaves_a_year_without_rows_unknown() -> None:
    rows = ACME + monthly("NEW", "2026-01-01", 3, revenue=10, margin=1)
    years = years_of(rows, {"ACME": d("2026-03-31")}, d("2026-03-15"))
    assert years["ACME"] == AccountYears("ACME", (Decimal(12000), Decimal(3000)),
                                         (Decimal(2400), Decimal(600), None), d("2026-03-31"))
    assert years["NEW"] == AccountYears("NEW", (Decimal(30), None), (Decimal(3), None, None), None)
    assert buyers(rows)[Quarter(2025, 1)] == {"ACME"}
