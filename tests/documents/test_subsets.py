"""Font subsets: built once and shared by documents of one language, still right for rarer letters."""

from __future__ import annotations

from dataclasses import replace

from kam_desktop.documents.content import Lang, Party
from kam_desktop.documents.statement import render_statement

from . import builders as build
from .pdfcheck import flat_text, fonts, read


def _font_programs(pdf: bytes) -> list[bytes]:
    """The embedded font programs (FontFile2 streams) of every font on every page, in order."""
    programs: dict[str, bytes] = {}
    for page in read(pdf).pages:
        for ref in page["/Resources"].get_object()["/Font"].values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            programs[str(font["/BaseFont"])] = descriptor["/FontFile2"].get_object().get_data()
    return [programs[name] for name in sorted(programs)]


def _with_client(lang: Lang, name: str) -> bytes:
    content = build.statement(lang)
    client = Party(name, content.client.tax_id, content.client.address_lines, code=content.client.code)
    return render_statement(replace(content, client=client))


def test_documents_of_one_language_embed_the_same_font_programs() -> None:
    first = _with_client("pl", "Żabka Łódź sp. z o.o.")
    second = _with_client("pl", "Hurtownia Ćma — Śląsk")
    assert _font_programs(first) == _font_programs(second)
    assert all(info.embedded for info in fonts(first))


def test_a_letter_outside_the_alphabet_gets_its_own_subset_and_prints() -> None:
    name = "Dvořák & Müller Straße, Besançon"
    pdf = _with_client("pl", name)
    assert name in flat_text(pdf)
    assert _font_programs(pdf) != _font_programs(_with_client("pl", "Żabka Łódź sp. z o.o."))
    assert all(info.embedded for info in fonts(pdf))


def test_the_russian_alphabet_is_seeded_for_russian_documents() -> None:
    name = "ООО «Ёлка и Щука» — Съезд"
    assert name in flat_text(_with_client("ru", name))
