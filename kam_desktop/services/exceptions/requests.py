"""Policy-exception requests through their life: request, submit, decide, withdraw, expire; all audited.

The domain state machine decides what is allowed; this module loads the row, asks the domain, writes the
outcome with an audit line in the same transaction. A decision names the version the approver read:
the domain refuses it when the row changed since, and the row's optimistic version column refuses a
concurrent write that slipped in between reading and committing.

Numbers `EXC-YYYY-NNNNN` come from the same numbering as documents: sequences in
blocks owned by one device — the single-user install owns the whole leasable range (device 1); in team
mode each laptop issues from blocks leased from the server and, offline, from its own reserve slice,
so two laptops never produce the same number. The device and its leases are the store's numbering
tables, shared with documents (`services.document_numbering`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kam_desktop.domain import exceptions as dx
from kam_desktop.domain.costs import exception_cost
from kam_desktop.domain.messages import Message
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.money import ZERO, percent_of
from kam_desktop.domain.periods import add_months, trailing_window
from kam_desktop.domain.permissions import Scope, UseCase
from kam_desktop.domain.vocabulary import Decision, ExceptionKind, ExceptionStatus, Grade, Role
from kam_desktop.services.access import account_for, permit_on_account_id
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, Refused, ServiceError
from kam_desktop.services.numbering import NumberAllocator
from kam_desktop.services.program.fx import convert_on
from kam_desktop.services.program.in_force import plain, policy_in_force, program_in_force
from kam_desktop.services.program.policy import check_in
from kam_desktop.store.models import Account, ApprovalStep, AuditEntry, ExceptionRequest, User
from kam_desktop.store.queries.sales import sales_by_account
from kam_desktop.store.server.identity import decides_on_server
from kam_desktop.store.uow import UnitOfWork

PREFIX = "EXC"
UNITS = {ExceptionKind.DISCOUNT: "pct", ExceptionKind.PAYMENT_TERMS: "days", ExceptionKind.BENEFIT_BUDGET: "money",
         ExceptionKind.GIFT_VALUE: "money", ExceptionKind.OTHER: "units"}


@dataclass(frozen=True)
class DecisionStep:
    """One approver's answer as the requester reads it: who, in which role, when, and the note they left."""

    role: str
    decided_by: str
    approved: bool
    decided_on: date
    note: str


@dataclass(frozen=True)
class ExceptionRow:
    """A request as listed and shown."""

    number: str
    account: str
    kind: str
    status: str
    requested: Decimal
    cap: Decimal | None
    unit: str | None
    expected_cost: Decimal | None
    expected_margin: Decimal | None
    requested_by: str
    justification: str
    valid_from: date | None
    valid_to: date | None
    steps_required: int
    waiting_for: str | None
    decisions: list[Message]  # "director k.wisniewska: approved", one per step decided
    version: int
    steps: tuple[DecisionStep, ...] = ()  # the decisions with their dates and notes, in order
    submitted_on: date | None = None
    closed_note: str = ""  # why the requester withdrew it (kept in the audit log)


def _user(session: Session, login: str) -> User:
    user = session.scalar(select(User).where(User.login == login, User.deleted_at.is_(None)))
    if user is None or not user.active:
        raise NotFound("no active person with login {login!r}; see `kamctl users list`", login=login)
    return user


def _row(ctx: Context, session: Session, number: str, use_case: UseCase, *, changing: bool = False) -> ExceptionRequest:
    """The request `number`, when the actor may use `use_case` on its account.

    `changing`: the row is locked until the unit of work ends (FOR UPDATE on PostgreSQL; SQLite's writers
    hold the whole store). Two approvers deciding at the same moment then decide one after the other: the
    second reads the decided request and meets the rules' refusal, not a duplicate step number.
    """
    ctx.permit(use_case)
    query = select(ExceptionRequest).where(ExceptionRequest.number == number.strip(),
                                           ExceptionRequest.deleted_at.is_(None))
    row = session.scalar(query.with_for_update() if changing else query)
    if row is None:
        raise NotFound("no exception request {number!r}; see `kamctl exception list`", number=number)
    permit_on_account_id(ctx, session, use_case, row.account_id)
    return row


def _steps(required: int) -> tuple[Role, ...]:
    return (Role.DIRECTOR,) if required <= 1 else (Role.DIRECTOR, Role.FINANCE)


