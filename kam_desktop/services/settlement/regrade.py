"""Reproducing a past grading: the grades applied on a day against the same grading run again with what was
known then (accounts enrolled by that day, lines imported by its end) and with everything known now.

A grade reproduced is the proof finance asks for; where it is not, the row says what changed since: lines of
the window imported after that day (how many, their net), and the basis then and now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kam_desktop.domain.monetary import Money
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound
from kam_desktop.services.grading import GradeRow, evaluate_rows, known_at
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.store.models import Account, GradeEvaluation
from kam_desktop.store.queries.settlement import lines_imported_after


@dataclass(frozen=True)
class ReplayRow:
    """One account: the grade applied on the day, that grading run again with what was known then, and now."""

    code: str
    base_currency: str  # what the bases are stated in
    applied: str
    applied_basis: Decimal  # in the base currency, as stored
    replayed: str | None  # None: the account is not graded when run again (not enrolled, not active)
    replayed_basis: Decimal | None
    now: str | None  # with every line known today
    now_basis: Decimal | None
    late_lines: int  # lines of the window imported after the day
    late_net: Money | None  # their net, in the account's currency

    @property
    def reproduced(self) -> bool:
        return self.replayed == self.applied and self.replayed_basis == self.applied_basis

    @property
    def changed_since(self) -> bool:
        return self.now != self.applied


def replay_grading(ctx: Context, as_of: date) -> list[ReplayRow]:
    """Every evaluation applied on `as_of`, run again: reproduced, or what changed since."""
    ctx.permit(UseCase.PREVIEW_GRADES)
    with ctx.read() as session:
        applied = session.execute(select(Account.code, GradeEvaluation.grade, GradeEvaluation.basis)
                                  .join(Account, Account.id == GradeEvaluation.account_id)
                                  .where(GradeEvaluation.evaluated_on == as_of)).all()
        if not applied:
            raise NotFound("no grading was applied on {day}; see `kamctl grade --as-of DAY`", day=as_of)
        program = program_in_force(session, as_of)
        months = program.basis_months
        first, last = trailing_window(as_of, months)
        late = lines_imported_after(session, first, last, known_at(as_of))
        replayed = _by_code(evaluate_rows(session, as_of, known_at(as_of)))
        now = _by_code(evaluate_rows(session, as_of))
    rows = []
    for code, grade, basis in sorted(applied):
        then, today = replayed.get(code), now.get(code)
        gone = late.get(code)
        rows.append(ReplayRow(code, program.base_currency, grade, basis, then.grade if then else None,
                              then.basis if then else None, today.grade if today else None,
                              today.basis if today else None, gone.count if gone else 0,
                              Money(gone.net, gone.currency) if gone else None))
    return rows


def _by_code(rows: Sequence[GradeRow]) -> dict[str, GradeRow]:
    return {r.code: r for r in rows}
