"""Potential slots: per category total vs our trailing-12-month sales, the roll-up and the potential matrix."""

from __future__ import annotations

import statistics
import threading
import uuid
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kam_desktop.domain.fx import FxTable, MissingRateError
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.slots import (
    AccountPotential,
    CategorySlot,
    CategorySpend,
    OurSales,
    PotentialMatrix,
    Quadrant,
    category_slots,
    potential_matrix,
    roll_up,
    slot_problems,
)
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, ServiceError
from kam_desktop.store.models import Account, AuditEntry, PotentialSlot, ProductCategory, User
from kam_desktop.store.queries.fx import fx_table
from kam_desktop.store.queries.grades import account_currencies, accounts
from kam_desktop.store.queries.sales import sales_by_category
from kam_desktop.store.queries.slots import SlotRow, latest_slots, slots_with_sales


@dataclass(frozen=True)
class SlotLine:
    """One category of one account: gathered total, ours over 12 months, slot and share of wallet."""

    category: str
    total_units: Decimal
    total_money: Decimal
    our_units: Decimal
    our_money: Decimal
    slot_units: Decimal
    slot_money: Decimal
    share_units: Decimal | None
    share_money: Decimal | None
    source: str
    collected_on: date
    confidence: Decimal
    needs_refresh: bool  # we already sell more than the gathered total


@dataclass(frozen=True)
class AccountSlots:
    """An account's slots, their roll-up and its place on the portfolio's potential matrix."""

    code: str
    as_of: date
    categories: list[SlotLine]
    total: AccountPotential | None
    quadrant: Quadrant | None
    units_threshold: Decimal
    money_threshold: Decimal  # in the base currency, like every sum over accounts
    currency: str = ""  # the account's: what its categories' money is in
    base_currency: str = ""


@dataclass(frozen=True)
class PortfolioPotential:
    """Every account's rolled-up potential and the matrix that places them (keys: account id as text).

    `potentials` are in each account's currency; `in_base` the same in the base currency (at the day's closing
    rates), which is what the matrix and any sum over accounts use: medians of mixed currencies mean nothing.
    """

    potentials: dict[str, AccountPotential]
    matrix: PotentialMatrix
    in_base: dict[str, AccountPotential] = field(default_factory=dict)
    base_currency: str = ""


def portfolio_potential(session: Session, as_of: date) -> PortfolioPotential:
    """Slots of every account against its trailing-12-month sales; thresholds = portfolio medians (base currency)."""
    first, last = trailing_window(as_of, 12)
    keys: dict[str, str] = {}  # hex digits → the id's text, made once per account (the domain keys by id text)
    currencies: dict[str, str] = {}
    slots = []
    for account, category, currency, units, money, our_units, our_money in slots_with_sales(session, as_of, first,
                                                                                             last):
        key = keys.get(account)
        if key is None:
            key = keys[account] = str(uuid.UUID(hex=account))
            currencies[key] = currency
        slots.append(CategorySlot(key, category, units, money, our_units, our_money))
    potentials = roll_up(slots)
    fx = fx_table(session)
    in_base = _converted(potentials, currencies, fx, as_of)
    return PortfolioPotential(potentials, potential_matrix(in_base), in_base, fx.base)


def in_base_currency(session: Session, potentials: dict[str, AccountPotential], fx: FxTable,
                     as_of: date) -> dict[str, AccountPotential]:
    """The potentials' money in the base currency at the closing rate of `as_of` (units as they are).

    An account whose currency has no rate on the day is left out (not placed on the matrix, not in its medians):
    never converted 1:1, and one missing rate does not stop every other account's slot view.
    """
    return _converted(potentials, account_currencies(session, [uuid.UUID(key) for key in potentials]), fx, as_of)


def _converted(potentials: dict[str, AccountPotential], currencies: dict[str, str], fx: FxTable,
               as_of: date) -> dict[str, AccountPotential]:
    result = {}
    for key, p in potentials.items():
        currency = currencies.get(key, fx.base)
        try:
            result[key] = replace(p, total_money=fx.to_base(p.total_money, currency, as_of),
                                  our_money=fx.to_base(p.our_money, currency, as_of),
                                  slot_money=fx.to_base(p.slot_money, currency, as_of))
        except MissingRateError:
            continue
    return result


