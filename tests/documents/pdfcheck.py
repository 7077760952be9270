"""Reading our PDFs back: text per page (pypdf) and the font dictionaries."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader

POLISH = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"


@dataclass(frozen=True)
class FontInfo:
    name: str
    subtype: str
    embedded: bool


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in read(pdf).pages]


def flat_text(pdf: bytes) -> str:
    """All text with runs of whitespace (line breaks inside wrapped cells, no-break spaces) made one space."""
    return " ".join(" ".join(page_texts(pdf)).split())


def flat(value: str) -> str:
    return " ".join(value.split())


def fonts(pdf: bytes) -> list[FontInfo]:
    found: dict[str, FontInfo] = {}
    for page in read(pdf).pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            name = str(font["/BaseFont"])
            found[name] = FontInfo(name, str(font["/Subtype"]), embedded)
    return list(found.values())
