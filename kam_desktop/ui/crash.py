"""The crash handler: an unexpected exception is logged, written to a crash report, and shown in a dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import kam_desktop

log = logging.getLogger("kam_desktop.crash")
ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]
KEEP_REPORTS = 20  # the newest reports are the ones support asks for; a crash loop must not fill the disk
REPORT_PATTERN = "crash-*.txt"


def write_crash_report(folder: Path, exc_type: type[BaseException], exc: BaseException,
                       tb: TracebackType | None, *, keep: int = KEEP_REPORTS) -> Path:
    """A plain-text report (versions, platform, traceback) in `folder`; returns its path. Only the newest
    `keep` reports stay in the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    path = folder / f"crash-{now:%Y%m%d-%H%M%S-%f}.txt"
    import platform  # at a crash only: it costs a start a few milliseconds

    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pyside_version = "?"
    lines = [
        f"KAM Desktop {kam_desktop.__version__} crash report",
        f"time (UTC): {now.isoformat()}",
        f"python: {sys.version.split()[0]}  PySide6: {pyside_version}",
        f"platform: {platform.platform()}",
        f"argv: {' '.join(sys.argv)}",
        "",
        "Committed data is safe: unfinished changes were rolled back by the data store.",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    prune_reports(folder, keep)
    return path


def prune_reports(folder: Path, keep: int = KEEP_REPORTS) -> list[Path]:
    """Delete all but the newest `keep` crash reports in `folder` (their names sort by time); returns the deleted."""
    reports = sorted(folder.glob(REPORT_PATTERN))
    old = reports[:-keep] if keep > 0 else reports
    for report in old:
        report.unlink(missing_ok=True)
    return old


class CrashHandler:
    """Installed as sys.excepthook. Shows a dialog only when a QApplication exists and dialogs are wanted."""

    def __init__(self, log_folder: Path, *, dialogs: bool = True) -> None:
        self.log_folder = log_folder
        self.dialogs = dialogs
        self.reports: list[Path] = []
        self._previous: ExceptHook | None = None
        self._handling = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self and self._previous is not None:
            sys.excepthook = self._previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if self._handling:  # an error inside the dialog itself: do not loop
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._handling = True
        try:
            log.critical("unexpected error", exc_info=(exc_type, exc, tb))
            report = None
            try:
                report = write_crash_report(self.log_folder, exc_type, exc, tb)
                self.reports.append(report)
            except OSError:
                log.exception("could not write the crash report")
            if self.dialogs:
                self._show_dialog(exc, report)
        finally:
            self._handling = False

    def _show_dialog(self, exc: BaseException, report: Path | None) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        if not isinstance(QApplication.instance(), QApplication):
            return
        title = QCoreApplication.translate("CrashHandler", "Unexpected error")
        text = QCoreApplication.translate(
            "CrashHandler", "KAM Desktop met an unexpected error. Your saved data is safe; the last unsaved "
            "action may not have been applied.")
        box = QMessageBox(QMessageBox.Icon.Critical, title, text)
        if report is not None:
            where = QCoreApplication.translate("CrashHandler", "A crash report was written to:")
            what = QCoreApplication.translate(
                "CrashHandler", "Please send it to your administrator. You can keep working or restart the "
                "application.")
            box.setInformativeText(f"{where}\n{report}\n\n{what}")
        box.setDetailedText("".join(traceback.format_exception_only(type(exc), exc)).strip())
        box.exec()
