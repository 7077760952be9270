"""What can be exported: the report kinds and the canonical import formats (plain names, nothing imported)."""

from __future__ import annotations

REPORT_KINDS = ("portfolio", "grades", "slots", "ledger", "kpi")
CANONICAL_KINDS = ("accounts", "invoices", "potential", "contacts")
EXPORT_KINDS = REPORT_KINDS + CANONICAL_KINDS
