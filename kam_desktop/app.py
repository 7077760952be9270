"""The composition root of `kam-desktop`: arguments → paths → logging → crash handler → settings →
store → QApplication → main window, with the services passed in. Nothing connects at import time."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import kam_desktop
from kam_desktop import frozen, logs, paths
from kam_desktop.streams import utf8_when_piped

if TYPE_CHECKING:  # the types only: Qt, SQLAlchemy and the screens are imported where a start needs them
    from PySide6.QtWidgets import QApplication

    from kam_desktop.services.admin.quick_start import LocalStore, PortfolioRead
    from kam_desktop.services.admin.stores import StoreProblem
    from kam_desktop.services.clock import Clock
    from kam_desktop.services.desk import Desk
    from kam_desktop.services.plain import PortfolioRow, StoreInfo
    from kam_desktop.store.store import Store
    from kam_desktop.ui.context import AppServices
    from kam_desktop.ui.i18n import Translators
    from kam_desktop.ui.main_window import MainWindow
    from kam_desktop.ui.settings import UiSettings
    from kam_desktop.ui.single_instance import InstanceServer

log = logging.getLogger("kam_desktop")
LOG_FILE = "kam-desktop.log"
EXIT_OK, EXIT_FAILED, EXIT_STORE = 0, 1, 2
SMOKE_TIMEOUT_MS = 120_000


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kam-desktop", description="KAM Desktop: the key account manager's "
                                     "back office for a B2B loyalty program.")
    parser.add_argument("--db", metavar="PATH|URL", help="SQLite file or postgresql:// URL (default: KAM_DB, "
                        "else the file in the data folder)")
    parser.add_argument("--as", dest="login", metavar="LOGIN", help="act as this user (a KAM sees own accounts)")
    parser.add_argument("--lang", choices=("en", "pl", "ru"), help="UI language (default: saved, else system)")
    parser.add_argument("--demo", action="store_true",
                        help="if the data store has no accounts yet, load the demo company first (no question)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window, load the portfolio, exit 0 (1 if it did not load); no dialogs")
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="render each main screen to PNG in each language into DIR, then exit")
    parser.add_argument("--version", action="version", version=f"KAM Desktop {kam_desktop.__version__}")
    return parser.parse_args(argv)


def setup_logging(folder: Path) -> logging.Handler | None:
    """The rotating log file in the log folder (`logs.MAX_BYTES` × `logs.BACKUPS`); returns the handler so it can
    be removed again (None: the folder takes no file, and the app runs on without one)."""
    return logs.rotating_file(folder, LOG_FILE)


def main(argv: Sequence[str] | None = None) -> int:
    frozen.support()  # before anything else: a statement batch's worker process starts here too
    # A start creates hundreds of thousands of objects and almost no garbage: the cyclic collector ran ~60 times
    # (~15 ms) before a quick start's first paint for nothing. It runs again once that portfolio shows
    # (`_collect_again_once_shown`), or at once on the ordinary path (`_run_guarded`).
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    utf8_when_piped()
    args = parse_args(argv)
    headless = bool(args.smoke_test or args.screenshots)
    try:
        log_folder = paths.log_dir()
        paths.data_dir()
    except OSError as error:  # before the crash handler: it writes its reports there
        return _unusable_data_folder(error, args, headless)
    handler = setup_logging(log_folder)
    quick = _quick_start(args)  # begun before Qt loads: the first portfolio read overlaps Qt's own start
    from kam_desktop.ui.qt_workarounds import scan_imports_cheaply  # Qt is imported from here on

    scan_imports_cheaply()  # before the window's modules are imported
    from kam_desktop.ui.crash import CrashHandler

    crash = CrashHandler(log_folder, dialogs=not headless)
    crash.install()
    try:
        log.info("KAM Desktop %s starting (%s)", kam_desktop.__version__, " ".join(sys.argv[1:]))
        return _run(args, headless, quick)
    finally:
        crash.uninstall()
        logs.detach(handler)


def _unusable_data_folder(error: OSError, args: argparse.Namespace, headless: bool) -> int:
    """The data or log folder cannot be created (a write-protected stick in portable mode, a missing drive): say
    which and why, on stderr and (interactive) in a message box, and exit 2."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kam_desktop.ui.i18n import Translators, fill, system_language

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    translators = Translators()
    translators.switch(args.lang or system_language())
    try:
        text = fill(QCoreApplication.translate(
            "App", "KAM Desktop cannot use its data folder {folder}: {reason}\n\nCheck that the drive is there, has "
            "free space and is not write-protected (a USB stick in portable mode)."),
            folder=str(paths.places().data), reason=error.strerror or str(error))
        print(f"kam-desktop: {text}", file=sys.stderr)
        if not headless:
            QMessageBox.critical(None, QCoreApplication.translate("App", "KAM Desktop: data folder"), text)
    finally:
        translators.clear()
    return EXIT_STORE


