"""Manual ledger adjustments: proposed with a reason, approved by a second person above the limit, booked by finance.

The rules are `domain/adjustments.py` (who approves, who books, the limit per currency from the settlement
terms); each step is one unit of work with an audit line, and a step on a proposal changed since it was read
(`seen_version`) is refused. Booking writes the ledger entry (source `manual`, reference the ADJ number) on the
adjustment's date, or on the first open day when that date is in a locked quarter.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kam_desktop.domain import adjustments as da
from kam_desktop.domain import ledger as dl
from kam_desktop.domain.exceptions import Actor
from kam_desktop.domain.monetary import Money, MoneyError, check_amount
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.refusals import RuleRefused
from kam_desktop.domain.vocabulary import LedgerUnit, Role
from kam_desktop.services.access import account_for, permit_on_account_id
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, Refused, ServiceError
from kam_desktop.services.ledger.entries import book, load_domain
from kam_desktop.services.settlement.locks import check_open, period_locks
from kam_desktop.services.settlement.numbers import ADJUSTMENT_PREFIX, next_number
from kam_desktop.services.settlement.terms import settlement_config
from kam_desktop.store.models import Account, LedgerAdjustment
from kam_desktop.store.queries.settlement import owned_account_ids
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class AdjustmentRow:
    """An adjustment as listed: amount with its currency (points: none), status, who proposed and approved."""

    number: str
    account: str
    unit: str
    amount: Decimal
    currency: str | None
    dated: date
    reason: str
    status: str
    proposed_by: str
    approved_by: str | None
    decision_note: str | None
    booked_entry: uuid.UUID | None
    needs_approval: bool  # above the limit: a director or finance other than the proposer approves first
    version: int

    @property
    def money(self) -> Money | None:
        return Money(self.amount, self.currency) if self.currency else None


def propose(ctx: Context, code: str, unit: str, amount: Decimal | str, reason: str, dated: date | None = None,
            ) -> AdjustmentRow:
    """Propose an adjustment of the account's cashback (in its currency) or points, with the reason."""
    ctx.permit(UseCase.PROPOSE_ADJUSTMENT)
    try:
        unit_ = LedgerUnit(unit)
    except ValueError:
        raise ServiceError("{unit!r} is not a ledger unit; use cashback or points", unit=unit) from None
    with ctx.unit_of_work() as uow:
        ref = account_for(ctx, uow.session, UseCase.PROPOSE_ADJUSTMENT, code)
        value = _amount(amount)
        number = next_number(uow, ADJUSTMENT_PREFIX, ctx.today())
        try:
            domain = da.Adjustment(number, ref.code, unit_, value, ref.currency if unit_ is LedgerUnit.CASHBACK else None,
                                   dated or ctx.today(), reason.strip(), ctx.actor.login)
        except (dl.LedgerError, MoneyError) as exc:
            raise ServiceError.of(exc) from None
        row = LedgerAdjustment(id=domain.id, number=number, account_id=ref.id, unit=unit_, amount=value,
                               currency=domain.currency, dated=domain.dated, reason=domain.reason,
                               status=domain.status, proposed_by=ctx.actor.login)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("adjustment.propose", "ledger_adjustment", row.id, number=number, account=ref.code, unit=unit_,
                  amount=value, currency=domain.currency, dated=domain.dated, reason=domain.reason)
        shown = _shown(uow.session, row, ref.code)
        uow.commit()
    return shown


def _amount(amount: Decimal | str) -> Decimal:
    try:
        value = check_amount(Decimal(amount.strip()) if isinstance(amount, str) else amount)
    except InvalidOperation:
        raise ServiceError("{amount!r} is not an amount; write it like -150.00", amount=amount) from None
    except MoneyError as exc:
        raise ServiceError.of(exc) from None
    if value != value.quantize(Decimal("0.01")):
        raise ServiceError("{amount} has more than two decimal places; round it to cents", amount=value)
    return value


def approve(ctx: Context, number: str, note: str = "", seen_version: int | None = None) -> AdjustmentRow:
    """A director or finance, not the proposer, approves."""
    return _step(ctx, number, UseCase.DECIDE_ADJUSTMENT, seen_version,
                 lambda adj, actor, uow: da.approve(adj, actor, ctx.now(), note))


def reject(ctx: Context, number: str, note: str, seen_version: int | None = None) -> AdjustmentRow:
    """A director or finance refuses it, saying why."""
    return _step(ctx, number, UseCase.DECIDE_ADJUSTMENT, seen_version,
                 lambda adj, actor, uow: da.reject(adj, actor, ctx.now(), note))


def withdraw(ctx: Context, number: str, seen_version: int | None = None) -> AdjustmentRow:
    """The proposer takes it back."""
    return _step(ctx, number, UseCase.PROPOSE_ADJUSTMENT, seen_version,
                 lambda adj, actor, uow: da.withdraw(adj, actor, ctx.now()))


