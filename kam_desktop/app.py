"""The composition root of `kam-desktop`: arguments → paths → logging → crash handler → settings →
store → QApplication → main window, with the services passed in. Nothing connects at import time."""

from __future__ import annotations

import argparse
import importlib
import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import kam_desktop
from kam_desktop import frozen, paths

if TYPE_CHECKING:  # the types only: Qt, SQLAlchemy and the screens are imported where a start needs them
    from PySide6.QtWidgets import QApplication

    from kam_desktop.services.admin.quick_start import LocalStore
    from kam_desktop.services.plain import PortfolioRow
    from kam_desktop.store.store import Store
    from kam_desktop.ui.context import AppServices
    from kam_desktop.ui.i18n import Translators
    from kam_desktop.ui.main_window import MainWindow
    from kam_desktop.ui.settings import UiSettings

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


def setup_logging(folder: Path) -> logging.Handler:
    """A rotating log file in the user's log folder; returns the handler so it can be removed again."""
    handler = logging.handlers.RotatingFileHandler(folder / LOG_FILE, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    frozen.support()  # before anything else: a statement batch's worker process starts here too
    args = parse_args(argv)
    headless = bool(args.smoke_test or args.screenshots)
    log_folder = paths.log_dir()
    handler = setup_logging(log_folder)
    from kam_desktop.ui.crash import CrashHandler  # Qt is imported from here on, not at module import

    crash = CrashHandler(log_folder, dialogs=not headless)
    crash.install()
    try:
        log.info("KAM Desktop %s starting (%s)", kam_desktop.__version__, " ".join(sys.argv[1:]))
        return _run(args, headless)
    finally:
        crash.uninstall()
        logging.getLogger().removeHandler(handler)
        handler.close()


def _run(args: argparse.Namespace, headless: bool) -> int:
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
    from kam_desktop.services.admin.quick_start import quick_start_store

    local = quick_start_store(args.db, args.login)
    if local is not None:
        return _run_quick(app, args, local, settings, translators, headless)
    store = _open_store(args, headless)
    if store is None:
        return EXIT_STORE
    try:
        _load_demo_first(args, store, headless)
        services = build_services(store, args.login, settings)
        if services is None:
            return EXIT_STORE
        return _show(app, args, services, settings, translators, headless)
    finally:
        translators.clear()
        store.dispose()


def _run_quick(app: QApplication, args: argparse.Namespace, local: LocalStore, settings: UiSettings,
               translators: Translators, headless: bool) -> int:
    """Show the portfolio of a local store at once and open the store itself behind it.

    The store's imports (SQLAlchemy, the models) take longer than Qt's start: paying them before the
    window would double the time to the first portfolio for nothing the user sees.
    """
    log.info("quick start: the portfolio of %s shows before the store opens", local.path)
    opening = OpeningStore(args.db)
    try:
        services = _services_while_opening(opening, local, settings)
        return _show(app, args, services, settings, translators, headless, opening)
    finally:
        translators.clear()
        opening.dispose()


class OpeningStore:
    """The store a quick start opens after the first paint; whoever needs it first opens it, others wait."""

    def __init__(self, db: str | None) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._error: BaseException | None = None
        self._tried = False

    def ready(self) -> bool:
        return self._store is not None

    def get(self) -> Store:
        """The open store (opening it now if nobody has); raises what opening it raised."""
        with self._lock:
            if not self._tried:
                self._tried = True
                try:
                    from kam_desktop.store.store import Store

                    self._store = Store.open(self._db)
                except BaseException as error:  # noqa: BLE001 - kept and raised to every caller
                    self._error = error
            if self._error is not None:
                raise self._error
            if self._store is None:
                raise RuntimeError("the data store was closed")  # a call after dispose(), at shutdown
            return self._store

    def dispose(self) -> None:
        with self._lock:  # an open in progress finishes first
            store, self._store = self._store, None
        if store is not None:
            store.dispose()


class _DeskWhenOpen:
    """The Desk of a store still opening: the first call waits for the store (a moment after the start)."""

    def __init__(self, opening: OpeningStore, login: str | None) -> None:
        self._opening, self._login = opening, login
        self._desk: object | None = None

    def __getattr__(self, name: str) -> object:
        if self._desk is None:
            from kam_desktop.services.desk import Desk

            self._desk = Desk(self._opening.get(), self._login)
        return getattr(self._desk, name)


def _services_while_opening(opening: OpeningStore, local: LocalStore, settings: UiSettings) -> AppServices:
    """The window's services for a quick start: the first portfolio load reads the file plainly, the rest
    goes through the store once it is open."""
    from kam_desktop.ui.context import AppServices

    first_load = [True]

    def load_portfolio() -> list[PortfolioRow]:
        if first_load[0]:
            first_load[0] = False
            return local.read_portfolio()
        from kam_desktop.services.admin import status as ui_support
        return ui_support.portfolio_for(opening.get(), None)

    def through_store(module: str, name: str) -> Callable[..., Any]:
        """`services.<module>.<name>(store, …)` once the store is open (the module is imported only then)."""
        def call(*args: object) -> object:
            return getattr(importlib.import_module(f"kam_desktop.services.{module}"), name)(opening.get(), *args)
        return call

    return AppServices(
        load_portfolio=load_portfolio,
        store_info=local.info,
        sync_status=through_store("admin.status", "sync_status"),
        store_is_empty=through_store("admin.status", "store_is_empty"),
        load_demo=through_store("ui_desk", "load_demo"),
        data_dir=paths.data_dir(),
        log_dir=paths.log_dir(),
        backups_dir=local.backups_dir,
        settings_file=settings.file,
        actor=None,
        desk=_DeskWhenOpen(opening, None),
        for_user=lambda other: build_services(opening.get(), other, settings),
        store_ready=opening.ready,
        load_wallets=through_store("admin.status", "portfolio_wallets"),
    )


def _load_demo_first(args: argparse.Namespace, store: Store, headless: bool) -> None:
    """--demo into an empty store before anything reads it, when nobody watches or --as needs its users.

    An interactive start without --as shows the window at once and loads the demo behind a progress dialog.
    """
    if not args.demo:
        return
    from kam_desktop.services import desk as ui_desk
    from kam_desktop.services.admin import status as ui_support
    if (headless or args.login) and ui_support.store_is_empty(store):
        log.info("loading the demo company")
        print("kam-desktop: loading the demo company…", file=sys.stderr)
        ui_desk.load_demo(store)


def _open_store(args: argparse.Namespace, headless: bool) -> Store | None:
    """The store at --db, migrated; on an environmental failure a clear message and None."""
    from sqlalchemy.exc import OperationalError

    from kam_desktop.store.engine import StoreLocationError
    from kam_desktop.store.migrate import DatabaseNewerError
    from kam_desktop.store.store import Store

    try:
        return Store.open(args.db)
    except DatabaseNewerError as error:
        _store_error(headless, str(error))
    except StoreLocationError as error:
        _store_error(headless, f"{error}.")
    except OperationalError as error:
        _store_error(headless, f"The data store could not be opened: {error.orig or error}.\n\n"
                     "If it is a file, check that the disk is not full and no other program locks it; "
                     "if it is a server, check the network and the address.")
    return None


def _store_error(headless: bool, message: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    log.error("cannot open the data store: %s", message)
    print(f"kam-desktop: {message}", file=sys.stderr)
    if not headless:
        QMessageBox.critical(None, QCoreApplication.translate("App", "KAM Desktop: data store"), message)


def build_services(store: Store, login: str | None, settings: UiSettings) -> AppServices | None:
    """Bind the services the windows call to the open store (None, after a message, for an unknown --as)."""
    from kam_desktop.services import desk as ui_desk
    from kam_desktop.services.admin import status as ui_support
    from kam_desktop.services.errors import ServiceError
    from kam_desktop.ui.context import AppServices

    if login is not None:
        from kam_desktop.services.people import get_user

        try:
            get_user(store, login)
        except ServiceError as error:
            _store_error(True, str(error))
            return None
    return AppServices(
        load_portfolio=lambda: ui_support.portfolio_for(store, login),
        load_wallets=lambda: ui_support.portfolio_wallets(store),
        store_info=ui_support.describe_store(store),
        sync_status=lambda: ui_support.sync_status(store),
        store_is_empty=lambda: ui_support.store_is_empty(store),
        load_demo=lambda: ui_desk.load_demo(store, actor=login or "admin"),
        data_dir=paths.data_dir(),
        log_dir=paths.log_dir(),
        backups_dir=store.backup_folder(),
        settings_file=settings.file,
        actor=login,
        desk=ui_desk.Desk(store, login),
        for_user=lambda other: build_services(store, other, settings),
    )


def _show(app: QApplication, args: argparse.Namespace, services: AppServices, settings: UiSettings,
          translators: Translators, headless: bool, opening: OpeningStore | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kam_desktop.ui.main_window import MainWindow
    from kam_desktop.ui.smoke import run_smoke

    window = MainWindow(services, settings, translators, interactive=not headless)
    try:
        if args.smoke_test:
            return run_smoke(window, SMOKE_TIMEOUT_MS, then=opening.get if opening else None)
        if args.screenshots:
            from kam_desktop.ui.screenshots import render_screens

            written = render_screens(window, args.screenshots)
            print("\n".join(str(path) for path in written))
            return EXIT_OK
        window.show()
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


def _open_after_first_paint(app: QApplication, window: MainWindow, opening: OpeningStore) -> None:
    """Open the store off the GUI thread after the first portfolio shows; a failure ends the app, explained."""
    from kam_desktop.ui.workers import run_task

    def failed(error: BaseException) -> None:
        log.error("opening the data store failed", exc_info=error)
        _store_error(False, f"The data store could not be opened: {error}")
        app.exit(EXIT_STORE)

    def start(*_outcome: object) -> None:  # after the first load, whether it showed rows or an error
        window.portfolio_loaded.disconnect(start)
        window.portfolio_failed.disconnect(start)
        run_task(lambda _ctx: opening.get(), lambda _store: window.store_opened(), failed, owner=window)

    window.portfolio_loaded.connect(start)
    window.portfolio_failed.connect(start)


if __name__ == "__main__":
    sys.exit(main())
