"""The account workspace's views of one account: LTV month by month, and progress to the next grade."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from kam_desktop.domain.grades import basis_for_next_grade
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import add_months
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import Grade
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.store.models import GradeEvaluation
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import latest_evaluation
from kam_desktop.store.queries.sales import account_months


@dataclass(frozen=True)
class LtvPoint:
    """One month: its net revenue and margin, and the trailing-12-month LTV at its end."""

    month: date
    net_revenue: Decimal
    margin: Decimal
    ltv_12m: Decimal


@dataclass(frozen=True)
class GradeProgress:
    """How far the account's basis is from the basis that would earn the next grade at the last grading.

    Amounts are in the program's base currency, the one the grading ranked every account in."""

    grade: str | None
    next_grade: str | None
    basis: Money
    needed: Money | None  # the basis of the account holding the last rank of the next grade
    evaluated_on: date | None

    @property
    def gap(self) -> Money | None:
        return None if self.needed is None else (self.needed - self.basis).max(Money.zero(self.basis.currency))

    @property
    def share(self) -> Decimal | None:
        """basis / needed in [0, 1]; None at the top grade or without a grading."""
        if self.needed is None or not self.needed.is_positive:
            return None
        return min(max(self.basis.ratio_to(self.needed), Decimal(0)), Decimal(1))


def ltv_series(ctx: Context, code: str, as_of: date | None = None, months: int = 24) -> list[LtvPoint]:
    """Month by month for the last `months` finished months, with the trailing-12-month LTV at each month's end.

    The month of `as_of` is left out until its last day: half a month of sales would read as a collapse.
    """
    as_of = as_of or ctx.today()
    last_month = last_finished_month(as_of)
    first_month = add_months(last_month, -(months + 10))
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        totals = account_months(session, account.id, first_month, as_of)
    series = []
    for i in range(months):
        month = add_months(last_month, i - months + 1)
        window = [add_months(month, -k) for k in range(12)]
        ltv = sum((totals.get(m, (ZERO, ZERO))[0] for m in window), ZERO)
        net, margin = totals.get(month, (ZERO, ZERO))
        series.append(LtvPoint(month, net, margin, ltv))
    return series


def last_finished_month(day: date) -> date:
    """The first day of the last month that has ended on `day` (its own month on its last day)."""
    month = day.replace(day=1)
    return month if (day + timedelta(days=1)).month != day.month else add_months(month, -1)


def grade_progress(ctx: Context, code: str, as_of: date | None = None) -> GradeProgress:
    """The basis needed for the next grade, read from the latest grading of the whole portfolio."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        mine = latest_evaluation(session, account.id, as_of)
        base = fx_table(session).base
        if mine is None:
            return GradeProgress(None, None, Money.zero(base), None, None)
        grade, computed, basis, population, on = (mine.grade, Grade(mine.computed_grade), mine.basis,
                                                  mine.population, mine.evaluated_on)
        others = session.scalars(
            select(GradeEvaluation.basis).where(GradeEvaluation.evaluated_on == on,
                                                GradeEvaluation.account_id != account.id)).all()
        cutoffs = program_in_force(session, on).terms.rules.cutoffs
    if computed is Grade.L1:
        return GradeProgress(grade, None, Money(basis, base), None, on)
    target = Grade(f"L{computed.level - 1}")
    needed = basis_for_next_grade(computed, population, others, cutoffs)
    return GradeProgress(grade, target.value, Money(basis, base), None if needed is None else Money(needed, base), on)
