"""Paying cashback out: a rebate note / correcting invoice (a PDF in the register), a next-invoice discount, or a
transfer into the partner's MDF budget — the method the program sets for the benefit (`domain/payout.py`).

The payout redeems the account's soonest-expiring cashback lots in one ledger entry whose source is the
method and whose reference is the document's number; the payout record keeps the lots it took, both parties
as printed, the lines and the totals, and (for a rebate note) the register entry with its SHA-256.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.documents.content import DocumentHeader
from kam_desktop.documents.rebate_note import NoteLine, RebateNoteContent, label, render_rebate_note
from kam_desktop.documents.texts import quarter_name
from kam_desktop.domain import ledger as dl
from kam_desktop.domain import payout as dp
from kam_desktop.domain.messages import Message
from kam_desktop.domain.monetary import CurrencyMismatch, Money, MoneyError
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import BenefitType, DocumentKind
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.documents.content import client_party, company_identity, language_of
from kam_desktop.services.documents.records import save_document
from kam_desktop.services.errors import NotFound, Refused, ServiceError
from kam_desktop.services.ledger.entries import book, load_domain
from kam_desktop.services.parsing import parse_quarter
from kam_desktop.services.settlement.locks import check_open, period_locks
from kam_desktop.services.settlement.numbers import PAYOUT_PREFIX, next_number
from kam_desktop.services.settlement.terms import settlement_config
from kam_desktop.store.models import Account, Document, MdfFund, MdfFundTransfer, PayoutDocument
from kam_desktop.store.queries.grades import AccountRef
from kam_desktop.store.queries.settlement import owned_account_ids
from kam_desktop.store.settlement_lock import hold_settlement
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class PayoutRow:
    """A payout as listed: its document, the money, and the ledger entry it booked."""

    number: str
    method: str
    account: str
    benefit: str
    period: str
    issued_on: date
    net: Money
    vat: Money
    gross: Money
    entry_id: uuid.UUID
    document: str | None  # the register's number of a rebate note (its PDF and SHA-256)
    sha256: str | None
    lots: tuple[tuple[uuid.UUID, Decimal], ...]


@dataclass(frozen=True)
class PayoutResult:
    row: PayoutRow
    pdf: bytes | None  # the rebate note's frozen PDF


def pay_out(ctx: Context, code: str, amount: Decimal | str, *, benefit: str = BenefitType.CASHBACK,
            period: str | None = None, lang: str | None = None) -> PayoutResult:
    """Pay `amount` of the account's cashback out by the method the program sets for `benefit` (finance)."""
    ctx.permit(UseCase.PAY_OUT)
    quarter = parse_quarter(period) if period else Quarter.of(ctx.today()).previous()
    with ctx.unit_of_work() as uow:
        ref = account_for(ctx, uow.session, UseCase.PAY_OUT, code)
        result = _pay(ctx, uow, ref, _money(amount, ref.currency), _benefit(benefit), quarter, lang)
        uow.commit()
    return result


def _money(amount: Decimal | str, currency: str) -> Money:
    try:
        return Money.of(amount, currency)
    except MoneyError as exc:
        raise ServiceError.of(exc) from None


def _benefit(value: str) -> BenefitType:
    try:
        return BenefitType(value)
    except ValueError:
        raise ServiceError("{benefit!r} is not a benefit type; use one of {types}", benefit=value,
                           types=", ".join(BenefitType)) from None


def _pay(ctx: Context, uow: UnitOfWork, ref: AccountRef, amount: Money, benefit: BenefitType, quarter: Quarter,
         lang: str | None) -> PayoutResult:
    session = uow.session
    hold_settlement(session)  # the balance paid out is not expired or spent by another transaction meanwhile
    config = settlement_config(session)
    try:
        method = config.terms.method_for(benefit)
    except dp.SettlementError as exc:
        raise Refused.of(exc) from None
    account = session.get_one(Account, ref.id)
    language = language_of(account, lang)
    day = period_locks(session).open_day_for(ctx.today())
    number = next_number(uow, PAYOUT_PREFIX[method], day)
    company, client = company_identity(session), client_party(session, account, language)
    request = dp.PayoutRequest(ref.code, benefit, amount, number, day, str(quarter),
                               _party(company.party.name, company.party.tax_id, company.party.address_lines),
                               _party(client.name, client.tax_id, client.address_lines),
                               label(language, "description", period=quarter_name(language, quarter)))
    try:
        payout = dp.pay_out(load_domain(session, [ref]), request, config.terms)
    except dl.InsufficientBalanceError as exc:
        raise Refused("{login}: {problem} [no overdraft]", login=uow.actor, problem=exc.message) from None
    except (dp.SettlementError, dl.LedgerError, CurrencyMismatch) as exc:
        raise Refused.of(exc) from None
    assert payout is not None  # a new number is never booked yet
    check_open(period_locks(session), [payout.entry], uow.actor)
    book(session, [payout.entry], {ref.code: ref})
    document, pdf = None, None
    if isinstance(payout.document, dp.RebateNote):
        header = DocumentHeader(number, day, language)
        note = payout.document
        pdf = render_rebate_note(RebateNoteContent(
            header, company, client, quarter_name(language, quarter), amount.currency,
            tuple(NoteLine(x.description, x.net.amount, x.vat_percent, x.vat.amount, x.gross.amount) for x in note.lines),
            str(payout.entry.id)))
        document = save_document(uow, account, DocumentKind.REBATE_NOTE, header, pdf, ctx.now(), period=str(quarter))
    row = _record(uow, ref, payout, method, benefit, quarter, document)
    if isinstance(payout.document, dp.BudgetTransfer):
        _transfer(uow, ref, row, payout.document)
    uow.audit("payout.book", "payout", row.id, number=number, method=method, account=ref.code, benefit=benefit,
              period=str(quarter), amount=amount, entry=payout.entry.id, document=document.number if document else None)
    return PayoutResult(_shown(session, row, ref.code), pdf)


