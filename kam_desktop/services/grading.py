"""Grading the portfolio: trailing-12-month basis → domain `evaluate` → rows to show or evaluations to store."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from kam_desktop.domain.fx import MissingRateError
from kam_desktop.domain.grades import (
    Basis,
    GradeConfigError,
    GradeOverride,
    GradeResult,
    GradeState,
    evaluate,
)
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import add_months, trailing_window
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.segments import SegmentInputs, growth_rate, segment_of
from kam_desktop.domain.vocabulary import AccountKind, Grade
from kam_desktop.services.access import account_for
from kam_desktop.services.bulk import collection_held
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Cancelled, Refused, ServiceError
from kam_desktop.services.potential import portfolio_potential
from kam_desktop.services.program.in_force import Program, program_in_force
from kam_desktop.store import models
from kam_desktop.store.queries import grades as q
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.sales import sales_by_account
from kam_desktop.store.queries.settlement import grading_bases_known
from kam_desktop.store.uow import UnitOfWork

RATE = Decimal("0.000001")


@dataclass(slots=True)
class GradeRow:
    """One account's grade with every input that explains it: a view over the domain's result.

    A value, never changed after it is made (`dataclasses.replace` makes another); not `frozen`, as the domain's
    `GradeResult`: 20,000 made at once.
    """

    code: str
    kind: str
    grade_name: str  # e.g. Gold for an L2 partner
    result: GradeResult
    segment: str | None = None  # filled when applied

    @property
    def basis(self) -> Decimal:
        return self.result.ranking.basis

    @property
    def rank(self) -> int:
        return self.result.ranking.rank

    @property
    def population(self) -> int:
        return self.result.ranking.population

    @property
    def percentile(self) -> Decimal:
        return self.result.ranking.percentile

    @property
    def cutoff(self) -> Decimal | None:
        return self.result.ranking.cutoff

    @property
    def computed_grade(self) -> str:
        return self.result.computed_grade.value

    @property
    def grade(self) -> str:
        """The grade in force: after downgrade grace and a valid override."""
        return self.result.effective_grade.value

    @property
    def previous_grade(self) -> str | None:
        previous = self.result.previous_grade
        return previous.value if previous else None

    @property
    def at_risk(self) -> bool:
        return self.result.at_risk

    @property
    def overridden(self) -> bool:
        return self.result.override is not None

    @property
    def why(self) -> tuple[str, ...]:
        """The explanation, written when asked for: a portfolio is graded far more often than read line by line."""
        return self.result.why()


@dataclass(frozen=True)
class GradingRun:
    """The outcome of `grade_portfolio`: the rows, and whether they were written."""

    as_of: date
    basis_kind: str
    applied: bool
    rows: list[GradeRow]


@dataclass(frozen=True)
class _Evaluated:
    program: Program
    kinds: dict[str, str]  # account code -> kind, for every graded account
    results: dict[str, GradeResult]  # keyed by account code
    overrides: dict[str, models.GradeOverride]


def grade_portfolio(ctx: Context, as_of: date | None = None, apply: bool = False,
                    cancelled: Callable[[], bool] = lambda: False) -> GradingRun:
    """Grade every active account as of a day (default today); with `apply`, store the evaluations (once per
    day) — unless `cancelled()` says so at the end, when nothing is stored."""
    day = as_of or ctx.today()
    known_by = known_at(day) if day < ctx.today() else None  # a past day: only the facts known then
    if not apply:
        ctx.permit(UseCase.PREVIEW_GRADES)
        with ctx.read() as session, collection_held():  # a row, ranking and result per account, no cycles
            evaluated = _evaluate(session, day, known_by)
            return GradingRun(day, evaluated.program.terms.rules.basis, False, _rows(evaluated))
    ctx.permit(UseCase.APPLY_GRADES)
    with ctx.unit_of_work() as uow:
        run = apply_grades(uow, day, known_by)
        if cancelled():
            raise Cancelled("grading cancelled; nothing was stored")
        uow.commit()
    return run


def known_at(day: date) -> datetime:
    """The end of a business day (UTC): what an import applied by then had made known."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=UTC)