def book_adjustment(ctx: Context, number: str, seen_version: int | None = None) -> AdjustmentRow:
    """Finance books it as a ledger entry (on its date, or the first open day after a locked quarter)."""
    def booking(adj: da.Adjustment, actor: Actor, uow: UnitOfWork) -> da.AdjustmentChange:
        session = uow.session
        ref = permit_on_account_id(ctx, session, UseCase.BOOK_ADJUSTMENT, _row(session, number).account_id)
        locks = period_locks(session)
        limits = settlement_config(session).limits
        try:
            done = da.book(adj, actor, ctx.now(), load_domain(session, [ref]), limits, locks)
        except dl.InsufficientBalanceError as exc:
            raise Refused("{login}: {problem} [no overdraft]", login=uow.actor, problem=exc.message) from None
        check_open(locks, [done.entry], uow.actor)
        book(session, [done.entry], {ref.code: ref})
        return done.change

    return _step(ctx, number, UseCase.BOOK_ADJUSTMENT, seen_version, booking)


def _row(session: Session, number: str) -> LedgerAdjustment:
    row = session.scalar(select(LedgerAdjustment).where(LedgerAdjustment.number == number.strip(),
                                                        LedgerAdjustment.deleted_at.is_(None)))
    if row is None:
        raise NotFound("no adjustment {number!r}; see `kamctl adjust list`", number=number)
    return row


def _domain(row: LedgerAdjustment, code: str) -> da.Adjustment:
    return da.Adjustment(row.number, code, LedgerUnit(row.unit), row.amount, row.currency, row.dated, row.reason,
                         row.proposed_by, row.id, da.AdjustmentStatus(row.status), row.approved_by,
                         row.booked_entry_id, row.version)


Act = Callable[[da.Adjustment, Actor, UnitOfWork], da.AdjustmentChange]


def _step(ctx: Context, number: str, use_case: UseCase, seen_version: int | None, act: Act) -> AdjustmentRow:
    ctx.permit(use_case)
    with ctx.unit_of_work() as uow:
        session = uow.session
        row = _row(session, number)
        ref = permit_on_account_id(ctx, session, use_case, row.account_id)
        if seen_version is not None and seen_version != row.version:
            raise Refused("{login}: {number} changed meanwhile (version {version}, you read {seen}); reload and "
                          "decide again", login=ctx.actor.login, number=row.number, version=row.version,
                          seen=seen_version)
        try:
            change = act(_domain(row, ref.code), Actor(ctx.actor.login, ctx.actor.role), uow)
        except RuleRefused as exc:
            raise Refused.of(exc) from None
        except dl.LedgerError as exc:
            raise ServiceError.of(exc) from None
        after = change.adjustment
        row.status, row.approved_by, row.booked_entry_id = after.status, after.approved_by, after.booked_entry
        if change.step in (da.Step.APPROVE, da.Step.REJECT) and change.note:
            row.decision_note = change.note
        try:
            session.flush()
        except StaleDataError:
            raise Refused("{login}: {number} changed meanwhile; reload and decide again", login=ctx.actor.login,
                          number=row.number) from None
        uow.audit(f"adjustment.{change.step}", "ledger_adjustment", row.id, number=row.number, status=after.status,
                  note=change.note, version=row.version)
        shown = _shown(session, row, ref.code)
        uow.commit()
    return shown


def _shown(session: Session, row: LedgerAdjustment, code: str) -> AdjustmentRow:
    limits = settlement_config(session).limits
    return AdjustmentRow(row.number, code, row.unit, row.amount, row.currency, row.dated, row.reason, row.status,
                         row.proposed_by, row.approved_by, row.decision_note, row.booked_entry_id,
                         limits.needs_approval(LedgerUnit(row.unit), row.amount, row.currency), row.version)


def list_adjustments(ctx: Context, status: str | None = None, code: str | None = None) -> list[AdjustmentRow]:
    """Adjustments newest first: of one account, in one status, of the accounts the actor may see."""
    ctx.permit(UseCase.VIEW_SETTLEMENT)
    with ctx.read() as session:
        query = select(LedgerAdjustment, Account.code).join(Account, Account.id == LedgerAdjustment.account_id).where(
            LedgerAdjustment.deleted_at.is_(None))
        if code is not None:
            query = query.where(LedgerAdjustment.account_id == account_for(ctx, session, UseCase.VIEW_SETTLEMENT,
                                                                           code).id)
        if status is not None:
            query = query.where(LedgerAdjustment.status == status)
        mine = owned_account_ids(session, ctx.owner_filter(UseCase.VIEW_SETTLEMENT))
        rows = session.execute(query.order_by(LedgerAdjustment.created_at.desc(), LedgerAdjustment.number.desc()))
        return [_shown(session, row, account) for row, account in rows if mine is None or row.account_id in mine]


def adjustments_inbox(ctx: Context) -> list[AdjustmentRow]:
    """What waits for the actor: proposals of others to approve (director, finance), and for finance what it may
    book now (approved, or proposed within the limit)."""
    role = ctx.actor.role
    waiting = []
    for row in list_adjustments(ctx):
        to_decide = row.status == da.AdjustmentStatus.PROPOSED and role in da.APPROVERS \
            and row.proposed_by != ctx.actor.login
        to_book = role is Role.FINANCE and (row.status == da.AdjustmentStatus.APPROVED or (
            row.status == da.AdjustmentStatus.PROPOSED and not row.needs_approval))
        if to_decide or to_book:
            waiting.append(row)
    return waiting
