"""Sniffing a whole file for the preview: kind, encoding, delimiter, headers, decimal mark, date order."""

from __future__ import annotations

import codecs
from dataclasses import replace
from pathlib import Path

from kam_desktop.domain.messages import Message
from kam_desktop.imports.errors import ImportFileError, ImportIssue
from kam_desktop.imports.formats import FormatSpec, Kind
from kam_desktop.imports.options import DETECT, ReadOptions, SniffResult
from kam_desktop.imports.profiles import MappingProfile, match_headers
from kam_desktop.imports.reader import iter_xlsx, workbook_sheets
from kam_desktop.imports.sniff import (
    SniffError,
    complete_lines,
    date_order,
    decimal_mark,
    detect_delimiter,
    detect_encoding,
    parse_rows,
)
from kam_desktop.imports.xlsx_safety import OLE2_MAGIC, ZIP_MAGIC, XlsxLimits, check_xlsx

HEAD_BYTES = 256 << 10
TAIL_BYTES = 64 << 10
SAMPLE_ROWS = 200
PREVIEW_ROWS = 20


def _fail(path: Path, message: Message) -> ImportFileError:
    return ImportFileError(ImportIssue.of(path.name, None, None, message))


def merge_options(options: ReadOptions, profile: MappingProfile | None) -> ReadOptions:
    """The caller's explicit choices win over the profile's, which win over detection."""
    if profile is None or not profile.options:
        return options
    pinned = {k: v for k, v in profile.options.items() if getattr(options, k) is None}
    return replace(options, **pinned)


def sniff_file(path: Path, spec: FormatSpec | None = None, options: ReadOptions = DETECT,
               profile: MappingProfile | None = None, limits: XlsxLimits | None = None) -> SniffResult:
    """Detect how `path` is written; every field of `options` that is set is taken as given.

    Raises ImportFileError (or HostileFileError) for files that cannot be previewed at all.
    """
    options = merge_options(options, profile)
    size = path.stat().st_size
    if size == 0:
        raise _fail(path, Message.of("the file is empty (0 bytes); export it again"))
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
        tail = b""
        if size > HEAD_BYTES:
            fh.seek(max(HEAD_BYTES, size - TAIL_BYTES))
            tail = fh.read()
    if is_workbook(head, path):
        return _sniff_xlsx(path, spec, options, profile, limits, size)
    return _sniff_text(path, spec, options, profile, head, tail, size)


def is_text_codec(name: str) -> bool:
    """A codec that turns bytes into text; rot13, base64 or zlib are codecs but not encodings of a file."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return bool(getattr(info, "_is_text_encoding", True))


def is_workbook(head: bytes, path: Path) -> bool:
    """A zip or OLE2 container whatever its name (a workbook renamed .csv is still one), or an .xlsx name."""
    return head.startswith((ZIP_MAGIC, OLE2_MAGIC)) or path.suffix.lower() in (".xlsx", ".xlsm")


def _sniff_text(path: Path, spec: FormatSpec | None, options: ReadOptions, profile: MappingProfile | None,
                head: bytes, tail: bytes, size: int) -> SniffResult:
    notes: list[Message] = []
    complete = size <= HEAD_BYTES
    if options.encoding is None:
        try:
            # the tail too: an export whose first rows are plain ASCII may turn Polish further down
            found = detect_encoding(head + (b"\n" + _from_line(tail) if tail else b""), complete)
        except SniffError as exc:
            raise _fail(path, exc.message) from exc
        options = replace(options, encoding=found.codec)
        notes.append(Message.of("encoding: {note}", note=found.note or found.codec))
    encoding = options.encoding or "utf-8"
    if not is_text_codec(encoding):
        raise _fail(path, Message.of("{encoding!r} is not a text encoding this importer reads; use utf-8, cp1250 or "
                                     "cp1251", encoding=encoding))
    try:
        text = codecs.getincrementaldecoder(encoding)("strict").decode(head, final=complete)
    except UnicodeDecodeError as exc:
        raise _fail(path, Message.of("the start of the file is not valid {encoding} (byte {byte}); choose another "
                                     "encoding", encoding=encoding, byte=exc.start)) from exc
    except LookupError as exc:
        raise _fail(path, Message.of("unknown encoding {encoding!r}; use utf-8, cp1250 or cp1251",
                                     encoding=encoding)) from exc
    if not complete and "\n" not in text and "\r" not in text:
        raise _fail(path, Message.of("the first line is longer than {size} KB: this is not a table export (or it has "
                                     "no line breaks); export CSV again", size=HEAD_BYTES // 1024))
    text = complete_lines(text.lstrip("\ufeff"), complete)
    if options.delimiter is None:
        delimiter = detect_delimiter(text)
        if delimiter is None:
            delimiter = ","
            notes.append(Message.of("delimiter: no delimiter splits the rows; the file has one column"))
        options = replace(options, delimiter=delimiter)
    rows = parse_rows(text, options.delimiter or ",", SAMPLE_ROWS + 1)
    if not rows:
        raise _fail(path, Message.of("the file holds no rows; export it again with a header row"))
    return _finish(path, spec, options, profile, rows, notes, size, "csv")


def _from_line(tail: bytes) -> bytes:
    cut = tail.find(b"\n")
    return tail[cut + 1:] if cut >= 0 else b""


def _sniff_xlsx(path: Path, spec: FormatSpec | None, options: ReadOptions, profile: MappingProfile | None,
                limits: XlsxLimits | None, size: int) -> SniffResult:
    check_xlsx(path, limits)
    sheets = workbook_sheets(path)
    notes = []
    if len(sheets) > 1:
        notes.append(Message.of("sheet: reading {sheet!r} of {sheets}", sheet=options.sheet or sheets[0],
                                sheets=", ".join(sheets)))
    rows: list[list[str]] = []
    for chunk in iter_xlsx(path, options, limit=SAMPLE_ROWS + 1):
        rows.extend([[str(v) for v in r] for r in chunk.values.tolist()])
    if not rows:
        raise _fail(path, Message.of("the sheet is empty; the header must be on row 1"))
    options = replace(options, encoding=None, delimiter=None)
    return _finish(path, spec, options, profile, rows, notes, size, "xlsx")


def _finish(path: Path, spec: FormatSpec | None, options: ReadOptions, profile: MappingProfile | None,
            rows: list[list[str]], notes: list[Message], size: int, kind: str) -> SniffResult:
    headers, data = rows[0], rows[1:]
    numbers: list[str] = []
    dates: list[str] = []
    if spec is not None:
        match = match_headers(spec, headers, profile)
        for col, pos in match.columns.items():
            column_kind = spec.column(col).kind
            cells = [r[pos] for r in data if pos < len(r)]
            if column_kind in (Kind.DECIMAL, Kind.MONEY, Kind.FRACTION):
                numbers.extend(cells)
            elif column_kind is Kind.DATE:
                dates.extend(cells)
    else:
        numbers = dates = [cell for r in data for cell in r]
    if options.decimal is None:
        mark, note = decimal_mark(numbers, options.delimiter)
        options = replace(options, decimal=mark)
        notes.extend([Message.of("decimal mark: {note}", note=note)] if note else [])
    if options.date_order is None:
        order, dated = date_order(dates)
        options = replace(options, date_order=order)
        notes.extend([Message.of("dates: {note}", note=dated)] if dated else [])
    sample = tuple(tuple(r) for r in data[:PREVIEW_ROWS])
    return SniffResult(kind, options, tuple(headers), sample, tuple(notes), size)
