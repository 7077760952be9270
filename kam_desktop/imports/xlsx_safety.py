"""Refusing hostile workbooks before openpyxl sees them: zip bombs, XML entities, disguised zips."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from kam_desktop.domain.messages import Message
from kam_desktop.imports.errors import HostileFileError, ImportIssue

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and encrypted .xlsx)
ZIP_MAGIC = b"PK\x03\x04"
_DECLARATION = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class XlsxLimits:
    """What an honest ERP export stays far below; tests shrink these to build small bombs."""

    max_total_bytes: int = 1 << 30  # uncompressed, all members together
    max_member_bytes: int = 512 << 20
    max_ratio: int = 200  # uncompressed / compressed, for members above `ratio_floor`
    ratio_floor: int = 1 << 20
    max_members: int = 10_000


def _refuse(path: Path, message: Message) -> HostileFileError:
    return HostileFileError(ImportIssue.of(path.name, None, None, message))


def check_xlsx(path: Path, limits: XlsxLimits | None = None) -> None:
    """Raise HostileFileError unless `path` is a plain, reasonably sized OOXML workbook without DTDs.

    The zip directory's declared sizes are trusted for the bomb check because zipfile never inflates
    a member beyond its declared size; the XML scan then reads every part in bounded chunks.
    """
    limits = limits or XlsxLimits()
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE2_MAGIC:
        raise _refuse(path, Message.of("this is a legacy .xls or a password-protected workbook; "
                                       "save it as .xlsx (without a password) or CSV"))
    if not head.startswith(ZIP_MAGIC) or not zipfile.is_zipfile(path):
        raise _refuse(path, Message.of("this is not an .xlsx workbook (not a zip container); export XLSX or CSV"))
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_sizes(path, infos, limits)
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise _refuse(path, Message.of("this zip is not an Excel workbook (no xl/workbook.xml); "
                                               "export XLSX or CSV from the ERP"))
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _check_xml_part(path, archive, info)
                else:
                    _check_crc(archive, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError,
            RuntimeError, zlib.error) as exc:  # a damaged directory makes zipfile seek before the start or ask for a password
        raise _refuse(path, Message.of("the workbook's zip structure is damaged ({problem}); save it again from Excel",
                                       problem=str(exc))) from exc


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], limits: XlsxLimits) -> None:
    if len(infos) > limits.max_members:
        raise _refuse(path, Message.of("the workbook holds {count:,} parts (limit {limit:,}); refused",
                                       count=len(infos), limit=limits.max_members))
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise _refuse(path, Message.of("the workbook unpacks to {size:,} bytes (limit {limit:,}); refused as a "
                                       "possible zip bomb; split the export", size=total, limit=limits.max_total_bytes))
    for info in infos:
        if info.file_size > limits.max_member_bytes:
            raise _refuse(path, Message.of("part {part} unpacks to {size:,} bytes (limit {limit:,}); refused",
                                           part=info.filename, size=info.file_size, limit=limits.max_member_bytes))
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            raise _refuse(path, Message.of("part {part} is compressed {ratio:,}:1 (limit {limit:,}:1); refused as a "
                                           "possible zip bomb", part=info.filename, ratio=round(ratio),
                                           limit=limits.max_ratio))


def _check_crc(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Read a non-XML part (images, printer settings) through: zipfile checks its CRC at the end.

    openpyxl would meet a damaged part later as a raw BadZipFile; the sizes were bounded above.
    """
    with archive.open(info) as member:
        while member.read(1 << 16):
            pass


def _check_xml_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse DOCTYPE/ENTITY anywhere (Excel never writes them) and XML not in UTF-8.

    A UTF-16 part would hide `<!DOCTYPE` from a byte scan, so non-UTF-8 parts are refused outright.
    """
    tail = b""
    first = True
    with archive.open(info) as member:
        while chunk := member.read(1 << 16):
            if first:
                first = False
                if chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or chunk[:2] in (b"<\x00", b"\x00<"):
                    raise _refuse(path, Message.of("part {part} is not UTF-8 XML; refused", part=info.filename))
                declared = _DECLARATION.match(chunk.lstrip(b"\xef\xbb\xbf"))
                if declared and declared[1].lower().replace(b"-", b"") not in (b"utf8", b"ascii"):
                    raise _refuse(path, Message.of("part {part} declares encoding {encoding}; refused",
                                                   part=info.filename,
                                                   encoding=declared[1].decode("ascii", "replace")))
            window = (tail + chunk).upper()
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise _refuse(path, Message.of("part {part} declares a DTD or XML entities (an XML bomb or "
                                               "external-entity trick); refused", part=info.filename))
            tail = chunk[-16:]
