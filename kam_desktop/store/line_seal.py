"""The seal of an import's invoice lines: one SHA-256 over the values as the laptop's store keeps them, recorded in
the import's (chained) audit line, so that a line changed, removed or slipped into the import afterwards is found.

Invoice lines are the bulk of the store (millions): a link per line, as the ledger has, would cost the import a
third of its time; one seal per import costs a few percent and names the import a changed line belongs to (and
`kamctl check` names its account and month when the roll-up was left alone). Values are sealed column by
column, so the insert's batches and the verifier's chunks need not agree.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from typing import Any

import numpy as np
from sqlalchemy import Connection, select, text

from kam_desktop.store.models import AuditEntry

SEALED = ("id", "invoice_no", "line_no", "invoice_date", "account_id", "category_id", "quantity", "net_amount",
          "margin_amount", "currency")
_WHOLE = frozenset({"line_no", "quantity", "net_amount", "margin_amount"})  # INTEGER columns on SQLite
DETAIL = "lines_seal"  # the import's audit detail holding the seal
_SEP = "\x1f"  # the unit separator: no code, number or category holds it (the validator refuses control bytes)
_CHUNK = 50_000


class LineSeal:
    """Column-wise SHA-256 over rows given in the order they are stored (ids ascending)."""

    def __init__(self) -> None:
        self._columns = [hashlib.sha256() for _ in SEALED]
        self.rows = 0

    def add(self, columns: Sequence[Sequence[Any]]) -> None:
        """One batch, as column lists in `SEALED` order holding the values as stored."""
        for name, digest, values in zip(SEALED, self._columns, columns, strict=True):
            if not len(values):
                continue
            if name in _WHOLE:  # integers as the store keeps them (minor units): 8 bytes each, at C speed
                digest.update(np.asarray(values, dtype=np.int64).tobytes())
            else:  # each value ends with the separator, however the rows are split into batches
                digest.update((_SEP.join(values) + _SEP).encode("utf-8"))
        self.rows += len(columns[0]) if columns else 0

    def hexdigest(self) -> str:
        whole = hashlib.sha256(str(self.rows).encode())
        for digest in self._columns:
            whole.update(digest.digest())
        return whole.hexdigest()


def seal_of_import(connection: Connection, import_id: uuid.UUID) -> str:
    """The seal of the lines the store now holds for `import_id`, read back as stored (SQLite)."""
    seal = LineSeal()
    result = connection.execute(text(f"SELECT {', '.join(SEALED)} FROM invoice_lines WHERE import_id = :id "
                                     "ORDER BY id"), {"id": import_id.hex})
    while rows := result.fetchmany(_CHUNK):
        seal.add(list(zip(*rows, strict=True)))
    return seal.hexdigest()


def sealed_imports(connection: Connection) -> list[tuple[uuid.UUID, str, str]]:
    """(import id, file, seal) of every import whose audit line carries a seal, oldest first."""
    rows = connection.execute(select(AuditEntry.entity_id, AuditEntry.details)
                              .where(AuditEntry.action == "import.apply").order_by(AuditEntry.created_at))
    return [(uuid.UUID(str(entity_id)), str(details.get("file") or ""), str(details[DETAIL]))
            for entity_id, details in rows if entity_id and isinstance(details, dict) and details.get(DETAIL)]
