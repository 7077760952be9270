"""MDF for partners: a fund per partner and quarter, claims with proof, approval, payment, the quarter's settlement.

The rules are `domain/mdf.py`: claims for activities performed in the fund's quarter, within its claim window,
approved by a director or finance other than the submitter within what is left of the fund, paid by finance
with a transfer reference; after the window the fund is settled (budget = paid + to pay + lapsed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import mdf as dm
from kam_desktop.domain.exceptions import Actor
from kam_desktop.domain.monetary import CurrencyMismatch, Money, MoneyError
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.refusals import RuleRefused
from kam_desktop.services.access import account_for, permit_on_account_id
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, Refused, ServiceError
from kam_desktop.services.parsing import parse_quarter
from kam_desktop.services.settlement.numbers import CLAIM_PREFIX, next_number
from kam_desktop.store.models import Account, MdfClaim, MdfFund, MdfFundTransfer, MdfProof
from kam_desktop.store.queries.grades import AccountRef
from kam_desktop.store.queries.settlement import owned_account_ids
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class FundRow:
    """A partner's fund for a quarter: the budget (allocation + cashback paid in) and where it stands."""

    account: str
    quarter: str
    allocated: Money
    transfers_in: Money
    budget: Money
    committed: Money  # approved or paid claims
    paid: Money
    left: Money
    claims_until: date
    settled_on: date | None


@dataclass(frozen=True)
class ClaimRow:
    number: str
    account: str
    quarter: str
    activity: str
    performed_on: date
    amount: Money
    status: str
    submitted_by: str
    submitted_on: date
    proofs: tuple[tuple[str, str, date], ...]  # (kind, reference, received on)
    decided_by: str | None
    decided_on: date | None
    decision_note: str | None
    paid_on: date | None
    payment_ref: str | None
    version: int


@dataclass(frozen=True)
class SettlementRow:
    """A fund's quarter settled: budget = paid + to pay + lapsed."""

    fund: FundRow
    paid: Money
    to_pay: Money
    lapsed: Money
    rejected: Money


def _fund_row(session: Session, account: AccountRef, quarter: Quarter) -> MdfFund:
    fund = session.scalar(select(MdfFund).where(MdfFund.account_id == account.id, MdfFund.quarter == str(quarter),
                                                MdfFund.deleted_at.is_(None)))
    if fund is None:
        raise NotFound("{code} has no MDF fund for {quarter}; set one with `kamctl mdf fund`", code=account.code,
                       quarter=str(quarter))
    return fund


def _domain_fund(session: Session, code: str, fund: MdfFund) -> dm.MdfFund:
    transfers = session.scalars(select(MdfFundTransfer).where(MdfFundTransfer.fund_id == fund.id))
    return dm.MdfFund(code, Quarter.parse(fund.quarter), Money(fund.allocated, fund.currency),
                      tuple(Money(t.amount, t.currency) for t in transfers), fund.claim_days)


def _claims(session: Session, fund: MdfFund, code: str) -> list[dm.MdfClaim]:
    rows = session.scalars(select(MdfClaim).where(MdfClaim.fund_id == fund.id, MdfClaim.deleted_at.is_(None))
                           .order_by(MdfClaim.number))
    return [_domain_claim(session, row, code, fund.quarter) for row in rows]


def _domain_claim(session: Session, row: MdfClaim, code: str, quarter: str) -> dm.MdfClaim:
    proofs = session.scalars(select(MdfProof).where(MdfProof.claim_id == row.id).order_by(MdfProof.created_at))
    return dm.MdfClaim(row.number, code, Quarter.parse(quarter), row.activity, row.performed_on,
                       Money(row.amount, row.currency), row.submitted_by, row.submitted_on,
                       tuple(dm.Proof(p.kind, p.reference, p.received_on) for p in proofs), row.id,
                       dm.ClaimStatus(row.status), row.decided_by, row.decided_on, row.decision_note or "",
                       row.paid_on, row.payment_ref or "")


