"""Readers for ERP/CRM exports: profiles, sniffing, validation, staging; writers for CSV/XLSX exports.

The public API, for services and the CLI:
- `import_file(path, format_name, known, ...)` → `ImportResult` (staged rows or every error, never writes);
- `sniff_file(path, spec, options, profile)` → `SniffResult` for a preview with overridable `ReadOptions`;
- `KnownData`: what the store holds (accounts and their currencies, owner logins, categories, today);
- `MappingProfile`, `save_profile`, `load_profile`, `load_profiles`: users' header mappings;
- `write_csv`, `write_xlsx`, `staged_table`, `neutralise`: exports safe to open in a spreadsheet;
- `FORMATS`, `get_format`, `describe_formats`: the canonical formats.
"""

from kam_desktop.imports.errors import (
    HostileFileError,
    ImportCancelled,
    ImportFileError,
    ImportIssue,
    ProfileError,
)
from kam_desktop.imports.export import neutralise, staged_table, write_csv, write_xlsx
from kam_desktop.imports.formats import FORMATS, describe_formats, get_format
from kam_desktop.imports.importer import import_file
from kam_desktop.imports.options import Progress, ReadOptions, SniffResult
from kam_desktop.imports.profiles import MappingProfile, load_profile, load_profiles, save_profile
from kam_desktop.imports.sniffing import sniff_file
from kam_desktop.imports.staged import (
    ImportResult,
    KnownData,
    StagedAccount,
    StagedContact,
    StagedInvoiceLine,
    StagedOpeningBalance,
    StagedPotential,
    StagedRows,
)

__all__ = [
    "FORMATS", "HostileFileError", "ImportCancelled", "ImportFileError", "ImportIssue", "ImportResult",
    "KnownData", "MappingProfile", "ProfileError", "Progress", "ReadOptions", "SniffResult", "StagedAccount",
    "StagedContact", "StagedInvoiceLine", "StagedOpeningBalance", "StagedPotential", "StagedRows",
    "describe_formats", "get_format", "import_file", "load_profile", "load_profiles", "neutralise",
    "save_profile", "sniff_file", "staged_table", "write_csv", "write_xlsx",
]
