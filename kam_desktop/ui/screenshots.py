"""`kam-desktop --screenshots DIR`: each main screen rendered to PNG in each UI language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSize, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QWidget

from kam_desktop.ui.i18n import LANGUAGES
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.portfolio_model import Roles

log = logging.getLogger(__name__)
WINDOW_SIZE = QSize(1280, 800)
WAIT_MS = 60_000
ACCOUNT_TABS = ("overview", "potential", "benefits", "exceptions", "documents", "ledger", "contacts")


def render_screens(window: MainWindow, folder: Path) -> list[Path]:
    """Load the data (synchronously), then grab every screen per language; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    original = window.translators.language
    window.portfolio.set_rows(window.services.load_portfolio())
    if window.services.load_wallets is not None:  # the share of wallet and slot value columns, filled
        window.portfolio.model.set_wallets(window.services.load_wallets())
    window.resize(WINDOW_SIZE)
    window.show()
    if window.portfolio.proxy.rowCount():
        window.portfolio.table.selectRow(0)
    code = _showcase_account(window)
    written: list[Path] = []
    try:
        workspace = _wait(lambda: window.open_account(code), "loaded") if code else None
        approver = _approver(window)
        if approver is not None:
            window.screens.switch_user(approver)
        inbox = _wait(window.screens.open_inbox, "loaded")
        dashboard = _wait(window.screens.open_dashboard, "loaded")
        for language in LANGUAGES:
            window.set_language(language)
            written += _grab_language(window, folder, language, workspace, inbox, dashboard)
        written += _grab_finance(window, folder)
    finally:
        window.set_language(original)
    return written


def _grab_finance(window: MainWindow, folder: Path) -> list[Path]:
    """Finance's screens as the finance person sees them: the close, settlement, liability and exchange rates.
    Nothing is run that writes: the close screen shows its form, the others what the store holds."""
    users = window.services.desk.users()
    finance = next((u.login for u in users if u.role == "finance"), None)
    if finance is None:
        return []
    window.screens.switch_user(finance)
    menu = window.finance
    liability = _wait(menu.open_liability, "loaded")
    written = []
    for language in LANGUAGES:
        window.set_language(language)
        for open_screen, name in ((menu.open_close, "finance-close"), (menu.open_settlement, "finance-settlement"),
                                  (lambda: liability, "finance-liability")):
            window.tabs.setCurrentWidget(open_screen())
            written.append(_grab(window, folder / f"{name}-{language}.png"))
        rates = menu.open_fx_rates()
        rates.resize(640, 520)
        written.append(_grab(rates, folder / f"fx-rates-{language}.png"))
        rates.close()
        history = menu.open_import_history()
        history.resize(900, 480)
        written.append(_grab(history, folder / f"import-history-{language}.png"))
        history.close()
    return written + _grab_recovery(window, folder) + _grab_statements_batch(window, folder)


def _grab_recovery(window: MainWindow, folder: Path) -> list[Path]:
    """The dialog a damaged store file gets at start, offering its newest verified backup (shown, not run)."""
    from kam_desktop.paths import backups_dir
    from kam_desktop.services.admin.stores import damaged_store
    from kam_desktop.ui.store_problem_dialog import StoreProblemDialog

    store = window.services.store_info.file or Path("kam.sqlite")
    backup = backups_dir() / store.stem / f"{store.stem}-{window.services.desk.today():%Y-%m-%d}.sqlite"
    written = []
    for language in LANGUAGES:
        window.set_language(language)
        dialog = StoreProblemDialog(damaged_store(store, "file is not a database", backup), window)
        dialog.show()
        written.append(_grab(dialog, folder / f"recovery-{language}.png"))
        dialog.close()
        dialog.deleteLater()
    return written


def _grab_statements_batch(window: MainWindow, folder: Path) -> list[Path]:
    """File › Issue quarterly statements… with its form filled in (shown, not run: nothing is issued)."""
    written = []
    for language in LANGUAGES:
        window.set_language(language)
        dialog = window.open_statements_batch()
        dialog.show()
        written.append(_grab(dialog, folder / f"statements-batch-{language}.png"))
        dialog.close()
        dialog.deleteLater()
    return written