def set_fund(ctx: Context, code: str, quarter: Quarter | str, allocated: Decimal | str, claim_days: int = 30,
             ) -> FundRow:
    """Allocate a partner's fund for a quarter (in its currency), or change the allocation of an open fund."""
    ctx.permit(UseCase.MANAGE_MDF)
    q = parse_quarter(quarter)
    with ctx.unit_of_work() as uow:
        session = uow.session
        ref = account_for(ctx, session, UseCase.MANAGE_MDF, code)
        amount = _money(allocated, ref.currency)
        if amount.is_negative or claim_days < 0:
            raise ServiceError("an MDF allocation is an amount of zero or more and a claim window of zero or more "
                               "days, not {amount} and {days}", amount=amount, days=claim_days)
        fund = session.scalar(select(MdfFund).where(MdfFund.account_id == ref.id, MdfFund.quarter == str(q)))
        if fund is None:
            fund = MdfFund(account_id=ref.id, quarter=str(q), currency=ref.currency, allocated=amount.amount,
                           claim_days=claim_days)
            session.add(fund)
        else:
            if fund.settled_on is not None:
                raise Refused("{code} {quarter} was settled on {day}; its fund no longer changes", code=ref.code,
                              quarter=str(q), day=fund.settled_on)
            fund.allocated, fund.claim_days, fund.deleted_at = amount.amount, claim_days, None
            session.flush()
            domain = _domain_fund(session, ref.code, fund)
            if domain.left(_claims(session, fund, ref.code)).is_negative:
                raise Refused("{code} {quarter}: approved claims already commit {committed}; the fund cannot be "
                              "smaller", code=ref.code, quarter=str(q),
                              committed=domain.committed(_claims(session, fund, ref.code)))
        session.flush()
        uow.audit("mdf.fund", "mdf_fund", fund.id, account=ref.code, quarter=str(q), allocated=amount,
                  claim_days=claim_days)
        shown = _shown_fund(session, ref.code, fund)
        uow.commit()
    return shown


def _money(value: Decimal | str, currency: str) -> Money:
    try:
        return Money.of(value, currency)
    except MoneyError as exc:
        raise ServiceError.of(exc) from None


def _shown_fund(session: Session, code: str, fund: MdfFund) -> FundRow:
    domain = _domain_fund(session, code, fund)
    claims = _claims(session, fund, code)
    paid = Money.total((c.amount for c in claims if c.status is dm.ClaimStatus.PAID), domain.currency)
    return FundRow(code, fund.quarter, domain.allocated, Money.total(domain.transfers_in, domain.currency),
                   domain.budget, domain.committed(claims), paid, domain.left(claims), domain.claims_until,
                   fund.settled_on)


def submit_claim(ctx: Context, code: str, quarter: Quarter | str, activity: str, performed_on: date,
                 amount: Decimal | str, proofs: list[tuple[str, str]] | None = None) -> ClaimRow:
    """A partner's claim (through its KAM) for an activity of the quarter, with proofs of performance."""
    ctx.permit(UseCase.CLAIM_MDF)
    q = parse_quarter(quarter)
    with ctx.unit_of_work() as uow:
        session = uow.session
        ref = account_for(ctx, session, UseCase.CLAIM_MDF, code)
        fund = _fund_row(session, ref, q)
        if fund.settled_on is not None:
            raise Refused("{code} {quarter} was settled on {day}; it takes no more claims", code=ref.code,
                          quarter=str(q), day=fund.settled_on)
        number = next_number(uow, CLAIM_PREFIX, ctx.today())
        today = ctx.today()
        claim = dm.MdfClaim(number, ref.code, q, activity.strip(), performed_on, _money(amount, ref.currency),
                            ctx.actor.login, today,
                            tuple(dm.Proof(kind.strip(), reference.strip(), today) for kind, reference in proofs or ()))
        try:
            dm.submit(_domain_fund(session, ref.code, fund), claim)
        except RuleRefused as exc:
            raise Refused.of(exc) from None
        except CurrencyMismatch as exc:
            raise ServiceError.of(exc) from None
        row = MdfClaim(id=claim.id, number=number, fund_id=fund.id, activity=claim.activity, performed_on=performed_on,
                       amount=claim.amount.amount, currency=claim.amount.currency, status=claim.status,
                       submitted_by=ctx.actor.login, submitted_on=today)
        session.add(row)
        session.flush()
        for proof in claim.proofs:
            session.add(MdfProof(claim_id=row.id, kind=proof.kind, reference=proof.reference,
                                 received_on=proof.received_on))
        session.flush()
        uow.audit("mdf.claim", "mdf_claim", row.id, number=number, account=ref.code, quarter=str(q),
                  amount=claim.amount, activity=claim.activity, proofs=len(claim.proofs))
        shown = _shown_claim(session, row, ref.code, str(q))
        uow.commit()
    return shown


