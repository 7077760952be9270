"""Reads the engine needs about accounts and their grade history: active accounts, latest evaluations, overrides."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, cast, overload

from sqlalchemy import ColumnElement, Select, and_, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from kam_desktop.domain.money import ZERO
from kam_desktop.domain.vocabulary import AccountStatus
from kam_desktop.store.codec import scaled_decimal
from kam_desktop.store.models import Account, GradeEvaluation, GradeOverride, User
from kam_desktop.store.queries.sales_source import bound, cut_edges, money, month_sum, windowed
from kam_desktop.store.types import HexUuid, Money


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
    owner: str | None = None  # the owning KAM's login (filled by `account_by_code`)


def accounts(session: Session, active_only: bool = True) -> list[AccountRef]:
    """Accounts that are not deleted (and, by default, active), by code."""
    query = select(
        type_coerce(Account.id, HexUuid()), Account.code, Account.kind, Account.currency, Account.status,
        Account.enrolled_on, Account.control_group,
    ).where(Account.deleted_at.is_(None))  # HexUuid: 20,000 ids per close decoded at a third of the cost
    if active_only:
        query = query.where(Account.status == AccountStatus.ACTIVE)
    return [AccountRef(*row) for row in session.execute(query.order_by(Account.code))]


class GradingBasis(NamedTuple):
    """One active account as grading sees it: who it is and its summed basis in the window (0 when no sales).

    A named tuple: made from each of 20,000 result rows as it comes (a frozen dataclass cost ten times as much).
    """

    code: str
    kind: str
    currency: str
    amount: Decimal


def graded_by(day: date) -> ColumnElement[bool]:
    """An active account that takes part in a grading on `day`: not deleted, and enrolled by then (or never dated)."""
    return and_(Account.deleted_at.is_(None), Account.status == AccountStatus.ACTIVE,
                or_(Account.enrolled_on.is_(None), Account.enrolled_on <= day))


class Cents(Sequence[Decimal]):
    """Whole cents (how SQLite keeps money) read as Decimals with two places, each one when it is asked for."""

    __slots__ = ("cents",)

    def __init__(self, cents: Sequence[int]) -> None:
        self.cents = cents

    def __len__(self) -> int:
        return len(self.cents)

    @overload
    def __getitem__(self, index: int) -> Decimal: ...

    @overload
    def __getitem__(self, index: slice) -> list[Decimal]: ...

    def __getitem__(self, index: int | slice) -> Decimal | list[Decimal]:
        if isinstance(index, slice):
            return [scaled_decimal(c, 2) for c in self.cents[index]]
        return scaled_decimal(self.cents[index], 2)


@dataclass(frozen=True, slots=True)
class GradingBases:
    """Every account a grading takes, as columns (the i-th account is `codes[i]`): iterated, one `GradingBasis` each.

    Columns: 20,000 rows transposed by the driver's tuples' `zip`, with no object or Decimal made per row.
    """

    codes: Sequence[str]
    kinds: Sequence[str]
    currencies: Sequence[str]
    amounts: Sequence[Decimal]
    cents: Sequence[int] | None = None  # the amounts as whole cents, when read so (SQLite): exact, ranked faster

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[GradingBasis]:
        return map(GradingBasis._make, zip(self.codes, self.kinds, self.currencies, self.amounts, strict=True))

    @classmethod
    def from_rows(cls, rows: Iterable[GradingBasis]) -> GradingBases:
        """The columns of rows read one by one."""
        listed = list(rows)
        return cls([r.code for r in listed], [r.kind for r in listed], [r.currency for r in listed],
                   [r.amount for r in listed])


def grading_bases(session: Session, first: date, last: date, margin: bool, as_of: date) -> GradingBases:
    """Every account graded on `as_of` (`graded_by`) with its net revenue (or margin) for invoice dates in
    [first, last].

    One statement over the accounts: each one's whole months summed by a seek into the sales roll-up, and the lines
    of cut edge months grouped per account and joined; only the one summed column comes back and no account id is
    decoded (grading 20,000 accounts is keyed by code).
    """
    at = bound(first, last)
    basis = money("amount", (lambda p: p.margin_amount) if margin else (lambda p: p.net_amount))
    edges = cut_edges(at, [basis], dialect=session.get_bind().dialect.name)
    amount = month_sum(at, Account.id, "margin_amount" if margin else "net_amount", "whole_lo", "whole_hi")
    query = select(Account.code, Account.kind, Account.currency, amount).where(graded_by(as_of))
    if edges is not None:
        query = (select(Account.code, Account.kind, Account.currency,
                        type_coerce(amount + func.coalesce(edges.c.amount, literal(ZERO, Money())), Money()))
                 .outerjoin(edges, edges.c.account_id == Account.id)
                 .where(graded_by(as_of)))
    # never None (each sum is coalesced to 0); through the Core connection: the ORM's result wraps each row again
    connection = session.connection()
    result = connection.execute(query)
    if connection.dialect.name != "sqlite":
        return GradingBases.from_rows(map(GradingBasis._make, result))
    with closing(result):
        # the driver's own tuples, transposed: SQLAlchemy's row handling cost ~0.5 us a row, a named tuple and a
        # Decimal each ~1 us more (of ~100 ms at 20,000 accounts)
        rows = cast(list[tuple[str, str, str, int]], result.cursor.fetchall())
    if not rows:
        return GradingBases([], [], [], [])
    codes, kinds, currencies, cents = zip(*rows, strict=True)
    # (the column's types found in C, not by a generator step per account)
    if set(map(type, cents)) != {int}:  # a sum SQLite could only keep as a float: made Decimal as read
        return GradingBases(codes, kinds, currencies, [scaled_decimal(c, 2) for c in cents])
    return GradingBases(codes, kinds, currencies, Cents(cents), cents)


@dataclass(frozen=True)
class AccountBasis:
    """One active account as the simulator sees it: its net revenue and margin in a window (None: no sales rows)."""

    code: str
    currency: str
    net_revenue: Decimal | None
    gross_margin: Decimal | None


def simulation_bases(session: Session, first: date, last: date) -> list[AccountBasis]:
    """Every active account by code, with its net revenue and margin for invoice dates in [first, last]: one
    statement, accounts joined after grouping (no account id decoded, as `grading_bases`)."""
    return [AccountBasis(*row) for row in session.execute(_simulation_query(session, first, last))]


@dataclass(frozen=True, slots=True)
class SimulationBases:
    """`simulation_bases` as columns, the amounts in whole cents (None: no sales rows): 20,000 accounts at once."""

    codes: Sequence[str]
    currencies: Sequence[str]
    net_cents: Sequence[int | None]
    margin_cents: Sequence[int | None]


def simulation_columns(session: Session, first: date, last: date) -> SimulationBases:
    """`simulation_bases` (the same statement) as columns: on SQLite the driver's tuples transposed, no Decimal made."""
    query = _simulation_query(session, first, last)
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        with closing(connection.execute(query)) as result:
            rows = cast(list[tuple[str, str, int | None, int | None]], result.cursor.fetchall())
        if not rows:
            return SimulationBases([], [], [], [])
        codes, currencies, net, margin = zip(*rows, strict=True)
        if all(type(c) is int or c is None for c in net + margin):  # else a sum SQLite kept as a float: read below
            return SimulationBases(codes, currencies, net, margin)
    bases = simulation_bases(session, first, last)
    return SimulationBases([b.code for b in bases], [b.currency for b in bases],
                           [None if b.net_revenue is None else _cents(b.net_revenue) for b in bases],
                           [None if b.gross_margin is None else _cents(b.gross_margin) for b in bases])


