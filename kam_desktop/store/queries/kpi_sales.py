"""The KPIs' sales aggregated in SQL: per account its three years to a day in the base currency, per category the
basket before and after enrolment, and the share of wallet's two sums over the surveyed accounts (each account
converted at the closing rate of `as_of`) — thousands of rows, where the KPIs used to fold 1.7 million account ×
category × month rows in Python at 20,000 accounts.

The figures are exactly what that fold gave. Each account-month (for the basket each account × category × month) is
summed in the account's currency and converted at the closing rate of the month's last day, rounded to cents half up
(`FxTable.to_base`; `sql.money_at_rate` in SQL); whole months come from the roll-up, a month the day `as_of` cuts from
its lines (`sales_source`). A roll-up cell is one per line currency, so it is an account-month only while every line
of the account is in the account's currency, as imports require: an account with a line in another currency (written
through the ORM), or a sum past SQLite's integers, comes back `exact=False`, and the caller folds its months in Python.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    Text,
    and_,
    case,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session, aliased
from sqlalchemy.types import NullType

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.periods import Quarter, add_months, trailing_window
from kam_desktop.store.models import Account, InvoiceLine, PotentialSlot, ProductCategory, User
from kam_desktop.store.queries.sales_source import AccountFirstJoin
from kam_desktop.store.rollup import MONTHS, ROLLUP
from kam_desktop.store.sales_months import EDGE_SLOTS, NO_MONTH, month_key, month_span, window_parameters
from kam_desktop.store.sql import money_at_rate
from kam_desktop.store.types import Rate

CENT = Decimal("0.01")
ZERO_CENTS = Decimal("0.00")
HALF = Decimal("0.5")


@dataclass(frozen=True)
class Unconvertible:
    """A month with sales in a currency that has no rate at the month's end: the KPIs cannot be in the base currency."""

    currency: str
    month_end: date

    def error(self, fx: FxTable) -> MissingRateError:
        """The refusal `FxTable.to_base` gives for that month (the same words as converting one amount)."""
        try:
            fx.rate_on(self.currency, self.month_end)
        except MissingRateError as exc:
            return exc
        raise AssertionError(f"{self.currency} has a rate on {self.month_end}")  # pragma: no cover - by construction


@dataclass(frozen=True)
class YearsRow:
    """One account's figures over the three years, as summed in SQL (amounts in the base currency)."""

    account: str  # its code
    currency: str
    net: tuple[Decimal | None, Decimal | None]
    margin: tuple[Decimal | None, Decimal | None, Decimal | None]
    last_invoice_on: date | None
    bought: int  # bit i: positive net revenue in the i-th month of the window (`buyers` reads it)
    exact: bool  # False: fold this account's months in Python (a line in another currency, or an overflow)
    unconvertible: Unconvertible | None


class KpiAccount(NamedTuple):
    """One account as the KPIs read it, by code (20,000 ids are never decoded)."""

    code: str
    currency: str
    status: str
    enrolled_on: date | None
    control_group: bool


def kpi_accounts(session: Session, owner: str | None = None) -> list[KpiAccount]:
    """The accounts that are not deleted (`owner`'s only, when given), by code."""
    query = _owned(select(Account.code, Account.currency, Account.status, Account.enrolled_on, Account.control_group),
                   owner)
    return [KpiAccount(*row) for row in session.execute(query.order_by(Account.code))]


def account_ids(owner: str | None = None) -> Select[Any]:
    """A query of the ids `kpi_accounts` reads (for a statement that needs the accounts by id, e.g. the ledger)."""
    return _owned(select(Account.id), owner)


def _owned(query: Any, owner: str | None) -> Select[Any]:
    """`query` over accounts limited to those not deleted (and `owner`'s, when given)."""
    query = query.where(Account.deleted_at.is_(None))
    if owner is None:
        return cast(Select[Any], query)
    return cast(Select[Any], query.join(User, User.id == Account.owner_id).where(User.login == owner))