def _run(args: argparse.Namespace, headless: bool, quick: QuickStart | None) -> int:
    from PySide6.QtWidgets import QApplication

    from kam_desktop.ui.i18n import Translators, system_language
    from kam_desktop.ui.settings import UiSettings

    settings = UiSettings.at(paths.data_dir() / "settings.ini")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        app.setApplicationName("KAM Desktop")
        app.setOrganizationName(paths.APP_AUTHOR)
        app.setApplicationVersion(kam_desktop.__version__)
    from kam_desktop.ui.qt_workarounds import guard_bool_refcount

    guard_bool_refcount()
    translators = Translators()
    translators.switch(args.lang or settings.language() or system_language())
    guard = None if headless else _single_instance(args)  # the smoke test and screenshots run beside a window
    if isinstance(guard, int):
        translators.clear()
        return guard
    try:
        return _run_guarded(app, args, settings, translators, headless, quick)
    finally:
        if guard is not None:
            guard.close()


def _single_instance(args: argparse.Namespace) -> InstanceServer | int:
    """The guard of an interactive start; the exit code when an instance for the same data folder and store
    already runs (it was asked to bring its window to the front)."""
    from kam_desktop.ui.single_instance import Answer, already_running_line, claim, server_name

    claimed = claim(server_name(paths.data_dir(), args.db or os.environ.get("KAM_DB")))
    if not isinstance(claimed, Answer):
        return claimed
    line = already_running_line(claimed.raised)
    log.info("another instance runs for this data folder and store (window raised: %s)", claimed.raised)
    print(f"kam-desktop: {line}", flush=True)
    if claimed.raised:
        return EXIT_OK  # the window the user sees coming forward is the answer
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(None, "KAM Desktop", line)  # a windowed start has no console: nothing else would show
    return EXIT_FAILED


def _run_guarded(app: QApplication, args: argparse.Namespace, settings: UiSettings, translators: Translators,
                 headless: bool, quick: QuickStart | None) -> int:
    from kam_desktop.services.clock import clock_from_environment

    if quick is not None:
        return _run_quick(app, args, quick, settings, translators, headless)
    gc.enable()  # the ordinary path may migrate the store or load the demo: garbage to collect
    clock = clock_from_environment()
    store = _open_store(args, headless)
    if store is None:
        return EXIT_STORE
    try:
        desk = _desk_of(store, args, headless, clock)
        if desk is None:
            return EXIT_STORE
        return _show(app, args, services_for(desk, settings), settings, translators, headless)
    finally:
        translators.clear()
        store.dispose()


class QuickStart:
    """A local store whose portfolio can show before the store opens, with that first read already begun."""

    def __init__(self, local: LocalStore, clock: Clock) -> None:
        self.local, self.clock = local, clock
        self._as_of = clock.today()
        self._read: PortfolioRead | None = None
        self.first_read = FirstRead(self._read_portfolio)

    def _read_portfolio(self) -> list[PortfolioRow]:
        self._read = self.local.read_portfolio(self._as_of)
        return self._read.rows

    def remember_portfolio(self) -> None:
        """Keep the first read's portfolio in the store for the next start (once; after the first paint, as the
        store opens: writing it costs the start nothing it shows)."""
        read, self._read = self._read, None
        if read is None:
            return
        try:
            self.local.remember_portfolio(self._as_of, read)
        except Exception:  # a cache: the start goes on without it, and the log says why
            log.warning("the portfolio snapshot could not be kept", exc_info=True)


