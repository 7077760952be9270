"""The register's rows: reading and writing documents and their frozen files, shared by every document use case.

Issuing freezes a document: the PDF bytes and their SHA-256 go into `DocumentFile` (append-only) and the
register row; nothing ever rewrites them. Every write here is audited in the same transaction.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.documents.content import DocumentHeader
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import DocumentKind, DocumentStatus
from kam_desktop.services.access import permit_on_account_id
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, Refused
from kam_desktop.store.models import Account, Document, DocumentFile
from kam_desktop.store.uow import UnitOfWork

OPEN = (DocumentStatus.DRAFT, DocumentStatus.ISSUED)
CURRENT = (DocumentStatus.DRAFT, DocumentStatus.ISSUED, DocumentStatus.SIGNED)


@dataclass(frozen=True)
class DocumentRow:
    """One version of a document as the register lists it."""

    id: uuid.UUID
    number: str
    version: int
    kind: str
    status: str
    account: str
    language: str
    period: str | None
    issued_at: datetime | None
    issued_by: str | None
    sha256: str | None
    file_name: str | None
    signed_on: date | None
    client_signatory: str | None
    supersedes: str | None  # "ANX-2026-00042 v1"
    agreement: str | None  # the agreement an annex belongs to
    scans: int

    @property
    def is_draft(self) -> bool:
        return self.status == DocumentStatus.DRAFT


@dataclass(frozen=True)
class Issued:
    """An issued document with its frozen PDF; `existing` when an identical current one was returned."""

    document: DocumentRow
    pdf: bytes
    existing: bool = False


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def issue_moment(issued_on: date, now: datetime) -> datetime:
    """`now`, or midnight UTC of the business date when that is not today (a demo's as-of, a past day)."""
    return now if now.date() == issued_on else datetime.combine(issued_on, time(0, 0), tzinfo=UTC)


def document_row(session: Session, doc: Document, code: str | None = None) -> DocumentRow:
    """The register's view of one stored version."""
    def number_of(doc_id: uuid.UUID | None) -> str | None:
        if doc_id is None:
            return None
        other = session.get(Document, doc_id)
        return None if other is None else f"{other.number} v{other.doc_version}"

    scans = len(session.scalars(select(DocumentFile.id).where(DocumentFile.document_id == doc.id,
                                                              DocumentFile.role == "scan")).all())
    code = code or session.scalar(select(Account.code).where(Account.id == doc.account_id)) or ""
    agreement = number_of(doc.agreement_id)
    return DocumentRow(doc.id, doc.number, doc.doc_version, str(doc.kind), str(doc.status), code, doc.language,
                       doc.period, doc.issued_at, doc.issued_by, doc.sha256, doc.file_name, doc.signed_on,
                       doc.client_signatory, number_of(doc.supersedes_id),
                       agreement.rsplit(" ", 1)[0] if agreement else None, scans)


def find_document(ctx: Context, session: Session, use_case: UseCase, number: str,
                  version: int | None = None) -> Document:
    """A version of document `number` (the latest by default), when the actor may use `use_case` on its account."""
    ctx.permit(use_case)
    query = select(Document).where(Document.number == number.strip(), Document.deleted_at.is_(None))
    if version is not None:
        query = query.where(Document.doc_version == version)
    doc = session.scalar(query.order_by(Document.doc_version.desc()).limit(1))
    if doc is None:
        shown = number if version is None else f"{number} v{version}"
        raise NotFound("no document {number!r}; see the account's documents", number=shown)
    permit_on_account_id(ctx, session, use_case, doc.account_id)
    return doc


def stored_pdf(session: Session, doc: Document) -> bytes:
    """The frozen PDF of a version."""
    data = session.scalar(select(DocumentFile.content).where(DocumentFile.document_id == doc.id,
                                                             DocumentFile.role == "pdf")
                          .order_by(DocumentFile.created_at).limit(1))
    if data is None:
        raise NotFound("{number} v{version} has no stored PDF", number=doc.number, version=doc.doc_version)
    return bytes(data)


def current_documents(session: Session, account: Account, kind: DocumentKind, period: str | None = None,
                      statuses: tuple[str, ...] = CURRENT) -> list[Document]:
    """The account's documents of a kind (and period) in one of `statuses`, newest first."""
    query = select(Document).where(Document.account_id == account.id, Document.kind == kind,
                                   Document.status.in_(statuses), Document.deleted_at.is_(None))
    if period is not None:
        query = query.where(Document.period == period)
    return list(session.scalars(query.order_by(Document.issued_at.desc(), Document.number.desc())))


def save_document(uow: UnitOfWork, account: Account, kind: DocumentKind, header: DocumentHeader, pdf: bytes,
                  now: datetime, *, status: str = DocumentStatus.ISSUED, period: str | None = None,
                  agreement_id: uuid.UUID | None = None, supersedes: Document | None = None) -> Document:
    """Store a rendered version and its frozen PDF, with the audit line that records its SHA-256."""
    version = header.version
    file_name = f"{header.number}.pdf" if version == 1 else f"{header.number}-v{version}.pdf"
    digest = sha256(pdf)
    moment = issue_moment(header.issued_on, now)
    doc = Document(created_at=moment, updated_at=moment, kind=kind, number=header.number, doc_version=version,
                   account_id=account.id, language=header.lang, period=period, agreement_id=agreement_id,
                   supersedes_id=supersedes.id if supersedes else None, status=status, sha256=digest,
                   file_name=file_name, issued_at=moment, issued_by=uow.actor)
    uow.session.add(doc)
    uow.session.flush()
    uow.session.add(DocumentFile(created_at=moment, document_id=doc.id, role="pdf", media_type="application/pdf",
                                 file_name=file_name, sha256=digest, size=len(pdf), content=pdf))
    uow.audit("document.reissue" if supersedes else "document.issue", "document", doc.id, number=header.number,
              version=version, kind=kind, account=account.code, language=header.lang, period=period,
              status=status, sha256=digest, supersedes=f"{supersedes.number} v{supersedes.doc_version}"
              if supersedes else None)
    return doc


def issued(uow: UnitOfWork, doc: Document, account: Account, pdf: bytes, existing: bool = False) -> Issued:
    uow.session.flush()
    return Issued(document_row(uow.session, doc, account.code), pdf, existing)


def require_finished(quarter: Quarter, on: date) -> None:
    """A statement is issued only after its quarter."""
    if quarter.end >= on:
        raise Refused("{quarter} is not over yet (it ends on {end}); a statement is issued after the quarter",
                      quarter=str(quarter), end=quarter.end)
