"""The names a command line offers before anything is read: import formats, export kinds, reading options.

Light on purpose (no pandas, no store): `kamctl import --help` lists the formats from here.
"""

from __future__ import annotations

from kam_desktop.imports.errors import ImportCancelled
from kam_desktop.imports.formats import FORMATS
from kam_desktop.imports.options import ReadOptions

__all__ = ["CANONICAL_KINDS", "EXPORT_KINDS", "FORMAT_NAMES", "REPORT_KINDS", "ImportCancelled", "ReadOptions"]

FORMAT_NAMES = tuple(FORMATS)
REPORT_KINDS = ("portfolio", "grades", "slots", "ledger", "kpi")
CANONICAL_KINDS = ("accounts", "invoices", "potential", "contacts")
EXPORT_KINDS = REPORT_KINDS + CANONICAL_KINDS