def _spend(row: SlotRow) -> CategorySpend:
    # keyed by ids here (matched with sales by id); the category code is shown by the callers
    return CategorySpend(
        str(row.account_id), str(row.category_id), row.total_units, row.total_value, row.source,
        row.collected_on, str(row.confidence),
    )


@dataclass(frozen=True)
class MatrixThresholds:
    """The portfolio medians that split the potential matrix (slot units, slot money)."""

    units: Decimal
    money: Decimal


@dataclass(frozen=True)
class _Fingerprint:
    lines: tuple[object, ...]  # invoice lines: audited imports (+ the largest rowid on SQLite)
    slots: tuple[object, ...]  # potential slots: the latest update (+ the largest rowid on SQLite)


@dataclass(frozen=True)
class _Remembered:
    fingerprint: _Fingerprint
    potentials: dict[str, tuple[Decimal, Decimal]]  # account id → (slot units, slot money)
    thresholds: MatrixThresholds


_CACHE: dict[tuple[str, date], _Remembered] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_KEEP = 4  # (store, day) pairs remembered
_INCREMENTAL_LIMIT = 200  # more changed accounts than this: recompute the whole portfolio


def _fingerprint(session: Session) -> _Fingerprint:
    """A cheap key that changes whenever the inputs of the portfolio's potential may have changed.

    Invoice lines are append-only and written only by audited imports: the number of import entries
    (an index range of audit_log) and, on SQLite, the largest rowid (O(log n)) move with every insert.
    Slots are never hard-deleted and every save or soft delete stamps `updated_at` (indexed, so its
    maximum is O(log n)); on SQLite the largest rowid also catches rows inserted with an older stamp.
    """
    imports = select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "import").scalar_subquery()
    latest = select(func.max(PotentialSlot.updated_at)).scalar_subquery()
    row = session.execute(select(imports, latest)).one()
    lines: tuple[object, ...] = (row[0],)
    slots: tuple[object, ...] = (row[1],)
    if session.get_bind().dialect.name == "sqlite":
        rowids = session.execute(text(
            "SELECT (SELECT max(rowid) FROM invoice_lines), (SELECT max(rowid) FROM potential_slots)")).one()
        lines, slots = (*lines, rowids[0]), (*slots, rowids[1])
    return _Fingerprint(lines, slots)


def matrix_thresholds(session: Session, as_of: date, store_key: str) -> MatrixThresholds:
    """The portfolio medians as of a day, computed once per (store, day) and kept until the data changes.

    The full computation reads twelve months of every account's sales by category (seconds at millions
    of lines); placing one account needs only these two numbers. After slots were saved (and no lines
    imported) only the accounts whose slots changed are recomputed, by account-filtered queries.
    """
    fingerprint = _fingerprint(session)
    with _CACHE_LOCK:
        cached = _CACHE.get((store_key, as_of))
    if cached is not None and cached.fingerprint == fingerprint:
        return cached.thresholds
    potentials = None
    if cached is not None and cached.fingerprint.lines == fingerprint.lines:
        potentials = _updated(session, as_of, cached)
    if potentials is None:
        potentials = _slot_sizes(portfolio_potential(session, as_of))
    return _remember(store_key, as_of, fingerprint, potentials)


def remembered_portfolio_potential(session: Session, as_of: date, store_key: str) -> PortfolioPotential:
    """`portfolio_potential`, its medians remembered for `matrix_thresholds` as that computes them.

    The window reads the whole portfolio's potential for the wallets after the rows; without this, the first account
    opened that day computed it all again for two medians (~6 s of CPU at 20,000 accounts)."""
    fingerprint = _fingerprint(session)  # first: in this read's snapshot, as what is computed from it
    potential = portfolio_potential(session, as_of)
    _remember(store_key, as_of, fingerprint, _slot_sizes(potential))
    return potential


