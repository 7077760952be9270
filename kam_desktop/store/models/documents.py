"""The document register: agreements, annexes, statements; issued documents never change."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from kam_desktop.domain.vocabulary import DocumentKind, DocumentStatus, Language
from kam_desktop.store.models.base import AppendOnlyMixin, Base, SyncedMixin, one_of
from kam_desktop.store.types import UTCDateTime


class Document(SyncedMixin, Base):
    """A document's register entry. Its content is frozen once issued (see `DocumentFile`).

    Only the status moves after issue (issued → signed | void); a correction is a new row with
    `version + 1` and `supersedes_id` pointing at the one it replaces.
    """

    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("number", "doc_version"),
        one_of("kind", DocumentKind),
        one_of("status", DocumentStatus),
        one_of("language", Language),
    )

    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    number: Mapped[str] = mapped_column(String(40), nullable=False)  # ANX-2026-00042
    doc_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    language: Mapped[str] = mapped_column(String(2), nullable=False)
    period: Mapped[str | None] = mapped_column(String(6))  # statements: 2026Q1
    agreement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("documents.id"))  # annexes
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("documents.id"))
    status: Mapped[str] = mapped_column(String(8), nullable=False, default=DocumentStatus.DRAFT)
    sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(200))
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    issued_by: Mapped[str | None] = mapped_column(String(64))
    signed_on: Mapped[date | None] = mapped_column(Date)
    client_signatory: Mapped[str | None] = mapped_column(String(200))


class DocumentFile(AppendOnlyMixin, Base):
    """Bytes of an issued PDF or of a signed scan, kept in the store so they sync and back up."""

    __tablename__ = "document_files"
    __table_args__ = (one_of("role", ["pdf", "scan"]),)

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("documents.id"), index=True, nullable=False)
    role: Mapped[str] = mapped_column(String(8), nullable=False)
    media_type: Mapped[str] = mapped_column(String(60), nullable=False)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
