"""Recording what the client signed: the date, the client's signatory, a scan — and an annex's benefits start.

Signing an annex activates every benefit it lists through the same rule as activating a benefit directly
(`benefits.grants.activate`): a benefit beyond a cap needs approved, valid exceptions for every cap it
exceeds. If one benefit cannot start, nothing is signed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import DocumentKind, DocumentStatus
from kam_desktop.services.access import account_ref
from kam_desktop.services.benefits.grants import activate
from kam_desktop.services.context import Context
from kam_desktop.services.documents.issue import listed_benefits
from kam_desktop.services.documents.records import DocumentRow, document_row, find_document, sha256
from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.store.models import BenefitGrant, Document, DocumentFile
from kam_desktop.store.uow import UnitOfWork

SCAN_TYPES = {".pdf": ("application/pdf", b"%PDF"), ".png": ("image/png", b"\x89PNG"),
              ".jpg": ("image/jpeg", b"\xff\xd8\xff"), ".jpeg": ("image/jpeg", b"\xff\xd8\xff")}
MAX_SCAN_BYTES = 50 * 1024 * 1024
Scan = tuple[str, str, bytes]  # file name, media type, bytes


def sign(ctx: Context, number: str, signatory: str, signed_on: date,
         scan_path: Path | str | None = None) -> DocumentRow:
    """Mark the current version signed (date, client's signatory, optional scan); an annex activates its benefits."""
    scan = read_scan(Path(scan_path)) if scan_path else None
    with ctx.unit_of_work() as uow:
        doc = find_document(ctx, uow.session, UseCase.SIGN_DOCUMENT, number)
        row = sign_in(uow, doc, signatory, signed_on, scan, ctx.today())
        uow.commit()
    return row


def read_scan(path: Path) -> Scan:
    """The scan file's name, media type and bytes, checked by extension, size and content."""
    media = SCAN_TYPES.get(path.suffix.lower())
    if media is None:
        raise ServiceError("{path}: a scan must be a PDF, JPG or PNG file", path=str(path))
    if not path.is_file():
        raise ServiceError("{path}: no such file", path=str(path))
    if path.stat().st_size > MAX_SCAN_BYTES:
        raise ServiceError("{path}: the scan is larger than {mb} MB; scan at a lower resolution", path=str(path),
                           mb=MAX_SCAN_BYTES // (1024 * 1024))
    data = path.read_bytes()
    if not data.startswith(media[1]):
        raise ServiceError("{path}: the file is not a {kind} (its content says otherwise)", path=str(path),
                           kind=path.suffix.lstrip(".").upper())
    return path.name, media[0], data


def sign_in(uow: UnitOfWork, doc: Document, signatory: str, signed_on: date, scan: Scan | None,
            today: date) -> DocumentRow:
    """`sign` inside the caller's unit of work, on business day `today`."""
    session = uow.session
    if not signatory.strip():
        raise ServiceError("name the client's signatory")
    shown = {"number": doc.number, "version": doc.doc_version}
    if doc.kind == DocumentKind.STATEMENT:
        raise Refused("{number} v{version} is a statement; statements are handed out, not signed", **shown)
    if doc.status == DocumentStatus.DRAFT:
        raise Refused("{number} v{version} is a DRAFT: some of its benefits wait for an approval; once approved, "
                      "reissue it and sign the new version", **shown)
    if doc.status != DocumentStatus.ISSUED:
        raise Refused("{number} v{version} is {status}; only an issued document can be signed",
                      status=DocumentStatus(doc.status),
                      **shown)
    issued_on = (doc.issued_at.date() if doc.issued_at else today)
    if signed_on < issued_on or signed_on > today:
        raise ServiceError("signing date {signed_on} must be between the issue date {issued_on} and today",
                           signed_on=signed_on, issued_on=issued_on)
    if doc.kind == DocumentKind.ANNEX:
        _activate(uow, doc, signed_on)
    if scan is not None:
        attach(uow, doc, scan)
    doc.status, doc.signed_on, doc.client_signatory = DocumentStatus.SIGNED, signed_on, signatory.strip()
    uow.audit("document.sign", "document", doc.id, number=doc.number, version=doc.doc_version,
              signed_on=signed_on, signatory=signatory.strip(), scan=scan[0] if scan else None,
              scan_sha256=sha256(scan[2]) if scan else None)
    session.flush()
    return document_row(session, doc)


def attach(uow: UnitOfWork, doc: Document, scan: Scan) -> None:
    """Keep a scan of the signed paper with the document (append-only, with its SHA-256)."""
    name, media, data = scan
    uow.session.add(DocumentFile(document_id=doc.id, role="scan", media_type=media, file_name=name,
                                 sha256=sha256(data), size=len(data), content=data))


def attach_scan(ctx: Context, number: str, scan_path: Path | str) -> DocumentRow:
    """Attach a scan to a document signed earlier (a scan arrives after the signature, or a better one)."""
    scan = read_scan(Path(scan_path))
    with ctx.unit_of_work() as uow:
        doc = find_document(ctx, uow.session, UseCase.SIGN_DOCUMENT, number)
        if doc.status != DocumentStatus.SIGNED:
            raise Refused("{number} v{version} is {status}; a scan is attached to a signed document",
                          number=doc.number, version=doc.doc_version, status=DocumentStatus(doc.status))
        attach(uow, doc, scan)
        uow.audit("document.scan", "document", doc.id, number=doc.number, version=doc.doc_version, scan=scan[0],
                  scan_sha256=sha256(scan[2]))
        uow.session.flush()
        row = document_row(uow.session, doc)
        uow.commit()
    return row


def _activate(uow: UnitOfWork, doc: Document, signed_on: date) -> None:
    """Activate every grant the annex lists; refused (nothing changes) if one can no longer be activated."""
    session = uow.session
    refusals: list[Message] = []
    started = []
    for line in listed_benefits(session, doc):
        grant = session.get_one(BenefitGrant, line.grant_id)
        account = account_ref(session, grant.account_id)
        outcome = activate(session, grant, account, signed_on, uow.actor)
        refusals += outcome.refusals
        started.append((grant, outcome.covering))
    if refusals:
        raise Refused("{number} v{version} cannot be signed: {problems} — reissue it", number=doc.number,
                      version=doc.doc_version, problems=Listing(tuple(refusals)))
    for grant, covering in started:
        grant.annex_id = doc.id
        uow.audit("grant.activate", "benefit_grant", grant.id, annex=doc.number, version=doc.doc_version,
                  signed_on=signed_on, exceptions=covering)