def _slot_sizes(potential: PortfolioPotential) -> dict[str, tuple[Decimal, Decimal]]:
    return {k: (p.slot_units, p.slot_money) for k, p in potential.in_base.items()}


def _remember(store_key: str, as_of: date, fingerprint: _Fingerprint,
              potentials: dict[str, tuple[Decimal, Decimal]]) -> MatrixThresholds:
    values = list(potentials.values())
    thresholds = MatrixThresholds(_median([u for u, _ in values]), _median([m for _, m in values]))
    with _CACHE_LOCK:
        _CACHE.pop((store_key, as_of), None)
        _CACHE[(store_key, as_of)] = _Remembered(fingerprint, potentials, thresholds)
        while len(_CACHE) > _CACHE_KEEP:
            del _CACHE[next(iter(_CACHE))]
    return thresholds


def _updated(session: Session, as_of: date, cached: _Remembered) -> dict[str, tuple[Decimal, Decimal]] | None:
    """The cached potentials with the accounts whose slots changed since recomputed; None: do it all."""
    since = cached.fingerprint.slots[0]
    if since is None:
        return None
    changed = set(session.scalars(
        select(PotentialSlot.account_id).where(PotentialSlot.updated_at > since).distinct()
        .limit(_INCREMENTAL_LIMIT + 1)))
    if not changed or len(changed) > _INCREMENTAL_LIMIT:  # e.g. a pulled change stamped in the past
        return None
    first, last = trailing_window(as_of, 12)
    potentials = dict(cached.potentials)
    for account_id in changed:
        key = str(account_id)
        mine = _account_potential(session, account_id, as_of, first, last).get(key)
        if mine is None:
            potentials.pop(key, None)
        else:
            potentials[key] = (mine.slot_units, mine.slot_money)
    return potentials


def _account_potential(
    session: Session, account_id: uuid.UUID, as_of: date, first: date, last: date
) -> dict[str, AccountPotential]:
    ours = {
        (str(s.account_id), str(s.category_id)): OurSales(s.units, s.net_revenue)
        for s in sales_by_category(session, first, last, account_id)
    }
    rolled = roll_up(category_slots((_spend(r) for r in latest_slots(session, as_of, account_id)), ours))
    return in_base_currency(session, rolled, fx_table(session), as_of)  # the cache keeps base-currency money


def _median(values: list[Decimal]) -> Decimal:
    return statistics.median(values) if values else Decimal(0)  # as the domain's matrix


def forget_thresholds() -> None:
    """Drop every remembered threshold (tests; after restoring a backup over an open store)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def account_slots(ctx: Context, code: str, as_of: date | None = None) -> AccountSlots:
    """The slot view of one account, placed on the portfolio's matrix (its medians are cached per day)."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        first, last = trailing_window(as_of, 12)
        rows = latest_slots(session, as_of, account.id)
        ours = {
            (str(s.account_id), str(s.category_id)): OurSales(s.units, s.net_revenue)
            for s in sales_by_category(session, first, last, account.id)
        }
        slots = category_slots((_spend(r) for r in rows), ours)
        thresholds = matrix_thresholds(session, as_of, ctx.store.url)
        key = str(account.id)
        total = roll_up(slots).get(key)
        # placed in the base currency, as the thresholds are; shown in the account's own
        fx = fx_table(session)
        base = in_base_currency(session, {key: total}, fx, as_of) if total else {}
    lines = [_line(slot, row) for slot, row in zip(slots, rows, strict=True)]
    placed = potential_matrix(base, thresholds.units, thresholds.money) if base else None
    return AccountSlots(
        code=account.code, as_of=as_of, categories=lines, total=total,
        quadrant=placed.placements.get(key) if placed else None, units_threshold=thresholds.units,
        money_threshold=thresholds.money, currency=account.currency, base_currency=fx.base,
    )


def _line(slot: CategorySlot, row: SlotRow) -> SlotLine:
    return SlotLine(
        category=row.category, total_units=slot.total_units, total_money=slot.total_money,
        our_units=slot.our_units, our_money=slot.our_money, slot_units=slot.slot_units,
        slot_money=slot.slot_money, share_units=slot.share_units, share_money=slot.share_money,
        source=row.source, collected_on=row.collected_on, confidence=row.confidence,
        needs_refresh=slot.ours_exceed_total,
    )


