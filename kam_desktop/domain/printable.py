"""What the documents can print: the letters of the font they embed (DejaVu Sans), checked before a name is stored.

Agreements, annexes and statements embed DejaVu Sans (Latin with every European diacritic, Greek, Cyrillic).
It has no Chinese, Japanese or Korean characters and no emoji: such a name would print as empty boxes. A font
that has them is 15–20 MB (too big for the installer), so a name the documents cannot print is refused where
it enters — the import and the services that set names — with the field and the characters named.
`tests/documents/test_names_in_any_script.py` checks these ranges against the font files themselves.
"""

from __future__ import annotations

from bisect import bisect_right

from kam_desktop.domain.messages import Message

# Unicode ranges (first, last) every one of our three font files has a glyph for, in order.
PRINTABLE: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x02AF),  # Latin-1, Latin Extended-A/B (Polish, Czech, German, …), IPA
    (0x0300, 0x034F),  # combining accents (a name typed decomposed: "z" + U+0307)
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x0525),  # Cyrillic and its supplement (Ukrainian, Belarusian, Kazakh, …)
    (0x1E00, 0x1EFB),  # Latin Extended Additional (Vietnamese, Welsh)
    (0x1F00, 0x1FFF),  # Greek Extended
    (0x2000, 0x2065),  # General Punctuation (dashes, quotes „”«», ellipsis)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20B5), (0x20B8, 0x20BA), (0x20BD, 0x20BD),  # currency signs (€, ₸, ₺, ₽)
    (0x2100, 0x2109), (0x210B, 0x2149),  # letterlike symbols (№, ™, ℃)
    (0x2150, 0x2185),  # number forms (½, Ⅳ)
    (0x2190, 0x21FF),  # arrows
)
_STARTS = tuple(first for first, _ in PRINTABLE)


def is_printable(ch: str) -> bool:
    """The documents' font has a glyph for `ch` (tab and line breaks count: a cell may hold them)."""
    code = ord(ch)
    if ch in "\t\r\n":
        return True
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= PRINTABLE[index][1]


def unprintable(text: str) -> str:
    """The characters of `text` the documents cannot print, each once, in order ("" when all can be)."""
    if text.isascii():
        return ""
    seen: dict[str, None] = {}
    for ch in text:
        if not is_printable(ch):
            seen.setdefault(ch, None)
    return "".join(seen)


def shown_characters(characters: str, most: int = 6) -> str:
    """The characters with their code points, so a reader sees even an emoji their screen shows as a box:
    "北 (U+5317), 😀 (U+1F600)"; a control character by its code point only (an ESC printed raw would be a
    terminal escape sequence); past `most` of them, an ellipsis."""
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" if ch.isprintable() else f"U+{ord(ch):04X}"
                      for ch in characters[:most])
    return shown + (", …" if len(characters) > most else "")


def unprintable_problem(field: Message | str | None, text: str) -> Message | None:
    """Why `text` cannot be a name the documents print (None when it can), naming the characters and, unless
    None (an import finding names its column already), the field."""
    characters = unprintable(text)
    if not characters:
        return None
    problem = Message.of("{characters} cannot be printed on agreements, annexes and statements (their font has "
                         "Latin, Greek and Cyrillic letters only, no Chinese, Japanese or Korean characters and no "
                         "emoji); write the name in Latin or Cyrillic letters, e.g. as the client's registry spells "
                         "it", characters=shown_characters(characters))
    return problem if field is None else Message.of("{field}: {problem}", field=field, problem=problem)