def _grab_language(window: MainWindow, folder: Path, language: str, workspace: Any, inbox: Any,
                   dashboard: Any) -> list[Path]:
    written = []
    window.tabs.setCurrentIndex(0)
    written.append(_grab(window, folder / f"portfolio-{language}.png"))
    if workspace is not None:
        window.tabs.setCurrentWidget(workspace)
        if workspace.potential.model.rowCount():
            workspace.potential.table.selectRow(0)  # the form filled, as when correcting a slot
        for table in (workspace.benefits.table, workspace.exceptions.table):  # why not active; decisions and notes
            if table.proxy.rowCount() and table.current() is None:
                table.selectRow(0)
        for i, name in enumerate(ACCOUNT_TABS):
            workspace.tabs.setCurrentIndex(i)
            written.append(_grab(window, folder / f"account-{name}-{language}.png"))
        written += _grab_preview(workspace, folder, language)
    if inbox.model.rowCount() and inbox.table.current() is None:
        inbox.table.selectRow(0)  # a request's justification and route shown under the list
    for widget, name in ((inbox, "approvals"), (dashboard, "dashboard")):
        window.tabs.setCurrentWidget(widget)
        written.append(_grab(window, folder / f"{name}-{language}.png"))
    simulator = window.screens.open_simulator()
    simulator.resize(1100, 680)
    _run_until(simulator.computed)
    written.append(_grab(simulator, folder / f"simulator-{language}.png"))
    simulator.close()
    simulator.deleteLater()
    dialog = window.open_settings()
    dialog.show()
    written.append(_grab(dialog, folder / f"settings-{language}.png"))
    dialog.close()
    dialog.deleteLater()
    written += _grab_import(window, folder, language)
    return written


def _grab_import(window: MainWindow, folder: Path, language: str) -> list[Path]:
    """The import preview of the Polish ERP sample (Windows-1250, semicolons): its accounts are unknown here."""
    from kam_desktop.resources import resource

    sample = resource("samples", "invoices_pl_cp1250.csv")
    if not sample.exists() or window.services.desk is None:
        return []
    dialog = window.open_import()
    dialog.resize(1100, 680)
    dialog.show()
    loop = QEventLoop()
    dialog.previewed.connect(loop.quit)
    QTimer.singleShot(WAIT_MS, loop.quit)
    dialog.set_file(sample, "invoices")
    loop.exec()
    try:
        return [_grab(dialog, folder / f"import-{language}.png")]
    finally:
        dialog.close()
        dialog.deleteLater()


def _grab_preview(workspace: Any, folder: Path, language: str) -> list[Path]:
    """The in-app preview of the account's newest document, as Print… will print it."""
    tab = workspace.documents
    if not tab.model.rowCount():
        return []
    tab.table.selectRow(0)
    tab.open_files = False
    tab.preview()
    dialog = tab.preview_dialog
    if dialog is None:
        return []
    dialog.resize(900, 800)
    try:
        for _ in range(15):  # QPdfView renders its pages in a background thread: let it paint
            loop = QEventLoop()
            QTimer.singleShot(100, loop.quit)
            loop.exec()
        return [_grab(dialog, folder / f"document-preview-{language}.png")]
    finally:
        dialog.close()


def _showcase_account(window: MainWindow) -> str | None:
    """An account with benefits and exception requests, so every tab has rows; else the first one."""
    desk = window.services.desk
    rows = [window.portfolio.proxy.index(r, 0).data(Roles.ROW)
            for r in range(window.portfolio.proxy.rowCount())]
    if not rows:
        return None
    try:
        with_requests = {e.account for e in desk.exceptions()}
    except Exception:  # noqa: BLE001 - a screenshot run still shows what it can
        with_requests = set()
    def documents(code: str) -> int:
        try:
            return len(desk.documents(code))
        except Exception:  # noqa: BLE001 - no documents service in this build
            return 0

    candidates = [r for r in rows if r.code in with_requests and r.grade][:40]
    scored = [(bool(desk.benefits(r.code).lines) + (documents(r.code) > 0), r.code) for r in candidates]
    if scored:
        return str(max(scored, key=lambda item: item[0])[1])
    return str(rows[0].code)


def _approver(window: MainWindow) -> str | None:
    users = window.services.desk.users()
    return next((u.login for u in users if u.role == "director"), None)


def _wait(open_screen: Callable[[], Any], signal: str) -> Any:
    """Open a screen that loads in the background and wait until it has (or the time is up)."""
    loop = QEventLoop()
    holder: dict[str, Any] = {}
    QTimer.singleShot(WAIT_MS, loop.quit)

    def opened() -> None:
        screen = open_screen()
        holder["screen"] = screen
        getattr(screen, signal).connect(loop.quit)

    QTimer.singleShot(0, opened)
    loop.exec()
    return holder.get("screen")


def _run_until(signal: SignalInstance) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()


def _grab(widget: QWidget, path: Path) -> Path:
    for _ in range(3):  # layout requests cascade child → parent, one event-loop pass each
        QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    log.info("screenshot %s", path)
    return path