def to_domain(session: Session, row: ExceptionRequest) -> dx.ExceptionRequest:
    """The stored request as the domain's immutable request."""
    logins = dict(session.execute(select(User.id, User.login)).all())
    code = session.scalar(select(Account.code).where(Account.id == row.account_id)) or ""
    created = row.created_at.date()
    status = ExceptionStatus(row.status)
    return dx.ExceptionRequest(
        number=row.number, account=code, kind=ExceptionKind(row.kind), requested=plain(row.requested_value),
        cap=plain(row.policy_value) if row.policy_value is not None else ZERO, justification=row.justification,
        expected_cost=row.expected_cost or ZERO, expected_incremental_margin=row.expected_incremental_margin or ZERO,
        requested_by=logins.get(row.requested_by_id, ""), valid_from=row.valid_from or created,
        valid_until=row.valid_to or add_months(created, 12), id=row.id, status=status, version=row.version,
        steps=_steps(row.required_steps) if status is not ExceptionStatus.DRAFT else (),
        decisions=tuple(
            dx.Decision(Role(s.approver_role), logins.get(s.decided_by_id, ""), s.decision == Decision.APPROVE,
                        s.created_at, s.note or "")
            for s in sorted(row.steps, key=lambda s: s.step_no)
        ),
    )


def show(session: Session, row: ExceptionRequest) -> ExceptionRow:
    d = to_domain(session, row)
    steps = tuple(DecisionStep(x.role.value, x.decided_by, x.approved, x.decided_at.date(), x.note)
                  for x in d.decisions)
    return ExceptionRow(
        number=row.number, account=d.account, kind=row.kind, status=row.status, requested=d.requested,
        cap=d.cap if row.policy_value is not None else None, unit=row.value_unit, expected_cost=row.expected_cost,
        expected_margin=row.expected_incremental_margin, requested_by=d.requested_by,
        justification=row.justification, valid_from=row.valid_from, valid_to=row.valid_to,
        steps_required=row.required_steps, waiting_for=d.current_step.value if d.current_step else None,
        decisions=[_decision(x) for x in d.decisions],
        version=row.version, steps=steps, submitted_on=row.submitted_at.date() if row.submitted_at else None,
        closed_note=_withdrawal_note(session, row) if row.status == ExceptionStatus.WITHDRAWN else "",
    )


def _decision(decision: dx.Decision) -> Message:
    if decision.approved:
        return Message.of("{role} {login}: approved", role=decision.role, login=decision.decided_by)
    return Message.of("{role} {login}: rejected", role=decision.role, login=decision.decided_by)


def _withdrawal_note(session: Session, row: ExceptionRequest) -> str:
    """The reason the requester gave when withdrawing (the audit line of the withdrawal keeps it)."""
    details = session.scalar(select(AuditEntry.details).where(
        AuditEntry.entity == "exception_request", AuditEntry.entity_id == str(row.id),
        AuditEntry.action == "exception.withdraw").order_by(AuditEntry.created_at.desc()).limit(1))
    note = details.get("note") if isinstance(details, dict) else None
    return str(note) if note else ""


def _issued_exception_sequences(session: Session, prefix: str, year: int) -> set[int]:
    """Sequences already on exception requests of (prefix, year), from any device."""
    numbers = session.scalars(
        select(ExceptionRequest.number).where(ExceptionRequest.number.startswith(f"{prefix}-{year}-")))
    return {int(n.rsplit("-", 1)[1]) for n in numbers}


def request_exception(
    ctx: Context, code: str, kind: str, requested: Decimal, justification: str, *,
    cap: Decimal | None = None, expected_cost: Decimal | None = None, expected_margin: Decimal | None = None,
    valid_from: date | None = None, valid_until: date | None = None,
) -> ExceptionRow:
    """A draft request; the cap defaults to the policy's for the account's grade, the cost to an estimate."""
    with ctx.unit_of_work() as uow:
        row = request_in(ctx, uow, code, ExceptionKind(kind), requested, justification, cap=cap,
                         expected_cost=expected_cost, expected_margin=expected_margin,
                         valid_from=valid_from, valid_until=valid_until)
        shown = show(uow.session, row)
        uow.commit()
    return shown


def request_in(
    ctx: Context, uow: UnitOfWork, code: str, kind: ExceptionKind, requested: Decimal, justification: str, *,
    cap: Decimal | None = None, expected_cost: Decimal | None = None, expected_margin: Decimal | None = None,
    valid_from: date | None = None, valid_until: date | None = None,
) -> ExceptionRequest:
    """`request_exception` inside the caller's unit of work."""
    session = uow.session
    account = account_for(ctx, session, UseCase.REQUEST_EXCEPTION, code)
    user = _user(session, ctx.actor.login)
    on = valid_from or ctx.today()
    facts = check_in(session, account, on)
    cap_value = cap if cap is not None else policy_cap(session, kind, facts.grade, facts.gross_margin_12m, on,
                                                       account.currency)
    cost = expected_cost if expected_cost is not None else _estimate(session, kind, requested, cap_value, account.id, on)
    number = NumberAllocator(session, uow.actor, used_loader=_issued_exception_sequences).next(PREFIX, on.year)
    domain = dx.ExceptionRequest(
        number=number, account=account.code, kind=kind, requested=requested, cap=cap_value,
        justification=justification, expected_cost=cost, expected_incremental_margin=expected_margin or ZERO,
        requested_by=ctx.actor.login, valid_from=on,
        valid_until=valid_until or add_months(on, 12) - timedelta(days=1),
    )
    try:
        dx.new_request(domain)
    except dx.InvalidRequestError as exc:
        raise ServiceError.of(exc) from None
    row = ExceptionRequest(
        number=number, account_id=account.id, kind=kind, policy_value=cap_value, requested_value=requested,
        value_unit=UNITS[kind], justification=justification.strip(), expected_incremental_margin=expected_margin,
        expected_cost=cost, currency=account.currency, status=ExceptionStatus.DRAFT, requested_by_id=user.id,
        required_steps=1, valid_from=domain.valid_from, valid_to=domain.valid_until,
    )
    session.add(row)
    session.flush()
    uow.audit("exception.request", "exception_request", row.id, number=number, account=account.code, kind=kind,
              requested=requested, cap=cap_value, expected_cost=cost)
    return row