class Rates:
    """The closing rate at each month's end of the window, per currency, as SQL values (a missing one is 0)."""

    def __init__(self, fx: FxTable, currencies: Iterable[str], months: Sequence[str]) -> None:
        self.base = fx.base
        self.by_currency: dict[str, dict[str, Decimal | None]] = {
            c: {m: _rate_or_none(fx, c, month_span(m)[1]) for m in months} for c in sorted(set(currencies)) if c != fx.base}

    def missing(self) -> dict[str, list[str]]:
        """Per currency, the months without a rate (usually none)."""
        gaps = {c: [m for m, r in rates.items() if r is None] for c, rates in self.by_currency.items()}
        return {c: months for c, months in gaps.items() if months}

    def in_base(self, amount: Any, currency: Any, month: Any, dialect: str,
                within: tuple[str, str] | None = None) -> ColumnElement[Any]:
        """`amount` of `currency` (a column, or a known currency) in the base currency at `month`'s closing rate
        (`month` known to lie `within` these months, when given: a shorter search)."""
        if isinstance(currency, str):
            if currency == self.base:
                return cast(ColumnElement[Any], amount)
            return money_at_rate(amount, self._rate(currency, month, within), dialect)
        if not self.by_currency:  # one currency: nothing to convert
            return cast(ColumnElement[Any], amount)
        return case((currency == self.base, amount),
                    *((currency == c, money_at_rate(amount, self._rate(c, month, within), dialect))
                      for c in self.by_currency),
                    else_=null())

    def positive(self, amount: Any, currency: Any, month: Any, dialect: str) -> ColumnElement[bool]:
        """`in_base(...) > 0`, cheaper: at a rate of at least 0.5 every positive cent stays at least a cent, so only a
        currency with a smaller rate in the window (or a missing one) needs the converted amount."""
        small = [c for c, rates in self.by_currency.items() if any(r is None or r < HALF for r in rates.values())]
        if isinstance(currency, str) or not small:
            return cast(ColumnElement[bool], amount > 0 if currency not in small else
                        self.in_base(amount, currency, month, dialect) > 0)
        return case(*((currency == c, self.in_base(amount, c, month, dialect) > 0) for c in small),
                    else_=amount > 0)

    def lacking(self, currency: Any, month: Any) -> ColumnElement[bool] | None:
        """True where `currency` has no rate at `month`'s end (None: every rate is there)."""
        gaps = self.missing()
        if not gaps:
            return None
        return or_(*(and_(currency == c, month.in_(months)) for c, months in gaps.items()))

    def _rate(self, currency: str, month: Any, within: tuple[str, str] | None = None) -> ColumnElement[Any]:
        rates = [(m, r) for m, r in sorted(self.by_currency.get(currency, {}).items())
                 if within is None or within[0] <= m <= within[1]]
        if isinstance(month, str):
            return literal(dict(rates).get(month) or Decimal(0), Rate())
        return _search(month, rates)


def _rate_or_none(fx: FxTable, currency: str, day: date) -> Decimal | None:
    try:
        return fx.rate_on(currency, day)
    except MissingRateError:
        return None


def _search(month: Any, rates: Sequence[tuple[str, Decimal | None]]) -> ColumnElement[Any]:
    """The rate of `month` as a binary search of CASEs: ~6 comparisons for 36 months instead of ~18 in a flat CASE."""
    if len(rates) == 1:
        return literal(rates[0][1] or Decimal(0), Rate())  # no rate: 0, so only a zero amount converts (to 0)
    middle = len(rates) // 2
    return case((month < rates[middle][0], _search(month, rates[:middle])), else_=_search(month, rates[middle:]))


def _bits(month: Any, months: Sequence[str]) -> ColumnElement[Any]:
    """2^i for the i-th month of the window, as a binary search of CASEs (cohort retention reads the bits)."""
    return _bit_search(month, list(enumerate(months)))