def _quick_start(args: argparse.Namespace) -> QuickStart | None:
    """The quick start of `--db`, its read begun on a thread; None when the start takes the ordinary path."""
    from kam_desktop.services.admin.quick_start import quick_start_store
    from kam_desktop.services.clock import clock_from_environment

    local = quick_start_store(args.db, args.login)
    return None if local is None else QuickStart(local, clock_from_environment())


def _run_quick(app: QApplication, args: argparse.Namespace, quick: QuickStart, settings: UiSettings,
               translators: Translators, headless: bool) -> int:
    """Show the portfolio of a local store at once and open the store itself behind it.

    The store's imports (SQLAlchemy, the models) take longer than Qt's start: paying them before the
    window would double the time to the first portfolio for nothing the user sees.
    """
    log.info("quick start: the portfolio of %s shows before the store opens", quick.local.path)
    opening = OpeningStore(args.db, quick.clock, after_open=quick.remember_portfolio)
    try:
        return _show(app, args, _services_while_opening(opening, quick, settings), settings, translators,
                     headless, opening)
    finally:
        translators.clear()
        opening.dispose()


class OpeningStore:
    """The store a quick start opens after the first paint, and its administrator's desk; whoever needs it
    first opens it, the others wait for it."""

    def __init__(self, db: str | None, clock: Clock, after_open: Callable[[], object] = lambda: None) -> None:
        self._db, self._clock, self._after_open = db, clock, after_open
        self._lock = threading.Lock()
        self._desk: Desk | None = None
        self._error: BaseException | None = None
        self._tried = False

    def ready(self) -> bool:
        return self._desk is not None

    def desk(self) -> Desk:
        """The desk on the open store (opening it now if nobody has); raises what opening it raised."""
        opened_here = False
        with self._lock:
            if not self._tried:
                self._tried = opened_here = True
                try:
                    # the engine loads here, after the first paint (the reason for the quick start)
                    from kam_desktop.services.desk import Desk
                    from kam_desktop.store.store import Store

                    self._desk = Desk.open(Store.open(self._db), None, self._clock)
                except BaseException as error:  # noqa: BLE001 - kept and raised to every caller
                    self._error = error
            if self._error is not None:
                raise self._error
            if self._desk is None:
                raise RuntimeError("the data store was closed")  # a call after dispose(), at shutdown
            desk = self._desk
        if opened_here:
            self._after_open()  # outside the lock: whoever waits for the store does not wait for this too
        return desk

    def dispose(self) -> None:
        with self._lock:  # an open in progress finishes first
            desk, self._desk = self._desk, None
        if desk is not None:
            desk.ctx.store.dispose()


def _services_while_opening(opening: OpeningStore, quick: QuickStart, settings: UiSettings) -> AppServices:
    """The window's services for a quick start: the first portfolio load takes the plain read (begun before Qt
    loaded), the rest goes through the desk once the store is open."""
    first_read = quick.first_read

    def load_portfolio() -> list[PortfolioRow]:
        if first_read.pending:
            return first_read.rows()
        return opening.desk().portfolio()

    return _services(opening.desk, quick.local.info, quick.local.backups_dir, settings, load_portfolio, opening.ready,
                     first_read.rows_if_read)