def add_proof(ctx: Context, number: str, kind: str, reference: str) -> ClaimRow:
    """Attach a proof of performance to a claim still waiting for a decision."""
    def attach(uow: UnitOfWork, row: MdfClaim, claim: dm.MdfClaim, fund: dm.MdfFund, claims: list[dm.MdfClaim],
               actor: Actor) -> dm.MdfClaim:
        if claim.status is not dm.ClaimStatus.SUBMITTED:
            raise Refused("{number} is {status}; proofs are attached while it waits for a decision", number=number,
                          status=claim.status)
        if not kind.strip() or not reference.strip():
            raise ServiceError("a proof needs its kind (invoice, photos, attendee list, report) and a reference")
        uow.session.add(MdfProof(claim_id=row.id, kind=kind.strip(), reference=reference.strip(),
                                 received_on=ctx.today()))
        return claim

    return _claim_step(ctx, number, UseCase.CLAIM_MDF, "proof", attach)


def decide_claim(ctx: Context, number: str, approve: bool, note: str = "", seen_version: int | None = None,
                 ) -> ClaimRow:
    """A director or finance (not the submitter) approves within the fund, or rejects saying why."""
    def decide(uow: UnitOfWork, row: MdfClaim, claim: dm.MdfClaim, fund: dm.MdfFund, claims: list[dm.MdfClaim],
               actor: Actor) -> dm.MdfClaim:
        if approve:
            return dm.approve(fund, claims, claim, actor, ctx.today(), note)
        return dm.reject(claim, actor, ctx.today(), note)

    return _claim_step(ctx, number, UseCase.DECIDE_MDF, "approve" if approve else "reject", decide, seen_version)


def pay_claim(ctx: Context, number: str, payment_ref: str) -> ClaimRow:
    """Finance pays an approved claim, with the transfer or credit note reference."""
    def pay(uow: UnitOfWork, row: MdfClaim, claim: dm.MdfClaim, fund: dm.MdfFund, claims: list[dm.MdfClaim],
            actor: Actor) -> dm.MdfClaim:
        return dm.pay(claim, actor, ctx.today(), payment_ref.strip())

    return _claim_step(ctx, number, UseCase.PAY_MDF, "pay", pay)


ClaimAct = Callable[[UnitOfWork, MdfClaim, dm.MdfClaim, dm.MdfFund, list[dm.MdfClaim], Actor], dm.MdfClaim]


def _claim_step(ctx: Context, number: str, use_case: UseCase, action: str, act: ClaimAct,
                seen_version: int | None = None) -> ClaimRow:
    ctx.permit(use_case)
    with ctx.unit_of_work() as uow:
        session = uow.session
        row = session.scalar(select(MdfClaim).where(MdfClaim.number == number.strip(), MdfClaim.deleted_at.is_(None)))
        if row is None:
            raise NotFound("no MDF claim {number!r}; see `kamctl mdf claims`", number=number)
        fund = session.get_one(MdfFund, row.fund_id)
        ref = permit_on_account_id(ctx, session, use_case, fund.account_id)
        if seen_version is not None and seen_version != row.version:
            raise Refused("{login}: {number} changed meanwhile (version {version}, you read {seen}); reload and "
                          "decide again", login=ctx.actor.login, number=row.number, version=row.version,
                          seen=seen_version)
        claims = _claims(session, fund, ref.code)
        claim = next(c for c in claims if c.id == row.id)
        try:
            after = act(uow, row, claim, _domain_fund(session, ref.code, fund), claims,
                        Actor(ctx.actor.login, ctx.actor.role))
        except RuleRefused as exc:
            raise Refused.of(exc) from None
        row.status, row.decided_by, row.decided_on = after.status, after.decided_by, after.decided_on
        row.decision_note, row.paid_on, row.payment_ref = after.decision_note or None, after.paid_on, \
            after.payment_ref or None
        session.flush()
        uow.audit(f"mdf.{action}", "mdf_claim", row.id, number=row.number, status=after.status,
                  note=after.decision_note, payment_ref=after.payment_ref)
        shown = _shown_claim(session, row, ref.code, fund.quarter)
        uow.commit()
    return shown