def _bit_search(month: Any, items: Sequence[tuple[int, str]]) -> ColumnElement[Any]:
    if len(items) == 1:
        return literal(1 << items[0][0])
    middle = len(items) // 2
    return case((month < items[middle][1], _bit_search(month, items[:middle])),
                else_=_bit_search(month, items[middle:]))


@dataclass(frozen=True)
class Years:
    """The three years to `as_of` as month keys, and every month of the window in order."""

    months: tuple[str, ...]
    first: tuple[str, str, str]  # year 0, 1, 2
    last: tuple[str, str, str]

    @classmethod
    def to(cls, as_of: date) -> Years:
        """The KPIs' window: the month of `as_of` and the 35 before it."""
        last = as_of.replace(day=1)
        months = tuple(month_key(add_months(last, -i)) for i in range(35, -1, -1))
        return cls(months, (months[24], months[12], months[0]), (months[35], months[23], months[11]))

    def year_of(self, month: str) -> int:
        """0, 1 or 2."""
        return next(y for y in range(3) if self.first[y] <= month <= self.last[y])


def account_years(session: Session, fx: FxTable, as_of: date) -> list[YearsRow]:
    """Every account's (not deleted) three years to `as_of` in the base currency: one GROUP BY per part, joined to
    the accounts after grouping."""
    dialect = session.get_bind().dialect.name
    years = Years.to(as_of)
    at = window_parameters(month_span(years.months[0])[0], as_of)
    rates = Rates(fx, session.scalars(select(Account.currency).distinct()), years.months)
    if dialect == "sqlite":
        _fill_month_rates(session, rates, years)
        parts = [_whole_month_years_sqlite(at, years, rates)]
    else:
        parts = [_whole_month_years(at, years, rates, dialect)]
    parts += [_edge_years(at, slot, years, rates, dialect) for slot in range(1, EDGE_SLOTS + 1)
              if str(at[f"edge_{slot}"]) in years.months]
    u = union_all(*parts).subquery("parts")
    summed = (select(u.c.account_id, *(_raw(func.sum(u.c[n])).label(n) for n in _AMOUNTS),
                     func.max(u.c.last_on).label("last_on"), func.min(u.c.cur_lo).label("cur_lo"),
                     func.max(u.c.cur_hi).label("cur_hi"), _raw(func.sum(u.c.bought)).label("bought"),
                     func.min(u.c.lacking).label("lacking"))
              .group_by(u.c.account_id).subquery("summed"))
    # the last day raw too: `_day` parses SQLite's text (SQLAlchemy's date processing cost more, 20,000 times)
    query = (select(Account.code, Account.currency, *(summed.c[n] for n in _AMOUNTS), _raw(summed.c.last_on),
                    summed.c.cur_lo, summed.c.cur_hi, summed.c.bought, summed.c.lacking)
             .join(summed, summed.c.account_id == Account.id)
             .where(Account.deleted_at.is_(None)))
    try:
        rows = session.execute(query).all()
    finally:
        if dialect == "sqlite":
            session.connection().exec_driver_sql(_DROP_MONTH_RATES)
    read = _reader(dialect)
    result = []
    for code, currency, n0, n1, m0, m1, m2, last_on, lowest, highest, bought, lacking in rows:
        values = [read(v) for v in (n0, n1, m0, m1, m2)]
        overflowed = _INEXACT in values
        exact = lowest == highest == currency and not overflowed and not isinstance(bought, float)
        net0, net1, margin0, margin1, margin2 = [None if v is _INEXACT else v for v in values] if overflowed else values
        gap = Unconvertible(currency, month_span(str(lacking))[1]) if lacking is not None else None
        result.append(YearsRow(code, currency, (net0, net1), (margin0, margin1, margin2), _day(last_on),
                               int(bought or 0), exact, gap))
    return result