class FirstRead:
    """The quick start's first portfolio read on a thread of its own, started before Qt is loaded.

    SQLite lets go of the interpreter while it reads, so the read and Qt's start and the window's construction
    (about as long) overlap instead of following each other; the first load then takes the rows, or raises what
    reading raised.
    """

    def __init__(self, read: Callable[[], list[PortfolioRow]]) -> None:
        self._read = read
        self._rows: list[PortfolioRow] = []
        self._error: BaseException | None = None
        self.pending = True
        self._thread = threading.Thread(target=self._run, name="first-portfolio-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._rows = self._read()
        except BaseException as error:  # noqa: BLE001 - raised to the load that takes the rows
            self._error = error

    def rows_if_read(self) -> list[PortfolioRow] | None:
        """The rows, taken as `rows` takes them, when the read has already ended well; else None (still reading,
        failed, or taken: the load through a worker waits, reports the failure, or reads again)."""
        if not self.pending or self._thread.is_alive() or self._error is not None:
            return None
        return self.rows()

    def rows(self) -> list[PortfolioRow]:
        """The rows read (waiting for the read to end); once: a later load reads again through the desk."""
        self._thread.join()
        self.pending = False
        if self._error is not None:
            raise self._error
        return self._rows


def services_for(desk: Desk, settings: UiSettings) -> AppServices:
    """The window's services bound to `desk` (the store is open)."""
    return _services(lambda: desk, desk.store_info(), desk.ctx.store.backup_folder(), settings, desk.portfolio)


def _services(desk: Callable[[], Desk], info: StoreInfo, backups: Path | None, settings: UiSettings,
              load_portfolio: Callable[[], list[PortfolioRow]], ready: Callable[[], bool] = lambda: True,
              at_hand: Callable[[], list[PortfolioRow] | None] = lambda: None) -> AppServices:
    from kam_desktop.services.errors import ServiceError
    from kam_desktop.ui.context import AppServices

    def for_user(login: str) -> AppServices | None:
        try:
            return services_for(desk().as_user(login), settings)
        except ServiceError as error:
            log.warning("cannot act as %s: %s", login, error)
            return None

    return AppServices(
        load_portfolio=load_portfolio, store_info=info, sync_status=lambda: desk().sync_status(),
        store_is_empty=lambda: desk().store_is_empty(), load_demo=lambda: desk().load_demo(),
        data_dir=paths.data_dir(), log_dir=paths.log_dir(), desk_source=desk, backups_dir=backups,
        settings_file=settings.file, for_user=for_user, store_ready=ready, load_wallets=lambda: desk().wallets(),
        load_search_keys=lambda: desk().search_keys(), portable=paths.is_portable(), portfolio_at_hand=at_hand,
    )


def _desk_of(store: Store, args: argparse.Namespace, headless: bool, clock: Clock) -> Desk | None:
    """The desk of `--as` (default: the store's administrator) on a ready store; the demo first when asked
    and nobody watches (an interactive start shows the window and loads it behind a progress dialog)."""
    from kam_desktop.services.demo.setup import ensure_ready, load_demo
    from kam_desktop.services.desk import Desk
    from kam_desktop.services.errors import ServiceError

    ensure_ready(store, clock)
    if args.demo and (headless or args.login) and Desk.open(store, None, clock).store_is_empty():
        log.info("loading the demo company")
        print("kam-desktop: loading the demo company…", file=sys.stderr)
        load_demo(store, clock=clock)
    try:
        return Desk.open(store, args.login, clock)
    except ServiceError as error:
        _store_error(True, str(error))
        return None


def _open_store(args: argparse.Namespace, headless: bool) -> Store | None:
    """The store at --db, migrated; on an environmental failure a clear message and None."""
    from sqlalchemy.exc import OperationalError

    from kam_desktop.services.admin.stores import KeyFormatError, StoreProblem
    from kam_desktop.store.engine import StoreLocationError
    from kam_desktop.store.migrate import DatabaseNewerError
    from kam_desktop.store.store import Store

    try:
        return Store.open(args.db)
    except StoreProblem as problem:
        return _store_problem(problem, args, headless)
    except KeyFormatError as error:  # KAM_STORE_KEY set to something that is not a key
        from kam_desktop.ui.refusals import refusal_text

        _store_error(headless, refusal_text(error))
    except DatabaseNewerError as error:
        _store_error(headless, str(error))
    except StoreLocationError as error:
        _store_error(headless, f"{error}.")
    except OperationalError as error:
        _store_error(headless, f"The data store could not be opened: {error.orig or error}.\n\n"
                     "If it is a file, check that the disk is not full and no other program locks it; "
                     "if it is a server, check the network and the address.")
    return None


def _store_problem(problem: StoreProblem, args: argparse.Namespace, headless: bool) -> Store | None:
    """A store that cannot be used as it is: the dialog says why; restore the newest verified backup, try again,
    enter the key of an encrypted store, set it aside, restore a chosen backup, or quit. Headless: the message
    on stderr and None."""
    from kam_desktop.services.admin.stores import replace_damaged_store
    from kam_desktop.ui.refusals import refusal_text
    from kam_desktop.ui.store_problem_dialog import StoreProblemDialog, WayOut

    log.error("cannot open the data store: %s", problem)
    if headless:
        print(f"kam-desktop: {refusal_text(problem)}", file=sys.stderr)
        return None
    dialog = StoreProblemDialog(problem)
    dialog.exec()
    if dialog.way_out == WayOut.RESTORE and problem.path is not None and problem.backup is not None:
        kept = replace_damaged_store(problem.path, problem.backup)
        log.warning("restored %s from %s; the damaged file is kept at %s", problem.path, problem.backup, kept)
        return _open_store(args, headless)
    if dialog.way_out == WayOut.RETRY:
        return _open_store(args, headless)
    if dialog.way_out in (WayOut.ENTER_KEY, WayOut.SET_ASIDE, WayOut.RESTORE_FILE) and problem.path is not None:
        return _key_way_out(dialog.way_out, problem, args)
    return None


def _key_way_out(way: str, problem: StoreProblem, args: argparse.Namespace) -> Store | None:
    """An encrypted store without a working key: open it with the key typed (kept again for the next start),
    set the file aside and start afresh (a team laptop syncs its data back), or put a chosen backup in its
    place. A choice that fails says why and shows the problem again."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from kam_desktop.services.admin.stores import (
        StoreProblem,
        open_store,
        remember_key,
        replace_unreadable_store,
        set_aside_store,
        typed_key,
    )
    from kam_desktop.services.errors import ServiceError
    from kam_desktop.ui.i18n import fill
    from kam_desktop.ui.refusals import refusal_text
    from kam_desktop.ui.store_problem_dialog import StoreKeyDialog, WayOut

    assert problem.path is not None
    title = QCoreApplication.translate("App", "KAM Desktop: data store")
    try:
        if way == WayOut.ENTER_KEY:
            asked = StoreKeyDialog()
            asked.exec()
            text = asked.key_text()
            if text is None:
                return _store_problem(problem, args, False)
            store = open_store(args.db, typed_key(text))
            if not remember_key(store):
                QMessageBox.information(None, title, QCoreApplication.translate(
                    "App", "The key opens the data store. This computer has no password store to keep it in: "
                    "you will be asked for it at every start (or set KAM_STORE_KEY)."))
            return store
        if way == WayOut.SET_ASIDE:
            kept = set_aside_store(problem.path)
            log.warning("the unreadable store %s was set aside as %s", problem.path, kept)
            QMessageBox.information(None, title, fill(QCoreApplication.translate(
                "App", "The file was moved aside to {path}; nothing was deleted. KAM Desktop starts with an empty "
                "store now: on a team laptop, connect to the team server (File › Connect to team server…) and your "
                "data comes back."), path=str(kept)))
            return _open_store(args, False)
        chosen, _filter = QFileDialog.getOpenFileName(None, QCoreApplication.translate("App", "Restore a backup"),
                                                      str(problem.path.parent), "KAM Desktop (*.sqlite)")
        if not chosen:
            return _store_problem(problem, args, False)
        kept = replace_unreadable_store(problem.path, Path(chosen))
        log.warning("restored %s from %s; the unreadable file is kept at %s", problem.path, chosen, kept)
        return _open_store(args, False)
    except StoreProblem as again:  # a key that does not open it either
        return _store_problem(again, args, False)
    except (ServiceError, ValueError) as error:  # not a key; a backup that does not verify; nothing to set aside
        QMessageBox.warning(None, title, refusal_text(error))
        return _store_problem(problem, args, False)


def _store_error(headless: bool, message: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    log.error("cannot open the data store: %s", message)
    print(f"kam-desktop: {message}", file=sys.stderr)
    if not headless:
        QMessageBox.critical(None, QCoreApplication.translate("App", "KAM Desktop: data store"), message)


def _show(app: QApplication, args: argparse.Namespace, services: AppServices, settings: UiSettings,
          translators: Translators, headless: bool, opening: OpeningStore | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kam_desktop.ui.main_window import MainWindow
    from kam_desktop.ui.smoke import run_smoke

    window = MainWindow(services, settings, translators, interactive=not headless)
    if opening is not None:
        _collect_again_once_shown(window)
    try:
        if args.smoke_test:
            return run_smoke(window, SMOKE_TIMEOUT_MS, then=opening.desk if opening else None)
        if args.screenshots:
            from kam_desktop.ui.screenshots import render_screens

            written = render_screens(window, args.screenshots)
            print("\n".join(str(path) for path in written))
            return EXIT_OK
        window.show()
        QTimer.singleShot(2_000, window.keep_daily_backup)  # after the first paint; waits for a quick start's store
        if opening is not None:  # a quick start: the store opens once the portfolio shows
            _open_after_first_paint(app, window, opening)
            window.load_portfolio()
        elif bool(args.demo) and services.store_is_empty():
            window.load_demo()  # in the background, with progress; the portfolio follows
        else:
            window.load_portfolio()
            QTimer.singleShot(0, window.offer_demo_if_empty)
        return app.exec()
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def _collect_again_once_shown(window: MainWindow) -> None:
    """Turn the cyclic collector back on one event-loop turn after a quick start's first portfolio shows (or fails)."""
    from PySide6.QtCore import QTimer

    def settle(*_outcome: object) -> None:
        window.portfolio_loaded.disconnect(settle)
        window.portfolio_failed.disconnect(settle)
        QTimer.singleShot(0, window, collect_from_now_on)

    window.portfolio_loaded.connect(settle)
    window.portfolio_failed.connect(settle)


def collect_from_now_on() -> None:
    """Turn the cyclic collector back on for the objects made from now on; those of the start are left to it never.

    Qt asks for a paint at low priority, so this runs before the first paint, not after it: enabling the collector
    alone made it go at once through everything the start had made (~4 ms of ~100,000 lasting objects — modules,
    classes, Qt wrappers, the rows — at 200 accounts, more at 20,000), for almost no garbage. Frozen, they are
    still freed by reference counting; only a reference cycle among them would stay.
    """
    gc.freeze()
    gc.enable()


def _open_after_first_paint(app: QApplication, window: MainWindow, opening: OpeningStore) -> None:
    """Open the store off the GUI thread after the first portfolio shows; a failure ends the app, explained."""
    from kam_desktop.ui.first_paint import after_next_paint
    from kam_desktop.ui.workers import run_task

    def failed(error: BaseException) -> None:
        log.error("opening the data store failed", exc_info=error)
        _store_error(False, f"The data store could not be opened: {error}")
        app.exit(EXIT_STORE)

    def start(*_outcome: object) -> None:  # after the first load, whether it showed rows or an error
        window.portfolio_loaded.disconnect(start)
        window.portfolio_failed.disconnect(start)
        # once the rows are painted: importing SQLAlchemy on a worker at once would hold the interpreter lock
        # against the paint's thousand calls to data() (a zero timer would still run before the paint)
        after_next_paint(window.portfolio.table.viewport(),
                         lambda: run_task(lambda _ctx: opening.desk(), lambda _desk: window.store_opened(), failed,
                                          owner=window))

    window.portfolio_loaded.connect(start)
    window.portfolio_failed.connect(start)


if __name__ == "__main__":
    sys.exit(main())
