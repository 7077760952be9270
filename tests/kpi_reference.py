"""The program KPIs (and the what-if) computed the way they were before they were read aggregated from SQL: every (account, category,
month) of the invoice lines folded in Python, then the domain's row functions — the oracle the service must equal.

This is a copy of `services/reports/kpi.kpis_of` as it stood when the KPIs still read `monthly_sales`, with that read
replaced by a fold of the lines themselves (no roll-up involved), so a wrong roll-up read or a wrong SQL conversion
shows as a difference.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import kpi as dk
from kam_desktop.domain import ledger as dl
from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.grades import Basis, Cutoffs
from kam_desktop.domain.messages import Message
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import Quarter, add_months, trailing_window
from kam_desktop.domain.rewards import reward_cost
from kam_desktop.domain.simulate import Scenario
from kam_desktop.domain.slots import AccountPotential, share_of_wallet
from kam_desktop.domain.vocabulary import Grade
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.ledger.entries import load_domain
from kam_desktop.services.potential import portfolio_potential
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.services.reports.kpi import ProgramKpis
from kam_desktop.services.reports.simulate import Simulation
from kam_desktop.store.models import Account, InvoiceLine, Setting, User
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import AccountRef, accounts, latest_evaluations
from kam_desktop.store.queries.sales import MonthCategorySales
from kam_desktop.store.queries.slots import category_codes
from tests.grading_reference import SimulatedAccount, rank_accounts
from tests.grading_reference import simulate as run_simulation


def lines_folded(session: Session, first: date, last: date) -> list[MonthCategorySales]:
    """Per (account, category, month) of the lines dated in [first, last]: net, margin, latest day — in Python."""
    sums: dict[tuple[uuid.UUID, uuid.UUID, date], tuple[Decimal, Decimal, date]] = {}
    query = select(InvoiceLine.account_id, InvoiceLine.category_id, InvoiceLine.invoice_date, InvoiceLine.net_amount,
                   InvoiceLine.margin_amount).where(InvoiceLine.invoice_date.between(first, last))
    for account_id, category_id, day, net, margin in session.execute(query):
        key = (account_id, category_id, day.replace(day=1))
        old_net, old_margin, old_day = sums.get(key, (Decimal("0.00"), Decimal("0.00"), day))
        sums[key] = (old_net + net, old_margin + margin, max(old_day, day))
    return [MonthCategorySales(a, c, m, net, margin, last_day) for (a, c, m), (net, margin, last_day) in sums.items()]


def reference_kpis(ctx: Context, as_of: date, owner: str | None = None) -> ProgramKpis:
    """The KPIs over every account (`owner` None) or one owner's, the old way (see the module's docstring)."""
    with ctx.read() as session:
        program = program_in_force(session, as_of)
        refs = owned(session, accounts(session, active_only=False), owner)
        last_month = dk.month_of(as_of)
        first_month = add_months(last_month, -35)
        rows = lines_folded(session, first_month, as_of)
        codes = category_codes(session)
        grades = {i: e.grade for i, e in latest_evaluations(session, as_of).items()}
        ledger = load_domain(session, refs)
        potential = portfolio_potential(session, as_of)
        operating = session.scalar(select(Setting.value).where(Setting.key == "program.operating_cost_12m"))
        fx = fx_table(session)
    code = {a.id: a.code for a in refs}
    currency = {a.code: a.currency for a in refs}
    if owner is not None:
        rows = [r for r in rows if r.account_id in code]
        potentials = [p for key, p in potential.in_base.items() if uuid.UUID(key) in code]
    else:
        potentials = list(potential.in_base.values())
    months = _months(rows, code, currency, fx)
    last: dict[str, date] = {}
    for r in rows:
        last[code[r.account_id]] = max(last.get(code[r.account_id], r.last_invoice_on), r.last_invoice_on)
    enrolled = {a.code: a.enrolled_on for a in refs if a.enrolled_on and not a.control_group}
    control = {a.code for a in refs if a.control_group}
    members = [a.code for a in refs if a.status == "active" and not a.control_group]
    trend = _ltv_trend(months, members, as_of)
    cur, prev = trend.current, trend.prior
    churn = dk.churn({c: last.get(c) for c in members}, as_of, program.churn_months)
    first = add_months(last_month, -11)
    in_year: dict[str, list[dl.LedgerEntry]] = defaultdict(list)
    for e in ledger:
        if first <= e.booked_on <= as_of:
            in_year[e.account].append(e)
    costs = {c: _base(fx, reward_cost(in_year.get(c, []), program.points), currency[c], as_of) for c in members}
    op_cost = Decimal(str(operating)) if operating is not None and owner is None else ZERO
    roi, note = _roi(months, set(enrolled), control, as_of, sum(costs.values(), ZERO), op_cost)
    margins = dk.ltv_by_account(months, as_of, margin=True)
    periods = [dk.AccountPeriod(c, Grade(grades[a.id]), margins.get(c, ZERO), costs[c])
               for a in refs if (c := a.code) in costs and a.id in grades]
    basket_rows = [dk.CategoryMonth(code[r.account_id], codes[r.category_id], r.month,
                                    _base(fx, r.net_revenue, currency[code[r.account_id]], _month_end(r.month)))
                   for r in rows]
    return ProgramKpis(
        as_of=as_of, accounts=len(members), ltv_12m=cur, ltv_prev_12m=prev, ltv_trend=trend.change_ratio,
        churn_months=program.churn_months, churned=list(churn.churned), churn_rate=churn.rate,
        share_of_wallet=_portfolio_share_of_wallet(potentials), roi=roi, roi_note=note,
        tier_table=dk.tier_table(periods), waterfall=list(roi.waterfall()) if roi else [],
        cohorts=_cohort_retention({c: d for c, d in enrolled.items()}, months, Quarter.of(as_of),
                                   data_from=_first_whole_quarter(first_month)),
        basket=_basket_before_after(enrolled, basket_rows), owner=owner, base_currency=fx.base,
    )


# The domain's row-level rules as they stood (the app now composes `trend_of`, `cohorts_retained`, `basket_sides`).

def _ltv_trend(rows: Sequence[dk.MonthFigures], accounts: Iterable[str], as_of: date) -> dk.LtvTrend:
    codes = list(accounts)
    now = dk.ltv_by_account(rows, as_of)
    before = dk.ltv_by_account(rows, add_months(as_of, -12))
    return dk.LtvTrend(sum((now.get(c, ZERO) for c in codes), ZERO), sum((before.get(c, ZERO) for c in codes), ZERO))


def _cohort_retention(enrolled_on: dict[str, date], rows: Iterable[dk.MonthFigures], through: Quarter,
                      data_from: Quarter | None = None) -> list[dk.CohortRow]:
    active = {(r.account, Quarter.of(r.month)) for r in rows if r.net_revenue > 0}
    cohorts: dict[Quarter, list[str]] = {}
    for account, day in enrolled_on.items():
        cohorts.setdefault(Quarter.of(day), []).append(account)
    result = []
    for cohort in sorted(cohorts):
        if cohort > through:
            continue
        members, shares, quarter = cohorts[cohort], [], cohort
        while quarter <= through:
            if data_from is not None and quarter < data_from:
                shares.append(None)
            else:
                kept = sum(1 for a in members if (a, quarter) in active)
                shares.append((Decimal(kept) / Decimal(len(members))).quantize(dk.RATIO_PLACES))
            quarter = quarter.next()
        result.append(dk.CohortRow(cohort, len(members), tuple(shares)))
    return result


def _basket_before_after(enrolled_on: dict[str, date], rows: Iterable[dk.CategoryMonth]) -> list[dk.BasketLine]:
    before: dict[str, Decimal] = {}
    after: dict[str, Decimal] = {}
    for r in rows:
        enrolled = enrolled_on.get(r.account)
        if enrolled is None:
            continue
        start = dk.month_of(enrolled)
        if add_months(start, -12) <= r.month < start:
            before[r.category] = before.get(r.category, ZERO) + r.net_revenue
        elif start <= r.month < add_months(start, 12):
            after[r.category] = after.get(r.category, ZERO) + r.net_revenue
    return [dk.BasketLine(c, before.get(c, ZERO), after.get(c, ZERO)) for c in sorted(set(before) | set(after))]


def _portfolio_share_of_wallet(potentials: Iterable[AccountPotential]) -> Decimal | None:
    items = list(potentials)
    return share_of_wallet(sum((p.our_money for p in items), ZERO), sum((p.total_money for p in items), ZERO))


def _month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def _first_whole_quarter(first_month: date) -> Quarter:
    quarter = Quarter.of(first_month)
    return quarter if quarter.start == first_month else quarter.next()


def _months(rows: Iterable[MonthCategorySales], code: dict[uuid.UUID, str], currency: dict[str, str],
            fx: FxTable) -> list[dk.MonthFigures]:
    total: dict[tuple[str, date], tuple[Decimal, Decimal]] = {}
    for r in rows:
        key = (code[r.account_id], r.month)
        net, margin = total.get(key, (ZERO, ZERO))
        total[key] = (net + r.net_revenue, margin + r.gross_margin)
    figures = []
    for (account, month), (net, margin) in total.items():
        month_end = add_months(month, 1) - timedelta(days=1)
        figures.append(dk.MonthFigures(account, month, _base(fx, net, currency[account], month_end),
                                       _base(fx, margin, currency[account], month_end)))
    return figures


def _base(fx: FxTable, amount: Decimal, currency: str, day: date) -> Decimal:
    try:
        return fx.to_base(amount, currency, day)
    except MissingRateError as exc:
        raise ServiceError("cannot compute KPIs in {base}: {reason}", base=fx.base, reason=exc.message) from None


def _roi(months: list[dk.MonthFigures], enrolled: set[str], control: set[str], as_of: date,
         rewards: Decimal, operating: Decimal) -> tuple[dk.RoiResult | None, Message]:
    year_ago = add_months(as_of, -12)
    by_day: dict[date, dict[str, Decimal]] = {}

    def margin(group: set[str], on: date) -> Decimal:
        if on not in by_day:
            by_day[on] = dk.ltv_by_account(months, on, margin=True)
        return sum((by_day[on].get(c, ZERO) for c in group), ZERO)

    try:
        result = dk.roi_against_control_group(margin(enrolled, year_ago), margin(enrolled, as_of),
                                              margin(control, year_ago), margin(control, as_of), rewards, operating)
        return result, result.method_note
    except dk.NoBaselineError:
        pass
    try:
        result = dk.roi_against_prior_trend(margin(enrolled, add_months(as_of, -24)), margin(enrolled, year_ago),
                                            margin(enrolled, as_of), rewards, operating)
        return result, Message.of("{method} (no control-group margin a year ago)", method=result.method_note)
    except dk.NoBaselineError as exc:
        return None, Message.of("ROI not computable: {reason}", reason=exc.message)


def reference_simulation(ctx: Context, cutoffs: Sequence[Decimal], cashback: Sequence[Decimal],
                         as_of: date) -> Simulation:
    """`services/reports/simulate.simulate` as it stood before it read its bases by code (lines folded in Python)."""
    scenario = Scenario(Cutoffs(*cutoffs), dict(zip(Grade, cashback, strict=True)))
    with ctx.read() as session:
        program = program_in_force(session, as_of)
        refs = accounts(session)
        first, last = trailing_window(as_of, program.basis_months)
        sales: dict[uuid.UUID, tuple[Decimal, Decimal]] = {}
        for r in lines_folded(session, first, last):
            net, margin = sales.get(r.account_id, (Decimal("0.00"), Decimal("0.00")))
            sales[r.account_id] = (net + r.net_revenue, margin + r.gross_margin)
        grades = {i: e.grade for i, e in latest_evaluations(session, as_of).items()}
        fx = fx_table(session)
    margin_basis = program.terms.rules.basis is Basis.GROSS_MARGIN
    figures = {a.code: None if (s := sales.get(a.id)) is None else (
        fx.to_base(s[0], a.currency, as_of), fx.to_base(s[1], a.currency, as_of)) for a in refs}
    bases = {c: (s[1] if margin_basis else s[0]) if s else ZERO for c, s in figures.items()}
    now = rank_accounts(bases, program.terms.rules.cutoffs)
    items = [
        SimulatedAccount(a.code, bases[a.code], Grade(grades[a.id]) if a.id in grades else now[a.code].grade,
                         s[0] if (s := figures[a.code]) else ZERO, s[1] if s else ZERO)
        for a in refs
    ]
    result = run_simulation(items, program.terms.cashback_percent, scenario)
    return Simulation(as_of, (scenario.cutoffs.l1, scenario.cutoffs.l2, scenario.cutoffs.l3),
                      {g.value: p for g, p in scenario.cashback_percent.items()}, result, fx.base)


def owned(session: Session, refs: list[AccountRef], owner: str | None) -> list[AccountRef]:
    """`refs` limited to the accounts `owner` owns (all of them for None), as the KPIs limited them before."""
    if owner is None:
        return refs
    ids = set(session.scalars(select(Account.id).join(User, User.id == Account.owner_id).where(User.login == owner)))
    return [ref for ref in refs if ref.id in ids]
