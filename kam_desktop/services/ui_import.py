"""What the import dialog asks of the engine: preview and apply a file as the person at the keyboard.

The dialog never holds the store: it builds an `Importer` from its desk (or a store and an actor in tests)
and gets plain values back — a `Preview` (detection and a dry validation) and an `ImportReport`.
The choices the dialog offers for each detected reading option are listed here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kam_desktop.services.imports import (
    DETECT,
    FORMAT_NAMES,
    ImportCancelled,
    ImportIssue,
    ImportProgress,
    ImportReport,
    Preview,
    ReadOptions,
    preview,
    run_import,
)
from kam_desktop.services.imports import ProgressCallback as ProgressCallback

__all__ = [
    "DATE_ORDERS", "DECIMALS", "DELIMITERS", "DETECT", "ENCODINGS", "FORMAT_NAMES", "ImportCancelled",
    "ImportIssue", "ImportProgress", "ImportReport", "Importer", "Preview", "ReadOptions",
]

# The values each reading option may be forced to (None, shown as "detect", leaves it to detection).
ENCODINGS = ("utf-8", "utf-8-sig", "cp1250", "cp1251", "utf-16")
DELIMITERS = (";", ",", "\t", "|")
DECIMALS = (",", ".")
DATE_ORDERS = ("ISO", "DMY", "MDY")


@dataclass(frozen=True)
class Importer:
    """Imports into one store as `actor`; every call may take a progress callback and a cancel flag."""

    store: Any  # kam_desktop.store.store.Store
    actor: str

    @classmethod
    def for_desk(cls, desk: Any) -> Importer:
        """The importer of a `ui_desk.Desk`: its store, its actor."""
        return cls(desk.store, desk.actor)

    def preview(self, path: Path | str, format_name: str, options: ReadOptions = DETECT, *,
                progress: ProgressCallback | None = None, cancel: Any = None) -> Preview:
        """Detection and a dry validation of the whole file; writes nothing."""
        return preview(self.store, Path(path), format_name, options, progress=progress, cancel=cancel)

    def apply(self, path: Path | str, format_name: str, options: ReadOptions = DETECT, *,
              progress: ProgressCallback | None = None, cancel: Any = None) -> ImportReport:
        """Validate and apply in one transaction; raises ImportCancelled (nothing written) on cancel."""
        return run_import(self.store, Path(path), format_name, actor=self.actor, options=options,
                          progress=progress, cancel=cancel)
