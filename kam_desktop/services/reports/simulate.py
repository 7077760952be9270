"""What-if: today's bases under other cut-offs or cashback %, before anything is applied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy.orm import Session

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.grades import Basis, Cutoffs, GradeConfigError, rank_columns
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.simulate import Scenario, SimulationResult, simulate_columns
from kam_desktop.domain.vocabulary import Grade
from kam_desktop.services.bulk import collection_held
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.store import kpi_snapshot
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import SimulationBases, latest_grades_by_code, simulation_columns


@dataclass(frozen=True)
class Simulation:
    """The scenario tried and its outcome."""

    as_of: date
    cutoffs: tuple[Decimal, Decimal, Decimal]
    cashback: dict[str, Decimal]
    result: SimulationResult
    currency: str = ""  # the base currency every amount of the result is in (closing rate of `as_of`)


def simulate(ctx: Context, cutoffs: Sequence[Decimal], cashback: Sequence[Decimal], as_of: date | None = None) -> Simulation:
    """Re-rank under `cutoffs` (three fractions) and price cashback (four %, L1..L4) against 12-month margin."""
    ctx.permit(UseCase.VIEW_REPORTS)
    as_of = as_of or ctx.today()
    if len(cutoffs) != 3 or len(cashback) != 4:
        raise ServiceError("give three cut-offs (e.g. 0.1,0.3,0.6) and four cashback % (e.g. 3,2,1,0)")
    try:
        scenario = Scenario(Cutoffs(*cutoffs), dict(zip(Grade, cashback, strict=True)))
    except GradeConfigError as exc:
        raise ServiceError.of(exc) from None
    if any(c < 0 for c in cashback):
        raise ServiceError("cashback % cannot be negative")
    with collection_held():  # a basis, ranking and priced account each for 20,000 accounts, none in a cycle
        return _simulated(ctx, scenario, as_of)


def _simulated(ctx: Context, scenario: Scenario, as_of: date) -> Simulation:
    """The scenario over the bases of `as_of` (the caller checked the actor and the scenario)."""
    with ctx.read() as session:
        program = program_in_force(session, as_of)
        bases = _bases(ctx, session, as_of, program.basis_months)
    codes = bases.codes
    keys = bases.margin if program.terms.rules.basis is Basis.GROSS_MARGIN else bases.net
    # an account's grade is its latest one; the rules' grade of today only for an account never graded, so the
    # population is ranked a second time only when there is such an account
    if None not in bases.grades:
        current = [Grade(cast(str, grade)) for grade in bases.grades]
    else:
        now = rank_columns(keys, program.terms.rules.cutoffs).grades_as_given()
        current = [now[i] if grade is None else Grade(grade) for i, grade in enumerate(bases.grades)]
    # an account without sales counts a margin of 0.00: every account's margin has two places (none: 0)
    total_margin = Decimal(sum(bases.margin)).scaleb(-2) if codes else Decimal(0)
    result = simulate_columns(codes, keys, current, bases.net, total_margin, program.terms.cashback_percent, scenario)
    return Simulation(as_of, (scenario.cutoffs.l1, scenario.cutoffs.l2, scenario.cutoffs.l3),
                      {g.value: p for g, p in scenario.cashback_percent.items()}, result, bases.currency)


@dataclass(frozen=True)
class Bases:
    """Every account's 12-month net revenue and margin in the base currency, in whole cents (0: no sales rows), and
    latest grade (None: never graded) as of a day, in one column each: what a scenario is priced on, remembered on
    a laptop."""

    codes: tuple[str, ...]
    net: tuple[int, ...]
    margin: tuple[int, ...]
    grades: tuple[str | None, ...]
    currency: str  # the base currency


KIND = "simulation"  # of a remembered entry (store/kpi_snapshot.py)


def _bases(ctx: Context, session: Session, as_of: date, basis_months: int) -> Bases:
    """The bases remembered on this laptop for the day and data, else read (and remembered)."""
    at = kpi_snapshot.generation(session)  # in the transaction the bases are read in
    if at is not None and (found := kpi_snapshot.read(session, KIND, kpi_snapshot.PROGRAM, as_of, at, (Bases,))):
        return cast(Bases, found)
    first, last = trailing_window(as_of, basis_months)
    # by code, accounts joined after grouping: 20,000 accounts' ids are never decoded; columns of whole cents
    columns = simulation_columns(session, first, last)
    grades = latest_grades_by_code(session, as_of)
    fx = fx_table(session)
    # accounts invoice in many currencies: rank and price them in the base currency, as grading does
    net, margin = _in_base(fx, columns, as_of)
    bases = Bases(tuple(columns.codes), tuple(net), tuple(margin), tuple(grades.get(c) for c in columns.codes),
                  fx.base)
    if at is not None:
        kpi_snapshot.write(ctx.store.engine, KIND, kpi_snapshot.PROGRAM, as_of, at, bases, (Bases,))
    return bases


def _in_base(fx: FxTable, bases: SimulationBases, day: date) -> tuple[list[int], list[int]]:
    """Each account's (net revenue, margin) in the base currency on `day`, in whole cents (0 without sales rows)."""
    # (the sums are both None or neither: one outer join)
    net = [0 if c is None else c for c in bases.net_cents]
    margin = [0 if c is None else c for c in bases.margin_cents]
    to_base = fx.cents_converter(day)  # whole cents in, whole cents out (as `converter` rounds)
    for i, currency in enumerate(bases.currencies):
        if currency == fx.base or bases.net_cents[i] is None:  # what `to_base` gives these, without two calls
            continue
        try:
            net[i] = to_base(net[i], currency)
            margin[i] = to_base(margin[i], currency)
        except MissingRateError as exc:
            raise ServiceError("cannot simulate {code}: {problem}", code=bases.codes[i], problem=exc.message) from None
    return net, margin
