"""What the demo reads from the store's defaults: the benefit catalog, policy caps, program limits."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.store.models import BenefitCatalogItem, CommercialPolicy, PolicyCap, ProgramConfig


class MissingDefaultsError(RuntimeError):
    """The demo needs the default program, policy and catalog written first (setup.ensure_defaults)."""


@dataclass(frozen=True)
class CatalogEntry:
    id: uuid.UUID
    code: str
    names: dict[str, str]  # language -> name
    cost_model: str
    default_value: Decimal | None
    value_unit: str | None
    eligible_grades: tuple[str, ...]


@dataclass(frozen=True)
class Cap:
    max_discount_pct: Decimal
    max_payment_days: int
    budget_pct_of_margin: Decimal
    gift_limit: Decimal


@dataclass(frozen=True)
class Defaults:
    catalog: dict[str, CatalogEntry]
    caps: dict[str, Cap]
    director_limit: Decimal
    base_currency: str


def load_defaults(session: Session) -> Defaults:
    """Read the catalog, the earliest policy's caps and the earliest program's limits."""
    program = session.scalars(select(ProgramConfig).order_by(ProgramConfig.valid_from)).first()
    policy = session.scalars(select(CommercialPolicy).order_by(CommercialPolicy.valid_from)).first()
    items = session.scalars(select(BenefitCatalogItem).order_by(BenefitCatalogItem.code)).all()
    if program is None or policy is None or not items:
        raise MissingDefaultsError("the demo needs the default program, policy and benefit catalog; "
                                   "run setup.ensure_defaults in the same unit of work first")
    caps = session.scalars(select(PolicyCap).where(PolicyCap.policy_id == policy.id)).all()
    return Defaults(
        catalog={
            i.code: CatalogEntry(i.id, i.code, {"en": i.name, "pl": i.name_pl or i.name, "ru": i.name_ru or i.name},
                                 i.cost_model, i.default_value, i.value_unit, tuple(i.eligible_grades.split(",")))
            for i in items
        },
        caps={c.grade: Cap(c.max_discount_pct, c.max_payment_days, c.benefit_budget_pct_of_margin,
                           c.gift_limit_per_person_year) for c in caps},
        director_limit=program.exception_director_limit,
        base_currency=program.base_currency,
    )