def policy_cap(session: Session, kind: ExceptionKind, grade: str, margin: Decimal, on: date,
               currency: str) -> Decimal:
    """The commercial policy's cap of `kind` for an account of `grade` with this 12-month margin, on `on`, in the
    account's `currency` where the cap is money."""
    policy = policy_in_force(session, on)
    caps = policy.terms.caps_for(Grade(grade))
    if kind is ExceptionKind.GIFT_VALUE:  # a money cap: in the account's currency, as the request is
        return convert_on(session, Money(caps.gift_limit_per_person_per_year, policy.currency), currency, on).amount
    return {
        ExceptionKind.DISCOUNT: caps.max_discount_percent,
        ExceptionKind.PAYMENT_TERMS: Decimal(caps.max_payment_days),
        ExceptionKind.BENEFIT_BUDGET: percent_of(max(margin, ZERO), caps.benefit_budget_percent_of_margin),
        ExceptionKind.OTHER: ZERO,
    }[kind]


def _estimate(session: Session, kind: ExceptionKind, requested: Decimal, cap: Decimal, account_id: uuid.UUID,
              on: date) -> Decimal:
    """What going beyond the cap costs over a year, from the account's last 12 months."""
    first, last = trailing_window(on, 12)
    sales = sales_by_account(session, first, last, [account_id]).get(account_id)
    return exception_cost(kind, requested, cap, sales.net_revenue if sales else ZERO)


def _apply(uow: UnitOfWork, row: ExceptionRequest, change: dx.Change, action: str) -> None:
    t = change.transition
    row.status = change.request.status
    now = t.at
    if t.action is dx.Action.SUBMIT:
        row.submitted_at, row.required_steps = now, len(change.request.steps)
    if change.request.status in (ExceptionStatus.APPROVED, ExceptionStatus.REJECTED):
        row.decided_at = now
    try:
        uow.session.flush()
    except StaleDataError:
        raise Refused("{login}: {number} changed meanwhile; reload and decide again [{rule}]", login=t.actor,
                      number=row.number, rule=Message.of(dx.StaleDecisionError.rule)) from None
    uow.audit(f"exception.{action}", "exception_request", row.id, number=row.number,
              from_status=t.from_status, to_status=t.to_status, version=row.version, note=t.note)


def submit_exception(ctx: Context, number: str) -> ExceptionRow:
    """The requester sends the draft for approval; the route follows the program's director limit."""
    with ctx.unit_of_work() as uow:
        row = submit_in(ctx, uow, number)
        shown = show(uow.session, row)
        uow.commit()
    return shown


def submit_in(ctx: Context, uow: UnitOfWork, number: str) -> ExceptionRequest:
    """`submit_exception` inside the caller's unit of work."""
    session = uow.session
    row = _row(ctx, session, number, UseCase.REQUEST_EXCEPTION, changing=True)
    program = program_in_force(session, ctx.today())
    # the limit is in the base currency, the expected cost in the account's: compare them in one currency
    limit = convert_on(session, Money(program.director_limit, program.base_currency), row.currency, ctx.today())
    try:
        change = dx.submit(to_domain(session, row), _actor(ctx), ctx.now(), dx.RoutingRules(limit.amount))
    except dx.ExceptionRefused as exc:
        raise Refused.of(exc) from None
    _apply(uow, row, change, "submit")
    return row


def _actor(ctx: Context) -> dx.Actor:
    return dx.Actor(ctx.actor.login, ctx.actor.role)


def decide_exception(ctx: Context, number: str, approve: bool, note: str = "",
                     seen_version: int | None = None) -> ExceptionRow:
    """An approver answers the current step; `seen_version` is the version they read (default: current)."""
    with ctx.unit_of_work() as uow:
        row = decide_in(ctx, uow, number, approve, note, seen_version)
        shown = show(uow.session, row)
        uow.commit()
    return shown