def apply_grades(uow: UnitOfWork, as_of: date, known_by: datetime | None = None) -> GradingRun:
    """Evaluate and write GradeEvaluation rows in the caller's unit of work (not committed here).

    Refused when evaluations already exist on `as_of` or later: the grade history is append-only and
    each evaluation feeds the next one's downgrade grace, so it is written in date order, once.
    """
    session = uow.session
    existing = q.evaluation_count(session, as_of)
    if existing:
        raise Refused("grades as of {day} are already applied ({existing} evaluations); grading history is "
                      "append-only [one evaluation per day]", day=as_of, existing=existing)
    latest = q.last_evaluation_date(session)
    if latest is not None and latest > as_of:
        raise Refused("a later evaluation exists ({latest}); grades are applied in date order", latest=latest)
    evaluated = _evaluate(session, as_of, known_by)
    accounts = [a for a in q.accounts(session) if a.code in evaluated.results]
    segments = _segments(session, evaluated, accounts, as_of)
    for account in accounts:
        session.add(_evaluation_row(evaluated, account, evaluated.results[account.code], segments[account.code],
                                    as_of))
    uow.audit("grades.apply", "grade_evaluation", None, as_of=as_of, accounts=len(evaluated.results),
              basis=evaluated.program.terms.rules.basis)
    rows = [replace(r, segment=segments[r.code][0]) for r in _rows(evaluated)]
    return GradingRun(as_of, evaluated.program.terms.rules.basis, True, rows)


def _evaluate(session: Session, as_of: date, known_by: datetime | None = None) -> _Evaluated:
    """Grade the accounts enrolled by `as_of` on their bases; with `known_by`, only from lines imported by then."""
    program = program_in_force(session, as_of)
    first, last = trailing_window(as_of, program.basis_months)
    margin = program.terms.rules.basis is Basis.GROSS_MARGIN
    # an account enrolled after `as_of` is not in yet (left out by the query)
    if known_by is None:
        accounts = q.grading_bases(session, first, last, margin, as_of)
    else:
        accounts = grading_bases_known(session, first, last, margin, known_by, as_of)
    fx = fx_table(session)
    # Accounts invoice in different currencies: rank them in the base currency (closing rate); most invoice in it,
    # and those need no call (20,000 accounts graded at once)
    base, to_base = fx.base, fx.converter(as_of)
    bases = {code: amount if currency == base else _to_base(to_base, amount, currency, code)
             for code, _kind, currency, amount in accounts}
    previous = {code: _state(e) for code, e in q.latest_states_by_code(session, as_of).items() if code in bases}
    overrides = {code: o for code, o in q.current_overrides_by_code(session, as_of).items() if code in bases}
    results = evaluate(bases, previous, as_of, program.terms.rules, {c: _override(o) for c, o in overrides.items()})
    return _Evaluated(program, {a.code: a.kind for a in accounts}, results, overrides)


def evaluate_rows(session: Session, as_of: date, known_by: datetime | None = None) -> list[GradeRow]:
    """The rows a grading as of `as_of` gives (with `known_by`: from the lines imported by then), not stored."""
    return _rows(_evaluate(session, as_of, known_by))


def _to_base(to_base: Callable[[Decimal, str], Decimal], amount: Decimal, currency: str, code: str) -> Decimal:
    try:
        return to_base(amount, currency)
    except MissingRateError as exc:
        raise ServiceError("cannot grade {code}: {problem}", code=code, problem=exc.message) from None


def _state(e: q.EvaluationState) -> GradeState:
    """The state an evaluation carries forward: the grade by rules (held grade while at risk)."""
    by_rules = e.previous_grade if e.at_risk and e.previous_grade else e.computed_grade
    return GradeState(Grade(by_rules), e.held_evaluations)


def _override(row: models.GradeOverride) -> GradeOverride:
    return GradeOverride(Grade(row.grade), row.reason, row.expires_on, row.created_by, row.valid_from)


