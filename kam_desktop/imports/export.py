"""Writing tables to CSV (UTF-8 with BOM, for Excel) and XLSX, with formula injection neutralised."""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple, fields
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

Cell = str | int | float | Decimal | date | None
Row = Sequence[Cell] | Mapping[str, Cell]

# Excel, LibreOffice and Sheets start a formula with these; tab and CR can hide one behind them.
_RISKY = re.compile(r"^'*[=+\-@\t\r]")
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # XML 1.0 cannot carry these at all


def neutralise(text: str) -> str:
    """Prefix risky text with a single quote so a spreadsheet shows it instead of running it.

    Text that already starts with quotes before a risky character gets one more, so the importer,
    which takes exactly one quote back off, returns the original either way.
    """
    return "'" + text if _RISKY.match(text) else text


def _cells(headers: Sequence[str], rows: Iterable[Row]) -> Iterator[Sequence[Cell]]:
    for row in rows:
        if isinstance(row, Mapping):
            yield [row.get(h) for h in headers]
        else:
            if len(row) != len(headers):
                raise ValueError(f"a row has {len(row)} values for {len(headers)} headers")
            yield row


def _csv_text(value: Cell, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        text = format(value, "f") if isinstance(value, Decimal) else str(value)
        return text.replace(".", decimal) if decimal != "." else text
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def _atomic(path: Path, suffix: str) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(dir=path.parent, suffix=suffix)


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Row], *, delimiter: str = ",",
              decimal: str = ".") -> int:
    """Write a CSV Excel opens correctly (UTF-8 BOM, CRLF); returns the number of data rows.

    Numbers stay numbers (a negative amount is not "risky"); only text is neutralised.
    """
    if delimiter == decimal:
        raise ValueError("the delimiter and the decimal mark must differ")
    fd, tmp = _atomic(path, ".csv.tmp")
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
            writer.writerow([neutralise(h) for h in headers])
            for row in _cells(headers, rows):
                writer.writerow([_csv_text(v, decimal) for v in row])
                count += 1
        os.replace(tmp, path)  # readers never see half a file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Row], *, sheet: str = "Data") -> int:
    """Write one sheet with a bold header; dates are real dates, numbers real numbers, text neutralised."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=sheet[:31])
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=_xlsx_text(header))
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    for row in _cells(headers, rows):
        ws.append([_xlsx_cell(ws, v) for v in row])
        count += 1
    fd, tmp = _atomic(path, ".xlsx.tmp")
    os.close(fd)
    try:
        book.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _xlsx_text(text: str) -> str:
    return neutralise(_XLSX_ILLEGAL.sub("", text))


def _xlsx_cell(ws: Any, value: Cell) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        return WriteOnlyCell(ws, value=_xlsx_text(value))
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    return cell


_DERIVED = {"row", "currency"}  # filled by the importer, not columns of every format


def staged_table(format_name: str, rows: Iterable[Any]) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Canonical headers and value tuples for staged rows, ready for write_csv/write_xlsx."""
    from kam_desktop.imports.formats import get_format
    from kam_desktop.imports.staged import ROW_TYPES

    spec = get_format(format_name)
    names = [f.name for f in fields(ROW_TYPES[spec.name])]
    keep = [i for i, n in enumerate(names) if n in spec.names or n not in _DERIVED]
    headers = [names[i] for i in keep]
    return headers, (tuple(astuple(r)[i] for i in keep) for r in rows)
