"""The light flowables: one-line paragraphs, and their fall-back to a wrapping paragraph."""

from __future__ import annotations

from kam_desktop.documents.blocks import Line
from kam_desktop.documents.layout import styles


def test_a_line_that_fits_is_one_leading_high() -> None:
    line = Line("Zestawienie kwartalne", styles().title)
    assert line.wrap(400, 1000) == (400, styles().title.leading)
    assert line.split(400, 1000) == []


def test_a_longer_text_wraps_like_a_paragraph_and_splits_like_one() -> None:
    words = " ".join(["Łódź"] * 60)
    line = Line(words, styles().body)
    width, height = line.wrap(200, 1000)
    assert width == 200 and height > 5 * styles().body.leading
    assert len(line.split(200, 3 * styles().body.leading)) == 2


def test_markup_characters_are_text_and_other_white_space_goes_to_the_paragraph() -> None:
    assert Line("Smith & <Sons>", styles().body).simple
    assert not Line("12\u00a0000 zł", styles().body).simple
    assert not Line("two  spaces", styles().body).simple
    assert "&amp;" in Line("A & B\u00a0C", styles().body).paragraph.text


def test_names_with_markup_characters_print_as_written_short_or_wrapped() -> None:
    from dataclasses import replace

    from kam_desktop.documents.statement import render_statement

    from . import builders as build
    from .pdfcheck import flat_text

    for name in ("Smith & <Sons>", "Smith & <Sons> Wholesale Distribution of Electrical Goods & Lighting"):
        assert name in flat_text(render_statement(replace(build.statement("en"), kam_name=name)))
