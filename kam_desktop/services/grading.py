"""Grading the portfolio: trailing-12-month basis → domain `evaluate` → rows to show or evaluations to store."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import compress, count, islice, repeat
from operator import eq, ne
from typing import overload

from sqlalchemy.orm import Session

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.grades import (
    Basis,
    Evaluation,
    GradeConfigError,
    GradeOverride,
    GradeResult,
    GradeState,
    evaluate_columns,
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
    rows: Sequence[GradeRow]


@dataclass(frozen=True)
class _Evaluated:
    program: Program
    kinds: Sequence[str]  # the kind of each graded account, in the order of the bases given (`ranked.order`)
    evaluation: Evaluation
    overrides: dict[str, models.GradeOverride]

    def kind(self, place: int) -> str:
        return self.kinds[self.evaluation.ranked.order[place]]

    def places(self) -> dict[str, int]:
        """Each graded account's place in the evaluation, by code."""
        return dict(zip(self.evaluation.accounts, range(len(self.evaluation.accounts)), strict=True))


class GradeRows(Sequence[GradeRow]):
    """A grading's rows in rank order (ties by code), each `GradeRow` made when it is read.

    The grading itself is done (the evaluation's columns): a screen of 20,000 accounts reads the rows it shows,
    and holds no object per account meanwhile.
    """

    __slots__ = ("_evaluated", "_names", "_places", "_segments")

    def __init__(self, evaluated: _Evaluated, segments: Mapping[str, str] | None = None) -> None:
        self._evaluated = evaluated
        kinds = evaluated.kinds
        name_of = evaluated.program.terms.name_of
        # a handful of (kind, grade) names, looked up once each rather than once per account
        self._names = {(kind, grade): name_of(grade, AccountKind(kind)) for kind in set(kinds) for grade in Grade}
        self._places = _by_rank_then_code(evaluated.evaluation)
        self._segments = segments

    def __len__(self) -> int:
        return len(self._places)

    @overload
    def __getitem__(self, index: int) -> GradeRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[GradeRow]: ...

    def __getitem__(self, index: int | slice) -> GradeRow | list[GradeRow]:
        if isinstance(index, slice):
            return [self._row(place) for place in self._places[index]]
        return self._row(self._places[index])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return repr(list(self))

    def _row(self, place: int) -> GradeRow:
        evaluated = self._evaluated
        evaluation, kind = evaluated.evaluation, evaluated.kind(place)
        code = evaluation.accounts[place]
        return GradeRow(code, kind, self._names[kind, evaluation.effective[place]], evaluation.result(place),
                        None if self._segments is None else self._segments[code])


def _by_rank_then_code(evaluation: Evaluation) -> list[int]:
    """The places of the rank order with the accounts of each tie sorted by code (the order the rows are shown in)."""
    ranks, accounts = evaluation.ranked.ranks, evaluation.accounts
    places = list(range(len(ranks)))
    # a tie is a run of places with the rank of the place above: found in C, then each run sorted on its own
    ties = list(compress(range(1, len(ranks)), map(eq, ranks, islice(ranks, 1, None))))
    start = 0
    for index, place in enumerate(ties):
        if index + 1 == len(ties) or ties[index + 1] != place + 1:  # the run's last place
            first = ties[start] - 1
            places[first:place + 1] = sorted(places[first:place + 1], key=accounts.__getitem__)
            start = index + 1
    return places


def grade_portfolio(ctx: Context, as_of: date | None = None, apply: bool = False,
                    cancelled: Callable[[], bool] = lambda: False) -> GradingRun:
    """Grade every active account as of a day (default today); with `apply`, store the evaluations (once per
    day) — unless `cancelled()` says so at the end, when nothing is stored."""
    day = as_of or ctx.today()
    known_by = known_at(day) if day < ctx.today() else None  # a past day: only the facts known then
    if not apply:
        ctx.permit(UseCase.PREVIEW_GRADES)
        with ctx.read() as session, collection_held():  # columns of 20,000 accounts, no cycles
            evaluated = _evaluate(session, day, known_by)
            return GradingRun(day, evaluated.program.terms.rules.basis, False, GradeRows(evaluated))
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
    places = evaluated.places()
    accounts = [a for a in q.accounts(session) if a.code in places]
    segments = _segments(session, evaluated, places, accounts, as_of)
    for account in accounts:
        result = evaluated.evaluation.result(places[account.code])
        session.add(_evaluation_row(evaluated, account, result, segments[account.code], as_of))
    uow.audit("grades.apply", "grade_evaluation", None, as_of=as_of, accounts=len(places),
              basis=evaluated.program.terms.rules.basis)
    rows = GradeRows(evaluated, {code: segment for code, (segment, _growth, _slot) in segments.items()})
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
        accounts = q.GradingBases.from_rows(grading_bases_known(session, first, last, margin, known_by, as_of))
    fx = fx_table(session)
    bases, keys = _in_base(accounts, fx, as_of)
    codes = accounts.codes
    graded = set(codes)
    previous = {code: _state(e) for code, e in q.latest_states_by_code(session, as_of).items() if code in graded}
    overrides = {code: o for code, o in q.current_overrides_by_code(session, as_of).items() if code in graded}
    evaluation = evaluate_columns(codes, bases, previous, as_of, program.terms.rules,
                                  {c: _override(o) for c, o in overrides.items()}, keys)
    return _Evaluated(program, accounts.kinds, evaluation, overrides)


