"""What-if: today's bases under other cut-offs or cashback %, before anything is applied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import cast

from sqlalchemy.orm import Session

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.grades import Basis, Cutoffs, GradeConfigError, rank_accounts
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.simulate import Scenario, SimulatedAccount, SimulationResult
from kam_desktop.domain.simulate import simulate as run
from kam_desktop.domain.vocabulary import Grade
from kam_desktop.services.bulk import collection_held
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.store import kpi_snapshot
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import AccountBasis, latest_grades_by_code, simulation_bases


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
    margin_basis = program.terms.rules.basis is Basis.GROSS_MARGIN
    figures = list(zip(bases.codes, bases.figures(), strict=True))
    grades = {c: g for c, g in zip(bases.codes, bases.grades, strict=True) if g is not None}
    basis = {c: (s[1] if margin_basis else s[0]) if s else ZERO for c, s in figures}
    # an account's grade is its latest one; the rules' grade of today only for an account never graded, so the
    # population is ranked a second time only when there is such an account
    now = rank_accounts(basis, program.terms.rules.cutoffs) if any(c not in grades for c, _ in figures) else {}
    items = [SimulatedAccount(c, basis[c], Grade(grades[c]) if c in grades else now[c].grade,
                              s[0] if s else ZERO, s[1] if s else ZERO)
             for c, s in figures]
    result = run(items, program.terms.cashback_percent, scenario)
    return Simulation(as_of, (scenario.cutoffs.l1, scenario.cutoffs.l2, scenario.cutoffs.l3),
                      {g.value: p for g, p in scenario.cashback_percent.items()}, result, bases.currency)


@dataclass(frozen=True)
class Bases:
    """Every account's 12-month (net revenue, margin) in the base currency (None: no sales rows) and latest grade
    (None: never graded) as of a day, in one column each: what a scenario is priced on, remembered on a laptop."""

    codes: tuple[str, ...]
    net: tuple[Decimal | None, ...]
    margin: tuple[Decimal | None, ...]
    grades: tuple[str | None, ...]
    currency: str  # the base currency

    def figures(self) -> list[tuple[Decimal, Decimal] | None]:
        return [None if n is None or m is None else (n, m) for n, m in zip(self.net, self.margin, strict=True)]


KIND = "simulation"  # of a remembered entry (store/kpi_snapshot.py)


def _bases(ctx: Context, session: Session, as_of: date, basis_months: int) -> Bases:
    """The bases remembered on this laptop for the day and data, else read (and remembered)."""
    at = kpi_snapshot.generation(session)  # in the transaction the bases are read in
    if at is not None and (found := kpi_snapshot.read(session, KIND, kpi_snapshot.PROGRAM, as_of, at, (Bases,))):
        return cast(Bases, found)
    first, last = trailing_window(as_of, basis_months)
    # by code, accounts joined after grouping: 20,000 accounts' ids are never decoded
    refs = simulation_bases(session, first, last)
    grades = latest_grades_by_code(session, as_of)
    fx = fx_table(session)
    # accounts invoice in many currencies: rank and price them in the base currency, as grading does
    figures = [_in_base(fx, a, as_of) for a in refs]
    bases = Bases(tuple(a.code for a in refs), tuple(None if f is None else f[0] for f in figures),
                  tuple(None if f is None else f[1] for f in figures), tuple(grades.get(a.code) for a in refs),
                  fx.base)
    if at is not None:
        kpi_snapshot.write(ctx.store.engine, KIND, kpi_snapshot.PROGRAM, as_of, at, bases, (Bases,))
    return bases


def _in_base(fx: FxTable, account: AccountBasis, day: date) -> tuple[Decimal, Decimal] | None:
    """The account's (net revenue, margin) in the base currency on `day`; None without sales rows."""
    if account.net_revenue is None or account.gross_margin is None:
        return None
    if account.currency == fx.base:  # what `to_base` gives it, without two calls for most accounts
        return account.net_revenue, account.gross_margin
    try:
        return (fx.to_base(account.net_revenue, account.currency, day),
                fx.to_base(account.gross_margin, account.currency, day))
    except MissingRateError as exc:
        raise ServiceError("cannot simulate {code}: {problem}", code=account.code, problem=exc.message) from None
