"""Reading CSV (streamed in pandas chunks) and XLSX (openpyxl, read-only) as text tables."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from kam_desktop.domain.messages import Message
from kam_desktop.imports.errors import ImportCancelled, ImportFileError, ImportIssue
from kam_desktop.imports.options import CancelCheck, Progress, ProgressCallback, ReadOptions, is_cancelled

CHUNK_ROWS = 100_000
FORMULA_MARK = "\x00formula:"  # XML cannot carry NUL, so no real cell value starts with this
_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_EOF_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


class _HashingRaw(io.RawIOBase):
    """Counts and hashes the bytes pandas pulls, for progress and the audit log's SHA-256."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.done = 0
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        data = self._fh.read(len(view))
        view[: len(data)] = data
        self.sha256.update(data)
        self.done += len(data)
        return len(data)


def _issue(path: Path, row: int | None, message: Message) -> ImportFileError:
    return ImportFileError(ImportIssue.of(path.name, row, None, message))


_EMPTY = Message.of("the file is empty; export it again with a header row")


def iter_csv(path: Path, options: ReadOptions, *, chunk_rows: int = CHUNK_ROWS,
             progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
             digest: list[str] | None = None) -> Iterator[pd.DataFrame]:
    """Yield text chunks with positional columns; the first chunk's first row is the header.

    The index is the record number from 0 (the header), so a spreadsheet row is index + 1.
    `digest`, if given, receives the file's SHA-256 once the whole file was read.
    """
    total = path.stat().st_size
    with path.open("rb") as fh:
        raw = _HashingRaw(fh)
        buffered = io.BufferedReader(raw, buffer_size=1 << 20)
        try:
            reader = pd.read_csv(
                buffered, sep=options.delimiter, header=None, dtype=object, keep_default_na=False,
                na_filter=False, skip_blank_lines=False, encoding=options.encoding,
                encoding_errors="strict", chunksize=chunk_rows, engine="c", index_col=False,
                quotechar='"', doublequote=True,
            )
        except pd.errors.EmptyDataError as exc:
            raise _issue(path, None, _EMPTY) from exc
        except pd.errors.ParserError as exc:  # pandas reads ahead when it opens: a quote never closed on row 1
            raise _parser_issue(path, str(exc)) from exc
        rows = 0
        try:
            with reader:
                for chunk in _guarded(path, reader, options, raw):
                    if is_cancelled(cancel):
                        raise ImportCancelled(f"import of {path.name} cancelled after {rows} rows")
                    rows += len(chunk)
                    if progress is not None:
                        progress(Progress(rows, min(raw.done, total), total))
                    yield chunk
        finally:
            buffered.close()
        if digest is not None:
            digest.append(raw.sha256.hexdigest())


def _guarded(path: Path, reader: Iterator[pd.DataFrame], options: ReadOptions,
             raw: _HashingRaw) -> Iterator[pd.DataFrame]:
    """Turn pandas' parser failures into errors that say where and what to do."""
    while True:
        try:
            chunk = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            line, offset = bad_byte_at(path, options.encoding or "utf-8")
            raise _issue(path, line, Message.of(
                "the byte at offset {offset:,} (line {line:,}) is not valid {encoding}: the file mixes encodings or "
                "is not {encoding}; choose the encoding in the preview or fix that line",
                offset=offset, line=line, encoding=options.encoding)) from exc
        except pd.errors.EmptyDataError as exc:
            raise _issue(path, None, _EMPTY) from exc
        except pd.errors.ParserError as exc:
            raise _parser_issue(path, str(exc)) from exc
        yield chunk


