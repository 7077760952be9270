"""What-if: today's bases under other cut-offs or cashback %, before anything is applied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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
        first, last = trailing_window(as_of, program.basis_months)
        # by code, accounts joined after grouping: 20,000 accounts' ids are never decoded; columns of whole cents
        bases = simulation_columns(session, first, last)
        grades = latest_grades_by_code(session, as_of)
        fx = fx_table(session)
    codes = bases.codes
    # accounts invoice in many currencies: rank and price them in the base currency, as grading does
    net, margin = _in_base(fx, bases, as_of)
    keys = margin if program.terms.rules.basis is Basis.GROSS_MARGIN else net
    # an account's grade is its latest one; the rules' grade of today only for an account never graded, so the
    # population is ranked a second time only when there is such an account
    if all(code in grades for code in codes):
        current = [Grade(grades[code]) for code in codes]
    else:
        now = rank_columns(keys, program.terms.rules.cutoffs).grades_as_given()
        current = [Grade(grades[code]) if code in grades else now[i] for i, code in enumerate(codes)]
    # an account without sales counts a margin of 0.00: every account's margin has two places (none: 0)
    total_margin = Decimal(sum(margin)).scaleb(-2) if codes else Decimal(0)
    result = simulate_columns(codes, keys, current, net, total_margin, program.terms.cashback_percent, scenario)
    return Simulation(as_of, (scenario.cutoffs.l1, scenario.cutoffs.l2, scenario.cutoffs.l3),
                      {g.value: p for g, p in scenario.cashback_percent.items()}, result, fx.base)


def _in_base(fx: FxTable, bases: SimulationBases, day: date) -> tuple[list[int], list[int]]:
    """Each account's (net revenue, margin) in the base currency on `day`, in whole cents (0 without sales rows)."""
    # (the sums are both None or neither: one outer join)
    net = [0 if c is None else c for c in bases.net_cents]
    margin = [0 if c is None else c for c in bases.margin_cents]
    to_base = fx.converter(day)
    for i, currency in enumerate(bases.currencies):
        if currency == fx.base or bases.net_cents[i] is None:  # what `to_base` gives these, without two calls
            continue
        try:
            # `to_base` rounds to cents: whole cents again
            net[i] = int(to_base(Decimal(net[i]).scaleb(-2), currency).scaleb(2))
            margin[i] = int(to_base(Decimal(margin[i]).scaleb(-2), currency).scaleb(2))
        except MissingRateError as exc:
            raise ServiceError("cannot simulate {code}: {problem}", code=bases.codes[i], problem=exc.message) from None
    return net, margin