def _party(name: str, tax_id: str, address: tuple[str, ...]) -> dp.Party | None:
    try:
        return dp.Party(name, tax_id, ", ".join(address))
    except dp.SettlementError as exc:
        raise Refused.of(exc) from None


def _party_json(party: dp.Party | None) -> dict[str, Any] | None:
    return None if party is None else {"name": party.name, "tax_id": party.tax_id, "address": party.address}


def _note_fields(note: dp.RebateNote | None) -> dict[str, Any]:
    """What only a rebate note has: VAT rate, the two parties, its lines (a voucher or a transfer has none)."""
    if note is None:
        return {"vat_percent": None, "seller": None, "buyer": None, "lines": []}
    lines = [{"description": x.description, "net": str(x.net.amount),
              "vat_percent": None if x.vat_percent is None else str(x.vat_percent), "vat": str(x.vat.amount),
              "gross": str(x.gross.amount)} for x in note.lines]
    return {"vat_percent": note.lines[0].vat_percent, "seller": _party_json(note.seller),
            "buyer": _party_json(note.buyer), "lines": lines}


def _record(uow: UnitOfWork, ref: AccountRef, payout: dp.Payout, method: dp.PayoutMethod, benefit: BenefitType,
            quarter: Quarter, document: Document | None) -> PayoutDocument:
    doc = payout.document
    note = doc if isinstance(doc, dp.RebateNote) else None
    amount = doc.total_net if isinstance(doc, dp.RebateNote) else doc.amount
    vat = note.total_vat if note else Money.zero(amount.currency)
    row = PayoutDocument(
        number=doc.number, method=method, account_id=ref.id, entry_id=payout.entry.id,
        document_id=document.id if document else None, benefit=benefit, period=str(quarter),
        issued_on=payout.entry.booked_on, currency=amount.currency, total_net=amount.amount, total_vat=vat.amount,
        total_gross=(amount + vat).amount, **_note_fields(note),
        lots=[{"lot": str(a.lot_id), "amount": str(a.amount)} for a in payout.entry.allocations],
        sha256=document.sha256 if document else None, created_by=uow.actor)
    uow.session.add(row)
    uow.session.flush()
    return row


def _transfer(uow: UnitOfWork, ref: AccountRef, row: PayoutDocument, transfer: dp.BudgetTransfer) -> None:
    """Cashback into the partner's fund of the quarter (a fund with no allocation is opened for it)."""
    session = uow.session
    fund = session.scalar(select(MdfFund).where(MdfFund.account_id == ref.id, MdfFund.quarter == str(transfer.quarter),
                                                MdfFund.deleted_at.is_(None)))
    if fund is None:
        fund = MdfFund(account_id=ref.id, quarter=str(transfer.quarter), currency=ref.currency, allocated=Decimal(0))
        session.add(fund)
        session.flush()
    if fund.currency != transfer.amount.currency:
        raise Refused.of(CurrencyMismatch(Message.of("pay into the MDF fund"), transfer.amount.currency,
                                          fund.currency))
    session.add(MdfFundTransfer(fund_id=fund.id, payout_id=row.id, amount=transfer.amount.amount,
                                currency=transfer.amount.currency, created_by=uow.actor))
    session.flush()


def _shown(session: Session, row: PayoutDocument, code: str) -> PayoutRow:
    currency = row.currency
    number = session.scalar(select(Document.number).where(Document.id == row.document_id)) if row.document_id else None
    return PayoutRow(row.number, row.method, code, row.benefit, row.period, row.issued_on,
                     Money(row.total_net, currency), Money(row.total_vat, currency), Money(row.total_gross, currency),
                     row.entry_id, number, row.sha256,
                     tuple((uuid.UUID(str(x["lot"])), Decimal(str(x["amount"]))) for x in row.lots))


def list_payouts(ctx: Context, code: str | None = None) -> list[PayoutRow]:
    """Payouts, newest first (of one account, or of every account the actor may see)."""
    ctx.permit(UseCase.VIEW_SETTLEMENT)
    with ctx.read() as session:
        query = select(PayoutDocument, Account.code).join(Account, Account.id == PayoutDocument.account_id)
        if code is not None:
            ref = account_for(ctx, session, UseCase.VIEW_SETTLEMENT, code)
            query = query.where(PayoutDocument.account_id == ref.id)
        owner = ctx.owner_filter(UseCase.VIEW_SETTLEMENT)
        rows = session.execute(query.order_by(PayoutDocument.issued_on.desc(), PayoutDocument.number.desc())).all()
        mine = owned_account_ids(session, owner)
        return [_shown(session, row, account) for row, account in rows if mine is None or row.account_id in mine]


def payout(ctx: Context, number: str) -> PayoutRow:
    """One payout by its number."""
    ctx.permit(UseCase.VIEW_SETTLEMENT)
    with ctx.read() as session:
        found = session.execute(select(PayoutDocument, Account.code).join(Account, Account.id == PayoutDocument.account_id)
                                .where(PayoutDocument.number == number.strip())).first()
        if found is None:
            raise NotFound("no payout {number!r}; see `kamctl payout list`", number=number)
        account_for(ctx, session, UseCase.VIEW_SETTLEMENT, found[1])
        return _shown(session, found[0], found[1])
