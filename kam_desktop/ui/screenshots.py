"""`kam-desktop --screenshots DIR`: each main screen rendered to PNG in each UI language."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from kam_desktop.ui.i18n import LANGUAGES
from kam_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
WINDOW_SIZE = QSize(1400, 820)


def render_screens(window: MainWindow, folder: Path) -> list[Path]:
    """Load the portfolio (synchronously), then grab every screen per language; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    original = window.translators.language
    window.portfolio.set_rows(window.services.load_portfolio())
    window.resize(WINDOW_SIZE)
    window.show()
    if window.portfolio.proxy.rowCount():
        window.portfolio.table.selectRow(0)
    written: list[Path] = []
    try:
        for language in LANGUAGES:
            window.set_language(language)
            written.append(_grab(window, folder / f"portfolio-{language}.png"))
            dialog = window.open_settings()
            dialog.show()
            written.append(_grab(dialog, folder / f"settings-{language}.png"))
            dialog.close()
            dialog.deleteLater()
    finally:
        window.set_language(original)
    return written


def _grab(widget: QWidget, path: Path) -> Path:
    for _ in range(3):  # layout requests cascade child → parent, one event-loop pass each
        QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    log.info("screenshot %s", path)
    return path