# SQLite: per (currency, month) of the window its year (0-2), its bit for `bought` and its closing rate (0: none),
# for the length of one `account_years`. One index seek per roll-up row into it is cheaper than a CASE search of
# the rate and the year for each summed column (0.51 -> 0.34 s over 625,000 rows), and the statement stays small.
# A temporary table is the connection's own: a read transaction creates it without taking the store's write lock.
_MONTH_RATES = Table("kpi_month_rates", MetaData(), Column("currency", String(3), primary_key=True),
                     Column("month", String(7), primary_key=True), Column("year", Integer, nullable=False),
                     Column("bit", BigInteger, nullable=False), Column("rate", Rate(), nullable=False),
                     prefixes=["TEMPORARY"], sqlite_with_rowid=False)
_DROP_MONTH_RATES = "DROP TABLE IF EXISTS temp.kpi_month_rates"  # the temp schema only: never a table of the store


def _fill_month_rates(session: Session, rates: Rates, years: Years) -> None:
    """`_MONTH_RATES` for this window: the base currency at 1, every other account currency at its rates."""
    connection = session.connection()
    connection.exec_driver_sql(_DROP_MONTH_RATES)  # one an earlier failure left on this connection
    _MONTH_RATES.create(connection)
    by_currency: dict[str, Mapping[str, Decimal | None]] = {rates.base: {}, **rates.by_currency}
    connection.execute(insert(_MONTH_RATES), [
        {"currency": currency, "month": month, "year": 2 - i // 12, "bit": 1 << i,
         "rate": Decimal(1) if currency == rates.base else by_month.get(month) or Decimal(0)}
        for currency, by_month in by_currency.items() for i, month in enumerate(years.months)])


def _whole_month_years_sqlite(at: Mapping[str, Any], years: Years, rates: Rates) -> Select[Any]:
    """`_whole_month_years` on SQLite: each roll-up row's year, bit and rate sought in `_MONTH_RATES`."""
    m, k = MONTHS.c, _MONTH_RATES.c
    net, margin = m.net_amount, m.margin_amount

    def in_base(amount: Any) -> ColumnElement[Any]:
        # a currency no account has finds no rate (NULL): its account comes back inexact, as in `Rates.in_base`
        return case((m.currency == rates.base, amount), else_=money_at_rate(amount, k.rate, "sqlite"))

    cut = [str(at[f"edge_{slot}"]) for slot in range(1, EDGE_SLOTS + 1) if str(at[f"edge_{slot}"]) in years.months]
    # an outer join: a cell in a currency without rates still counts in `cur_lo`/`cur_hi` (its account is inexact)
    joined = MONTHS.outerjoin(_MONTH_RATES, and_(k.currency == m.currency, k.month == m.month))
    query = (select(m.account_id.label("account_id"),
                    *(_raw(func.sum(case((k.year == y, in_base(amount))))).label(label)
                      for y, amount, label in _year_amounts(net, margin)),
                    func.max(m.last_on).label("last_on"), func.min(m.currency).label("cur_lo"),
                    func.max(m.currency).label("cur_hi"),
                    _raw(func.sum(case((in_base(net) > 0, k.bit)))).label("bought"),
                    (func.min(case((and_(k.rate == 0, or_(net != 0, margin != 0)), m.month))) if rates.missing()
                     else null()).label("lacking"))
             .select_from(joined)
             .where(m.month.between(at["month_lo"], at["month_hi"]))
             .group_by(m.account_id))
    return query.where(m.month.not_in(cut)) if cut else query


_AMOUNTS = ("net0", "net1", "margin0", "margin1", "margin2")
_INEXACT = object()


