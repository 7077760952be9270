"""The document register: issue, reissue, sign and verify agreements, annexes and statements.

Issuing freezes a document: the PDF bytes and their SHA-256 go into `DocumentFile` (append-only) and the
register row; nothing ever rewrites them. A correction is `reissue`: version n+1 under the same number,
pointing at version n, which becomes void and stays as it was. An annex lists the account's proposed or
pending grants; while any of them waits for an approval the annex is a DRAFT (printed with the mark) and
cannot be signed. Signing records the date, the client's signatory and an optional scan, and only then
activates the grants the annex lists. Every action writes an audit line in the same transaction.

Issuing is idempotent: asking again for a document whose current version would say the same (same
account, kind, period, language and, for an annex, the same benefits and draft state) returns it.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.documents import render_agreement, render_annex, render_statement
from kam_desktop.documents.content import DocumentHeader
from kam_desktop.domain.periods import PeriodError, Quarter
from kam_desktop.domain.vocabulary import DocumentKind, DocumentStatus, ExceptionStatus, GrantStatus
from kam_desktop.services.clock import today
from kam_desktop.services.documents.content import (
    ANNEXABLE,
    agreement_content,
    annex_content,
    annex_items,
    annexable_grants,
    language_of,
    load_account,
)
from kam_desktop.services.documents.numbering import NumberAllocator
from kam_desktop.services.documents.statement import StatementSource
from kam_desktop.services.errors import NotFound, Refused, ServiceError
from kam_desktop.store.models import (
    Account,
    AnnexBenefit,
    BenefitGrant,
    Document,
    DocumentFile,
    ExceptionRequest,
)
from kam_desktop.store.store import Store
from kam_desktop.store.uow import UnitOfWork

PREFIXES = {DocumentKind.AGREEMENT: "AGR", DocumentKind.ANNEX: "ANX", DocumentKind.STATEMENT: "STM"}
OPEN = (DocumentStatus.DRAFT, DocumentStatus.ISSUED)
CURRENT = (DocumentStatus.DRAFT, DocumentStatus.ISSUED, DocumentStatus.SIGNED)
SCAN_TYPES = {".pdf": ("application/pdf", b"%PDF"), ".png": ("image/png", b"\x89PNG"),
              ".jpg": ("image/jpeg", b"\xff\xd8\xff"), ".jpeg": ("image/jpeg", b"\xff\xd8\xff")}
MAX_SCAN_BYTES = 50 * 1024 * 1024


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


@dataclass(frozen=True)
class FileCheck:
    role: str
    file_name: str
    recorded: str
    actual: str

    @property
    def ok(self) -> bool:
        return self.recorded == self.actual


@dataclass(frozen=True)
class Verification:
    """The SHA-256 recomputed from the stored bytes against the one recorded at issue (and of each scan)."""

    number: str
    version: int
    recorded: str
    files: tuple[FileCheck, ...]

    @property
    def ok(self) -> bool:
        pdfs = [f for f in self.files if f.role == "pdf"]
        return bool(pdfs) and all(f.ok for f in self.files) and all(f.actual == self.recorded for f in pdfs)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _issue_moment(issued_on: date) -> datetime:
    """Now, or midnight UTC of the business date when that is not today (KAM_TODAY, the demo's as-of)."""
    now = _now()
    return now if now.date() == issued_on else datetime.combine(issued_on, time(0, 0), tzinfo=UTC)


# ---------------------------------------------------------------- reading


def _row(session: Session, doc: Document, code: str | None = None) -> DocumentRow:
    def number_of(doc_id: uuid.UUID | None) -> str | None:
        if doc_id is None:
            return None
        other = session.get(Document, doc_id)
        return None if other is None else f"{other.number} v{other.doc_version}"

    scans = len(session.scalars(select(DocumentFile.id).where(DocumentFile.document_id == doc.id,
                                                              DocumentFile.role == "scan")).all())
    code = code or session.scalar(select(Account.code).where(Account.id == doc.account_id)) or ""
    agreement = number_of(doc.agreement_id)
    return DocumentRow(doc.id, doc.number, doc.doc_version, str(doc.kind), str(doc.status), code, doc.language, doc.period,
                       doc.issued_at, doc.issued_by, doc.sha256, doc.file_name, doc.signed_on, doc.client_signatory,
                       number_of(doc.supersedes_id), agreement.rsplit(" ", 1)[0] if agreement else None, scans)


def _document(session: Session, number: str, version: int | None = None) -> Document:
    query = select(Document).where(Document.number == number.strip(), Document.deleted_at.is_(None))
    if version is not None:
        query = query.where(Document.doc_version == version)
    doc = session.scalar(query.order_by(Document.doc_version.desc()).limit(1))
    if doc is None:
        shown = number if version is None else f"{number} v{version}"
        raise NotFound(f"no document {shown!r}; see `kamctl document list CODE`")
    return doc


def _pdf_of(session: Session, doc: Document) -> bytes:
    data = session.scalar(select(DocumentFile.content).where(DocumentFile.document_id == doc.id,
                                                             DocumentFile.role == "pdf")
                          .order_by(DocumentFile.created_at).limit(1))
    if data is None:
        raise NotFound(f"{doc.number} v{doc.doc_version} has no stored PDF")
    return bytes(data)


def list_documents(store: Store, code: str) -> list[DocumentRow]:
    """The account's register: every version of every document, by number then version."""
    with store.read() as session:
        account = load_account(session, code)
        docs = session.scalars(select(Document).where(Document.account_id == account.id,
                                                      Document.deleted_at.is_(None))
                               .order_by(Document.kind, Document.number, Document.doc_version))
        return [_row(session, d, code) for d in docs]


def get_document(store: Store, number: str, version: int | None = None) -> DocumentRow:
    """One version (the latest by default)."""
    with store.read() as session:
        return _row(session, _document(session, number, version))


def document_pdf(store: Store, number: str, version: int | None = None) -> bytes:
    """The frozen PDF of a version (the latest by default), for preview, print and save."""
    with store.read() as session:
        return _pdf_of(session, _document(session, number, version))


def document_scan(store: Store, number: str, version: int | None = None) -> tuple[str, str, bytes] | None:
    """The latest signed scan of a version as (file name, media type, bytes), or None."""
    with store.read() as session:
        doc = _document(session, number, version)
        row = session.scalar(select(DocumentFile).where(DocumentFile.document_id == doc.id,
                                                        DocumentFile.role == "scan")
                             .order_by(DocumentFile.created_at.desc()).limit(1))
        return None if row is None else (row.file_name, row.media_type, bytes(row.content))


def verify(store: Store, number: str, version: int | None = None) -> Verification:
    """Recompute the SHA-256 of the stored PDF (and scans) and compare with what was recorded."""
    with store.read() as session:
        doc = _document(session, number, version)
        files = session.scalars(select(DocumentFile).where(DocumentFile.document_id == doc.id)
                                .order_by(DocumentFile.created_at))
        checks = tuple(FileCheck(f.role, f.file_name, f.sha256, sha256(bytes(f.content))) for f in files)
        return Verification(doc.number, doc.doc_version, doc.sha256 or "", checks)


# ---------------------------------------------------------------- issuing


def _current(session: Session, account: Account, kind: DocumentKind, period: str | None = None,
             statuses: tuple[str, ...] = CURRENT) -> list[Document]:
    query = select(Document).where(Document.account_id == account.id, Document.kind == kind,
                                   Document.status.in_(statuses), Document.deleted_at.is_(None))
    if period is not None:
        query = query.where(Document.period == period)
    return list(session.scalars(query.order_by(Document.issued_at.desc(), Document.number.desc())))


def _save(uow: UnitOfWork, account: Account, kind: DocumentKind, header: DocumentHeader, pdf: bytes, *,
          status: str = DocumentStatus.ISSUED, period: str | None = None, agreement_id: uuid.UUID | None = None,
          supersedes: Document | None = None) -> Document:
    version = header.version
    file_name = f"{header.number}.pdf" if version == 1 else f"{header.number}-v{version}.pdf"
    digest = sha256(pdf)
    moment = _issue_moment(header.issued_on)
    doc = Document(created_at=moment, updated_at=moment, kind=kind, number=header.number, doc_version=version, account_id=account.id,
                   language=header.lang, period=period, agreement_id=agreement_id,
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


def _issued(uow: UnitOfWork, doc: Document, account: Account, pdf: bytes, existing: bool = False) -> Issued:
    uow.session.flush()
    return Issued(_row(uow.session, doc, account.code), pdf, existing)


def issue_agreement(store: Store, code: str, lang: str | None = None, *, actor: str) -> Issued:
    """The participation agreement of the account (the current one if it exists in that language)."""
    with store.unit_of_work(actor) as uow:
        result = issue_agreement_in(uow, code, lang)
        uow.commit()
    return result


def issue_agreement_in(uow: UnitOfWork, code: str, lang: str | None = None, on: date | None = None,
                       numbers: NumberAllocator | None = None) -> Issued:
    session = uow.session
    account = load_account(session, code)
    language = language_of(account, lang)
    for doc in _current(session, account, DocumentKind.AGREEMENT):
        if doc.language == language:
            return _issued(uow, doc, account, _pdf_of(session, doc), existing=True)
    numbers = numbers or NumberAllocator(session, uow.actor)
    day = on or today()
    header = DocumentHeader(numbers.next("AGR", day.year), day, language)
    pdf = render_agreement(agreement_content(session, account, language, header))
    return _issued(uow, _save(uow, account, DocumentKind.AGREEMENT, header, pdf), account, pdf)


def issue_annex(store: Store, code: str, lang: str | None = None, *, actor: str) -> Issued:
    """The benefit annex listing the account's grants not yet on a signed annex (a DRAFT while any waits)."""
    with store.unit_of_work(actor) as uow:
        result = issue_annex_in(uow, code, lang)
        uow.commit()
    return result


def _signed_grant_ids(session: Session, account: Account) -> set[uuid.UUID]:
    signed = select(Document.id).where(Document.account_id == account.id, Document.kind == DocumentKind.ANNEX,
                                       Document.status == DocumentStatus.SIGNED)
    return set(session.scalars(select(AnnexBenefit.grant_id).where(AnnexBenefit.document_id.in_(signed))))


def _listed(session: Session, doc: Document) -> list[AnnexBenefit]:
    return list(session.scalars(select(AnnexBenefit).where(AnnexBenefit.document_id == doc.id)
                                .order_by(AnnexBenefit.position)))


def _agreement_for(session: Session, account: Account, language: str) -> Document:
    """The agreement an annex belongs to: a signed one, else one in the annex's language, else the newest."""
    agreements = _current(session, account, DocumentKind.AGREEMENT)
    signed = [d for d in agreements if d.status == DocumentStatus.SIGNED]
    if not agreements:
        raise Refused(f"{account.code} has no participation agreement yet; issue it first "
                      f"(kamctl document agreement {account.code})")
    same = [d for d in agreements if d.language == language]
    return (signed or same or agreements)[0]


def issue_annex_in(uow: UnitOfWork, code: str, lang: str | None = None, on: date | None = None,
                   numbers: NumberAllocator | None = None) -> Issued:
    session = uow.session
    account = load_account(session, code)
    language = language_of(account, lang)
    grants = annexable_grants(session, account, _signed_grant_ids(session, account))
    items = annex_items(session, grants)
    draft = any(items.pending)
    for doc in _current(session, account, DocumentKind.ANNEX, statuses=OPEN):
        same = {b.grant_id for b in _listed(session, doc)} == {g.id for g in grants}
        if same and (doc.status == DocumentStatus.DRAFT) == draft and doc.language == language:
            return _issued(uow, doc, account, _pdf_of(session, doc), existing=True)
        raise Refused(f"{doc.number} (v{doc.doc_version}, {doc.status}) is still open for {code} and lists other "
                      f"benefits or approvals; reissue it instead (kamctl document reissue {doc.number})")
    if not grants:
        raise Refused(f"{code} has no proposed or pending benefits that are not on a signed annex yet; "
                      f"grant a benefit first")
    numbers = numbers or NumberAllocator(session, uow.actor)
    day = on or today()
    header = DocumentHeader(numbers.next("ANX", day.year), day, language)
    return _annex(uow, account, header, items, draft)


def _annex(uow: UnitOfWork, account: Account, header: DocumentHeader, items: object,
           draft: bool, supersedes: Document | None = None) -> Issued:
    from kam_desktop.services.documents.content import AnnexItems

    assert isinstance(items, AnnexItems)
    session = uow.session
    agreement = _agreement_for(session, account, header.lang)
    content = annex_content(session, account, header.lang, header, items, agreement.number,
                            (agreement.issued_at or _now()).date())
    assert content.is_draft == draft
    pdf = render_annex(content)
    doc = _save(uow, account, DocumentKind.ANNEX, header, pdf, agreement_id=agreement.id, supersedes=supersedes,
                status=DocumentStatus.DRAFT if draft else DocumentStatus.ISSUED)
    for position, (grant, pending) in enumerate(zip(items.grants, items.pending, strict=True), start=1):
        session.add(AnnexBenefit(document_id=doc.id, grant_id=grant.id, position=position, pending=pending))
    return _issued(uow, doc, account, pdf)


def parse_quarter(quarter: Quarter | str) -> Quarter:
    if isinstance(quarter, Quarter):
        return quarter
    try:
        return Quarter.parse(quarter)
    except PeriodError as exc:
        raise ServiceError(str(exc)) from None


def _closed(quarter: Quarter, on: date) -> None:
    if quarter.end >= on:
        raise Refused(f"{quarter} is not over yet (it ends on {quarter.end.isoformat()}); "
                      f"a statement is issued after the quarter")


def issue_statement(store: Store, code: str, quarter: Quarter | str, lang: str | None = None, *,
                    actor: str) -> Issued:
    """The quarterly statement; its closing balances are the ledger's balances at the quarter's end."""
    with store.unit_of_work(actor) as uow:
        result = issue_statement_in(uow, code, parse_quarter(quarter), lang)
        uow.commit()
    return result


def issue_statement_in(uow: UnitOfWork, code: str, quarter: Quarter, lang: str | None = None,
                       on: date | None = None, numbers: NumberAllocator | None = None) -> Issued:
    session = uow.session
    account = load_account(session, code)
    language = language_of(account, lang)
    day = on or today()
    _closed(quarter, day)
    for doc in _current(session, account, DocumentKind.STATEMENT, str(quarter)):
        if doc.language == language:
            return _issued(uow, doc, account, _pdf_of(session, doc), existing=True)
    numbers = numbers or NumberAllocator(session, uow.actor)
    header = DocumentHeader(numbers.next("STM", day.year), day, language)
    pdf = render_statement(StatementSource(session, [account], quarter).content(account, language, header))
    doc = _save(uow, account, DocumentKind.STATEMENT, header, pdf, period=str(quarter))
    return _issued(uow, doc, account, pdf)


# ---------------------------------------------------------------- corrections and signing


def reissue(store: Store, number: str, lang: str | None = None, *, actor: str) -> Issued:
    """Version n+1 of a document from the store as it is now; version n becomes void and stays unchanged."""
    with store.unit_of_work(actor) as uow:
        result = reissue_in(uow, number, lang)
        uow.commit()
    return result


supersede = reissue


def reissue_in(uow: UnitOfWork, number: str, lang: str | None = None, on: date | None = None) -> Issued:
    session = uow.session
    old = _document(session, number)
    if old.status == DocumentStatus.SIGNED:
        raise Refused(f"{old.number} v{old.doc_version} is signed; a signed document is not corrected — "
                      f"issue a new one")
    if old.status == DocumentStatus.VOID:
        raise Refused(f"{old.number} v{old.doc_version} is void; nothing to reissue")
    account = session.get(Account, old.account_id)
    assert account is not None
    language = language_of(account, lang or old.language)
    day = on or today()
    header = DocumentHeader(old.number, day, language, old.doc_version + 1, old.number)
    old.status = DocumentStatus.VOID
    uow.audit("document.void", "document", old.id, number=old.number, version=old.doc_version,
              reason=f"superseded by v{header.version}")
    session.flush()
    kind = DocumentKind(old.kind)
    if kind is DocumentKind.AGREEMENT:
        pdf = render_agreement(agreement_content(session, account, language, header))
        return _issued(uow, _save(uow, account, kind, header, pdf, supersedes=old), account, pdf)
    if kind is DocumentKind.ANNEX:
        grants = annexable_grants(session, account, _signed_grant_ids(session, account))
        if not grants:
            raise Refused(f"{account.code} has no benefits left to put on {old.number}")
        items = annex_items(session, grants)
        return _annex(uow, account, header, items, any(items.pending), supersedes=old)
    quarter = Quarter.parse(old.period or "")
    pdf = render_statement(StatementSource(session, [account], quarter).content(account, language, header))
    doc = _save(uow, account, kind, header, pdf, period=old.period, supersedes=old)
    return _issued(uow, doc, account, pdf)


def sign(store: Store, number: str, signatory: str, signed_on: date, scan_path: Path | str | None = None, *,
         actor: str) -> DocumentRow:
    """Mark the current version signed (date, client's signatory, optional scan); an annex activates its benefits."""
    scan = _read_scan(Path(scan_path)) if scan_path else None
    with store.unit_of_work(actor) as uow:
        row = sign_in(uow, number, signatory, signed_on, scan)
        uow.commit()
    return row


def _read_scan(path: Path) -> tuple[str, str, bytes]:
    media = SCAN_TYPES.get(path.suffix.lower())
    if media is None:
        raise ServiceError(f"{path}: a scan must be a PDF, JPG or PNG file")
    if not path.is_file():
        raise ServiceError(f"{path}: no such file")
    if path.stat().st_size > MAX_SCAN_BYTES:
        raise ServiceError(f"{path}: the scan is larger than {MAX_SCAN_BYTES // (1024 * 1024)} MB; scan at a lower resolution")
    data = path.read_bytes()
    if not data.startswith(media[1]):
        raise ServiceError(f"{path}: the file is not a {path.suffix.lstrip('.').upper()} (its content says otherwise)")
    return path.name, media[0], data


def sign_in(uow: UnitOfWork, number: str, signatory: str, signed_on: date,
            scan: tuple[str, str, bytes] | None = None, now: date | None = None) -> DocumentRow:
    session = uow.session
    doc = _document(session, number)
    shown = f"{doc.number} v{doc.doc_version}"
    if not signatory.strip():
        raise ServiceError("name the client's signatory")
    if doc.kind == DocumentKind.STATEMENT:
        raise Refused(f"{shown} is a statement; statements are handed out, not signed")
    if doc.status == DocumentStatus.DRAFT:
        raise Refused(f"{shown} is a DRAFT: some of its benefits wait for an approval; once approved, reissue "
                      f"it (kamctl document reissue {doc.number}) and sign the new version")
    if doc.status != DocumentStatus.ISSUED:
        raise Refused(f"{shown} is {doc.status}; only an issued document can be signed")
    issued_on = (doc.issued_at or _now()).date()
    if signed_on < issued_on or signed_on > (now or today()):
        raise ServiceError(f"signing date {signed_on.isoformat()} must be between the issue date "
                           f"{issued_on.isoformat()} and today")
    if doc.kind == DocumentKind.ANNEX:
        _activate(uow, doc, signed_on)
    if scan is not None:
        name, media, data = scan
        uow.session.add(DocumentFile(document_id=doc.id, role="scan", media_type=media, file_name=name,
                                     sha256=sha256(data), size=len(data), content=data))
    doc.status, doc.signed_on, doc.client_signatory = DocumentStatus.SIGNED, signed_on, signatory.strip()
    uow.audit("document.sign", "document", doc.id, number=doc.number, version=doc.doc_version,
              signed_on=signed_on, signatory=signatory.strip(), scan=scan[0] if scan else None,
              scan_sha256=sha256(scan[2]) if scan else None)
    session.flush()
    return _row(session, doc)


def _activate(uow: UnitOfWork, doc: Document, signed_on: date) -> None:
    """Activate every grant the annex lists; refused (nothing changes) if one can no longer be activated."""
    session = uow.session
    problems, grants = [], []
    for line in _listed(session, doc):
        grant = session.get(BenefitGrant, line.grant_id)
        assert grant is not None
        name = grant.catalog_item.code
        if grant.status not in ANNEXABLE or grant.annex_id is not None or grant.deleted_at is not None:
            problems.append(f"{name} is {grant.status}")
        elif grant.exception_id is not None:
            exc = session.get(ExceptionRequest, grant.exception_id)
            if exc is None or exc.status != ExceptionStatus.APPROVED:
                problems.append(f"{name}: exception {exc.number if exc else '?'} is not approved")
            elif exc.valid_to is not None and exc.valid_to < signed_on:
                problems.append(f"{name}: exception {exc.number} expired on {exc.valid_to.isoformat()}")
        grants.append(grant)
    if problems:
        raise Refused(f"{doc.number} v{doc.doc_version} cannot be signed: " + "; ".join(problems)
                      + f" — reissue it (kamctl document reissue {doc.number})")
    for grant in grants:
        grant.status, grant.annex_id = GrantStatus.ACTIVE, doc.id
        uow.audit("grant.activate", "benefit_grant", grant.id, annex=doc.number, version=doc.doc_version,
                  signed_on=signed_on)


# The portfolio batch and the demo's documents live in document_batch; one import path for callers.
from kam_desktop.services.documents.batch import (  # noqa: E402
    StatementsBatch,
    issue_statements,
    seed_demo_documents,
)

__all__ = [
    "DocumentRow", "FileCheck", "Issued", "StatementsBatch", "Verification", "document_pdf", "document_scan",
    "get_document", "issue_agreement", "issue_annex", "issue_statement", "issue_statements", "list_documents",
    "reissue", "seed_demo_documents", "sign", "supersede", "verify",
]