def bad_byte_at(path: Path, encoding: str) -> tuple[int, int]:
    """The line (from 1) and byte offset of the first byte `encoding` cannot decode, read again in blocks.

    pandas only says a block failed; this second pass runs only on the error path. A quoted value
    with line breaks makes the line differ from the spreadsheet row, so the message says 'line'.
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    done = lines = 0
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            pending = len(decoder.getstate()[0])  # a character cut by the previous block, decoded with this one
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                at = max(exc.start - pending, 0)
                return lines + block.count(b"\n", 0, at) + 1, done + at
            lines += block.count(b"\n")
            done += len(block)
    return lines + 1, done


def _parser_issue(path: Path, text: str) -> ImportFileError:
    if m := _FIELDS.search(text):
        return _issue(path, int(m[2]), Message.of(
            "this line has {found} values but the header has {expected}: a value holding the delimiter is not "
            "quoted, or the delimiter is wrong", found=int(m[3]), expected=int(m[1])))
    if m := _EOF_QUOTE.search(text):
        return _issue(path, int(m[1]) + 1, Message.of("a quoted value that starts here is never closed: the file "
                                                      "is truncated or has an unbalanced quote; export it again"))
    return _issue(path, None, Message.of("the file cannot be read as CSV ({problem}); check the delimiter",
                                         problem=text))


def cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV export would show; floats lose binary noise (0.1+0.2 → 0.3)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        # what Excel shows: 15 significant digits, all a double holds; openpyxl (our own export too) writes 17, so
        # 584559.18 comes back as 584559.1800000001, which the two-decimal check would refuse
        return format(Decimal(format(value, ".15g")), "f")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# What openpyxl raises on a damaged part after the safety scan passed (broken XML, missing relations, bad
# numbers): a hostile file is refused as unreadable, never a traceback.
_WORKBOOK_ERRORS: tuple[type[BaseException], ...] = (KeyError, ValueError, TypeError, IndexError, AttributeError,
                                                     OSError, EOFError, zipfile.BadZipFile, SyntaxError,
                                                     zlib.error)


@contextmanager
def _readable_workbook(path: Path) -> Iterator[None]:
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns, then fails, on broken relations: the refusal below is what the user reads
            warnings.simplefilter("ignore", UserWarning)
            yield
    except ImportFileError:
        raise
    except (*_WORKBOOK_ERRORS, InvalidFileException) as exc:
        raise _issue(path, None, Message.of(
            "the workbook cannot be read ({problem}); open it in Excel and save it again, or export CSV",
            problem=f"{type(exc).__name__}: {str(exc)[:80]!r}")) from exc


def workbook_sheets(path: Path) -> list[str]:
    """The sheet names of a checked workbook (call xlsx_safety.check_xlsx first)."""
    with _readable_workbook(path):
        return _sheet_names(path)


def _sheet_names(path: Path) -> list[str]:
    from openpyxl import load_workbook

    with path.open("rb") as fh:  # a file object: openpyxl judges a path by its name, and a workbook may be named .csv
        book = load_workbook(fh, read_only=True, data_only=False)
        try:
            return list(book.sheetnames)
        finally:
            book.close()


def iter_xlsx(path: Path, options: ReadOptions, *, chunk_rows: int = CHUNK_ROWS,
              progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
              limit: int | None = None) -> Iterator[pd.DataFrame]:
    """Yield text chunks of one sheet (see _iter_xlsx); a part openpyxl cannot parse is a file-level error."""
    with _readable_workbook(path):
        yield from _iter_xlsx(path, options, chunk_rows=chunk_rows, progress=progress, cancel=cancel, limit=limit)


def _iter_xlsx(path: Path, options: ReadOptions, *, chunk_rows: int = CHUNK_ROWS,
               progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
               limit: int | None = None) -> Iterator[pd.DataFrame]:
    """Yield text chunks of one sheet shaped like iter_csv's; formulas become FORMULA_MARK + text.

    Formulas are flagged rather than evaluated: an import reads values, and a formula's cached
    result may be stale or absent (files written by scripts have none).
    """
    from openpyxl import load_workbook

    total = path.stat().st_size
    fh = path.open("rb")  # a file object: openpyxl judges a path by its name, and a workbook may be named .csv
    book = load_workbook(fh, read_only=True, data_only=False)
    try:
        if options.sheet is not None and options.sheet not in book.sheetnames:
            raise _issue(path, None, Message.of("no sheet named {sheet}; the workbook has {sheets}",
                                                sheet=repr(options.sheet), sheets=", ".join(book.sheetnames)))
        sheet = book[options.sheet] if options.sheet else book.worksheets[0]
        max_row = sheet.max_row or 0
        batch: list[list[str]] = []
        start = 0
        for cells in sheet.iter_rows():
            batch.append([_xlsx_value(cell) for cell in cells])
            if limit is not None and start + len(batch) >= limit:
                break
            if len(batch) >= chunk_rows:
                yield _frame(batch, start)
                start += len(batch)
                batch = []
                _tick(path, start, max_row, total, progress, cancel)
        if batch:
            yield _frame(batch, start)
            start += len(batch)
        _tick(path, start, max(max_row, start), total, progress, cancel)
    finally:
        book.close()
        fh.close()


def _xlsx_value(cell: object) -> str:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" and isinstance(value, str):
        return FORMULA_MARK + value
    return cell_text(value)


def _tick(path: Path, rows: int, max_row: int, total: int, progress: ProgressCallback | None,
          cancel: CancelCheck | None) -> None:
    if is_cancelled(cancel):
        raise ImportCancelled(f"import of {path.name} cancelled after {rows} rows")
    if progress is not None:
        done = total if rows >= max_row else int(total * rows / max(max_row, 1))
        progress(Progress(rows, done, total))


def _frame(batch: list[list[str]], start: int) -> pd.DataFrame:
    width = max(len(r) for r in batch)
    padded = [r + [""] * (width - len(r)) for r in batch]
    return pd.DataFrame(padded, index=range(start, start + len(batch)), dtype=object)