def _whole_month_years(at: Mapping[str, Any], years: Years, rates: Rates, dialect: str) -> Select[Any]:
    """The window's whole months from the account × month roll-up: one row per account."""
    m = MONTHS.c
    net, margin = m.net_amount, m.margin_amount

    def in_base(amount: Any, year: int) -> ColumnElement[Any]:
        # a roll-up cell is one currency's: its own (the account's, or the account comes back inexact)
        return rates.in_base(amount, m.currency, m.month, dialect, (years.first[year], years.last[year]))

    lacking = rates.lacking(m.currency, m.month)
    cut = [str(at[f"edge_{slot}"]) for slot in range(1, EDGE_SLOTS + 1) if str(at[f"edge_{slot}"]) in years.months]
    query = (select(m.account_id.label("account_id"),
                    *(_raw(func.sum(case((m.month.between(years.first[y], years.last[y]), in_base(amount, y)))))
                      .label(label) for y, amount, label in _year_amounts(net, margin)),
                    func.max(m.last_on).label("last_on"), func.min(m.currency).label("cur_lo"),
                    func.max(m.currency).label("cur_hi"),
                    _raw(func.sum(case((rates.positive(net, m.currency, m.month, dialect), _bits(m.month, years.months)))))
                    .label("bought"),
                    (func.min(case((and_(lacking, or_(net != 0, margin != 0)), m.month))) if lacking is not None
                     else null()).label("lacking"))
             .where(m.month.between(at["month_lo"], at["month_hi"]))
             .group_by(m.account_id))
    return query.where(m.month.not_in(cut)) if cut else query


def _year_amounts(net: Any, margin: Any) -> tuple[tuple[int, Any, str], ...]:
    """(year, amount, label) of each summed column, in the order every part selects them."""
    return ((0, net, "net0"), (1, net, "net1"), (0, margin, "margin0"), (1, margin, "margin1"), (2, margin, "margin2"))


def _edge_years(at: Mapping[str, Any], slot: int, years: Years, rates: Rates, dialect: str) -> Select[Any]:
    """One month `as_of` cuts, from its lines up to the day: one row per account (the month is known here)."""
    accounts, lines = cast(Table, Account.__table__), cast(Table, InvoiceLine.__table__)
    month = str(at[f"edge_{slot}"])
    year = years.year_of(month)
    net, margin = func.sum(lines.c.net_amount), func.sum(lines.c.margin_amount)

    def in_base(amount: Any) -> ColumnElement[Any]:
        return rates.in_base(amount, accounts.c.currency, month, dialect)

    lacking = rates.lacking(accounts.c.currency, literal(month))
    join = AccountFirstJoin(accounts, lines, and_(lines.c.account_id == accounts.c.id,
                                                   lines.c.invoice_date.between(at[f"edge_{slot}_from"],
                                                                                at[f"edge_{slot}_to"])))
    bit = 1 << years.months.index(month)
    return (select(accounts.c.id.label("account_id"),
                   *(_raw(in_base(amount) if y == year else null()).label(label)
                     for y, amount, label in _year_amounts(net, margin)),
                   func.max(lines.c.invoice_date).label("last_on"), func.min(lines.c.currency).label("cur_lo"),
                   func.max(lines.c.currency).label("cur_hi"),
                   _raw(case((rates.positive(net, accounts.c.currency, month, dialect), literal(bit)))).label("bought"),
                   (case((and_(lacking, or_(net != 0, margin != 0)), literal(month))) if lacking is not None
                    else null()).label("lacking"))
            .select_from(join)
            .group_by(accounts.c.id))  # accounts.id: the loop's own order, nothing to sort


def _raw(expression: Any) -> ColumnElement[Any]:
    """Read as the driver gives it (SQLite: integer cents, or a float after an overflow; PostgreSQL: Decimal)."""
    return type_coerce(expression, NullType())


def _reader(dialect: str) -> Any:
    """Raw money → Decimal cents; `_INEXACT` for SQLite's float (a product past 2^63: not to be trusted)."""
    if dialect == "postgresql":
        return lambda v: None if v is None else Decimal(v).quantize(CENT)
    return _sqlite_cents


