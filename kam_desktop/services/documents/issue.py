"""Issuing documents: the participation agreement, the benefit annex, a quarter's statement, and version n+1.

An annex lists the account's proposed or pending grants not yet on a signed annex; while any of them waits
for an approval it is a DRAFT (printed with the mark) and cannot be signed. A correction is `reissue`: version
n+1 under the same number, pointing at version n, which becomes void and stays as it was.

Issuing is idempotent: asking again for a document whose current version would say the same (same account,
kind, period, language and, for an annex, the same benefits and draft state) returns it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.documents.agreement import render_agreement
from kam_desktop.documents.annex import render_annex
from kam_desktop.documents.content import DocumentHeader
from kam_desktop.documents.statement import render_statement
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import DocumentKind, DocumentStatus
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.documents.content import (
    AnnexItems,
    agreement_content,
    annex_content,
    annex_items,
    annexable_grants,
    language_of,
)
from kam_desktop.services.documents.records import (
    OPEN,
    Issued,
    current_documents,
    find_document,
    issued,
    require_finished,
    save_document,
    stored_pdf,
)
from kam_desktop.services.documents.statement import StatementSource
from kam_desktop.services.errors import Refused
from kam_desktop.services.numbering import NumberAllocator
from kam_desktop.services.parsing import parse_quarter
from kam_desktop.store.models import Account, AnnexBenefit, Document
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class Issuing:
    """Where and when a document is issued: the unit of work, the business day, the moment, the numbers."""

    uow: UnitOfWork
    on: date
    now: datetime
    numbers: NumberAllocator

    @classmethod
    def of(cls, ctx: Context, uow: UnitOfWork) -> Issuing:
        return cls(uow, ctx.today(), ctx.now(), NumberAllocator(uow.session, uow.actor))

    @property
    def session(self) -> Session:
        return self.uow.session


def _account(ctx: Context, session: Session, code: str) -> Account:
    return session.get_one(Account, account_for(ctx, session, UseCase.ISSUE_DOCUMENT, code).id)


def issue_agreement(ctx: Context, code: str, lang: str | None = None) -> Issued:
    """The participation agreement of the account (the current one if it exists in that language)."""
    with ctx.unit_of_work() as uow:
        result = agreement_in(Issuing.of(ctx, uow), _account(ctx, uow.session, code), lang)
        uow.commit()
    return result


def agreement_in(at: Issuing, account: Account, lang: str | None = None) -> Issued:
    """`issue_agreement` inside the caller's unit of work."""
    language = language_of(account, lang)
    for doc in current_documents(at.session, account, DocumentKind.AGREEMENT):
        if doc.language == language:
            return issued(at.uow, doc, account, stored_pdf(at.session, doc), existing=True)
    header = DocumentHeader(at.numbers.next("AGR", at.on.year), at.on, language)
    pdf = render_agreement(agreement_content(at.session, account, language, header))
    return issued(at.uow, save_document(at.uow, account, DocumentKind.AGREEMENT, header, pdf, at.now), account, pdf)


def issue_annex(ctx: Context, code: str, lang: str | None = None) -> Issued:
    """The benefit annex listing the account's grants not yet on a signed annex (a DRAFT while any waits)."""
    with ctx.unit_of_work() as uow:
        result = annex_in(Issuing.of(ctx, uow), _account(ctx, uow.session, code), lang)
        uow.commit()
    return result


def signed_grant_ids(session: Session, account: Account) -> set[uuid.UUID]:
    """Grants already on a signed annex of the account."""
    signed = select(Document.id).where(Document.account_id == account.id, Document.kind == DocumentKind.ANNEX,
                                       Document.status == DocumentStatus.SIGNED)
    return set(session.scalars(select(AnnexBenefit.grant_id).where(AnnexBenefit.document_id.in_(signed))))


def listed_benefits(session: Session, doc: Document) -> list[AnnexBenefit]:
    """The benefits an annex lists, in their printed order."""
    return list(session.scalars(select(AnnexBenefit).where(AnnexBenefit.document_id == doc.id)
                                .order_by(AnnexBenefit.position)))


def _agreement_for(session: Session, account: Account, language: str) -> Document:
    """The agreement an annex belongs to: a signed one, else one in the annex's language, else the newest."""
    agreements = current_documents(session, account, DocumentKind.AGREEMENT)
    signed = [d for d in agreements if d.status == DocumentStatus.SIGNED]
    if not agreements:
        raise Refused("{code} has no participation agreement yet; issue the agreement first", code=account.code)
    same = [d for d in agreements if d.language == language]
    return (signed or same or agreements)[0]