def _shown_claim(session: Session, row: MdfClaim, code: str, quarter: str) -> ClaimRow:
    proofs = session.scalars(select(MdfProof).where(MdfProof.claim_id == row.id).order_by(MdfProof.created_at))
    return ClaimRow(row.number, code, quarter, row.activity, row.performed_on, Money(row.amount, row.currency),
                    row.status, row.submitted_by, row.submitted_on,
                    tuple((p.kind, p.reference, p.received_on) for p in proofs), row.decided_by, row.decided_on,
                    row.decision_note, row.paid_on, row.payment_ref, row.version)


def settle_fund(ctx: Context, code: str, quarter: Quarter | str) -> SettlementRow:
    """Settle a fund once its claim window is over and every claim is decided; what was not approved lapses."""
    ctx.permit(UseCase.PAY_MDF)
    q = parse_quarter(quarter)
    with ctx.unit_of_work() as uow:
        session = uow.session
        ref = account_for(ctx, session, UseCase.PAY_MDF, code)
        fund = _fund_row(session, ref, q)
        try:
            done = dm.settle(_domain_fund(session, ref.code, fund), _claims(session, fund, ref.code), ctx.today(),
                             ctx.actor.login)
        except RuleRefused as exc:
            raise Refused.of(exc) from None
        if fund.settled_on is None:
            fund.settled_on = ctx.today()
            session.flush()
            uow.audit("mdf.settle", "mdf_fund", fund.id, account=ref.code, quarter=str(q), paid=done.paid,
                      to_pay=done.to_pay, lapsed=done.lapsed)
        shown = SettlementRow(_shown_fund(session, ref.code, fund), done.paid, done.to_pay, done.lapsed, done.rejected)
        uow.commit()
    return shown


def list_funds(ctx: Context, quarter: str | None = None) -> list[FundRow]:
    """Funds of the accounts the actor may see (of one quarter when given), by quarter then account."""
    ctx.permit(UseCase.VIEW_SETTLEMENT)
    with ctx.read() as session:
        query = select(MdfFund, Account.code).join(Account, Account.id == MdfFund.account_id).where(
            MdfFund.deleted_at.is_(None))
        if quarter:
            query = query.where(MdfFund.quarter == str(parse_quarter(quarter)))
        mine = owned_account_ids(session, ctx.owner_filter(UseCase.VIEW_SETTLEMENT))
        rows = session.execute(query.order_by(MdfFund.quarter, Account.code)).all()
        return [_shown_fund(session, code, fund) for fund, code in rows if mine is None or fund.account_id in mine]


def list_claims(ctx: Context, status: str | None = None, code: str | None = None) -> list[ClaimRow]:
    """Claims of the accounts the actor may see, newest number first."""
    ctx.permit(UseCase.VIEW_SETTLEMENT)
    with ctx.read() as session:
        query = (select(MdfClaim, Account.code, MdfFund.quarter, MdfFund.account_id)
                 .join(MdfFund, MdfFund.id == MdfClaim.fund_id).join(Account, Account.id == MdfFund.account_id)
                 .where(MdfClaim.deleted_at.is_(None)))
        if status:
            query = query.where(MdfClaim.status == status)
        if code:
            query = query.where(MdfFund.account_id == account_for(ctx, session, UseCase.VIEW_SETTLEMENT, code).id)
        mine = owned_account_ids(session, ctx.owner_filter(UseCase.VIEW_SETTLEMENT))
        rows = session.execute(query.order_by(MdfClaim.number.desc())).all()
        return [_shown_claim(session, row, account, quarter) for row, account, quarter, account_id in rows
                if mine is None or account_id in mine]