def _sqlite_cents(value: Any) -> Any:
    if type(value) is int:  # nearly always: checked first
        return Decimal(value).scaleb(-2)
    return None if value is None else _INEXACT if isinstance(value, float) else Decimal(value).scaleb(-2)


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def buyers(rows: Iterable[YearsRow], as_of: date) -> dict[Quarter, set[str]]:
    """Per quarter of the window, the accounts with positive net revenue in some month of it (`kpi.buyers`)."""
    masks: dict[Quarter, int] = {}
    for i, month in enumerate(Years.to(as_of).months):
        quarter = Quarter.of(month_span(month)[0])
        masks[quarter] = masks.get(quarter, 0) | 1 << i
    return {quarter: {r.account for r in rows if r.bought & mask} for quarter, mask in masks.items()}


@dataclass(frozen=True)
class Basket:
    """Per category code, the enrolled accounts' net revenue in the 12 months before enrolment and the 12 from it
    (within the window; a category without rows on a side is absent from it)."""

    before: dict[str, Decimal]
    after: dict[str, Decimal]


def basket(session: Session, fx: FxTable, as_of: date, owner: str | None = None,
           leave_out: Collection[str] = ()) -> Basket | None:
    """The basket of every enrolled account not in the control group (`owner`'s only, when given; not the accounts
    coded `leave_out`), each account × category × month in the base currency, summed per category in SQL. None when
    some converted cell passed SQLite's integers (a float, not to be trusted): the caller folds the basket itself."""
    dialect = session.get_bind().dialect.name
    years = Years.to(as_of)
    at = window_parameters(month_span(years.months[0])[0], as_of)
    rates = Rates(fx, session.scalars(select(Account.currency).distinct()), years.months)
    enrolled = _enrolled(dialect, owner, leave_out)
    cut = [str(at[f"edge_{slot}"]) for slot in range(1, EDGE_SLOTS + 1) if str(at[f"edge_{slot}"]) in years.months]
    parts = [_whole_month_basket(at, enrolled, cut, rates, dialect, after) for after in (False, True)]
    parts += [_edge_basket(at, slot, enrolled, rates, dialect) for slot in range(1, EDGE_SLOTS + 1)
              if str(at[f"edge_{slot}"]) in cut]
    u = union_all(*parts).subquery("parts")
    summed = (select(u.c.category_id, _raw(func.sum(u.c.before)).label("before"),
                     _raw(func.sum(u.c.after)).label("after"))
              .group_by(u.c.category_id).subquery("summed"))
    query = select(ProductCategory.code, summed.c.before, summed.c.after).join(
        summed, summed.c.category_id == ProductCategory.id)
    read = _reader(dialect)
    before: dict[str, Decimal] = {}
    after: dict[str, Decimal] = {}
    for code, sum_before, sum_after in session.execute(query):
        for side, value in ((before, read(sum_before)), (after, read(sum_after))):
            if value is _INEXACT:
                return None
            if value is not None:
                side[code] = value
    return Basket(before, after)


def _enrolled(dialect: str, owner: str | None, leave_out: Collection[str]) -> Any:
    """Enrolled accounts with their enrolment month and the first and last month of the basket around it, worked out
    once per account (OFFSET 0 keeps SQLite and PostgreSQL from inlining them into every joined row)."""
    a = Account
    start, first, last, last_before = (_month_key(a.enrolled_on, shift, dialect) for shift in (0, -12, 11, -1))
    query = (select(a.id, a.currency, start.label("start"), first.label("first"), last.label("last"),
                    last_before.label("last_before"))
             .where(a.enrolled_on.is_not(None), a.control_group.is_(False), a.deleted_at.is_(None)))
    if owner is not None:
        query = query.join(User, User.id == a.owner_id).where(User.login == owner)
    if leave_out:
        query = query.where(a.code.not_in(list(leave_out)))
    return query.offset(0).subquery("enrolled")


