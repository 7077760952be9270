"""Standard output a pipe can always take: UTF-8 whenever it is not a console.

On Windows a pipe or a redirected file gets the ANSI code page (cp1250, cp1252): printing "→" or a Russian
client's name then raises UnicodeEncodeError after the work is done (a statements batch wrote its PDFs and
exited 1). PYTHONIOENCODING does not reach a frozen app, so each entry point calls `utf8_when_piped()` first.
A console needs nothing: Python writes to it in UTF-16.
"""

from __future__ import annotations

import codecs
import io
import sys


def utf8_when_piped() -> None:
    """Re-encode stdout and stderr as UTF-8 when they are redirected and their encoding is not already UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper) or stream.isatty():
            continue
        if codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")