def _rows(evaluated: _Evaluated) -> list[GradeRow]:
    kinds = evaluated.kinds
    name_of = evaluated.program.terms.name_of
    # a handful of (kind, grade) names, looked up once each rather than once per account
    names = {(kind, grade): name_of(grade, AccountKind(kind)) for kind in set(kinds.values()) for grade in Grade}
    ordered = sorted(evaluated.results.items(), key=lambda item: (item[1].ranking.rank, item[0]))
    return [GradeRow(code, kinds[code], names[kinds[code], r.effective_grade], r) for code, r in ordered]


def _segments(
    session: Session, evaluated: _Evaluated, accounts: list[q.AccountRef], as_of: date
) -> dict[str, tuple[str, Decimal | None, Decimal]]:
    """(segment, growth, slot money) per account code, from grade, potential and year-on-year growth."""
    first, last = trailing_window(as_of, 12)
    current = sales_by_account(session, first, last)
    prior = sales_by_account(session, add_months(first, -12), add_months(last, -12))
    potential = portfolio_potential(session, as_of)
    result = {}
    for a in accounts:
        now = current[a.id].net_revenue if a.id in current else ZERO
        before = prior[a.id].net_revenue if a.id in prior else ZERO
        growth = growth_rate(now, before)
        placed = potential.matrix.placements.get(str(a.id))
        slot = potential.potentials.get(str(a.id))
        decision = segment_of(
            SegmentInputs(AccountKind(a.kind), evaluated.results[a.code].effective_grade,
                          placed is not None and placed.high_money, growth),
            evaluated.program.segments,
        )
        result[a.code] = (decision.segment.value, growth, slot.slot_money if slot else ZERO)
    return result


def _evaluation_row(
    evaluated: _Evaluated, account: q.AccountRef, r: GradeResult, segment: tuple[str, Decimal | None, Decimal],
    as_of: date,
) -> models.GradeEvaluation:
    override = evaluated.overrides.get(account.code) if r.override is not None else None
    seg, growth, slot_money = segment
    return models.GradeEvaluation(
        account_id=account.id, evaluated_on=as_of, program_id=evaluated.program.id,
        basis_kind=evaluated.program.terms.rules.basis, basis=r.ranking.basis, rank=r.ranking.rank,
        population=r.ranking.population, percentile=r.ranking.percentile, cutoff=r.ranking.cutoff,
        computed_grade=r.computed_grade, previous_grade=r.previous_grade, grade=r.effective_grade,
        at_risk=r.at_risk, held_evaluations=r.held_evaluations, override_id=override.id if override else None,
        segment=seg, growth_pct=None if growth is None else (growth * 100).quantize(RATE),
        potential_value=slot_money,
    )


@dataclass(frozen=True)
class OverrideRow:
    code: str
    grade: str
    reason: str
    valid_from: date
    expires_on: date
    set_by: str


def set_override(
    ctx: Context, code: str, grade: str, reason: str, expires_on: date, valid_from: date | None = None
) -> OverrideRow:
    """A manual grade with a reason and an expiry; it applies from the next evaluation, shown as an override."""
    ctx.permit(UseCase.APPLY_GRADES)
    start = valid_from or ctx.today()
    if grade not in set(Grade):
        raise ServiceError("grade override for {code}: grade {grade!r} is not one of {grades}", code=code,
                           grade=grade, grades=", ".join(Grade))
    try:
        domain = GradeOverride(Grade(grade), reason, expires_on, ctx.actor.login, start)
    except GradeConfigError as exc:
        raise ServiceError("grade override for {code}: {problem}", code=code, problem=exc.message) from None
    with ctx.unit_of_work() as uow:
        account = account_for(ctx, uow.session, UseCase.APPLY_GRADES, code)
        row = models.GradeOverride(account_id=account.id, grade=domain.grade, reason=domain.reason.strip(),
                                   valid_from=start, expires_on=expires_on)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("grade.override", "grade_override", row.id, account=code, grade=domain.grade,
                  reason=domain.reason, expires_on=expires_on)
        uow.commit()
    return OverrideRow(account.code, domain.grade, domain.reason, start, expires_on, ctx.actor.login)


def grade_in_force(evaluations: Mapping[uuid.UUID, models.GradeEvaluation], account_id: uuid.UUID) -> Grade | None:
    """The grade of the account's evaluation in `evaluations`, if any."""
    e = evaluations.get(account_id)
    return Grade(e.grade) if e else None
