"""Builders for import tests: canonical headers, honest workbooks, hostile ones made by editing the zip."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
INVOICE_HEADER = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
)


def workbook(path: Path, rows: Sequence[Sequence[object]], *, sheets: Sequence[str] = ()) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    for row in rows:
        ws.append(list(row))
    for name in sheets:
        book.create_sheet(name)
    book.save(path)
    return path


def rewrite(path: Path, replace: dict[str, bytes], extra: dict[str, bytes] | None = None) -> Path:
    """Copy the workbook at `path` onto itself with some parts replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return path


def sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")