def _in_base(accounts: q.GradingBases, fx: FxTable, as_of: date
             ) -> tuple[Sequence[Decimal], Sequence[Decimal | int] | None]:
    """The bases in the base currency (closing rate of `as_of`) and, when every one is whole cents, those cents to rank
    on.

    Accounts invoice in different currencies: they are ranked in the base currency. An account invoicing in it
    needs no call and keeps its column entry (20,000 accounts graded at once).
    """
    amounts, cents, currencies, codes = accounts.amounts, accounts.cents, accounts.currencies, accounts.codes
    foreign = list(compress(count(), map(ne, currencies, repeat(fx.base))))  # in C: 20,000 accounts
    if not foreign:
        return amounts, cents
    if cents is not None:
        return _cents_in_base(cents, currencies, codes, foreign, fx.cents_converter(as_of))
    to_base = fx.converter(as_of)
    converted = {i: _to_base(to_base, amounts[i], currencies[i], codes[i]) for i in foreign}
    return _Rebased(amounts, converted), None


def _cents_in_base(cents: Sequence[int], currencies: Sequence[str], codes: Sequence[str], foreign: list[int],
                   to_base: Callable[[int, str], int]) -> tuple[Sequence[Decimal], list[int]]:
    """`_in_base` on whole cents, in integers (`FxTable.cents_converter`): the Decimals `to_base` would give, read
    from the converted cents as asked, but for a negative amount converted to nothing, which `to_base` gives as
    -0.00 (Decimals are compared by value elsewhere, but a row shows its basis)."""
    keys = list(cents)
    negative_zeros: dict[int, Decimal] = {}
    try:
        for i in foreign:
            keys[i] = converted = to_base(cents[i], currencies[i])
            if converted == 0 and cents[i] < 0:
                negative_zeros[i] = _NEGATIVE_ZERO
    except MissingRateError as exc:
        raise ServiceError("cannot grade {code}: {problem}", code=codes[i], problem=exc.message) from None
    return (_Rebased(q.Cents(keys), negative_zeros) if negative_zeros else q.Cents(keys)), keys


_NEGATIVE_ZERO = Decimal("-0.00")


class _Rebased(Sequence[Decimal]):
    """Amounts with some replaced (those converted to the base currency); the others read from the column as asked."""

    __slots__ = ("amounts", "converted")

    def __init__(self, amounts: Sequence[Decimal], converted: dict[int, Decimal]) -> None:
        self.amounts, self.converted = amounts, converted

    def __len__(self) -> int:
        return len(self.amounts)

    @overload
    def __getitem__(self, index: int) -> Decimal: ...

    @overload
    def __getitem__(self, index: slice) -> list[Decimal]: ...

    def __getitem__(self, index: int | slice) -> Decimal | list[Decimal]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        converted = self.converted.get(index if index >= 0 else index + len(self.amounts))
        return self.amounts[index] if converted is None else converted


def evaluate_rows(session: Session, as_of: date, known_by: datetime | None = None) -> Sequence[GradeRow]:
    """The rows a grading as of `as_of` gives (with `known_by`: from the lines imported by then), not stored."""
    return GradeRows(_evaluate(session, as_of, known_by))


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


def _segments(
    session: Session, evaluated: _Evaluated, places: Mapping[str, int], accounts: list[q.AccountRef], as_of: date
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
            SegmentInputs(AccountKind(a.kind), evaluated.evaluation.effective[places[a.code]],
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
