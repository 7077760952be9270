"""Program KPIs from monthly aggregates: LTV and trend, churn, cohort retention, ROI and report tables.

Input is per-account per-month figures (`MonthFigures`), not invoice lines: the store aggregates, the
domain computes. A month is identified by its first day. "The 12 months to `as_of`" are the month of
`as_of` and the 11 before it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kam_desktop.domain.churn import churn_cutoff, churned_by
from kam_desktop.domain.messages import Message, Refusal
from kam_desktop.domain.periods import Quarter, add_months
from kam_desktop.domain.slots import share_of_wallet
from kam_desktop.domain.vocabulary import Grade

ZERO = Decimal(0)
RATIO_PLACES = Decimal("0.0001")


class NoBaselineError(Refusal, ValueError):
    """ROI cannot be measured this way: the baseline's own margin is missing."""


@dataclass(frozen=True)
class MonthFigures:
    """One account's net revenue and gross margin in one month."""

    account: str
    month: date  # first day of the month
    net_revenue: Decimal
    gross_margin: Decimal


def month_of(day: date) -> date:
    """The first day of the day's month."""
    return day.replace(day=1)


def _ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if whole == 0 else (part / whole).quantize(RATIO_PLACES)


def ltv_by_account(rows: Iterable[MonthFigures], as_of: date, months: int = 12,
                   margin: bool = False) -> dict[str, Decimal]:
    """Net revenue (or gross margin) of every account with rows in the `months` months to `as_of`, in one pass
    (a per-account function called for each account was quadratic at 20,000 accounts)."""
    last = month_of(as_of)
    first = add_months(last, -(months - 1))
    result: dict[str, Decimal] = {}
    for r in rows:
        if first <= r.month <= last:
            result[r.account] = result.get(r.account, ZERO) + (r.gross_margin if margin else r.net_revenue)
    return result


@dataclass(frozen=True)
class LtvTrend:
    """The last 12 months against the 12 before."""

    current: Decimal
    prior: Decimal

    @property
    def change(self) -> Decimal:
        return self.current - self.prior

    @property
    def change_ratio(self) -> Decimal | None:
        """(current − prior) / prior; None without a prior year."""
        return _ratio(self.change, self.prior) if self.prior > 0 else None


def trend_of(current: Mapping[str, Decimal], prior: Mapping[str, Decimal], accounts: Iterable[str]) -> LtvTrend:
    """The accounts' summed LTV in two years, each account's LTV given per year (absent: no sales rows)."""
    codes = list(accounts)
    return LtvTrend(sum((current.get(c, ZERO) for c in codes), ZERO), sum((prior.get(c, ZERO) for c in codes), ZERO))


@dataclass(frozen=True)
class AccountYears:
    """One account's sales in the KPIs' three years to `as_of`, in the base currency: all any KPI needs of it.

    Year 0 is the 12 months to `as_of` (`ltv_by_account(rows, as_of)`), year 1 the 12 before, year 2 the 12 before
    those; a year without sales rows is None (not 0: a sum over accounts then starts from the integer 0, as before).
    """

    account: str
    net: tuple[Decimal | None, Decimal | None]  # years 0 and 1
    margin: tuple[Decimal | None, Decimal | None, Decimal | None]  # years 0, 1 and 2
    last_invoice_on: date | None


def years_of(rows: Iterable[MonthFigures], last_invoices: Mapping[str, date], as_of: date) -> dict[str, AccountYears]:
    """Every account's `AccountYears` from its monthly figures (each year by `ltv_by_account`, the one rule)."""
    items = list(rows)
    days = [add_months(as_of, -12 * year) for year in range(3)]
    nets = [ltv_by_account(items, day) for day in days[:2]]
    margins = [ltv_by_account(items, day, margin=True) for day in days]
    return {a: AccountYears(a, (nets[0].get(a), nets[1].get(a)), (margins[0].get(a), margins[1].get(a),
                                                                   margins[2].get(a)), last_invoices.get(a))
            for a in dict.fromkeys(r.account for r in items)}


def buyers(rows: Iterable[MonthFigures]) -> dict[Quarter, set[str]]:
    """Per quarter, the accounts with positive net revenue in some month of it (who cohort retention counts)."""
    result: dict[Quarter, set[str]] = {}
    for r in rows:
        if r.net_revenue > 0:
            result.setdefault(Quarter.of(r.month), set()).add(r.account)
    return result


def net_by_account(years: Iterable[AccountYears], year: int = 0) -> dict[str, Decimal]:
    """Each account's net revenue in one of the years (accounts without rows in it left out)."""
    return {y.account: net for y in years if (net := y.net[year]) is not None}


