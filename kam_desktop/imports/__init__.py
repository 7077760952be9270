"""Readers for ERP/CRM exports: profiles, sniffing, validation, staging; writers for CSV/XLSX exports.

Import each piece from its module (`importer.import_file`, `sniffing.sniff_file`, `staged.KnownData`,
`profiles.MappingProfile`, `export.write_csv`, `formats.FORMATS`, `errors.ImportIssue`, …): the package itself
imports nothing, so that the format names and errors cost no pandas (a `kamctl --help` reads them).
"""