def _cents(amount: Decimal) -> int:
    """A money amount (two places) as whole cents."""
    cents = amount.scaleb(2)
    if cents != cents.to_integral_value():
        raise ValueError(f"{amount} is not a whole number of cents")
    return int(cents)


def _simulation_query(session: Session, first: date, last: date) -> Select[Any]:
    sales = windowed(bound(first, last), ["account_id"],
                     [money("net", lambda p: p.net_amount), money("margin", lambda p: p.margin_amount)],
                     dialect=session.get_bind().dialect.name)
    return (
        select(Account.code, Account.currency, sales.c.net, sales.c.margin)
        .outerjoin(sales, sales.c.account_id == Account.id)
        .where(Account.deleted_at.is_(None), Account.status == AccountStatus.ACTIVE)
        .order_by(Account.code)
    )


def latest_grades_by_code(session: Session, on_or_before: date, before: bool = False) -> dict[str, str]:
    """Each account's grade in its latest evaluation dated on or before a day (strictly before it when `before`), by
    account code (one column)."""
    condition = GradeEvaluation.evaluated_on < on_or_before if before else GradeEvaluation.evaluated_on <= on_or_before
    query = (
        select(Account.code, GradeEvaluation.grade)
        .join(Account, Account.id == GradeEvaluation.account_id)
        .where(_latest_of_each_account(condition))
    )
    return {code: grade for code, grade in session.execute(query)}


def grades_in_force_by_code(session: Session, start: date, end: date) -> dict[str, str]:
    """The grade in force during a period [start, end], by account code: the latest evaluation dated before `start`,
    else (an account first graded during the period) the latest dated by `end`; accounts with neither are left out.

    What `latest_grades_by_code` before `start`, then on `end`, give, in one pass over the accounts: one seek each
    into the (account, day) key, where those two read every account's evaluations twice (a close at 20,000 accounts).
    """
    def latest(condition: Any) -> Any:
        g = aliased(GradeEvaluation)
        return (select(g.grade).where(g.account_id == Account.id, condition(g.evaluated_on))
                .order_by(g.evaluated_on.desc()).limit(1).scalar_subquery())

    in_force = func.coalesce(latest(lambda day: day < start), latest(lambda day: day <= end))
    # the accounts without a grade are dropped here: a WHERE on the subqueries would run them again
    rows = session.connection().execute(select(Account.code, in_force))  # Core: columns only, no entities to load
    return {code: grade for code, grade in rows if grade is not None}