def margin_by_account(years: Iterable[AccountYears], year: int = 0) -> dict[str, Decimal]:
    """Each account's gross margin in one of the years (accounts without rows in it left out)."""
    return {y.account: margin for y in years if (margin := y.margin[year]) is not None}


@dataclass(frozen=True)
class ChurnReport:
    """Who churned out of how many, and the rate."""

    churned: tuple[str, ...]
    population: int

    @property
    def rate(self) -> Decimal | None:
        return _ratio(Decimal(len(self.churned)), Decimal(self.population))


def churn(last_invoices: Mapping[str, date | None], as_of: date, months: int = 6) -> ChurnReport:
    """Churn over a set of accounts, each with its last invoice date."""
    cutoff = churn_cutoff(as_of, months)
    gone = tuple(sorted(a for a, last in last_invoices.items() if churned_by(last, cutoff)))
    return ChurnReport(gone, len(last_invoices))


@dataclass(frozen=True)
class CohortRow:
    """One enrolment quarter: its size and, per quarter since enrolment, the share still buying."""

    cohort: Quarter
    size: int
    retention: tuple[Decimal | None, ...]  # index 0 = the enrolment quarter; None = before the data begins


def cohorts_retained(enrolled_on: Mapping[str, date], buying: Mapping[Quarter, Collection[str]], through: Quarter,
                     data_from: Quarter | None = None) -> list[CohortRow]:
    """Cohorts by enrolment quarter; an account is retained in a quarter if it had positive net revenue in some
    month of it (`buying`: per quarter, those accounts; `buyers` works them out from monthly figures).

    Quarters before `data_from` (the first quarter the figures cover whole) are unknown, not 0 %: a
    cohort that enrolled before the data window would otherwise look as if everyone had left.
    """
    cohorts: dict[Quarter, list[str]] = {}
    for account, day in enrolled_on.items():
        cohorts.setdefault(Quarter.of(day), []).append(account)
    return [CohortRow(cohort, len(cohorts[cohort]), _retention(cohorts[cohort], cohort, through, buying, data_from))
            for cohort in sorted(cohorts) if cohort <= through]


def _retention(members: list[str], cohort: Quarter, through: Quarter, buying: Mapping[Quarter, Collection[str]],
               data_from: Quarter | None) -> tuple[Decimal | None, ...]:
    """Per quarter from `cohort` to `through`: the share of `members` still buying (None before the data)."""
    shares: list[Decimal | None] = []
    quarter = cohort
    cohort_members = set(members)  # codes, each once: a set meets each quarter's buyers without a loop in Python
    while quarter <= through:
        if data_from is not None and quarter < data_from:
            shares.append(None)
        else:
            kept = len(cohort_members.intersection(buying.get(quarter, ())))
            shares.append((Decimal(kept) / Decimal(len(members))).quantize(RATIO_PLACES))
        quarter = quarter.next()
    return tuple(shares)


class IncrementMethod(StrEnum):
    """How the incremental margin was measured; stated next to every ROI figure."""

    CONTROL_GROUP = "control_group"
    PRIOR_YEAR_TREND = "prior_year_trend"


@dataclass(frozen=True)
class WaterfallStep:
    """One bar of the ROI waterfall."""

    label: str
    amount: Decimal


@dataclass(frozen=True)
class RoiResult:
    """ROI with its method and the steps that build it."""

    method: IncrementMethod
    method_note: Message  # how the increment was measured, for a reader
    baseline_margin: Decimal  # what enrolled accounts would have earned without the program
    actual_margin: Decimal
    reward_cost: Decimal
    operating_cost: Decimal

    @property
    def incremental_margin(self) -> Decimal:
        return self.actual_margin - self.baseline_margin

    @property
    def program_cost(self) -> Decimal:
        return self.reward_cost + self.operating_cost

    @property
    def net_result(self) -> Decimal:
        return self.incremental_margin - self.reward_cost - self.operating_cost

    @property
    def roi(self) -> Decimal | None:
        """(incremental margin − reward cost − operating cost) / program cost; None without cost."""
        return _ratio(self.net_result, self.program_cost)

    def waterfall(self) -> tuple[WaterfallStep, ...]:
        """Baseline → +increment → −rewards → −operating → net result."""
        return (
            WaterfallStep("baseline margin", self.baseline_margin),
            WaterfallStep("incremental margin", self.incremental_margin),
            WaterfallStep("reward cost", -self.reward_cost),
            WaterfallStep("operating cost", -self.operating_cost),
            WaterfallStep("net program result", self.net_result),
        )


