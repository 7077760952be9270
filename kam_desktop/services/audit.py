"""Use cases of the tamper-evident audit: verify the chain (naming the first line that breaks it) and read its head
(the anchor to keep outside the store: a chain rewritten whole no longer reaches it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import text

from kam_desktop.domain.audit_chain import Break, first_break, head
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.row_chain import RowBreak, first_row_break
from kam_desktop.services.context import Context
from kam_desktop.store.audit_chain import count_lines, read_chain
from kam_desktop.store.ledger_chain import read_chain as read_ledger_chain
from kam_desktop.store.line_seal import seal_of_import, sealed_imports
from kam_desktop.store.server.audit import read_server_chain


@dataclass(frozen=True)
class AuditCheck:
    lines: int
    links: int
    head: str
    broken: Break | None
    ledger_links: int = 0  # the ledger's chain (a laptop's store; a team server keeps its ledger itself)
    ledger_broken: RowBreak | None = None
    sealed_imports: int = 0  # imports whose invoice lines were sealed in their audit line
    import_broken: ImportBreak | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None and self.ledger_broken is None and self.import_broken is None


@dataclass(frozen=True)
class ImportBreak:
    """The first import whose invoice lines no longer match the seal its audit line recorded."""

    import_id: uuid.UUID
    file: str


def verify_audit(ctx: Context, anchor: str | None = None) -> AuditCheck:
    """Walk the chain from its first link; the first line that does not hold is named (and nothing is changed)."""
    ctx.permit(UseCase.VERIFY_AUDIT)
    with ctx.read() as session:
        connection = session.connection()
        server = connection.dialect.name == "postgresql" and bool(connection.scalar(text(
            "SELECT to_regclass('kam.audit_chain') IS NOT NULL")))
        links, unchained = read_server_chain(connection) if server else read_chain(connection)
        lines = count_lines(connection)
        laptop = connection.dialect.name == "sqlite"
        ledger, outside, sealed = read_ledger_chain(connection) if laptop else ([], [], [])
        imports = sealed_imports(connection) if laptop else []
        changed = next((ImportBreak(import_id, file) for import_id, file, seal in imports
                        if seal_of_import(connection, import_id) != seal), None)
    return AuditCheck(lines, len(links), head(links), first_break(links, unchained, anchor), len(ledger),
                      first_row_break(ledger, outside, sealed), len(imports), changed)


def audit_anchor(ctx: Context) -> str:
    """The chain's head hash now."""
    return verify_audit(ctx).head