def save_slot(
    ctx: Context, code: str, category: str, *, total_units: Decimal, total_money: Decimal, source: str,
    collected_on: date, confidence: Decimal, note: str | None = None,
) -> uuid.UUID:
    """Record a gathered total for (account, category, date); the same date again updates it. Validated."""
    ctx.permit(UseCase.SAVE_SLOT)
    problems = slot_problems(total_units, total_money, source, collected_on, confidence, ctx.today())
    if problems:
        raise ServiceError("slot {code}/{category}: {problems}", code=code, category=category,
                           problems="; ".join(problems))
    with ctx.unit_of_work() as uow:
        session = uow.session
        account = account_for(ctx, session, UseCase.SAVE_SLOT, code)
        category_id = session.scalar(select(ProductCategory.id).where(ProductCategory.code == category))
        if category_id is None:
            raise NotFound("no product category {category!r}", category=category)
        row = session.scalar(select(PotentialSlot).where(
            PotentialSlot.account_id == account.id, PotentialSlot.category_id == category_id,
            PotentialSlot.collected_on == collected_on,
        ))
        if row is None:
            row = PotentialSlot(account_id=account.id, category_id=category_id, collected_on=collected_on)
            session.add(row)
        row.total_units, row.total_value, row.currency = total_units, total_money, account.currency
        row.source, row.confidence, row.note, row.deleted_at = source, confidence, note, None
        session.flush()
        uow.audit("slot.save", "potential_slot", row.id, account=code, category=category,
                  total_units=total_units, total_money=total_money, source=source, collected_on=collected_on)
        uow.commit()
        return row.id


def matrix_points(ctx: Context, as_of: date | None = None) -> list[tuple[str, Decimal, Decimal, str]]:
    """(code, slot units, slot money in the base currency, quadrant) of every account with slots: the program
    dashboard's matrix (`Desk.base_currency()` names the currency)."""
    ctx.permit(UseCase.VIEW_REPORTS)
    return _points(ctx, as_of, None)


def portfolio_matrix_points(ctx: Context, as_of: date | None = None,
                            owner: str | None = None) -> list[tuple[str, Decimal, Decimal, str]]:
    """The points of one KAM's accounts (a KAM: their own), placed on the program's matrix."""
    return _points(ctx, as_of, ctx.owner_filter(UseCase.VIEW_PORTFOLIO_KPIS, owner))


def _points(ctx: Context, as_of: date | None, owner: str | None) -> list[tuple[str, Decimal, Decimal, str]]:
    with ctx.read() as session:
        potential = portfolio_potential(session, as_of or ctx.today())
        codes = {str(a.id): a.code for a in accounts(session, active_only=False)}
        if owner is not None:
            mine = set(session.scalars(select(Account.id).join(User, User.id == Account.owner_id)
                                       .where(User.login == owner)))
            codes = {key: code for key, code in codes.items() if uuid.UUID(key) in mine}
    result = []
    for key, p in potential.in_base.items():  # slot money in the base currency: one axis, one currency
        if key not in codes:
            continue
        placed = potential.matrix.placements.get(key)
        result.append((codes.get(key, key), p.slot_units, p.slot_money, placed.value if placed else ""))
    return result


@dataclass(frozen=True)
class CategoryLine:
    """A product category as a form offers it: its code and its name per language."""

    code: str
    names: dict[str, str]


def product_categories(ctx: Context) -> list[CategoryLine]:
    """Every product category we sell, by code (a slot can be gathered for any of them)."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        rows = session.execute(select(ProductCategory.code, ProductCategory.name, ProductCategory.name_pl,
                                      ProductCategory.name_ru).where(ProductCategory.deleted_at.is_(None))
                               .order_by(ProductCategory.code))
        return [CategoryLine(code, {"en": name, "pl": pl or name, "ru": ru or name}) for code, name, pl, ru in rows]