def account_currencies(session: Session, ids: list[uuid.UUID]) -> dict[str, str]:
    """The currency of each of these accounts, keyed by id text (one account's view reads one row, not 20,000)."""
    query = select(Account.id, Account.currency)
    if len(ids) <= 500:  # a handful (one account's slots): seek them; else one scan beats a huge IN list
        query = query.where(Account.id.in_(ids))
    return {str(account_id): currency for account_id, currency in session.execute(query)}


def account_by_code(session: Session, code: str) -> AccountRef | None:
    """One account (active or not) by its ERP code, with its owner's login."""
    row = session.execute(
        select(
            Account.id, Account.code, Account.kind, Account.currency, Account.status, Account.enrolled_on,
            Account.control_group, User.login,
        ).outerjoin(User, User.id == Account.owner_id).where(Account.code == code, Account.deleted_at.is_(None))
    ).first()
    return AccountRef(*row) if row else None


def _latest_of_each_account(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """Join condition picking each account's latest evaluation among those meeting `condition`."""
    latest = (
        select(GradeEvaluation.account_id, func.max(GradeEvaluation.evaluated_on).label("on"))
        .where(condition)
        .group_by(GradeEvaluation.account_id)
        .subquery()
    )
    return and_(latest.c.account_id == GradeEvaluation.account_id, latest.c.on == GradeEvaluation.evaluated_on)


def latest_evaluations(session: Session, on_or_before: date, before: bool = False) -> dict[uuid.UUID, GradeEvaluation]:
    """Each account's latest evaluation dated on or before a day (strictly before it when `before`)."""
    condition = GradeEvaluation.evaluated_on < on_or_before if before else GradeEvaluation.evaluated_on <= on_or_before
    rows = session.scalars(select(GradeEvaluation).where(_latest_of_each_account(condition)))
    return {e.account_id: e for e in rows}


def latest_evaluation(session: Session, account_id: uuid.UUID, on_or_before: date) -> GradeEvaluation | None:
    """One account's latest evaluation dated on or before a day (the grade in force then), or None."""
    return session.scalar(
        select(GradeEvaluation)
        .where(GradeEvaluation.account_id == account_id, GradeEvaluation.evaluated_on <= on_or_before)
        .order_by(GradeEvaluation.evaluated_on.desc())
        .limit(1)
    )


class EvaluationState(NamedTuple):
    """The fields of an account's latest evaluation that the next evaluation carries forward (a named tuple: one per
    graded account, made as its row comes)."""

    computed_grade: str
    previous_grade: str | None
    at_risk: bool
    held_evaluations: int


def latest_states_by_code(session: Session, before: date) -> dict[str, EvaluationState]:
    """Each account's latest evaluation dated strictly before a day, by account code (columns only)."""
    query = (
        select(Account.code, GradeEvaluation.computed_grade, GradeEvaluation.previous_grade,
               GradeEvaluation.at_risk, GradeEvaluation.held_evaluations)
        .join(Account, Account.id == GradeEvaluation.account_id)
        .where(_latest_of_each_account(GradeEvaluation.evaluated_on < before))
    )
    return {code: EvaluationState(computed, previous, at_risk, held)
            for code, computed, previous, at_risk, held in session.connection().execute(query)}


def evaluation_count(session: Session, on: date) -> int:
    """How many evaluations are dated exactly `on`."""
    return session.scalar(select(func.count()).where(GradeEvaluation.evaluated_on == on)) or 0


def last_evaluation_date(session: Session) -> date | None:
    """The date of the latest evaluation in the store."""
    return session.scalar(select(func.max(GradeEvaluation.evaluated_on)))


def _standing_overrides(on: date, *extra: Any) -> Select[Any]:
    """Overrides set on or before `on` that no row set by then revokes, oldest first per account."""
    revoker = aliased(GradeOverride)
    revoked = select(revoker.revokes_id).where(revoker.revokes_id.is_not(None), revoker.valid_from <= on)
    return (
        select(GradeOverride, *extra)
        .where(GradeOverride.valid_from <= on, GradeOverride.id.not_in(revoked))
        .order_by(GradeOverride.account_id, GradeOverride.valid_from, GradeOverride.created_at)
    )


def current_overrides(session: Session, on: date) -> dict[uuid.UUID, GradeOverride]:
    """Each account's latest override set on or before `on` that no later row revokes (expired ones too)."""
    result: dict[uuid.UUID, GradeOverride] = {}
    for row in session.scalars(_standing_overrides(on)):
        result[row.account_id] = row  # later rows win
    return result


def current_overrides_by_code(session: Session, on: date) -> dict[str, GradeOverride]:
    """`current_overrides`, keyed by account code."""
    query = _standing_overrides(on, Account.code).join(Account, Account.id == GradeOverride.account_id)
    result: dict[str, GradeOverride] = {}
    for row, code in session.execute(query):
        result[code] = row  # later rows win
    return result
