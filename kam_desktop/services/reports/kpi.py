"""Program KPIs and report data from per-account and per-category sums of three years of sales, done in SQL."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import kpi as dk
from kam_desktop.domain import ledger as dl
from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import Quarter, add_months
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.rewards import reward_cost
from kam_desktop.domain.vocabulary import Grade
from kam_desktop.services.bulk import collection_held
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.ledger.entries import load_domain_of
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.store import kpi_snapshot
from kam_desktop.store.models import Account, Setting
from kam_desktop.store.queries import kpi_sales
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import latest_grades_by_code
from kam_desktop.store.queries.kpi_sales import KpiAccount, account_years
from kam_desktop.store.queries.sales import MonthCategorySales, monthly_sales
from kam_desktop.store.queries.slots import category_codes
from kam_desktop.store.sales_months import month_key


@dataclass(frozen=True)
class ProgramKpis:
    """The program's figures as of a day; ROI carries the method it was measured with."""

    as_of: date
    accounts: int
    ltv_12m: Decimal
    ltv_prev_12m: Decimal
    ltv_trend: Decimal | None
    churn_months: int
    churned: list[str]
    churn_rate: Decimal | None
    share_of_wallet: Decimal | None
    roi: dk.RoiResult | None
    roi_note: Message
    tier_table: list[dk.TierRow]
    waterfall: list[dk.WaterfallStep]
    cohorts: list[dk.CohortRow]
    basket: list[dk.BasketLine]
    owner: str | None = None  # one KAM's portfolio (its ROI leaves out the program's operating cost); None: all
    base_currency: str = ""  # every money figure above is in it (converted at the closing rate of its month)


KIND = "kpis"  # of a remembered entry (store/kpi_snapshot.py)


def program_kpis(ctx: Context, as_of: date | None = None) -> ProgramKpis:
    """LTV and trend, churn, cohort retention, share of wallet, ROI (control group) and the report tables of the
    whole program (directors, finance, administrators)."""
    ctx.permit(UseCase.VIEW_REPORTS)
    return kpis_of(ctx, as_of, None)


def portfolio_kpis(ctx: Context, as_of: date | None = None, owner: str | None = None) -> ProgramKpis:
    """The same figures over one KAM's accounts (`owner`; a KAM always gets their own): a KAM's dashboard.
    Its ROI leaves out the program's operating cost (that belongs to the program, not to a portfolio)."""
    return kpis_of(ctx, as_of, ctx.owner_filter(UseCase.VIEW_PORTFOLIO_KPIS, owner))


def kpis_of(ctx: Context, as_of: date | None, owner: str | None) -> ProgramKpis:
    """The KPIs over every account (`owner` None) or one owner's, for a caller that checked the actor."""
    with collection_held():  # rows and figures per account by the ten thousand, none in a cycle
        return _kpis_of(ctx, as_of or ctx.today(), owner)


def _kpis_of(ctx: Context, as_of: date, owner: str | None) -> ProgramKpis:
    """The KPIs remembered on this laptop for the day, scope and data, else computed (and remembered)."""
    scope = kpi_snapshot.owner_scope(owner)
    with ctx.read() as session:
        # the count first, in the transaction every figure is read in: a change after it is not in them
        at = kpi_snapshot.generation(session)
        if at is not None and (found := kpi_snapshot.read(session, KIND, scope, as_of, at, REMEMBERED)) is not None:
            return cast(ProgramKpis, found)
        kpis = _computed(session, as_of, owner)
    if at is not None:
        kpi_snapshot.write(ctx.store.engine, KIND, scope, as_of, at, kpis, REMEMBERED)
    return kpis