def annex_in(at: Issuing, account: Account, lang: str | None = None) -> Issued:
    """`issue_annex` inside the caller's unit of work."""
    session = at.session
    language = language_of(account, lang)
    grants = annexable_grants(session, account, signed_grant_ids(session, account))
    items = annex_items(session, grants)
    draft = any(items.pending)
    for doc in current_documents(session, account, DocumentKind.ANNEX, statuses=OPEN):
        same = {b.grant_id for b in listed_benefits(session, doc)} == {g.id for g in grants}
        if same and (doc.status == DocumentStatus.DRAFT) == draft and doc.language == language:
            return issued(at.uow, doc, account, stored_pdf(session, doc), existing=True)
        raise Refused("{number} (v{version}, {status}) is still open for {code} and lists other benefits or "
                      "approvals; reissue it instead", number=doc.number, version=doc.doc_version,
                      status=DocumentStatus(doc.status), code=account.code)
    if not grants:
        raise Refused("{code} has no proposed or pending benefits that are not on a signed annex yet; grant a "
                      "benefit first", code=account.code)
    header = DocumentHeader(at.numbers.next("ANX", at.on.year), at.on, language)
    return _annex(at, account, header, items, draft)


def _annex(at: Issuing, account: Account, header: DocumentHeader, items: AnnexItems, draft: bool,
           supersedes: Document | None = None) -> Issued:
    session = at.session
    agreement = _agreement_for(session, account, header.lang)
    content = annex_content(session, account, header.lang, header, items, agreement.number,
                            (agreement.issued_at or at.now).date())
    pdf = render_annex(content)
    doc = save_document(at.uow, account, DocumentKind.ANNEX, header, pdf, at.now, agreement_id=agreement.id,
                        supersedes=supersedes, status=DocumentStatus.DRAFT if draft else DocumentStatus.ISSUED)
    for position, (grant, pending) in enumerate(zip(items.grants, items.pending, strict=True), start=1):
        session.add(AnnexBenefit(document_id=doc.id, grant_id=grant.id, position=position, pending=pending))
    return issued(at.uow, doc, account, pdf)


def issue_statement(ctx: Context, code: str, quarter: Quarter | str, lang: str | None = None) -> Issued:
    """The quarterly statement; its closing balances are the ledger's balances at the quarter's end."""
    period = parse_quarter(quarter)
    with ctx.unit_of_work() as uow:
        result = statement_in(Issuing.of(ctx, uow), _account(ctx, uow.session, code), period, lang)
        uow.commit()
    return result


def statement_in(at: Issuing, account: Account, quarter: Quarter, lang: str | None = None) -> Issued:
    """`issue_statement` inside the caller's unit of work."""
    language = language_of(account, lang)
    require_finished(quarter, at.on)
    for doc in current_documents(at.session, account, DocumentKind.STATEMENT, str(quarter)):
        if doc.language == language:
            return issued(at.uow, doc, account, stored_pdf(at.session, doc), existing=True)
    header = DocumentHeader(at.numbers.next("STM", at.on.year), at.on, language)
    pdf = render_statement(StatementSource(at.session, [account], quarter).content(account, language, header))
    doc = save_document(at.uow, account, DocumentKind.STATEMENT, header, pdf, at.now, period=str(quarter))
    return issued(at.uow, doc, account, pdf)


def reissue(ctx: Context, number: str, lang: str | None = None) -> Issued:
    """Version n+1 of a document from the store as it is now; version n becomes void and stays unchanged."""
    with ctx.unit_of_work() as uow:
        old = find_document(ctx, uow.session, UseCase.ISSUE_DOCUMENT, number)
        result = reissue_in(Issuing.of(ctx, uow), old, lang)
        uow.commit()
    return result


def reissue_in(at: Issuing, old: Document, lang: str | None = None) -> Issued:
    """`reissue` inside the caller's unit of work."""
    session = at.session
    if old.status == DocumentStatus.SIGNED:
        raise Refused("{number} v{version} is signed; a signed document is not corrected — issue a new one",
                      number=old.number, version=old.doc_version)
    if old.status == DocumentStatus.VOID:
        raise Refused("{number} v{version} is void; nothing to reissue", number=old.number, version=old.doc_version)
    account = session.get_one(Account, old.account_id)
    language = language_of(account, lang or old.language)
    header = DocumentHeader(old.number, at.on, language, old.doc_version + 1, old.number)
    old.status = DocumentStatus.VOID
    at.uow.audit("document.void", "document", old.id, number=old.number, version=old.doc_version,
                 reason=f"superseded by v{header.version}")
    session.flush()
    kind = DocumentKind(old.kind)
    if kind is DocumentKind.AGREEMENT:
        pdf = render_agreement(agreement_content(session, account, language, header))
        return issued(at.uow, save_document(at.uow, account, kind, header, pdf, at.now, supersedes=old), account, pdf)
    if kind is DocumentKind.ANNEX:
        grants = annexable_grants(session, account, signed_grant_ids(session, account))
        if not grants:
            raise Refused("{code} has no benefits left to put on {number}", code=account.code, number=old.number)
        items = annex_items(session, grants)
        return _annex(at, account, header, items, any(items.pending), supersedes=old)
    quarter = Quarter.parse(old.period or "")
    pdf = render_statement(StatementSource(session, [account], quarter).content(account, language, header))
    doc = save_document(at.uow, account, kind, header, pdf, at.now, period=old.period, supersedes=old)
    return issued(at.uow, doc, account, pdf)
