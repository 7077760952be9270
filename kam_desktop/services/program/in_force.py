"""The program configuration and commercial policy in force on a day, read from the store as domain objects."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.grades import Basis, Cutoffs, GradeRules, ProgramTerms
from kam_desktop.domain.policy import CommercialPolicy as PolicyTerms
from kam_desktop.domain.policy import GradeCaps
from kam_desktop.domain.rewards import PartnerEvent, PointsRules
from kam_desktop.domain.segments import SegmentRules
from kam_desktop.domain.vocabulary import AccountKind, Grade
from kam_desktop.services.errors import ServiceError
from kam_desktop.store.models import CommercialPolicy, ProductCategory, ProgramConfig

V = TypeVar("V", ProgramConfig, CommercialPolicy)  # the dated configurations


@dataclass(frozen=True)
class Program:
    """One program version as the services use it: domain terms plus the store's settings."""

    id: uuid.UUID
    name: str
    terms: ProgramTerms
    points: PointsRules
    segments: SegmentRules
    basis_months: int
    churn_months: int
    expiry_quarters: int
    director_limit: Decimal
    base_currency: str


def _version_in_force(session: Session, model: type[V], on: date) -> V | None:
    """The version of a dated configuration (program, policy) valid on `on`: the latest `valid_from` not after it."""
    return session.scalar(
        select(model).where(model.valid_from <= on, model.deleted_at.is_(None)).order_by(model.valid_from.desc()).limit(1)
    )


def program_in_force(session: Session, on: date) -> Program:
    """The program version valid on `on` (the latest `valid_from` not after it)."""
    config = _version_in_force(session, ProgramConfig, on)
    if config is None:
        raise ServiceError("no loyalty program is configured for {day}; run `kamctl init`", day=on)
    return _program(session, config)


def _program(session: Session, config: ProgramConfig) -> Program:
    terms = {Grade(t.grade): t for t in config.grade_terms if t.deleted_at is None}
    missing = [g.value for g in Grade if g not in terms]
    if missing:
        raise ServiceError("program {name!r} has no terms for grade(s) {grades}", name=config.name,
                           grades=", ".join(missing))
    cutoffs = Cutoffs(*(_cutoff(terms[g].cutoff, g) for g in (Grade.L1, Grade.L2, Grade.L3)))
    program_terms = ProgramTerms(
        valid_from=config.valid_from,
        rules=GradeRules(cutoffs, Basis(config.basis), config.downgrade_grace),
        cashback_percent={g: plain(t.cashback_pct) for g, t in terms.items()},
        names={
            AccountKind.CUSTOMER: {g: t.name_customer for g, t in terms.items()},
            AccountKind.PARTNER: {g: t.name_partner for g, t in terms.items()},
        },
    )
    return Program(
        id=config.id, name=config.name, terms=program_terms, points=_points(session, config),
        segments=_segment_rules(config.segment_rules), basis_months=config.basis_months,
        churn_months=config.churn_months, expiry_quarters=config.points_expiry_quarters,
        director_limit=config.exception_director_limit, base_currency=config.base_currency,
    )


def plain(value: Decimal) -> Decimal:
    """A stored rate without the column's trailing zeros (9.000000 → 9, 0.100000 → 0.1)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _cutoff(value: Decimal | None, grade: Grade) -> Decimal:
    if value is None:
        raise ServiceError("grade {grade} needs a percentile cut-off in the program configuration", grade=grade)
    return plain(value)


def _points(session: Session, config: ProgramConfig) -> PointsRules:
    """Earning rules → domain points rules; with no rules, the domain's defaults (1 point per 100)."""
    rules = [r for r in config.earning_rules if r.deleted_at is None]
    if not rules:
        return PointsRules()
    per_money = PointsRules().points_per_money
    multipliers: dict[str, Decimal] = {}
    events: dict[PartnerEvent, Decimal] = {}
    codes = dict(session.execute(select(ProductCategory.id, ProductCategory.code)).all())
    for rule in rules:
        if rule.kind == "per_money" and rule.per_amount:
            per_money = rule.points / rule.per_amount
        elif rule.kind == "category_multiplier" and rule.category_id in codes and rule.multiplier is not None:
            multipliers[codes[rule.category_id]] = rule.multiplier
        elif rule.kind == "partner_event" and rule.event_code in {e.value for e in PartnerEvent}:
            events[PartnerEvent(rule.event_code)] = rule.points
    return PointsRules(per_money, multipliers, events or PointsRules().event_points)


def _segment_rules(text: str | None) -> SegmentRules:
    if not text:
        return SegmentRules()
    data = json.loads(text)
    default = SegmentRules()
    grades = data.get("strategic_grades")
    return SegmentRules(
        strategic_grades=frozenset(Grade(g) for g in grades) if grades else default.strategic_grades,
        growth_threshold=Decimal(str(data.get("growth_threshold", default.growth_threshold))),
    )


@dataclass(frozen=True)
class Policy:
    """The commercial policy version in force, as domain caps, with the store's currency."""

    name: str
    terms: PolicyTerms
    currency: str


def policy_in_force(session: Session, on: date) -> Policy:
    """The commercial policy valid on `on`."""
    row = _version_in_force(session, CommercialPolicy, on)
    if row is None:
        raise ServiceError("no commercial policy is configured for {day}; run `kamctl init`", day=on)
    caps = {
        Grade(c.grade): GradeCaps(
            plain(c.max_discount_pct), c.max_payment_days, plain(c.benefit_budget_pct_of_margin),
            c.gift_limit_per_person_year
        )
        for c in row.caps
        if c.deleted_at is None
    }
    currency = next((c.currency for c in row.caps), "")
    return Policy(row.name, PolicyTerms(valid_from=row.valid_from, caps=caps), currency)
