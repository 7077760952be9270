"""The importer's front door: sniff, read in chunks, validate the whole file, hand back staged rows."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from kam_desktop.domain.messages import Message
from kam_desktop.imports.columns import IssueSink
from kam_desktop.imports.errors import ImportFileError, ImportIssue
from kam_desktop.imports.formats import FormatSpec, get_format
from kam_desktop.imports.options import DETECT, CancelCheck, ProgressCallback, ReadOptions, SniffResult
from kam_desktop.imports.profiles import HeaderMatch, MappingProfile, match_headers
from kam_desktop.imports.reader import CHUNK_ROWS, iter_csv, iter_xlsx
from kam_desktop.imports.sniff import DELIMITERS
from kam_desktop.imports.sniffing import sniff_file
from kam_desktop.imports.staged import ImportResult, KnownData, empty_rows
from kam_desktop.imports.validate import FileValidator
from kam_desktop.imports.xlsx_safety import XlsxLimits

_DELIMITER_NAMES = {";": Message.of("semicolon"), ",": Message.of("comma"), "\t": Message.of("tab"),
                    "|": Message.of("pipe")}
_BLANK_HEADER = Message.of("row 1 is empty: the header must be on row 1")


def import_file(path: Path, format_name: str, known: KnownData, *, options: ReadOptions = DETECT,
                profile: MappingProfile | None = None, progress: ProgressCallback | None = None,
                cancel: CancelCheck | None = None, chunk_rows: int = CHUNK_ROWS,
                limits: XlsxLimits | None = None) -> ImportResult:
    """Read and validate all of `path` as `format_name`; never writes anywhere.

    Problems with rows come back as `result.errors` (all of them); a file that cannot be read at all
    comes back as one file-level error. Raises ImportCancelled if `cancel` fires (nothing staged).
    """
    spec = get_format(format_name)
    try:
        sniffed = sniff_file(path, spec, options, profile, limits)
        return _import(path, spec, sniffed, known, profile, progress, cancel, chunk_rows)
    except ImportFileError as exc:
        return _failed(path, spec, options, [exc.issue])


def _import(path: Path, spec: FormatSpec, sniffed: SniffResult, known: KnownData,
            profile: MappingProfile | None, progress: ProgressCallback | None, cancel: CancelCheck | None,
            chunk_rows: int) -> ImportResult:
    digest: list[str] = []
    options = sniffed.options
    if sniffed.file_kind == "csv":
        chunks: Iterator[pd.DataFrame] = iter_csv(path, options, chunk_rows=chunk_rows, progress=progress,
                                                  cancel=cancel, digest=digest)
    else:
        chunks = iter_xlsx(path, options, chunk_rows=chunk_rows, progress=progress, cancel=cancel)
    if not any(h.strip() for h in sniffed.headers):
        has_data = any(any(cell.strip() for cell in row) for row in sniffed.sample)
        message = _BLANK_HEADER if has_data else Message.of("the file holds only blank lines; export it again")
        return _failed(path, spec, options, [_file_issue(path, message)], sniffed.notes)
    if sniffed.file_kind == "csv" and len(sniffed.headers) == 1 and len(spec.columns) > 1:
        # decided before pandas reads on: with a wrong delimiter it would fail on row 2 instead
        issue = _file_issue(path, _one_column(sniffed.headers[0], options.delimiter or ","))
        return _failed(path, spec, options, [issue], sniffed.notes)
    first = next(chunks, None)
    if first is None or first.empty:
        return _failed(path, spec, options, [_file_issue(path, Message.of("the file holds no rows"))], sniffed.notes)
    headers = [str(h) for h in first.iloc[0].tolist()]
    match = match_headers(spec, headers, profile)
    header_issues = _header_issues(path, spec, match, options, sniffed.file_kind)
    if header_issues:
        closing = getattr(chunks, "close", None)  # a generator: let its file go now
        if closing is not None:
            closing()
        return _failed(path, spec, options, header_issues, sniffed.notes, match)
    sink = IssueSink(path.name)
    validator = FileValidator(spec, match, known, sink, decimal=options.decimal or ".",
                              date_order=options.date_order or "ISO", from_xlsx=sniffed.file_kind == "xlsx")
    validator.add_chunk(first.iloc[1:])
    for chunk in chunks:
        validator.add_chunk(chunk)
    if validator.rows_read == 0:
        sink.add(None, None, Message.of("the file has a header but no data rows; export it again with the data"))
    staged, new_categories, new_owners = validator.finish()
    return ImportResult(
        format=spec.name, file=path.name, sha256=digest[0] if digest else _sha256(path), options=options,
        columns={col: match.header_of(col) for col in match.columns}, ignored_columns=match.ignored,
        rows_read=validator.rows_read, errors=sink.final(),
        staged=staged if not sink.issues else empty_rows(spec.name),
        new_categories=new_categories, new_owner_logins=new_owners, notes=sniffed.notes,
    )


def _header_issues(path: Path, spec: FormatSpec, match: HeaderMatch, options: ReadOptions,
                   file_kind: str) -> list[ImportIssue]:
    found = ", ".join(repr(h) for h in match.headers if h.strip()) or Message.of("nothing")
    if not any(h.strip() for h in match.headers):
        return [_file_issue(path, _BLANK_HEADER)]
    if len(match.headers) == 1 and file_kind == "csv" and match.missing:
        return [_file_issue(path, _one_column(match.headers[0], options.delimiter or ","))]
    issues = [_file_issue(path, Message.of("missing required column {column!r} (or a synonym); found: {found}. "
                                           "Rename the header or choose a mapping profile", column=col, found=found))
              for col in match.missing]
    issues += [_file_issue(path, Message.of("columns {headers} all look like {column!r}; save a mapping profile "
                                            "that chooses one", headers=", ".join(repr(h) for h in headers),
                                            column=col))
               for col, headers in match.ambiguous]
    return issues


def _one_column(header: str, delimiter: str) -> Message:
    used = _DELIMITER_NAMES.get(delimiter, repr(delimiter))
    likely = [d for d in DELIMITERS if d != delimiter and d in header]
    if likely:
        return Message.of("only one column found with the {delimiter} delimiter (header {header!r}); it looks "
                          "{likely}-separated; choose the delimiter in the preview", delimiter=used,
                          header=header[:60], likely=_DELIMITER_NAMES[likely[0]])
    return Message.of("only one column found with the {delimiter} delimiter (header {header!r}); choose the "
                      "delimiter in the preview", delimiter=used, header=header[:60])


def _file_issue(path: Path, message: Message) -> ImportIssue:
    return ImportIssue.of(path.name, None, None, message)


def _failed(path: Path, spec: FormatSpec, options: ReadOptions, issues: list[ImportIssue],
            notes: tuple[Message, ...] = (), match: HeaderMatch | None = None) -> ImportResult:
    columns = {} if match is None else {col: match.header_of(col) for col in match.columns}
    return ImportResult(
        format=spec.name, file=path.name, sha256=_sha256(path), options=options, columns=columns,
        ignored_columns=() if match is None else match.ignored, rows_read=0, errors=tuple(issues),
        staged=empty_rows(spec.name), notes=notes,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
