"""The document register read: an account's documents, a version's PDF and scan, and verifying its SHA-256."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

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
from kam_desktop.store.models import Document, DocumentFile


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
    """Recompute the SHA-256 of the stored PDF (and scans) and compare with what was recorded."""
    with ctx.read() as session:
        doc = find_document(ctx, session, UseCase.VIEW_ACCOUNT, number, version)
        files = session.scalars(select(DocumentFile).where(DocumentFile.document_id == doc.id)
                                .order_by(DocumentFile.created_at))
        checks = tuple(FileCheck(f.role, f.file_name, f.sha256, sha256(bytes(f.content))) for f in files)
        return Verification(doc.number, doc.doc_version, doc.sha256 or "", checks)