def _computed(session: Session, as_of: date, owner: str | None) -> ProgramKpis:
    """The KPIs computed from the store, read in `session`."""
    program = program_in_force(session, as_of)
    refs = kpi_sales.kpi_accounts(session, owner)
    fx = fx_table(session)
    mine = {a.code for a in refs}
    summed = [y for y in account_years(session, fx, as_of) if y.account in mine]
    # an account SQL could not sum exactly (a line in another currency than its own, or a sum past SQLite's
    # integers) is folded here from its monthly rows, as every account was before
    folded = {y.account for y in summed if not y.exact}
    months = _folded_months(session, [a for a in refs if a.code in folded], as_of)
    gaps = _category_gaps(session, fx, refs, as_of)
    grades = latest_grades_by_code(session, as_of)
    ledger = load_domain_of(session, kpi_sales.account_ids(owner))
    wallet = kpi_sales.wallet_sums(session, fx, as_of, owner)
    operating = session.scalar(select(Setting.value).where(Setting.key == "program.operating_cost_12m"))
    in_sql = kpi_sales.basket(session, fx, as_of, owner, leave_out=folded)
    basket_months = months
    if in_sql is None:  # a converted cell past SQLite's integers: every enrolled account's basket folded here
        in_sql = kpi_sales.Basket({}, {})
        basket_months = _folded_months(session, [a for a in refs if a.enrolled_on and not a.control_group], as_of)
    codes = category_codes(session) if basket_months else {}
    currency = {a.code: a.currency for a in refs}
    exact = [y for y in summed if y.exact]
    _refuse_a_month_without_rate(exact, fx)
    years = {y.account: dk.AccountYears(y.account, y.net, y.margin, y.last_invoice_on) for y in exact}
    folded_months = _in_base_by_month(months, currency, fx)
    years.update(dk.years_of(folded_months, _last_days(months), as_of))
    buying = kpi_sales.buyers(exact, as_of)
    for quarter, codes_buying in dk.buyers(folded_months).items():
        buying.setdefault(quarter, set()).update(codes_buying)
    enrolled = {a.code: a.enrolled_on for a in refs if a.enrolled_on and not a.control_group}
    control = {a.code for a in refs if a.control_group}
    members = [a.code for a in refs if a.status == "active" and not a.control_group]
    trend = dk.trend_of(dk.net_by_account(years.values(), 0), dk.net_by_account(years.values(), 1), members)
    churn = dk.churn({c: y.last_invoice_on if (y := years.get(c)) else None for c in members}, as_of,
                     program.churn_months)
    last_month = dk.month_of(as_of)
    first = add_months(last_month, -11)
    in_year: dict[str, list[dl.LedgerEntry]] = defaultdict(list)  # grouped once: filtering per account is quadratic
    for e in ledger:
        if first <= e.booked_on <= as_of:
            in_year[e.account].append(e)
    costs = {c: _base(fx, reward_cost(in_year.get(c, []), program.points), currency[c], as_of) for c in members}
    op_cost = Decimal(str(operating)) if operating is not None and owner is None else ZERO
    margins = [dk.margin_by_account(years.values(), year) for year in range(3)]
    roi, note = _roi(margins, set(enrolled), control, sum(costs.values(), ZERO), op_cost)
    periods = [dk.AccountPeriod(c, Grade(grades[c]), margins[0].get(c, ZERO), costs[c])
               for a in refs if (c := a.code) in costs and c in grades]
    if gaps:  # a category's month without a rate, though its account's month summed to zero
        raise _refusal(fx, gaps[0].error(fx))
    # the basket sums accounts of many currencies: each month in the base currency at its closing rate
    before, after = in_sql.before, in_sql.after
    extras = dk.basket_sides(enrolled, _basket_rows(basket_months, currency, codes, fx))
    for side, extra in zip((before, after), extras, strict=True):
        for category, amount in extra.items():
            side[category] = side.get(category, ZERO) + amount
    share = dk.portfolio_share_of_wallet([wallet])
    return ProgramKpis(
        as_of=as_of, accounts=len(members), ltv_12m=trend.current, ltv_prev_12m=trend.prior,
        ltv_trend=trend.change_ratio, churn_months=program.churn_months, churned=list(churn.churned),
        churn_rate=churn.rate, share_of_wallet=share, roi=roi, roi_note=note,
        tier_table=dk.tier_table(periods), waterfall=list(roi.waterfall()) if roi else [],
        cohorts=dk.cohorts_retained(enrolled, buying, Quarter.of(as_of),
                                    data_from=_first_whole_quarter(add_months(last_month, -35))),
        basket=dk.basket_lines(before, after), owner=owner, base_currency=fx.base,
    )


def _folded_months(session: Session, refs: list[KpiAccount], as_of: date) -> list[Folded]:
    """The (account, category, month) rows of these accounts over the three years, for folding in Python."""
    if not refs:
        return []
    # few accounts (rarely all the enrolled ones): their ids are read by code here
    ids = select(Account.id, Account.code).where(Account.code.in_([a.code for a in refs]))
    code: dict[uuid.UUID, str] = dict(session.execute(ids).all())
    first_month = add_months(dk.month_of(as_of), -35)
    return [Folded(code[r.account_id], r) for r in monthly_sales(session, first_month, as_of, list(code))]


@dataclass(frozen=True)
class Folded:
    """One account × category × month row of an account folded in Python, with the account's code."""

    account: str
    row: MonthCategorySales


