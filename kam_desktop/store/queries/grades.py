"""Reads the engine needs about accounts and their grade history: active accounts, latest evaluations, overrides."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from kam_desktop.domain.vocabulary import AccountStatus
from kam_desktop.store.models import Account, GradeEvaluation, GradeOverride


@dataclass(frozen=True)
class AccountRef:
    """The few account fields the engine works with."""

    id: uuid.UUID
    code: str
    kind: str
    currency: str
    status: str
    enrolled_on: date | None
    control_group: bool


def accounts(session: Session, active_only: bool = True) -> list[AccountRef]:
    """Accounts that are not deleted (and, by default, active), by code."""
    query = select(
        Account.id, Account.code, Account.kind, Account.currency, Account.status, Account.enrolled_on,
        Account.control_group,
    ).where(Account.deleted_at.is_(None))
    if active_only:
        query = query.where(Account.status == AccountStatus.ACTIVE)
    return [AccountRef(*row) for row in session.execute(query.order_by(Account.code))]


def account_by_code(session: Session, code: str) -> AccountRef | None:
    """One account (active or not) by its ERP code."""
    row = session.execute(
        select(
            Account.id, Account.code, Account.kind, Account.currency, Account.status, Account.enrolled_on,
            Account.control_group,
        ).where(Account.code == code, Account.deleted_at.is_(None))
    ).first()
    return AccountRef(*row) if row else None


def latest_evaluations(session: Session, on_or_before: date, before: bool = False) -> dict[uuid.UUID, GradeEvaluation]:
    """Each account's latest evaluation dated on or before a day (strictly before it when `before`)."""
    condition = GradeEvaluation.evaluated_on < on_or_before if before else GradeEvaluation.evaluated_on <= on_or_before
    latest = (
        select(GradeEvaluation.account_id, func.max(GradeEvaluation.evaluated_on).label("on"))
        .where(condition)
        .group_by(GradeEvaluation.account_id)
        .subquery()
    )
    rows = session.scalars(
        select(GradeEvaluation).join(
            latest, and_(latest.c.account_id == GradeEvaluation.account_id, latest.c.on == GradeEvaluation.evaluated_on)
        )
    )
    return {e.account_id: e for e in rows}


def evaluation_count(session: Session, on: date) -> int:
    """How many evaluations are dated exactly `on`."""
    return session.scalar(select(func.count()).where(GradeEvaluation.evaluated_on == on)) or 0


def last_evaluation_date(session: Session) -> date | None:
    """The date of the latest evaluation in the store."""
    return session.scalar(select(func.max(GradeEvaluation.evaluated_on)))


def current_overrides(session: Session, on: date) -> dict[uuid.UUID, GradeOverride]:
    """Each account's latest override set on or before `on` that no later row revokes (expired ones too)."""
    revoker = aliased(GradeOverride)
    revoked = select(revoker.revokes_id).where(revoker.revokes_id.is_not(None), revoker.valid_from <= on)
    rows = session.scalars(
        select(GradeOverride)
        .where(GradeOverride.valid_from <= on, GradeOverride.id.not_in(revoked))
        .order_by(GradeOverride.account_id, GradeOverride.valid_from, GradeOverride.created_at)
    )
    result: dict[uuid.UUID, GradeOverride] = {}
    for row in rows:
        result[row.account_id] = row  # later rows win
    return result