def _month_key(day: Any, shift: int, dialect: str) -> ColumnElement[str]:
    """ "YYYY-MM" of the month `shift` months from `day`'s."""
    if dialect == "postgresql":
        return cast(ColumnElement[str], func.to_char(func.date_trunc("month", day) + func.make_interval(0, shift),
                                                     "YYYY-MM"))
    return cast(ColumnElement[str], func.strftime("%Y-%m", day, "start of month", f"{shift:+d} months"))


def _whole_month_basket(at: Mapping[str, Any], enrolled: Any, cut: list[str], rates: Rates, dialect: str,
                        after: bool) -> Any:
    """Whole months from the account × month × category roll-up, sought per enrolled account within one side of its
    basket (the 12 months before enrolment, or the 12 from it): two seeks bounded by the side's months instead of
    a test of each cell's month against the enrolment (the basket's SQL 0.41 -> ~0.3 s at 20,000 accounts)."""
    r, e = ROLLUP.c, enrolled.c
    value = rates.in_base(r.net_amount, e.currency, r.month, dialect)  # a cell: one account, category, month
    months = r.month.between(e.start, e.last) if after else r.month.between(e.first, e.last_before)
    join = AccountFirstJoin(enrolled, ROLLUP, and_(r.account_id == e.id, months))
    summed = _raw(func.sum(value))
    query = (select(r.category_id.label("category_id"), (null() if after else summed).label("before"),
                    (summed if after else null()).label("after"))
             .select_from(join)
             .where(r.month.between(at["month_lo"], at["month_hi"]))
             .group_by(r.category_id))
    return query.where(r.month.not_in(cut)) if cut else query


def _edge_basket(at: Mapping[str, Any], slot: int, enrolled: Any, rates: Rates, dialect: str) -> Any:
    """A month `as_of` cuts, from its lines: each account × category summed, converted, then summed per category."""
    lines, e = cast(Table, InvoiceLine.__table__), enrolled.c
    month = str(at[f"edge_{slot}"])
    join = AccountFirstJoin(enrolled, lines, and_(lines.c.account_id == e.id, lines.c.invoice_date.between(
        at[f"edge_{slot}_from"], at[f"edge_{slot}_to"])))
    cells = (select(lines.c.category_id.label("category_id"), e.currency, e.start,
                    func.sum(lines.c.net_amount).label("net"))
             .select_from(join)
             .where(e.first <= month, e.last >= month)
             .group_by(e.id, lines.c.category_id, e.currency, e.start)
             .subquery("cells"))
    value = rates.in_base(cells.c.net, cells.c.currency, month, dialect)
    return (select(cells.c.category_id, _raw(func.sum(case((cells.c.start > month, value)))).label("before"),
                   _raw(func.sum(case((cells.c.start <= month, value)))).label("after"))
            .group_by(cells.c.category_id))