def _category_gaps(session: Session, fx: FxTable, refs: list[KpiAccount], as_of: date) -> list[kpi_sales.Unconvertible]:
    """Account × category × months with revenue but no rate at the month's end. Converting every basket row refused
    those before, even where the account's month summed to zero; read only when some rate of the window is missing."""
    missing = kpi_sales.Rates(fx, {a.currency for a in refs}, kpi_sales.Years.to(as_of).months).missing()
    if not missing:
        return []
    currency = {a.code: a.currency for a in refs if a.currency in missing}
    gaps = {kpi_sales.Unconvertible(currency[f.account], _month_end(f.row.month))
            for f in _folded_months(session, [a for a in refs if a.code in currency], as_of)
            if f.row.net_revenue != 0 and month_key(f.row.month) in missing[currency[f.account]]}
    return sorted(gaps, key=lambda g: (g.month_end, g.currency))


def _refuse_a_month_without_rate(summed: list[kpi_sales.YearsRow], fx: FxTable) -> None:
    """Refuse as converting the first such account-month refused: no rate for a month with sales."""
    gaps = sorted((y.unconvertible.month_end, y.account, y.unconvertible) for y in summed if y.unconvertible)
    if gaps:
        raise _refusal(fx, gaps[0][2].error(fx))


def _refusal(fx: FxTable, exc: MissingRateError) -> ServiceError:
    """The KPIs' refusal for a missing rate, in the words converting one amount uses."""
    return ServiceError("cannot compute KPIs in {base}: {reason}", base=fx.base, reason=exc.message)


def _last_days(months: list[Folded]) -> dict[str, date]:
    """Each folded account's last invoice day in the window."""
    last: dict[str, date] = {}
    for f in months:
        last[f.account] = max(last.get(f.account, f.row.last_invoice_on), f.row.last_invoice_on)
    return last


def _basket_rows(months: list[Folded], currency: dict[str, str], codes: dict[uuid.UUID, str],
                 fx: FxTable) -> list[dk.CategoryMonth]:
    """The folded accounts' basket rows, each account × category × month in the base currency at its closing rate."""
    return [dk.CategoryMonth(f.account, codes[f.row.category_id], f.row.month,
                             _base(fx, f.row.net_revenue, currency[f.account], _month_end(f.row.month)))
            for f in months]


def _month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def _first_whole_quarter(first_month: date) -> Quarter:
    """The first quarter the monthly figures cover from its first month."""
    quarter = Quarter.of(first_month)
    return quarter if quarter.start == first_month else quarter.next()


def _in_base_by_month(months: Iterable[Folded], currency: dict[str, str], fx: FxTable) -> list[dk.MonthFigures]:
    """Per (account, month) figures in the base currency (each month at its closing rate)."""
    total: dict[tuple[str, date], tuple[Decimal, Decimal]] = {}
    for f in months:
        key = (f.account, f.row.month)
        net, margin = total.get(key, (ZERO, ZERO))
        total[key] = (net + f.row.net_revenue, margin + f.row.gross_margin)
    figures = []
    for (account, month), (net, margin) in total.items():
        month_end = _month_end(month)
        figures.append(dk.MonthFigures(account, month, _base(fx, net, currency[account], month_end),
                                       _base(fx, margin, currency[account], month_end)))
    return figures


def _base(fx: FxTable, amount: Decimal, currency: str, day: date) -> Decimal:
    try:
        return fx.to_base(amount, currency, day)
    except MissingRateError as exc:
        raise ServiceError("cannot compute KPIs in {base}: {reason}", base=fx.base, reason=exc.message) from None


def _roi(margins: list[dict[str, Decimal]], enrolled: set[str], control: set[str], rewards: Decimal,
         operating: Decimal) -> tuple[dk.RoiResult | None, Message]:
    """ROI against the control group, else against the enrolled accounts' own prior trend; `margins` per year back."""
    def margin(group: set[str], year: int) -> Decimal:
        return sum((margins[year].get(c, ZERO) for c in group), ZERO)

    try:
        result = dk.roi_against_control_group(margin(enrolled, 1), margin(enrolled, 0), margin(control, 1),
                                              margin(control, 0), rewards, operating)
        return result, result.method_note
    except dk.NoBaselineError:
        pass
    try:
        result = dk.roi_against_prior_trend(margin(enrolled, 2), margin(enrolled, 1), margin(enrolled, 0), rewards,
                                            operating)
        return result, Message.of("{method} (no control-group margin a year ago)", method=result.method_note)
    except dk.NoBaselineError as exc:
        return None, Message.of("ROI not computable: {reason}", reason=exc.message)


# the classes a remembered ProgramKpis is made of (store/kpi_snapshot.py reads no other)
REMEMBERED: tuple[type, ...] = (ProgramKpis, dk.RoiResult, dk.IncrementMethod, dk.TierRow, dk.WaterfallStep,
                                dk.CohortRow, dk.BasketLine, Quarter, Grade, Message, Listing)
