"""The document register read: an account's documents, a version's PDF and scan, and verifying its SHA-256."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.documents.records import (
    DocumentRow,
    document_row,
    find_document,
    sha256,
    stored_pdf,
)
from kam_desktop.store.models import Account, AuditEntry, Document, DocumentFile, User


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
    # the SHA-256 each file had when the audit chain recorded it (issue, signature, scan), by file role and name:
    # replacing a PDF's bytes and its stored hashes together passes the check above, but not this one
    audited: tuple[FileCheck, ...] = ()
    account: str = ""

    @property
    def ok(self) -> bool:
        pdfs = [f for f in self.files if f.role == "pdf"]
        return (bool(pdfs) and all(f.ok for f in self.files) and all(f.actual == self.recorded for f in pdfs)
                and all(f.ok for f in self.audited))


def list_documents(ctx: Context, code: str) -> list[DocumentRow]:
    """The account's register: every version of every document, by number then version."""
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        docs = session.scalars(select(Document).where(Document.account_id == account.id,
                                                      Document.deleted_at.is_(None))
                               .order_by(Document.kind, Document.number, Document.doc_version))
        return [document_row(session, d, account.code) for d in docs]


def get_document(ctx: Context, number: str, version: int | None = None) -> DocumentRow:
    """One version (the latest by default)."""
    with ctx.read() as session:
        return document_row(session, find_document(ctx, session, UseCase.VIEW_ACCOUNT, number, version))


def document_pdf(ctx: Context, number: str, version: int | None = None) -> bytes:
    """The frozen PDF of a version (the latest by default), for preview, print and save."""
    with ctx.read() as session:
        return stored_pdf(session, find_document(ctx, session, UseCase.VIEW_ACCOUNT, number, version))


def document_scan(ctx: Context, number: str, version: int | None = None) -> tuple[str, str, bytes] | None:
    """The latest signed scan of a version as (file name, media type, bytes), or None."""
    with ctx.read() as session:
        doc = find_document(ctx, session, UseCase.VIEW_ACCOUNT, number, version)
        row = session.scalar(select(DocumentFile).where(DocumentFile.document_id == doc.id,
                                                        DocumentFile.role == "scan")
                             .order_by(DocumentFile.created_at.desc()).limit(1))
        return None if row is None else (row.file_name, row.media_type, bytes(row.content))


def verify(ctx: Context, number: str, version: int | None = None) -> Verification:
    """Recompute the SHA-256 of the stored PDF (and scans) and compare with what was recorded, and with what the
    audit chain recorded when it was issued, signed or scanned."""
    with ctx.read() as session:
        doc = find_document(ctx, session, UseCase.VIEW_ACCOUNT, number, version)
        return _verified(doc, _files(session, [doc.id]).get(doc.id, []),
                         audited_hashes(session, {doc.id: doc.file_name}).get(doc.id, {}))


def verify_all(ctx: Context) -> list[Verification]:
    """Every document version of every account the actor may see, verified as `verify` does, by number."""
    owner = ctx.owner_filter(UseCase.VIEW_ACCOUNT)
    with ctx.read() as session:
        query = (select(Document, Account.code).join(Account, Account.id == Document.account_id)
                 .where(Document.deleted_at.is_(None)).order_by(Document.number, Document.doc_version))
        if owner is not None:
            query = query.join(User, User.id == Account.owner_id).where(User.login == owner)
        docs = session.execute(query).all()
        files = _files(session, [doc.id for doc, _ in docs])
        hashes = audited_hashes(session, {doc.id: doc.file_name for doc, _ in docs})
        return [_verified(doc, files.get(doc.id, []), hashes.get(doc.id, {}), code) for doc, code in docs]


def _verified(doc: Document, files: list[DocumentFile], audited: dict[tuple[str, str], str],
              code: str = "") -> Verification:
    checks = tuple(FileCheck(f.role, f.file_name, f.sha256, sha256(bytes(f.content))) for f in files)
    by_file = {(c.role, c.file_name): c.actual for c in checks}
    pdf_name = next((c.file_name for c in checks if c.role == "pdf"), doc.file_name or "")
    # a PDF whose issue is not in the audit log at all does not match it either: its line was removed
    wanted = audited or {("pdf", pdf_name): ""}
    against = tuple(FileCheck(role, name, recorded, by_file.get((role, name), ""))
                    for (role, name), recorded in sorted(wanted.items()))
    return Verification(doc.number, doc.doc_version, doc.sha256 or "", checks, against, code)


def _files(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[DocumentFile]]:
    """The stored files of these documents, oldest first each (read a slice of ids at a time)."""
    found: dict[uuid.UUID, list[DocumentFile]] = {}
    for start in range(0, len(ids), _SLICE):
        for f in session.scalars(select(DocumentFile).where(DocumentFile.document_id.in_(ids[start:start + _SLICE]))
                                 .order_by(DocumentFile.created_at)):
            found.setdefault(f.document_id, []).append(f)
    return found


def audited_hashes(session: Session, names: dict[uuid.UUID, str | None]) -> dict[uuid.UUID, dict[tuple[str, str], str]]:
    """Per document (id → its PDF's file name), the SHA-256 of each file as its audit lines recorded them: the PDF
    at issue, each scan."""
    found: dict[uuid.UUID, dict[tuple[str, str], str]] = {}
    ids = [str(i) for i in names]
    for start in range(0, len(ids), _SLICE):
        rows = session.execute(select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.details)
                               .where(AuditEntry.entity == "document", AuditEntry.entity_id.in_(ids[start:start + _SLICE]),
                                      AuditEntry.action.in_(_HASHED))
                               .order_by(AuditEntry.created_at))
        for entity_id, action, details in rows:
            if not isinstance(details, dict):
                continue
            doc_id = uuid.UUID(entity_id)
            files = found.setdefault(doc_id, {})
            if action in ("document.issue", "document.reissue") and details.get("sha256"):
                files[("pdf", names.get(doc_id) or "")] = str(details["sha256"])
            if details.get("scan") and details.get("scan_sha256"):
                files[("scan", str(details["scan"]))] = str(details["scan_sha256"])
    return found


_SLICE = 500  # ids per IN (…): well inside SQLite's bound parameters
_HASHED = ("document.issue", "document.reissue", "document.sign", "document.scan")
