"""Read-side use cases for the account workspace: LTV by month, progress to the next grade, benefits and
budget, the catalog, the live policy check of a catalog benefit and its cost estimate."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kam_desktop.domain.money import money, percent_of
from kam_desktop.domain.periods import add_months, trailing_window
from kam_desktop.domain.vocabulary import BenefitType, CostModel, Grade, GrantStatus
from kam_desktop.services.clock import today
from kam_desktop.services.errors import NotFound
from kam_desktop.services.program.in_force import policy_in_force, program_in_force
from kam_desktop.services.program.policy import PolicyCheck, account_grade, check_in
from kam_desktop.store.models import (
    Account,
    BenefitCatalogItem,
    BenefitGrant,
    ExceptionRequest,
    GradeEvaluation,
    InvoiceLine,
)
from kam_desktop.store.queries.grades import AccountRef, account_by_code
from kam_desktop.store.queries.sales import sales_by_account
from kam_desktop.store.store import Store

ZERO = Decimal("0.00")
FINANCING_RATE = Decimal("0.09")  # yearly cost of money for deferred payment (as the exception estimate)
COUNTED = (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL, GrantStatus.ACTIVE, GrantStatus.USED)


@dataclass(frozen=True)
class LtvPoint:
    """One month: its net revenue and margin, and the trailing-12-month LTV at its end."""

    month: date
    net_revenue: Decimal
    margin: Decimal
    ltv_12m: Decimal


@dataclass(frozen=True)
class GradeProgress:
    """How far the account's basis is from the basis that would earn the next grade at the last grading."""

    grade: str | None
    next_grade: str | None
    basis: Decimal
    needed: Decimal | None  # the basis of the account holding the last rank of the next grade
    evaluated_on: date | None

    @property
    def gap(self) -> Decimal | None:
        return None if self.needed is None else max(self.needed - self.basis, ZERO)

    @property
    def share(self) -> Decimal | None:
        """basis / needed in [0, 1]; None at the top grade or without a grading."""
        if self.needed is None or self.needed <= 0:
            return None
        return min(max(self.basis / self.needed, Decimal(0)), Decimal(1))


@dataclass(frozen=True)
class BenefitLine:
    id: uuid.UUID
    catalog_code: str
    names: dict[str, str]  # language → name
    value: Decimal | None
    unit: str | None
    valid_from: date
    valid_to: date | None
    status: str
    cost: Decimal
    used: Decimal
    currency: str
    exception: str | None
    exception_status: str | None


@dataclass(frozen=True)
class BenefitBudget:
    """The account's benefit budget in the last 12 months: a % of its gross margin, and what is committed."""

    grade: str
    margin_12m: Decimal
    budget_pct: Decimal
    budget: Decimal
    committed: Decimal
    currency: str

    @property
    def use(self) -> Decimal | None:
        return None if self.budget <= 0 else (self.committed / self.budget).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class AccountBenefits:
    lines: list[BenefitLine]
    budget: BenefitBudget


@dataclass(frozen=True)
class CatalogLine:
    code: str
    names: dict[str, str]
    benefit_type: str
    hardness: str
    cost_model: str
    default_value: Decimal | None
    unit: str | None
    eligible_grades: tuple[str, ...]


def _account(store_session: object, code: str) -> AccountRef:
    account = account_by_code(store_session, code)  # type: ignore[arg-type]
    if account is None:
        raise NotFound(f"no account with code {code!r}; see `kamctl accounts list`")
    return account


