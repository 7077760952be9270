"""Asking for the exceptions a benefit needs: every request, its link to the grant and the submission, at once."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from kam_desktop.domain.vocabulary import ExceptionKind
from kam_desktop.services.benefits.grants import link_in
from kam_desktop.services.context import Context
from kam_desktop.services.exceptions.requests import ExceptionRow, request_in, show, submit_in


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