def roi_against_control_group(
    enrolled_before: Decimal,
    enrolled_after: Decimal,
    control_before: Decimal,
    control_after: Decimal,
    reward_cost: Decimal,
    operating_cost: Decimal,
) -> RoiResult:
    """ROI where enrolled accounts' baseline grows as the control group (not enrolled) grew."""
    if control_before <= 0:
        raise NoBaselineError("the control group had no margin before: its growth cannot be a baseline")
    growth = control_after / control_before
    baseline = (enrolled_before * growth).quantize(Decimal("0.01"))
    note = Message.of("control group (not enrolled): margin × {growth} over the same period",
                      growth=growth.quantize(RATIO_PLACES))
    return RoiResult(IncrementMethod.CONTROL_GROUP, note, baseline, enrolled_after, reward_cost, operating_cost)


def roi_against_prior_trend(
    two_years_before: Decimal,
    year_before: Decimal,
    after: Decimal,
    reward_cost: Decimal,
    operating_cost: Decimal,
) -> RoiResult:
    """ROI where enrolled accounts' baseline continues their own prior-year growth."""
    if two_years_before <= 0:
        raise NoBaselineError("no margin two years before: the accounts' own trend cannot be a baseline")
    growth = year_before / two_years_before
    baseline = (year_before * growth).quantize(Decimal("0.01"))
    note = Message.of("own prior-year trend: margin × {growth} as the year before", growth=growth.quantize(RATIO_PLACES))
    return RoiResult(IncrementMethod.PRIOR_YEAR_TREND, note, baseline, after, reward_cost, operating_cost)


@dataclass(frozen=True)
class AccountPeriod:
    """One account's grade, margin and reward cost in the report period."""

    account: str
    grade: Grade
    gross_margin: Decimal
    reward_cost: Decimal


@dataclass(frozen=True)
class TierRow:
    """The *tier vs margin vs reward cost* table: one row per grade."""

    grade: Grade
    accounts: int
    gross_margin: Decimal
    reward_cost: Decimal

    @property
    def cost_to_margin(self) -> Decimal | None:
        """Reward cost as a share of gross margin: the number finance watches."""
        return _ratio(self.reward_cost, self.gross_margin) if self.gross_margin > 0 else None


def tier_table(periods: Iterable[AccountPeriod]) -> list[TierRow]:
    """Sum margin and reward cost per grade, every grade listed (L1 first), even empty ones."""
    items = list(periods)
    return [
        TierRow(
            grade,
            sum(1 for p in items if p.grade is grade),
            sum((p.gross_margin for p in items if p.grade is grade), ZERO),
            sum((p.reward_cost for p in items if p.grade is grade), ZERO),
        )
        for grade in Grade
    ]


@dataclass(frozen=True)
class CategoryMonth:
    """One account's net revenue in one category in one month."""

    account: str
    category: str
    month: date
    net_revenue: Decimal


@dataclass(frozen=True)
class BasketLine:
    """A category's revenue in the 12 months before enrolment and the 12 months from it."""

    category: str
    before: Decimal
    after: Decimal

    @property
    def change(self) -> Decimal:
        return self.after - self.before


def basket_sides(
    enrolled_on: Mapping[str, date], rows: Iterable[CategoryMonth], months: int = 12
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Per category (only those with rows on that side): the revenue before enrolment, and from it."""
    before: dict[str, Decimal] = {}
    after: dict[str, Decimal] = {}
    for r in rows:
        enrolled = enrolled_on.get(r.account)
        if enrolled is None:
            continue
        start = month_of(enrolled)
        if add_months(start, -months) <= r.month < start:
            before[r.category] = before.get(r.category, ZERO) + r.net_revenue
        elif start <= r.month < add_months(start, months):
            after[r.category] = after.get(r.category, ZERO) + r.net_revenue
    return before, after


def basket_lines(before: Mapping[str, Decimal], after: Mapping[str, Decimal]) -> list[BasketLine]:
    """One line per category with revenue rows before or after enrolment (a side without rows is 0), by category."""
    categories = sorted(set(before) | set(after))
    return [BasketLine(c, before.get(c, ZERO), after.get(c, ZERO)) for c in categories]


def portfolio_share_of_wallet(wallets: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Our sales / the clients' total spend, in money, over accounts given as (ours, total) in one currency."""
    ours, total = ZERO, ZERO
    for mine, spend in wallets:
        ours, total = ours + mine, total + spend
    return share_of_wallet(ours, total)