def decide_in(ctx: Context, uow: UnitOfWork, number: str, approve: bool, note: str = "",
              seen_version: int | None = None) -> ExceptionRequest:
    """`decide_exception` inside the caller's unit of work (an approval may activate benefits in the same one)."""
    session = uow.session
    row = _row(ctx, session, number, UseCase.DECIDE_EXCEPTION, changing=True)
    user = _user(session, ctx.actor.login)
    request = to_domain(session, row)
    seen = request.version if seen_version is None else seen_version
    try:
        change = dx.decide(request, _actor(ctx), approve, seen, ctx.now(), note)
    except dx.ExceptionRefused as exc:
        raise Refused.of(exc) from None
    if decides_on_server(session):  # online on the team server: the server's function is the one that decides
        return _decide_on_server(session, row, approve, note, seen)
    decision = change.request.decisions[-1]
    session.add(ApprovalStep(
        exception_id=row.id, step_no=len(change.request.decisions), approver_role=decision.role,
        decided_by_id=user.id, decision=Decision.APPROVE if approve else Decision.REJECT, note=note or None,
        request_version=seen, created_at=change.transition.at,  # the decision's time by the context's clock
    ))
    _apply(uow, row, change, "approve" if approve else "reject")
    session.expire(row, ["steps"])
    return row


def _decide_on_server(session: Session, row: ExceptionRequest, approve: bool, note: str,
                      seen: int) -> ExceptionRequest:
    """kam.decide_exception as the connected login: the server checks the role, the requester, the step and the
    version again, writes the step, the status and the audit line, and refuses with its reason."""
    try:
        session.execute(text("SELECT kam.decide_exception(:number, :approve, :note, :seen)"),
                        {"number": row.number, "approve": approve, "note": note, "seen": seen})
    except DBAPIError as exc:
        reason = str(getattr(exc.orig, "diag", None) and exc.orig.diag.message_primary or exc.orig)  # type: ignore[union-attr]
        raise Refused("the team server refused the decision on {number}: {reason}", number=row.number,
                      reason=reason) from None
    session.expire(row)
    session.refresh(row)
    return row


def withdraw_exception(ctx: Context, number: str, note: str = "") -> ExceptionRow:
    """The requester takes back a draft or a request still waiting."""
    with ctx.unit_of_work() as uow:
        session = uow.session
        row = _row(ctx, session, number, UseCase.REQUEST_EXCEPTION, changing=True)
        try:
            change = dx.withdraw(to_domain(session, row), _actor(ctx), ctx.now(), note)
        except dx.ExceptionRefused as exc:
            raise Refused.of(exc) from None
        _apply(uow, row, change, "withdraw")
        shown = show(session, row)
        uow.commit()
    return shown


def list_exceptions(ctx: Context, status: str | None = None, code: str | None = None) -> list[ExceptionRow]:
    """Requests by number, optionally of one status or one account; a KAM sees those of their accounts."""
    with ctx.read() as session:
        query = select(ExceptionRequest).where(ExceptionRequest.deleted_at.is_(None)).order_by(ExceptionRequest.number)
        if status is not None:
            query = query.where(ExceptionRequest.status == ExceptionStatus(status))
        if code is not None:
            account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
            query = query.where(ExceptionRequest.account_id == account.id)
        elif ctx.permit(UseCase.VIEW_ACCOUNT) is Scope.OWN:
            mine = select(Account.id).join(User, User.id == Account.owner_id).where(User.login == ctx.actor.login)
            query = query.where(ExceptionRequest.account_id.in_(mine))
        return [show(session, row) for row in session.scalars(query)]


def get_exception(ctx: Context, number: str) -> ExceptionRow:
    """One request."""
    with ctx.read() as session:
        return show(session, _row(ctx, session, number, UseCase.VIEW_ACCOUNT))


def expire_due(ctx: Context, on: date | None = None) -> list[str]:
    """Mark approved requests past their validity expired (part of closing a period); returns their numbers."""
    ctx.permit(UseCase.CLOSE_QUARTER)
    with ctx.unit_of_work() as uow:
        expired = expire_in(uow, on or ctx.today(), ctx.now())
        uow.commit()
    return expired


def expire_in(uow: UnitOfWork, on: date, at: object) -> list[str]:
    """`expire_due` inside the caller's unit of work."""
    expired = []
    rows = uow.session.scalars(select(ExceptionRequest).where(
        ExceptionRequest.status == ExceptionStatus.APPROVED, ExceptionRequest.valid_to < on))
    for row in rows:
        change = dx.expire(to_domain(uow.session, row), on, at, uow.actor)  # type: ignore[arg-type]
        if change is not None:
            _apply(uow, row, change, "expire")
            expired.append(row.number)
    return expired
