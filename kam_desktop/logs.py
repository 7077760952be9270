"""The log files of `kam-desktop` and `kamctl`: size-rotated, so a log folder never grows without bound."""

from __future__ import annotations

import logging
import os
from pathlib import Path

MAX_BYTES = 1_000_000  # one file, then it is renamed .1 … .5 and a new one starts
BACKUPS = 5  # at most 6 files of about 1 MB each per log: ~6 MB
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class QuietRotatingFileHandler(logging.FileHandler):
    """A log file renamed `.1` … `.N` once it would pass `max_bytes`, whose own failures (a full disk, a file
    another process holds open on Windows while this one rotates it) lose the record quietly instead of printing
    a traceback in the user's output.

    Not `logging.handlers.RotatingFileHandler`: that module loads socket, pickle and queue, a fifth of the
    time the window takes to show; rotating a file by size is a few lines.
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_after(record):
                self._rotate()
            super().emit(record)
        except Exception:  # noqa: BLE001 - logging's own rule: a handler never raises into the program
            self.handleError(record)

    def _full_after(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if self.max_bytes <= 0:
            return False
        size = self.stream.seek(0, os.SEEK_END)
        return size > 0 and size + len(self.format(record)) + 1 > self.max_bytes

    def _rotate(self) -> None:
        """log → log.1 → … → log.N; the oldest is dropped."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            older = f"{base}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{number + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.remove(base)  # no backups kept: start the file again
        self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def rotating_file(folder: Path, name: str, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS,
                  level: int = logging.INFO) -> logging.Handler | None:
    """Attach a rotating log file `folder/name` to the root logger; None when it cannot be opened (the program
    works on without a log file: a read-only or full disk must not stop it)."""
    try:
        handler = QuietRotatingFileHandler(folder / name, max_bytes, backups)
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
