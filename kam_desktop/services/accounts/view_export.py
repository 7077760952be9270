"""Exporting what the portfolio screen shows: the rows and columns of the current view, as the person sees
them (filtered, sorted, only the visible columns), to an Excel or CSV file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kam_desktop.domain.permissions import UseCase
from kam_desktop.imports.export import Cell, write_csv, write_xlsx
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError


def export_view(ctx: Context, path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
                sheet: str = "Portfolio") -> int:
    """Write the view to `path` (.xlsx or .csv) — numbers stay numbers, text that a spreadsheet would run as a
    formula is neutralised; returns the number of rows written. The actor must be allowed to export the
    portfolio (the rows are those their screen already shows them)."""
    ctx.permit(UseCase.EXPORT_PORTFOLIO)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ServiceError("{file}: export to a .xlsx or .csv file", file=path.name)
    try:
        if suffix == ".xlsx":
            return write_xlsx(path, list(headers), rows, sheet=sheet)
        return write_csv(path, list(headers), rows)
    except OSError as exc:
        raise ServiceError("{file} could not be written: {reason}; choose another folder or close the file in "
                           "the program that holds it", file=path.name, reason=exc.strerror or str(exc)) from None
