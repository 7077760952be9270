"""`kam-desktop --smoke-test`: show the window, load the portfolio, report, no dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kam_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_smoke(window: MainWindow, timeout_ms: int) -> int:
    """0 when the portfolio loaded within `timeout_ms`, else 1 (the reason is logged and printed)."""
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def loaded(count: int) -> None:
        outcome["rows"] = count
        loop.quit()

    def failed(message: str) -> None:
        outcome["error"] = message
        loop.quit()

    window.portfolio_loaded.connect(loaded)
    window.portfolio_failed.connect(failed)
    window.show()
    window.load_portfolio()
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    timer.start()
    if not outcome:
        loop.exec()
    timer.stop()
    QApplication.processEvents()
    if "rows" in outcome:
        message = f"smoke test passed: the portfolio shows {outcome['rows']} accounts"
        log.info(message)
        print(message)
        return 0
    reason = outcome.get("error", f"the portfolio did not load within {timeout_ms / 1000:.0f} s")
    log.error("smoke test failed: %s", reason)
    print(f"smoke test failed: {reason}")
    return 1
