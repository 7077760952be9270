"""The TrueType fonts embedded in every document (DejaVu Sans: Latin incl. Polish, and Cyrillic)."""

from __future__ import annotations

import os
from contextlib import suppress
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from kam_desktop.documents.errors import FontsNotFoundError
from kam_desktop.documents.subsets import CachedSubsetFont
from kam_desktop.resources import resource

REGULAR = "KamSans"
BOLD = "KamSans-Bold"
ITALIC = "KamSans-Italic"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
FONTS_ENV = "KAM_FONTS_DIR"


def _candidate_dirs() -> list[Path]:
    """The KAM_FONTS_DIR override first, then the shipped fonts wherever `kam_desktop.resources` finds them."""
    candidates: list[Path] = []
    if os.environ.get(FONTS_ENV):
        candidates.append(Path(os.environ[FONTS_ENV]))  # an override for odd installs and tests
    with suppress(FileNotFoundError):  # a broken install: `fonts_dir` names what it tried and what to do
        candidates.append(resource("fonts"))  # source checkout, wheel (_resources) or frozen app
    return candidates


def fonts_dir() -> Path:
    """The first directory that holds all our font files; the order is in `_candidate_dirs`."""
    tried = _candidate_dirs()
    for folder in tried:
        if all((folder / name).is_file() for name in _FILES.values()):
            return folder
    raise FontsNotFoundError(
        "the document fonts (DejaVuSans*.ttf) were not found in: "
        + ", ".join(str(p) for p in tried)
        + f"; reinstall KAM Desktop or set {FONTS_ENV} to a folder with them"
    )


@cache
def register_fonts() -> str:
    """Register the fonts with reportlab once per process and return the regular font's name."""
    folder = fonts_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(CachedSubsetFont(name, str(folder / filename)))
    # <b> and <i> in paragraphs must map onto our fonts, not onto the Latin-1-only Helvetica.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR


def document_fonts() -> list[CachedSubsetFont]:
    """Our registered fonts (registering them first if need be)."""
    register_fonts()
    return [pdfmetrics.getFont(name) for name in _FILES]
