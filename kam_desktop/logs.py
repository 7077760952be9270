"""The log files of `kam-desktop` and `kamctl`: size-rotated, so a log folder never grows without bound."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

MAX_BYTES = 1_000_000  # one file, then it is renamed .1 … .5 and a new one starts
BACKUPS = 5  # at most 6 files of about 1 MB each per log: ~6 MB
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose own failures (a full disk, a file another process holds open on Windows
    while this one rotates it) lose the record quietly instead of printing a traceback in the user's output."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def rotating_file(folder: Path, name: str, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS,
                  level: int = logging.INFO) -> logging.Handler | None:
    """Attach a rotating log file `folder/name` to the root logger; None when it cannot be opened (the program
    works on without a log file: a read-only or full disk must not stop it)."""
    try:
        handler = QuietRotatingFileHandler(folder / name, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    except OSError:
        return None
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handler


def detach(handler: logging.Handler | None) -> None:
    """Remove a handler `rotating_file` attached, and close its file."""
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
