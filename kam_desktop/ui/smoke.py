"""`kam-desktop --smoke-test`: show the window, load the portfolio, report, no dialogs."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kam_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_smoke(window: MainWindow, timeout_ms: int, then: Callable[[], object] | None = None) -> int:
    """0 when the portfolio loaded within `timeout_ms` (and `then()`, if given, returned), else 1.

    The reason of a failure is logged and printed. `then` is the rest of a quick start (opening the store
    behind the shown portfolio): a smoke test checks the whole start, not only the first paint. The
    wall-clock moment the portfolio showed is printed for the start-up benchmark.
    """
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
    QApplication.processEvents()  # the rows are painted
    shown_at = time.time()
    store_loaded = "sqlalchemy" in sys.modules  # at the first paint: a quick start has not needed it yet
    if "rows" in outcome and then is not None:
        try:
            then()
        except Exception as error:  # noqa: BLE001 - reported as the smoke test's failure
            outcome = {"error": f"the data store did not open: {error}"}
    if "rows" in outcome:
        print(f"portfolio shown at {shown_at:.6f} (epoch s), SQLAlchemy {'loaded' if store_loaded else 'not loaded'}")
        message = f"smoke test passed: the portfolio shows {outcome['rows']} accounts"
        log.info(message)
        print(message)
        return 0
    reason = outcome.get("error", f"the portfolio did not load within {timeout_ms / 1000:.0f} s")
    log.error("smoke test failed: %s", reason)
    print(f"smoke test failed: {reason}")
    return 1
