"""How a file is read (detected or chosen) and what the preview shows before an import."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from kam_desktop.domain.messages import Message

# A caller cancels with a threading.Event (a GUI worker) or any callable returning True.
CancelCheck = Callable[[], bool] | threading.Event


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Reading choices; None means "detect". A resolved copy comes back in SniffResult.options."""

    encoding: str | None = None  # a Python codec: utf-8, utf-8-sig, cp1250, cp1251, utf-16...
    delimiter: str | None = None  # ; , tab or |
    decimal: str | None = None  # "." or ","
    date_order: str | None = None  # ISO (year first only), DMY or MDY
    sheet: str | None = None  # XLSX: the sheet to read; default the first


@dataclass(frozen=True, slots=True)
class SniffResult:
    """What detection found, for a preview the user can correct before importing."""

    file_kind: str  # "csv" or "xlsx"
    options: ReadOptions  # fully resolved (sheet stays None for CSV)
    headers: tuple[str, ...]
    sample: tuple[tuple[str, ...], ...]  # first data rows as text, for the preview grid
    notes: tuple[Message, ...]  # doubts worth showing: "assumed day-first", the sheets found...
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a long read is; bytes_done is exact for CSV and estimated for XLSX."""

    rows_done: int
    bytes_done: int
    bytes_total: int

    @property
    def fraction(self) -> float:
        return min(1.0, self.bytes_done / self.bytes_total) if self.bytes_total else 1.0


ProgressCallback = Callable[[Progress], None]


def is_cancelled(cancel: CancelCheck | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


DETECT = ReadOptions()  # every choice left to detection