def wallet_sums(session: Session, fx: FxTable, as_of: date, owner: str | None = None) -> tuple[Decimal, Decimal]:
    """Our sales and the clients' total spend over every account with a gathered potential (`owner`'s, not deleted,
    when given): the sums `services.potential` rolls up per account, each account's converted to the base currency
    at the closing rate of `as_of` (rounded half up, as `FxTable.to_base`) and summed in SQL — one row back, where
    the share of wallet needs no category slot, matrix or median. An account in a currency without a rate that day
    is left out, as the potential matrix leaves it out.

    Per surveyed account its latest surveys' totals and the list of its surveyed categories, then one seek into the
    roll-up (and the lines of a month the window cuts) summing the cells of those categories — no join per cell and
    nothing sorted.
    """
    dialect = session.get_bind().dialect.name
    first, last = trailing_window(as_of, 12)
    at = window_parameters(first, last)
    s, newer = PotentialSlot, aliased(PotentialSlot)
    # the latest survey of each (account, category) is the one no live survey follows (the unique key seeks it)
    superseded = select(newer.id).where(newer.account_id == s.account_id, newer.category_id == s.category_id,
                                        newer.collected_on > s.collected_on, newer.collected_on <= as_of,
                                        newer.deleted_at.is_(None)).exists()
    surveyed = (select(s.account_id.label("account_id"),
                       _raw(func.sum(case((~superseded, s.total_value)))).label("total"),
                       _listed(s.category_id, dialect).label("categories"))
                .where(s.deleted_at.is_(None), s.collected_on <= as_of)
                .group_by(s.account_id)
                .subquery("surveyed"))
    r, lines = ROLLUP.c, cast(Table, InvoiceLine.__table__).c
    cut = [str(at[f"edge_{slot}"]) for slot in range(1, EDGE_SLOTS + 1) if at[f"edge_{slot}"] != NO_MONTH]
    whole = (select(func.sum(r.net_amount))
             .where(r.account_id == surveyed.c.account_id, r.month.between(at["month_lo"], at["month_hi"]),
                    _among(surveyed.c.categories, r.category_id, dialect)))
    if cut:
        whole = whole.where(r.month.not_in(cut))
    edges = [select(func.sum(lines.net_amount))
             .where(lines.account_id == surveyed.c.account_id,
                    lines.invoice_date.between(at[f"edge_{slot}_from"], at[f"edge_{slot}_to"]),
                    _among(surveyed.c.categories, lines.category_id, dialect))
             for slot in range(1, EDGE_SLOTS + 1) if at[f"edge_{slot}"] != NO_MONTH]
    ours = sum((func.coalesce(part.scalar_subquery(), 0) for part in (whole, *edges)), literal(0))
    currencies = set(session.scalars(select(Account.currency).distinct()))
    rated = {c: rate for c in currencies - {fx.base} if (rate := _rate_or_none(fx, c, as_of)) is not None}
    per_account = (select(Account.currency.label("currency"), _raw(func.coalesce(surveyed.c.total, 0)).label("total"),
                          _raw(ours).label("ours"))
                   .join(surveyed, surveyed.c.account_id == Account.id)
                   .where(Account.currency.in_([fx.base, *rated])))
    if owner is not None:
        per_account = (per_account.join(User, User.id == Account.owner_id)
                       .where(User.login == owner, Account.deleted_at.is_(None)))
    each = per_account.offset(0).subquery("each")  # OFFSET 0: each account's sums once, not once per use below

    def in_base(amount: Any) -> ColumnElement[Any]:
        # one rounding per account and figure, as converting each account's sums one by one did
        return case((each.c.currency == fx.base, amount),
                    *((each.c.currency == c, money_at_rate(amount, literal(rate, Rate()), dialect))
                      for c, rate in rated.items()))

    read = _reader(dialect)
    sums = session.execute(select(_raw(func.sum(in_base(each.c.ours))), _raw(func.sum(in_base(each.c.total))))).one()
    values = [read(v) for v in sums]
    if _INEXACT in values:
        raise OverflowError("a potential or our sales in it are past SQLite's integers")
    return cast(Decimal, values[0] or ZERO_CENTS), cast(Decimal, values[1] or ZERO_CENTS)


def _listed(category: Any, dialect: str) -> ColumnElement[str]:
    """The account's surveyed categories as one text (ids are of one length: a match is a whole id)."""
    if dialect == "postgresql":
        return cast(ColumnElement[str], func.string_agg(sql_cast(category, Text()), ","))
    return cast(ColumnElement[str], func.group_concat(category))


def _among(listed: Any, category: Any, dialect: str) -> ColumnElement[bool]:
    """`category` is in the `_listed` text."""
    if dialect == "postgresql":
        return func.strpos(listed, sql_cast(category, Text())) > 0
    return func.instr(listed, category) > 0