def ltv_series(store: Store, code: str, as_of: date | None = None, months: int = 24) -> list[LtvPoint]:
    """Month by month for the last `months` months, with the trailing-12-month LTV at each month's end."""
    as_of = as_of or today()
    last_month = as_of.replace(day=1)
    first_month = add_months(last_month, -(months + 10))
    with store.read() as session:
        account = _account(session, code)
        rows = session.execute(
            select(InvoiceLine.invoice_date, InvoiceLine.net_amount, InvoiceLine.margin_amount)
            .where(InvoiceLine.account_id == account.id, InvoiceLine.invoice_date >= first_month,
                   InvoiceLine.invoice_date <= as_of)
        ).all()
    totals: dict[date, list[Decimal]] = {}
    for day, net, margin in rows:
        bucket = totals.setdefault(day.replace(day=1), [ZERO, ZERO])
        bucket[0] += net
        bucket[1] += margin
    series = []
    for i in range(months):
        month = add_months(last_month, i - months + 1)
        window = [add_months(month, -k) for k in range(12)]
        ltv = sum((totals.get(m, [ZERO, ZERO])[0] for m in window), ZERO)
        net, margin = totals.get(month, [ZERO, ZERO])
        series.append(LtvPoint(month, net, margin, ltv))
    return series


def grade_progress(store: Store, code: str, as_of: date | None = None) -> GradeProgress:
    """The basis needed for the next grade, read from the latest grading of the whole portfolio."""
    as_of = as_of or today()
    with store.read() as session:
        account = _account(session, code)
        mine = session.execute(
            select(GradeEvaluation.evaluated_on, GradeEvaluation.grade, GradeEvaluation.computed_grade,
                   GradeEvaluation.basis, GradeEvaluation.population)
            .where(GradeEvaluation.account_id == account.id, GradeEvaluation.evaluated_on <= as_of)
            .order_by(GradeEvaluation.evaluated_on.desc()).limit(1)).first()
        if mine is None:
            return GradeProgress(None, None, ZERO, None, None)
        others = sorted(session.scalars(
            select(GradeEvaluation.basis).where(GradeEvaluation.evaluated_on == mine.evaluated_on,
                                                GradeEvaluation.account_id != account.id)), reverse=True)
        cutoffs = program_in_force(session, mine.evaluated_on).terms.rules.cutoffs
    computed = Grade(mine.computed_grade)
    if computed is Grade.L1:
        return GradeProgress(mine.grade, None, mine.basis, None, mine.evaluated_on)
    target = Grade(f"L{computed.level - 1}")
    cutoff = {Grade.L1: cutoffs.l1, Grade.L2: cutoffs.l2, Grade.L3: cutoffs.l3}[target]
    last_rank = int(cutoff * mine.population)  # p = rank / N ≤ cut-off
    if last_rank < 1:
        return GradeProgress(mine.grade, target.value, mine.basis, None, mine.evaluated_on)
    # rank = 1 + accounts strictly above: at least the basis of the other account at the last rank
    needed = others[last_rank - 1] if last_rank - 1 < len(others) else ZERO
    return GradeProgress(mine.grade, target.value, mine.basis, needed, mine.evaluated_on)


def account_benefits(store: Store, code: str, as_of: date | None = None) -> AccountBenefits:
    """The account's grants (newest first) and its benefit budget for the last 12 months."""
    as_of = as_of or today()
    with store.read() as session:
        account = _account(session, code)
        grants = session.scalars(
            select(BenefitGrant).where(BenefitGrant.account_id == account.id, BenefitGrant.deleted_at.is_(None))
            .order_by(BenefitGrant.valid_from.desc()))
        exceptions = dict(session.execute(
            select(ExceptionRequest.id, ExceptionRequest.number).where(ExceptionRequest.account_id == account.id)
        ).all())
        statuses = dict(session.execute(
            select(ExceptionRequest.id, ExceptionRequest.status).where(ExceptionRequest.account_id == account.id)
        ).all())
        lines = [BenefitLine(
            g.id, g.catalog_item.code, _names(g.catalog_item), g.value, g.catalog_item.value_unit, g.valid_from,
            g.valid_to, g.status, g.cost_estimate, g.used_amount, g.currency,
            exceptions.get(g.exception_id) if g.exception_id else None,
            statuses.get(g.exception_id) if g.exception_id else None,
        ) for g in grants]
        budget = _budget(session, account, as_of, lines)
    return AccountBenefits(lines, budget)


