"""Embedded font subsets built once per process and reused by every document that needs the same one.

reportlab embeds, per document, a subset of each TrueType font holding the glyphs that document uses,
numbered in order of first use: the font program is cut from the TTF, its checksums summed and the
result compressed, in pure Python, for every PDF (~4 ms of a statement's ~14). `seed` gives each new
document the same first characters — the alphabet of its language — so that a typical document's subset
is the same for every document, and `CachedSubsetFont` keeps the finished PDF data of each subset.
A document using a character outside the alphabet simply gets (and caches) its own subset.
"""

from __future__ import annotations

import string
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, makeToUnicodeCMap

from kam_desktop.documents.content import Lang

_PUNCTUATION = "«»·–—‘’“”„…€£₽№→§\u202f"
_POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_ASCII = string.printable[:95]  # space to tilde
ALPHABETS: dict[str, str] = {
    "pl": _ASCII + _POLISH + _PUNCTUATION,
    "en": _ASCII + _POLISH + _PUNCTUATION,  # English documents carry Polish names and addresses
    "ru": _ASCII + _RUSSIAN + _PUNCTUATION,
}
_KEPT = 32  # finished subsets kept per font: the alphabets' own, and a few with rarer letters


@dataclass(frozen=True)
class _Finished:
    """A subset's PDF data, independent of the document it goes into."""

    font_file: bytes  # compressed
    length1: int  # the uncompressed font program's length
    widths: bytes
    to_unicode: bytes  # compressed


class CachedSubsetFont(TTFont):  # type: ignore[misc]  # reportlab ships no type hints
    """A `TTFont` that builds the PDF data of each distinct subset once, then reuses it."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._finished: OrderedDict[tuple[str, tuple[int, ...]], _Finished] = OrderedDict()

    def seed(self, doc: Any, lang: Lang) -> None:
        """Number the language's alphabet first in `doc`'s subset of this font (before anything is drawn)."""
        if doc not in self.state:
            self.splitString(ALPHABETS[lang], doc)

    def addObjects(self, doc: Any) -> None:  # noqa: N802 (reportlab's name)
        """What `TTFont.addObjects` adds to the document, with the subset data from the cache."""
        if not doc.compression:
            super().addObjects(doc)
            return
        state = self._assignState(doc)
        state.frozen = 1
        for number, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(number, doc)[1:]
            base_name = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            finished = self._finish(base_name, tuple(subset))
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {number}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = finished.widths
            font.ToUnicode = doc.Reference(_compressed_stream(finished.to_unicode), "toUnicodeCMap:" + base_name)
            font.FontDescriptor = self._descriptor(doc, base_name, finished)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]

    def _finish(self, base_name: str, subset: tuple[int, ...]) -> _Finished:
        key = (base_name, subset)
        finished = self._finished.get(key)
        if finished is None:
            program = self.face.makeSubset(list(subset))
            widths = b"[ " + b" ".join(pdfdoc.format(self.face.getCharWidth(code), None) for code in subset) + b" ]"
            cmap = makeToUnicodeCMap(base_name, list(subset)).encode("latin-1")
            finished = _Finished(zlib.compress(program), len(program), widths, zlib.compress(cmap))
            self._finished[key] = finished
            if len(self._finished) > _KEPT:
                self._finished.popitem(last=False)
        else:
            self._finished.move_to_end(key)
        return finished

    def _descriptor(self, doc: Any, base_name: str, finished: _Finished) -> Any:
        """The FontDescriptor, as `TTFontFace.addSubsetObjects` makes it, pointing at the cached program."""
        face = self.face
        font_file = _compressed_stream(finished.font_file)
        font_file.dictionary["Length1"] = finished.length1
        reference = doc.Reference(font_file, f"fontFile:{face.filename}({base_name})")
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
            "Descent": face.descent, "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox), "FontName": pdfdoc.PDFName(base_name),
            "ItalicAngle": face.italicAngle, "StemV": face.stemV, "FontFile2": reference,
            "MissingWidth": face.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + base_name)


def _compressed_stream(data: bytes) -> Any:
    """A stream whose content is already deflated (a stream with a Filter entry is not encoded again)."""
    stream = pdfdoc.PDFStream(content=data)
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    return stream
