"""“Did you mean”: a new name in a file that is an existing one written differently — other case, accents,
punctuation or spaces ("anowak" / "a.nowak", "Lodz" / "Łódź"), or the same thing in another language of the
store ("Kable" / CABLES, whose Polish name is Kable) — so an import never adds a silent duplicate."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

# Letters Unicode does not decompose into a base letter and an accent.
_SPECIAL = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                          "Æ": "AE", "œ": "oe", "Œ": "OE", "ё": "е", "Ё": "Е"})


def fold(text: str) -> str:
    """`text` reduced to what tells names apart: letters and digits, case, accents and punctuation gone."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


def _near(a: str, b: str) -> bool:
    """One folded name is the other with an ending of one or two letters ("cable" / "cables", "кабель" / "кабеля")."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and 0 < len(long) - len(short) <= 2 and long.startswith(short[:-1]) and (
        long.startswith(short) or len(long) - len(short) <= 1 or short[-1] in "aeiouyаеиоуыэюяь")


def suggestions(value: str, known: Mapping[str, Iterable[str]]) -> list[str]:
    """The keys of `known` (a key → its names in every language) that `value` is probably a spelling of.

    Same folded text first (a translation written exactly as `value` included), then a near ending.
    """
    wanted = fold(value)
    if not wanted:
        return []
    exact: list[str] = []
    near: list[str] = []
    for key, names in known.items():
        folded = {fold(name) for name in (key, *names) if name}
        if wanted in folded:
            exact.append(key)
        elif any(_near(wanted, f) for f in folded):
            near.append(key)
    return exact + near
