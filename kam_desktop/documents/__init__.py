"""Printable documents (reportlab): agreement, benefit annex, quarterly statement.

The boundary: services build frozen view models (`content`) and call a renderer, which returns PDF bytes,
deterministic for the same content and creation date (so an issued document's SHA-256 is reproducible).
Numbers come from `numbering`; many statements at once from `batch`.
"""

from kam_desktop.documents.agreement import render_agreement
from kam_desktop.documents.annex import render_annex
from kam_desktop.documents.batch import BatchResult, render_statements
from kam_desktop.documents.errors import (
    DocumentError,
    FontsNotFoundError,
    NumberingError,
    StatementBalanceError,
    UnsupportedLanguageError,
)
from kam_desktop.documents.statement import check_statement, render_statement

__all__ = [
    "BatchResult", "DocumentError", "FontsNotFoundError", "NumberingError", "StatementBalanceError",
    "UnsupportedLanguageError", "check_statement", "render_agreement", "render_annex", "render_statement",
    "render_statements",
]