def _budget(session: object, account: AccountRef, as_of: date, lines: list[BenefitLine]) -> BenefitBudget:
    first, last = trailing_window(as_of, 12)
    sales = sales_by_account(session, first, last, [account.id]).get(account.id)  # type: ignore[arg-type]
    margin = sales.gross_margin if sales else ZERO
    grade, _graded = account_grade(session, account, as_of)  # type: ignore[arg-type]
    pct = policy_in_force(session, as_of).terms.caps_for(grade).benefit_budget_percent_of_margin  # type: ignore[arg-type]
    committed = sum((b.cost for b in lines if b.status in COUNTED and b.valid_from <= last
                     and (b.valid_to is None or b.valid_to >= first)), ZERO)
    return BenefitBudget(grade.value, margin, pct, percent_of(max(margin, ZERO), pct), committed, account.currency)


def _names(item: BenefitCatalogItem) -> dict[str, str]:
    return {"en": item.name, "pl": item.name_pl or item.name, "ru": item.name_ru or item.name}


def benefit_catalog(store: Store) -> list[CatalogLine]:
    """The active catalog, by code."""
    with store.read() as session:
        items = session.scalars(select(BenefitCatalogItem).where(
            BenefitCatalogItem.active.is_(True), BenefitCatalogItem.deleted_at.is_(None)
        ).order_by(BenefitCatalogItem.code))
        return [CatalogLine(i.code, _names(i), i.benefit_type, i.hardness, i.cost_model, i.default_value,
                            i.value_unit, tuple(g for g in i.eligible_grades.split(",") if g)) for i in items]


def estimate_cost(store: Store, code: str, catalog_code: str, value: Decimal | None,
                  as_of: date | None = None) -> Decimal:
    """A year's cost of the benefit for this account, by the catalog item's cost model and 12-month revenue."""
    as_of = as_of or today()
    with store.read() as session:
        account = _account(session, code)
        item = _item(session, catalog_code)
        default, model = item.default_value, CostModel(item.cost_model)
        first, last = trailing_window(as_of, 12)
        sales = sales_by_account(session, first, last, [account.id]).get(account.id)
    revenue = max(sales.net_revenue if sales else ZERO, ZERO)
    value = value if value is not None else default or ZERO
    if model is CostModel.PERCENT_OF_REVENUE:
        return percent_of(revenue, value)
    if model is CostModel.FINANCING:
        return money(revenue * value / 365 * FINANCING_RATE)
    if model in (CostModel.FIXED, CostModel.PER_UNIT):
        return money(value)
    return ZERO


def _item(session: object, catalog_code: str) -> BenefitCatalogItem:
    item = session.scalar(select(BenefitCatalogItem).where(BenefitCatalogItem.code == catalog_code))  # type: ignore[attr-defined]
    if item is None:
        raise NotFound(f"no benefit {catalog_code!r} in the catalog")
    return item  # type: ignore[no-any-return]


def live_check(store: Store, code: str, catalog_code: str, value: Decimal | None, cost: Decimal,
               person: str | None = None, as_of: date | None = None) -> PolicyCheck:
    """The policy check the grant would get, without saving anything (same mapping as the grant service)."""
    as_of = as_of or today()
    with store.read() as session:
        account = _account(session, code)
        btype = BenefitType(_item(session, catalog_code).benefit_type)
        return check_in(
            session, account, as_of,
            discount=value if btype is BenefitType.VOLUME_DISCOUNT else None,
            payment_days=int(value) if btype is BenefitType.PAYMENT_TERMS and value is not None else None,
            benefit_cost=cost, gifts={person or "recipient": cost} if btype is BenefitType.GIFT else None,
        )


def account_names(store: Store) -> dict[str, tuple[str, str]]:
    """code → (name, currency) of every account (for lists that show requests of many accounts)."""
    with store.read() as session:
        return {c: (n, cur) for c, n, cur in session.execute(
            select(Account.code, Account.name, Account.currency).where(Account.deleted_at.is_(None)))}
