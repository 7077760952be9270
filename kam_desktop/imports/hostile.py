"""Characters no honest export holds: control bytes anywhere, invisible or look-alike letters in codes and logins."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from kam_desktop.domain.messages import Message
from kam_desktop.imports.columns import IssueSink
from kam_desktop.imports.fast import flags, joined
from kam_desktop.imports.formats import FormatSpec, Kind
from kam_desktop.imports.reader import FORMULA_MARK

# C0 controls but tab/LF/CR, DEL and C1 controls: a NUL makes a category "Cab\x00les", ESC repaints a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Same rule as services/people.LOGIN (tests/imports/test_import_hostile.py keeps them equal): ASCII only,
# so a Cyrillic 'а' never makes a second person.
LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_LINE_BREAK = re.compile(r"[\r\n\t]")


def check_characters(spec: FormatSpec, texts: dict[str, pd.Series], rows: pd.Series, headers: dict[str, str],
                     sink: IssueSink, from_xlsx: bool, known_logins: frozenset[str] = frozenset()) -> None:
    """Flag, per cell, control characters in any column and invisible characters or line breaks in codes.

    Every cell of every chunk is scanned (one regex pass over the joined column), not a sample of the file.
    """
    for col, text in texts.items():
        if text.empty:
            continue
        whole = joined(text)
        kind = spec.column(col).kind
        if _CONTROL.search(whole):
            if from_xlsx:  # a formula's mark starts with NUL on purpose; columns.py reports formulas
                text = text.mask(text.str.startswith(FORMULA_MARK), "")
            bad = flags(text, lambda v: _CONTROL.search(v) is not None)
            sink.add_rows(rows, bad, headers[col], text, _control_message)
        if col == "owner_login":
            # a login already in the store stays usable: only a new person must be one `users add` would accept
            bad = flags(text, lambda v: v != "" and v not in known_logins and not LOGIN.fullmatch(v.strip().lower()))
            sink.add_rows(rows, bad, headers[col], text, _login_message)
        elif kind is Kind.CODE and not whole.isascii():
            bad = flags(text, lambda v: any(_invisible(ch) for ch in v) or _LINE_BREAK.search(v) is not None)
            sink.add_rows(rows, bad, headers[col], text, _invisible_message)


def _invisible(ch: str) -> bool:
    """Zero-width spaces, joiners, direction marks, soft hyphens, BOMs: format characters nobody types in a code."""
    return unicodedata.category(ch) in ("Cf", "Zl", "Zp") or (ch.isspace() and ch != " ")


def shown(value: str) -> str:
    """A cell quoted safely: every non-printable or non-ASCII character as U+XXXX, at most 40 characters."""
    text = value if len(value) <= 40 else value[:37] + "..."
    return "'" + "".join(ch if " " <= ch <= "~" else f"<U+{ord(ch):04X}>" for ch in text) + "'"


def _control_message(value: str) -> Message:
    found = _CONTROL.search(value)
    return Message.of("{value} holds the control character {char} at character {position}; it is never stored: "
                      "remove it in the source or export the file again", value=shown(value),
                      char=f"U+{ord(found[0]):04X}" if found else "?", position=found.start() + 1 if found else 0)


def _invisible_message(value: str) -> Message:
    at = next((i for i, ch in enumerate(value) if _invisible(ch) or _LINE_BREAK.match(ch)), 0)
    return Message.of("{value} holds the invisible character {char} at character {position}; a code or key must be "
                      "visible characters only (two values that look the same must be the same): delete it and "
                      "type the value again", value=shown(value), char=f"U+{ord(value[at]):04X}" if value else "?",
                      position=at + 1)


def _login_message(value: str) -> Message:
    letters = [f"U+{ord(ch):04X}" for ch in value if not ch.isascii()]
    if letters:
        return Message.of("owner login {login} is not a valid login (it holds the non-Latin letters {letters} that "
                          "look like Latin ones): 1–64 letters a–z, digits, '.', '_' or '-'; the rule of `kamctl users "
                          "add`", login=shown(value), letters=", ".join(letters))
    return Message.of("owner login {login} is not a valid login: 1–64 letters a–z, digits, '.', '_' or '-'; the "
                      "rule of `kamctl users add`", login=shown(value))
