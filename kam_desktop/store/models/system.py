"""Cross-cutting tables: audit log, FX rates, settings, the sync outbox, cursor and conflicts, and local caches."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, BigInteger, Date, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kam_desktop.store.models.base import AppendOnlyMixin, Base, SyncedMixin
from kam_desktop.store.types import Rate, UTCDateTime, utc_now


class AuditEntry(AppendOnlyMixin, Base):
    """Who did what to which entity, when; never edited."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    action: Mapped[str] = mapped_column(String(60), nullable=False)  # e.g. exception.approve
    entity: Mapped[str] = mapped_column(String(60), nullable=False)
    entity_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, object] | None] = mapped_column(JSON)


class AuditLink(Base):
    """The audit log's hash chain on this store (domain/audit_chain.py): one link per line, in writing order.

    Local: each store chains the lines written to it (a team server chains its own in `kam.audit_chain`)."""

    __tablename__ = "audit_chain"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    audit_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class FxRate(SyncedMixin, Base):
    """How many units of the base currency one unit of `currency` was worth on `rate_date`."""

    __tablename__ = "fx_rates"
    __table_args__ = (UniqueConstraint("rate_date", "currency", "base_currency"),)

    rate_date: Mapped[date] = mapped_column(Date, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    base_currency: Mapped[str] = mapped_column(String(3), nullable=False)
    rate: Mapped[Decimal] = mapped_column(Rate(), nullable=False)


class Setting(SyncedMixin, Base):
    """Company settings (identity for documents, base currency, …) as key → JSON value."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    value: Mapped[object] = mapped_column(JSON, nullable=True)


class OutboxEntry(Base):
    """A local change waiting to be pushed to the team server, in commit order."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, nullable=False)
    entity: Mapped[str] = mapped_column(String(60), nullable=False)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    operation: Mapped[str] = mapped_column(String(8), nullable=False)  # insert | update | delete
    base_version: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utc_now)


class SyncState(Base):
    """The binding to a team server (one row) and the pull cursor: the last (xid, id) of its change log applied."""

    __tablename__ = "sync_state"

    server: Mapped[str] = mapped_column(String(200), primary_key=True)
    cursor_xid: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    cursor_id: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    last_pull_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_push_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    login: Mapped[str | None] = mapped_column(String(64))  # the server login this laptop belongs to
    epoch: Mapped[str | None] = mapped_column(String(200))  # the server's identity at the last sync


class SyncConflict(AppendOnlyMixin, Base):
    """The losing side of a conflict the server resolved, for the KAM to see and act on."""

    __tablename__ = "sync_conflicts"

    entity: Mapped[str] = mapped_column(String(60), nullable=False)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    op_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    local_changes: Mapped[dict[str, object] | None] = mapped_column(JSON)
    server_values: Mapped[dict[str, object] | None] = mapped_column(JSON)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LedgerLink(Base):
    """The ledger's hash chain on this store (domain/row_chain.py): one link per ledger entry and allocation, in
    writing order. Local, like `audit_chain`; each unit of work that writes ledger rows seals the chain's head in
    an audit line, so the audit chain covers the ledger's."""

    __tablename__ = "ledger_chain"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    row_table: Mapped[str] = mapped_column(String(24), nullable=False)
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class DataGeneration(Base):
    """How many rows the portfolio is computed from have changed on this store (one row): SQLite triggers of
    migration 0017 count every insert, update and delete of those tables, so a remembered portfolio is exact only
    while the count it was read at is still the count. Local, like `audit_chain`."""

    __tablename__ = "data_generation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, default=1)  # always 1
    generation: Mapped[int] = mapped_column(BigInteger, nullable=False)


class PortfolioSnapshot(Base):
    """The last portfolio shown at a start, as of its day and at the data generation it was read at: a later
    start shows it at once when neither the day, the data nor the program's version changed (store/portfolio_snapshot.py).
    Local; a cache, never a source: anything else and the start computes the portfolio again."""

    __tablename__ = "portfolio_snapshots"

    as_of: Mapped[date] = mapped_column(Date, primary_key=True)
    generation: Mapped[int] = mapped_column(BigInteger, nullable=False)
    version: Mapped[str] = mapped_column(String(64), nullable=False)  # the program's version and its portfolio SQL
    rows: Mapped[str] = mapped_column(Text, nullable=False)  # JSON, one array per account


class KpiSnapshot(Base):
    """The Reports screen's figures (the KPIs of a scope, the simulator's bases) as of a day, at the data generation
    they were computed at and by this build (store/kpi_snapshot.py). Local; a cache, never a source: anything else
    and the figures are computed again."""

    __tablename__ = "kpi_snapshots"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # "kpis" or "simulation"
    scope: Mapped[str] = mapped_column(String(120), primary_key=True)  # the whole program or one KAM's portfolio
    as_of: Mapped[date] = mapped_column(Date, primary_key=True)
    generation: Mapped[int] = mapped_column(BigInteger, nullable=False)
    version: Mapped[str] = mapped_column(String(64), nullable=False)  # the program's version and the format
    value: Mapped[str] = mapped_column(Text, nullable=False)  # typed JSON (store/kpi_snapshot.py)
