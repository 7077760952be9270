"""The benefit catalog and an account's benefits: its grants, its budget, a benefit's cost and live policy check."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.costs import benefit_cost
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import BenefitType, CostModel
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound
from kam_desktop.services.program.policy import BenefitBudget, PolicyCheck, benefit_budget, check_in
from kam_desktop.store.models import BenefitCatalogItem, BenefitGrant, ExceptionRequest
from kam_desktop.store.queries.grades import AccountRef
from kam_desktop.store.queries.sales import sales_by_account


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


def account_benefits(ctx: Context, code: str, as_of: date | None = None) -> AccountBenefits:
    """The account's grants (newest first) and its benefit budget for the last 12 months."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        return AccountBenefits(*benefits_in(session, account, as_of))


def benefits_in(session: Session, account: AccountRef, as_of: date) -> tuple[list[BenefitLine], BenefitBudget]:
    """`account_benefits` inside an open session (the approvals inbox reads many accounts in one)."""
    grants = session.scalars(
        select(BenefitGrant).where(BenefitGrant.account_id == account.id, BenefitGrant.deleted_at.is_(None))
        .order_by(BenefitGrant.valid_from.desc()))
    requests = {row.id: (row.number, row.status) for row in session.execute(
        select(ExceptionRequest.id, ExceptionRequest.number, ExceptionRequest.status)
        .where(ExceptionRequest.account_id == account.id))}
    lines = []
    for g in grants:
        number, status = requests.get(g.exception_id, (None, None)) if g.exception_id else (None, None)
        lines.append(BenefitLine(
            g.id, g.catalog_item.code, _names(g.catalog_item), g.value, g.catalog_item.value_unit, g.valid_from,
            g.valid_to, g.status, g.cost_estimate, g.used_amount, g.currency, number, status))
    return lines, benefit_budget(session, account, as_of)


def _names(item: BenefitCatalogItem) -> dict[str, str]:
    return {"en": item.name, "pl": item.name_pl or item.name, "ru": item.name_ru or item.name}


def benefit_catalog(ctx: Context) -> list[CatalogLine]:
    """The active catalog, by code."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        items = session.scalars(select(BenefitCatalogItem).where(
            BenefitCatalogItem.active.is_(True), BenefitCatalogItem.deleted_at.is_(None)
        ).order_by(BenefitCatalogItem.code))
        return [CatalogLine(i.code, _names(i), i.benefit_type, i.hardness, i.cost_model, i.default_value,
                            i.value_unit, tuple(g for g in i.eligible_grades.split(",") if g)) for i in items]


def catalog_item(session: Session, catalog_code: str) -> BenefitCatalogItem:
    """The catalog item with this code, or NotFound."""
    item = session.scalar(select(BenefitCatalogItem).where(BenefitCatalogItem.code == catalog_code))
    if item is None:
        raise NotFound("no benefit {benefit!r} in the catalog", benefit=catalog_code)
    return item


def estimate_cost(ctx: Context, code: str, catalog_code: str, value: Decimal | None,
                  as_of: date | None = None) -> Decimal:
    """A year's cost of the benefit for this account, by the catalog item's cost model and 12-month revenue."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        item = catalog_item(session, catalog_code)
        model, default = CostModel(item.cost_model), item.default_value
        first, last = trailing_window(as_of, 12)
        sales = sales_by_account(session, first, last, [account.id]).get(account.id)
    revenue = sales.net_revenue if sales else ZERO
    return benefit_cost(model, value if value is not None else default or ZERO, revenue)


def check_benefit(session: Session, account: AccountRef, item: BenefitCatalogItem, value: Decimal | None,
                  cost: Decimal, on: date, person: str | None = None, exclude: object = None) -> PolicyCheck:
    """The policy check of granting `item` at `value` (one mapping from benefit type to the policy's caps)."""
    btype = BenefitType(item.benefit_type)
    return check_in(
        session, account, on,
        discount=value if btype is BenefitType.VOLUME_DISCOUNT else None,
        payment_days=int(value) if btype is BenefitType.PAYMENT_TERMS and value is not None else None,
        benefit_cost=cost, gifts={person or "recipient": cost} if btype is BenefitType.GIFT else None,
        exclude_grant=exclude,
    )


def live_check(ctx: Context, code: str, catalog_code: str, value: Decimal | None, cost: Decimal,
               person: str | None = None, as_of: date | None = None) -> PolicyCheck:
    """The policy check the grant would get, without saving anything (the same check the grant gets)."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        return check_benefit(session, account, catalog_item(session, catalog_code), value, cost, as_of, person)
