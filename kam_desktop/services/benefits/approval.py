"""Exceptions for benefits: every request a benefit needs (linked, submitted) at once, and a decision that
activates the benefits it covers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kam_desktop.domain.vocabulary import ExceptionKind, ExceptionStatus
from kam_desktop.services.benefits.grants import activate_covered_in, link_in
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.exceptions.requests import ExceptionRow, decide_in, request_in, show, submit_in


def request_exceptions_for_grant(
    ctx: Context, code: str, wanted: Sequence[tuple[str, Decimal]], justification: str, *,
    grant_id: uuid.UUID | None = None, expected_margin: Decimal | None = None, valid_until: date | None = None,
    submit: bool = False,
) -> list[ExceptionRow]:
    """One request per (kind, requested value), linked to the grant that needs them and submitted when asked.

    One unit of work: either every request is saved (and linked, and submitted), or none is — a refusal of
    the second request never leaves the first one behind.
    """
    with ctx.unit_of_work() as uow:
        rows = [request_in(ctx, uow, code, ExceptionKind(kind), requested, justification,
                           expected_margin=expected_margin, valid_until=valid_until) for kind, requested in wanted]
        if grant_id is not None and rows:
            link_in(ctx, uow.session, grant_id, rows[0].number)
            uow.audit("grant.link_exception", "benefit_grant", grant_id, exception=rows[0].number)
        if submit:
            rows = [submit_in(ctx, uow, row.number) for row in rows]
        uow.session.flush()
        shown = [show(uow.session, row) for row in rows]
        uow.commit()
    return shown


def decide_exception(ctx: Context, number: str, approve: bool, note: str = "",
                     seen_version: int | None = None) -> ExceptionRow:
    """An approver answers the current step; the final approval activates, in the same unit of work, every
    benefit of the account that waited for it and is now covered (the others keep waiting, with reasons)."""
    with ctx.unit_of_work() as uow:
        row = decide_in(ctx, uow, number, approve, note, seen_version)
        if row.status == ExceptionStatus.APPROVED:
            uow.session.flush()
            activate_covered_in(ctx, uow, row.id)
        shown = show(uow.session, row)
        uow.commit()
    return shown


@dataclass(frozen=True)
class DecisionOutcome:
    """One request of a decision taken on several: decided (its row now) or refused (the reason)."""

    number: str
    row: ExceptionRow | None
    error: ServiceError | None

    @property
    def ok(self) -> bool:
        return self.error is None


def decide_many(ctx: Context, seen: Sequence[tuple[str, int]], approve: bool, note: str = "") -> list[DecisionOutcome]:
    """Approve or reject each request (number, version read) with one note, each in its own unit of work:
    one refused (changed meanwhile, your own request, …) is named with its reason and the others stand."""
    outcomes = []
    for number, version in seen:
        try:
            outcomes.append(DecisionOutcome(number, decide_exception(ctx, number, approve, note, version), None))
        except ServiceError as error:
            outcomes.append(DecisionOutcome(number, None, error))
    return outcomes
