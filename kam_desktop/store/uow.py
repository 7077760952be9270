"""Unit of work: one transaction that commits only when asked, and keeps append-only rows unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, event, inspect
from sqlalchemy.orm import Session

from kam_desktop.jsonable import to_jsonable
from kam_desktop.store import ledger_chain, outbox
from kam_desktop.store import rollup as _rollup  # noqa: F401 - registers the roll-up's upkeep on every flush
from kam_desktop.store.audit_chain import chain_new_lines
from kam_desktop.store.engine import WRITE
from kam_desktop.store.limits import check_lengths
from kam_desktop.store.models import AuditEntry, SyncedMixin
from kam_desktop.store.models.base import new_id


class AppendOnlyViolation(RuntimeError):
    """Code tried to change or delete a ledger, audit or decision row: write a correcting entry."""


class UnitOfWork:
    """`with store.unit_of_work("alice") as uow: …; uow.commit()` — rolls back unless committed."""

    def __init__(self, engine: Engine, actor: str) -> None:
        self._engine = engine
        self.actor = actor
        self.session: Session
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = Session(bind=self._engine.execution_options(**WRITE), expire_on_commit=False)
        self.session.info["actor"] = self.actor
        # A laptop bound to a team server records every change of a replicated row in its outbox (after_flush).
        self.session.info["outbox"] = outbox.is_bound(self._engine)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.flush()  # the ledger rows linked, so that their head can be sealed in the audit log
        seal = ledger_chain.seal_line(self.session)
        if seal is not None:
            seal.created_by = self.actor
            self.session.add(seal)
        self.session.commit()
        self._committed = True

    def audit(self, action: str, entity: str, entity_id: object = None, **details: Any) -> AuditEntry:
        """Record who did what; written in the same transaction as the change itself."""
        entry = AuditEntry(
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            details=to_jsonable(details) or None,
            created_by=self.actor,
        )
        self.session.add(entry)
        return entry


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A read-only session (deferred BEGIN on SQLite: it never blocks a writer)."""
    session = Session(bind=engine, expire_on_commit=False)
    try:
        yield session
    finally:
        session.rollback()
        session.close()


@event.listens_for(Session, "before_flush")
def _guard_and_stamp(session: Session, _context: Any, _instances: Any) -> None:
    actor = session.info.get("actor")
    for obj in session.dirty:
        if getattr(obj, "__append_only__", False) and session.is_modified(obj, include_collections=False):
            raise AppendOnlyViolation(
                f"{type(obj).__name__} {inspect(obj).identity} is append-only; add a correcting entry instead"
            )
        if actor and isinstance(obj, SyncedMixin) and session.is_modified(obj, include_collections=False):
            obj.updated_by = actor
    for obj in session.deleted:
        if getattr(obj, "__append_only__", False):
            raise AppendOnlyViolation(f"{type(obj).__name__} rows are append-only and cannot be deleted")
        if isinstance(obj, SyncedMixin):
            raise AppendOnlyViolation(
                f"{type(obj).__name__} rows are synced: set deleted_at (soft delete) instead of deleting"
            )
    check_lengths([*session.new, *(obj for obj in session.dirty if session.is_modified(obj))])
    new_lines = [_with_id(obj).id for obj in session.new if isinstance(obj, AuditEntry)]
    if new_lines:  # chained after the flush, in the order they were added (ids are client-made: known now)
        session.info.setdefault("audit_new", []).extend(new_lines)
    ledger_chain.queue_new_rows(session, [_with_id(obj) for obj in session.new if type(obj) in ledger_chain.CHAINED])
    if actor:
        for obj in session.new:
            if isinstance(obj, SyncedMixin) and obj.updated_by in (None, "system"):
                obj.updated_by = actor
            elif hasattr(obj, "created_by") and getattr(obj, "created_by", None) in (None, "system"):
                obj.created_by = actor


def _with_id(line: Any) -> Any:
    if line.id is None:  # the key is client-made: make it now, so the chain can name the line after the flush
        line.id = new_id()
    return line


@event.listens_for(Session, "after_flush")
def _record_outbox(session: Session, _context: Any) -> None:
    chain_new_lines(session)
    ledger_chain.chain_new_rows(session)
    if session.info.get("outbox"):
        outbox.record(session)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _new_outbox_transaction(session: Session) -> None:
    outbox.forget_transaction(session)
    session.info.pop("audit_new", None)
    ledger_chain.forget(session)
