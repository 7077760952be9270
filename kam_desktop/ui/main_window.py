"""The main window: portfolio and account pane in a splitter, menus offering what the person's role may do,
help (guide, shortcuts, about), status bar; layout remembered."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

# Dialogs, QUrl and QDesktopServices are imported where they are used: a Qt class named here is made (with its
# enums) as the module loads, before the first paint.
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabBar,
    QTabWidget,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.plain import AccountWallet, PortfolioRow
from kam_desktop.ui import settings as keys
from kam_desktop.ui.account_pane import AccountPane
from kam_desktop.ui.context import AppServices
from kam_desktop.ui.finance_menu import FinanceMenu
from kam_desktop.ui.i18n import LANGUAGES, Formats, Retranslating, Translators, fill
from kam_desktop.ui.icon import app_icon
from kam_desktop.ui.portfolio_view import PortfolioView
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.screens import Screens
from kam_desktop.ui.settings import UiSettings
from kam_desktop.ui.team_sync import TeamSync
from kam_desktop.ui.workers import Task, run_task

if TYPE_CHECKING:
    from kam_desktop.ui.help import AboutDialog, GuideDialog, ShortcutsDialog
    from kam_desktop.ui.import_dialog import ImportDialog
    from kam_desktop.ui.settings_dialog import SettingsDialog
    from kam_desktop.ui.statements_batch import StatementsBatchDialog
    from kam_desktop.ui.team_dialogs import ConflictsDialog, ConnectDialog

log = logging.getLogger(__name__)


class MainWindow(Retranslating, QMainWindow):
    """`interactive=False` (smoke test, screenshots) never opens a dialog: failures are logged only."""

    portfolio_loaded = Signal(int)
    portfolio_failed = Signal(str)
    language_changed = Signal(str)
    wallets_loaded = Signal(int)  # the portfolio's share of wallet and slot values arrived (accounts with slots)
    job_finished = Signal(str)  # a long job (grading, quarter close) ended: what happened, in words
    search_keys_loaded = Signal(int)  # tax IDs and contacts arrived for the search (accounts with some)
    exported = Signal(str)  # the portfolio view was written to a file (its path), or why not

    def __init__(self, services: AppServices, settings: UiSettings, translators: Translators,
                 *, interactive: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services, self.settings, self.translators = services, settings, translators
        self.interactive = interactive
        self.formats = Formats(translators.language)
        self._tasks: list[Task] = []
        self._wallet_task: Task | None = None
        self._keys_task: Task | None = None
        self.setWindowIcon(app_icon())
        self.portfolio = PortfolioView(self.formats, self)
        self.account_pane = AccountPane(self.formats, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.portfolio)
        self.splitter.addWidget(self.account_pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1110, 270])
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.addTab(self.splitter, "")
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)  # the portfolio stays
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.setCentralWidget(self.tabs)
        self.screens = Screens(self)
        self.tabs.tabCloseRequested.connect(self.screens.close_tab)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.portfolio.account_opened.connect(lambda row: self.open_account(row.code))
        self.portfolio.current_row_changed.connect(self._on_portfolio_current_row_changed)
        self.portfolio.visible_count_changed.connect(self._on_portfolio_visible_count_changed)
        self.portfolio.saved_filters = settings.saved_filters()
        self.portfolio.filters_changed.connect(
            lambda: self.settings.set_saved_filters(dict(self.portfolio.saved_filters)))
        self.portfolio.import_requested.connect(self.open_import)
        self.portfolio.demo_requested.connect(self.offer_demo)
        self._build_actions()
        self._build_menus()
        self.finance = FinanceMenu(self)  # close, settlement, liability: for the roles that may use them
        self.team = TeamSync(lambda: self.services.desk, self)  # syncs off the GUI thread, F9 and every few minutes
        self.team.finished.connect(self._on_synced)
        self.team.failed.connect(self._on_sync_failed)
        self._build_status_bar()
        self._on_tabs_current_changed(0)
        self.retranslate()
        self.restore_layout()

    # -- construction ----------------------------------------------------------------------------------
    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: object) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_refresh = self._action(QKeySequence.StandardKey.Refresh, self.refresh)
        self.act_find = self._action(QKeySequence.StandardKey.Find, self.find_account)
        self.act_open_account = self._action(None, self._open_selected_account)
        self.act_new_exception = self._action(QKeySequence.StandardKey.New, self.new_exception)
        self.act_print = self._action(QKeySequence.StandardKey.Print, self.print_documents)
        self.act_sync = self._action("F9", self.sync_now)
        self.act_connect = self._action(None, self.connect_team_server)
        self.act_conflicts = self._action(None, self.open_conflicts)
        self.act_import = self._action("Ctrl+I", self.open_import)
        self.act_statements = self._action(None, self.open_statements_batch)
        self.act_statements.setObjectName("actionIssueStatements")
        self.act_close_tab = self._action(None, lambda: self.screens.close_tab(self.tabs.currentIndex()))
        self.act_close_tab.setShortcut(QKeySequence("Ctrl+W"))
        self.act_go_portfolio = self._action("Ctrl+1", lambda: self.tabs.setCurrentIndex(0))
        self.act_go_approvals = self._action("Ctrl+2", self.screens.open_inbox)
        self.act_go_dashboard = self._action("Ctrl+3", self.screens.open_dashboard)
        self.act_simulator = self._action("Ctrl+Shift+W", self.screens.open_simulator)
        self.act_grade_now = self._action(None, self.screens.grade_now)
        self.act_close_quarter = self._action(None, lambda: self.screens.close_quarter())
        self.act_settings = self._action("Ctrl+,", self.open_settings)
        self.act_demo = self._action(None, self.offer_demo)
        self.act_quit = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_data_folder = self._action(None, lambda: self._open_folder(str(self.services.data_dir)))
        self.act_log_folder = self._action(None, lambda: self._open_folder(str(self.services.log_dir)))
        self.act_backup_now = self._action(None, self.back_up_now)
        self.act_restore_backup = self._action(None, self.restore_backup)
        local = self.services.backups_dir is not None and not self.services.store_info.is_server
        self.act_backup_now.setEnabled(local)
        self.act_restore_backup.setEnabled(local)
        self.act_reset_columns = self._action(None, lambda: self.portfolio.reset_columns())
        self.act_export_view = self._action("Ctrl+E", self.export_view)
        self.act_guide = self._action(QKeySequence.StandardKey.HelpContents, self.show_guide)
        self.act_shortcuts = self._action("Ctrl+F1", self.show_shortcuts)
        self.act_about = self._action(None, self.show_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == self.translators.language)
            action.triggered.connect(lambda _checked=False, lang=code: self.set_language(lang))
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_refresh)
        self.menu_file.addAction(self.act_import)
        self.menu_file.addAction(self.act_statements)
        self.menu_file.addAction(self.act_export_view)
        self.menu_file.addAction(self.act_sync)
        self.menu_file.addAction(self.act_connect)
        self.menu_file.addAction(self.act_conflicts)
        self.menu_file.addAction(self.act_print)
        self.menu_file.addAction(self.act_demo)
        self.menu_act_as = QMenu(self.menu_file)
        self.menu_act_as.aboutToShow.connect(self.screens.fill_user_menu)
        self.menu_file.addMenu(self.menu_act_as)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_data_folder)
        self.menu_file.addAction(self.act_log_folder)
        self.menu_file.addAction(self.act_backup_now)
        self.menu_file.addAction(self.act_restore_backup)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_settings)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_find)
        self.menu_columns = QMenu(self.menu_view)
        self.menu_columns.aboutToShow.connect(self._on_menu_columns_about_to_show)
        self.menu_view.addMenu(self.menu_columns)
        self.menu_view.addAction(self.act_reset_columns)
        self.menu_view.addSeparator()
        self.menu_language = self.menu_view.addMenu("")
        self.menu_language.addActions(self.language_group.actions())
        self.menu_go = bar.addMenu("")
        for action in (self.act_go_portfolio, self.act_go_approvals, self.act_go_dashboard, self.act_close_tab):
            self.menu_go.addAction(action)
        self.menu_account = bar.addMenu("")
        self.menu_account.addAction(self.act_open_account)
        self.menu_account.addAction(self.act_new_exception)
        self.menu_tools = bar.addMenu("")
        self.menu_tools.addAction(self.act_simulator)
        self.menu_tools.addSeparator()
        self.menu_tools.addAction(self.act_grade_now)
        self.menu_tools.addAction(self.act_close_quarter)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_guide)
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addSeparator()
        self.menu_help.addAction(self.act_about)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.store_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.count_label = QLabel(self)
        self.user_label = QLabel(self)
        for label in (self.count_label, self.user_label, self.sync_label, self.store_label):
            label.setContentsMargins(6, 0, 6, 0)
            status.addPermanentWidget(label)

    # -- portfolio ---------------------------------------------------------------------------------------
    def load_portfolio(self) -> Task | None:
        """Load the portfolio off the GUI thread; `portfolio_loaded` / `portfolio_failed` tell the outcome.

        Rows already at hand (a quick start's first read, done while the window was built) are shown at once:
        the window then paints once, with them, instead of empty first.
        """
        rows = self.services.portfolio_at_hand()
        if rows is not None:
            self._on_portfolio_done(rows)
            return None
        self.statusBar().showMessage(self.tr("Loading the portfolio…"))
        self.act_refresh.setEnabled(False)
        return self._track(run_task(lambda _ctx: self.services.load_portfolio(), self._on_portfolio_done,
                                    self._on_portfolio_error))

    def _track(self, task: Task) -> Task:
        """Keep `task` until it ends, so closing the window cancels it."""
        self._tasks.append(task)
        task.relay.ended.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        return task

    def _on_portfolio_done(self, rows: list[PortfolioRow]) -> None:
        self.portfolio.set_rows(rows)
        self.act_refresh.setEnabled(True)
        self.statusBar().clearMessage()
        self._update_sync_label()
        self.portfolio_loaded.emit(len(rows))
        self._load_wallets()
        self._load_search_keys()

    def _load_wallets(self) -> None:
        """The potential columns (share of wallet, slot value) after the rows: they take longer to read."""
        load = self.services.load_wallets
        if load is None or not self.services.store_ready() or not self.portfolio.model.rowCount():
            return  # store_opened() comes back to it
        if self._wallet_task is not None:
            self._wallet_task.cancel()  # an older read would show figures of an older portfolio
        self._wallet_task = self._track(run_task(lambda _ctx: load(), self._on_wallets_done,
                                                 self._on_wallets_error, owner=self))

    def _load_search_keys(self) -> None:
        """Tax IDs and contacts for the search, after the rows (a KAM's own accounts' only)."""
        load = self.services.load_search_keys
        if load is None or not self.services.store_ready() or not self.portfolio.model.rowCount():
            return  # store_opened() comes back to it
        if self._keys_task is not None:
            self._keys_task.cancel()
        self._keys_task = self._track(run_task(lambda _ctx: load(), self._on_search_keys_done,
                                               self._on_search_keys_error, owner=self))

    def _on_search_keys_done(self, keys: Mapping[str, str]) -> None:
        self._keys_task = None
        self.portfolio.set_search_keys(keys)
        self.search_keys_loaded.emit(len(keys))

    def _on_search_keys_error(self, error: BaseException) -> None:
        self._keys_task = None
        log.error("reading the portfolio's tax IDs and contacts failed", exc_info=error)

    def _on_wallets_done(self, wallets: Mapping[str, AccountWallet]) -> None:
        self._wallet_task = None
        self.portfolio.model.set_wallets(wallets)
        self.wallets_loaded.emit(len(wallets))

    def _on_wallets_error(self, error: BaseException) -> None:
        self._wallet_task = None
        log.error("reading the portfolio's potential failed", exc_info=error)
        self.statusBar().showMessage(fill(self.tr("The share of wallet and slot values could not be read: {reason}"),
                                          reason=refusal_text(error)), 10_000)

    def _on_portfolio_error(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.act_refresh.setEnabled(True)
        log.error("loading the portfolio failed", exc_info=error)
        message = fill(self.tr("The portfolio could not be loaded: {reason}"), reason=refusal_text(error))
        self.statusBar().showMessage(message)
        if self.interactive:
            QMessageBox.warning(self, self.tr("Portfolio"), message + "\n\n" + self.tr(
                "Check that the data store is reachable, then press F5 to try again."))
        self.portfolio_failed.emit(str(error))

    def _on_portfolio_current_row_changed(self, row: PortfolioRow | None) -> None:
        self.account_pane.show_row(row)

    def _on_portfolio_visible_count_changed(self, shown: int, total: int) -> None:
        self.count_label.setText(fill(self.tr("Accounts: {shown} / {total}"), shown=self.formats.number(shown),
                                      total=self.formats.number(total)))

    # -- screens ----------------------------------------------------------------------------------------
    def open_account(self, code: str) -> object:
        """Open (or bring forward) the account's workspace tab."""
        return self.screens.open_account(code)

    def _open_selected_account(self) -> None:
        row = self.portfolio.current_row()
        if row is not None:
            self.open_account(row.code)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.act_new_exception.setEnabled(self.screens.current_workspace() is not None)

    def refresh(self) -> None:
        """F5: the portfolio and the screen in front."""
        self.load_portfolio()
        self.screens.refresh_current()

    def find_account(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.portfolio.focus_search()

    def new_exception(self) -> None:
        workspace = self.screens.current_workspace()
        if workspace is not None:
            workspace.new_exception()

    def print_documents(self) -> None:
        """Ctrl+P: in an account, its documents (the selected one opens in the PDF viewer to print)."""
        workspace = self.screens.current_workspace()
        if workspace is None:
            self._tell(self.tr("Open an account first: its agreement, annexes and statements print from its "
                               "Documents tab."))
            return
        workspace.print_documents()

    # -- the team server -------------------------------------------------------------------------------------
    def sync_now(self) -> Task | None:
        """F9: sync with the team server in the background; a laptop not yet connected asks where to first."""
        bound = self.services.desk.team_binding()
        if bound is None:
            self.statusBar().showMessage(self.tr("This laptop is not connected to a team server yet."), 10_000)
            self.connect_team_server()
            return None
        self.statusBar().showMessage(self.tr("Syncing with the team server…"))
        return self.team.start(bound.server, bound.login)

    def connect_team_server(self) -> ConnectDialog:
        # its widgets load when first opened, not at start
        from kam_desktop.ui.team_dialogs import ConnectDialog

        dialog = ConnectDialog(self.services.desk, self)
        dialog.accepted.connect(lambda: self._first_sync(*dialog.entered()))
        if self.interactive:
            dialog.open()
        return dialog

    def _first_sync(self, server: str, login: str, password: str) -> Task | None:
        self.statusBar().showMessage(self.tr("Syncing with the team server…"))
        return self.team.start(server, login, password or None)

    def open_conflicts(self) -> ConflictsDialog:
        from kam_desktop.ui.team_dialogs import ConflictsDialog

        dialog = ConflictsDialog(self.services.desk, self.formats, self)
        dialog.changed.connect(self._update_sync_label)
        if self.interactive:
            dialog.open()
        return dialog

    def _on_synced(self, report: object) -> None:
        bound = self.services.desk.team_binding()
        if bound is not None and bound.login != self.services.desk.login:
            self.screens.switch_user(bound.login)  # a laptop acts as the person who connected it
        else:
            self.load_portfolio()
        synced = fill(
            self.tr("Synced: {pushed} sent, {pulled} received, {conflicts} new conflicts."),
            pushed=self.formats.number(report.pushed), pulled=self.formats.number(report.pulled),  # type: ignore[attr-defined]
            conflicts=self.formats.number(report.conflicts))  # type: ignore[attr-defined]
        encryption = getattr(report, "encryption", "")
        if encryption == "encrypted":
            synced += " " + self.tr("This laptop's data store is encrypted now.")
        elif encryption in ("no_vault", "in_use", "failed"):
            synced += " " + self.tr("This laptop's data store is not encrypted yet (no password store on this "
                                    "computer, the store was busy, or converting it failed): it is tried again at "
                                    "the next sync.")
        self.statusBar().showMessage(synced, 15_000)
        self._update_sync_label()
        self.apply_role()

    def _on_sync_failed(self, reason: str) -> None:
        self.statusBar().showMessage(fill(self.tr("Not synced: {reason}"), reason=reason), 15_000)
        self._update_sync_label()
    def keep_daily_backup(self) -> None:
        """Once a business day, in the background: a verified automatic backup (kept 14 days)."""
        if self.services.backups_dir is None or self.services.store_info.is_server:
            return

        def failed(error: BaseException) -> None:  # a backup that cannot be made must not stop the work
            log.warning("the daily backup was not made: %s", error)
            self.statusBar().showMessage(fill(self.tr("No backup was made: {reason}"),
                                              reason=refusal_text(error)), 10_000)

        run_task(lambda _ctx: self.services.desk.keep_daily_backup(), lambda _path: None, failed, owner=self)

    def back_up_now(self) -> Path | None:
        """File › Back up now: a verified copy into the backups folder, the one a damaged store offers first."""
        try:
            path = self.services.desk.backup_now()
        except ServiceError as error:
            self._tell(fill(self.tr("No backup was made: {reason}"), reason=refusal_text(error)))
            return None
        self._tell(fill(self.tr("A verified backup was written to {path}."), path=str(path)))
        return path

    def restore_backup(self, source: Path | None = None) -> Path | None:
        """File › Restore backup…: pick a backup, confirm, restore; the current content is saved first."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if source is None:
            folder = str(self.services.backups_dir or "")
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Restore backup"), folder,
                                                    self.tr("KAM Desktop backups (*.sqlite)"))
            if not chosen:
                return None
            source = Path(chosen)
        if self.interactive and QMessageBox.question(self, self.tr("Restore backup"), fill(self.tr(
                "Replace all the data with the backup {path}? The current content is saved first."),
                path=str(source))) != QMessageBox.StandardButton.Yes:
            return None
        try:
            safety = self.services.desk.restore(source)
        except ServiceError as error:
            self._tell(fill(self.tr("The backup was not restored: {reason}"), reason=refusal_text(error)))
            return None
        self.refresh()  # the portfolio of the restored content
        self._tell(fill(self.tr("Restored from {path}; the previous content was saved to {safety}."),
                        path=str(source), safety=str(safety)))
        return safety

    def _tell(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(text, 10_000)
        if self.interactive:
            QMessageBox.information(self, "KAM Desktop", text)

    def store_opened(self) -> None:
        """The store behind a quick start is open: fill in what could not be shown before it."""
        self.update_user_label()
        self._update_sync_label()
        self._load_wallets()
        self._load_search_keys()

    def update_user_label(self) -> None:
        if not self.services.store_ready():
            return  # store_opened() comes back to it
        actor = self.services.desk.actor
        self.user_label.setText(fill(self.tr("Acting as: {name}"), name=f"{actor.name} ({actor.login})"))
        self.apply_role()

    def desk_changed(self) -> None:
        """Another person acts now: offer what their role may do."""
        self.apply_role()

    def apply_role(self) -> None:
        """Offer only the actions the acting person's role may take (the services refuse the others anyway)."""
        if not self.services.store_ready():
            return  # a quick start acts as the administrator, who may do everything: store_opened() comes back
        desk = self.services.desk
        shown = {
            self.act_close_quarter: desk.may(UseCase.CLOSE_QUARTER),
            self.act_grade_now: desk.may(UseCase.APPLY_GRADES),
            self.act_simulator: desk.may(UseCase.VIEW_REPORTS),
            self.act_go_approvals: desk.may(UseCase.DECIDE_EXCEPTION),
            self.act_new_exception: desk.may(UseCase.REQUEST_EXCEPTION),
            self.act_import: any(desk.may(u) for u in (UseCase.IMPORT_ACCOUNTS, UseCase.IMPORT_SALES,
                                                       UseCase.IMPORT_CRM, UseCase.IMPORT_BALANCES)),
            self.act_export_view: desk.may(UseCase.EXPORT_PORTFOLIO),
        }
        for action, visible in shown.items():
            action.setVisible(visible)
        self.menu_tools.menuAction().setVisible(any(a.isVisible() for a in self.menu_tools.actions()
                                                    if not a.isSeparator()))
        self.act_go_dashboard.setText(self.tr("&Dashboard") if desk.may(UseCase.VIEW_REPORTS)
                                      else self.tr("&My portfolio dashboard"))
        self.finance.refresh()  # the Finance menu offers what the role may do

    # -- demo ------------------------------------------------------------------------------------------
    def offer_demo_if_empty(self) -> None:
        """At the first start (no accounts yet) offer the demo company."""
        if self.interactive and self.services.store_is_empty():
            self.offer_demo()

    def offer_demo(self) -> bool:
        """Ask whether to load the demo company into an empty store; returns whether loading started."""
        from PySide6.QtWidgets import QMessageBox

        if not self.services.store_is_empty():
            if self.interactive:
                QMessageBox.information(self, self.tr("Demo data"), self.tr(
                    "This data store already has accounts. The demo company can only be loaded into an "
                    "empty store: start KAM Desktop with --db and a new file to try it."))
            return False
        if not self.interactive:
            return False
        answer = QMessageBox.question(self, self.tr("Demo data"), self.tr(
            "This data store has no accounts yet.\n\nLoad the demo company (KAMs, 200+ accounts, three years "
            "of sales, benefits and exception requests) to explore KAM Desktop?"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.load_demo()
        return True

    def load_demo(self) -> Task:
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        progress = QProgressDialog(self.tr("Loading the demo company…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("Demo data"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()

        def done(_result: object) -> None:
            progress.close()
            self.load_portfolio()

        def failed(error: BaseException) -> None:
            progress.close()
            log.error("loading the demo failed", exc_info=error)
            if self.interactive:
                QMessageBox.warning(self, self.tr("Demo data"), fill(self.tr(
                    "The demo company could not be loaded: {reason}\n\nNothing was changed in the data store."),
                    reason=refusal_text(error)))

        return run_task(lambda _ctx: self.services.load_demo(), done, failed)

    # -- language and settings ---------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the UI language now (translators + Babel formats) and remember it."""
        from PySide6.QtWidgets import QMessageBox

        if not self.translators.switch(language) and self.interactive:
            QMessageBox.warning(self, "KAM Desktop", f"The {LANGUAGES[language]} translation is missing.")
        self.settings.set_language(language)
        self.formats = Formats(language)
        self.portfolio.set_formats(self.formats)
        self.account_pane.set_formats(self.formats)
        self.screens.set_formats()
        self.language_actions[language].setChecked(True)
        # Qt posts LanguageChange to every widget; deliver them now so the whole UI changes at once.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.retranslate()
        self.language_changed.emit(language)

    def open_settings(self) -> SettingsDialog:
        from kam_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self.translators.language, self)
        dialog.language_chosen.connect(self.set_language)
        if self.interactive:
            dialog.open()
        return dialog

    def open_import(self) -> ImportDialog:
        """File › Import…: preview a file, see its errors by row, apply it; the portfolio reloads after."""
        from kam_desktop.ui.import_dialog import ImportDialog  # pandas loads on first use, not at start

        dialog = ImportDialog(self.services.desk.importer(), self.formats, self, interactive=self.interactive)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, self.interactive)
        dialog.imported.connect(lambda _report: self.refresh())
        if self.interactive:
            dialog.open()
        return dialog

    def open_statements_batch(self) -> StatementsBatchDialog:
        """File › Issue quarterly statements…: the quarter's statements of the portfolio, in the background."""
        from kam_desktop.ui.statements_batch import StatementsBatchDialog  # reportlab loads on first use

        dialog = StatementsBatchDialog(self.services.desk, self.formats, self, interactive=self.interactive)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, self.interactive)
        dialog.batch_done.connect(lambda _batch: self.refresh())
        if self.interactive:
            dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        """The version and the licences of the bundled libraries."""
        from kam_desktop.ui.help import AboutDialog  # importlib.metadata: not before the first paint

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, self.interactive)
        if self.interactive:
            dialog.open()
        return dialog

    def show_guide(self) -> GuideDialog:
        """F1: the short user guide in the UI language."""
        from kam_desktop.ui.help import GuideDialog

        dialog = GuideDialog(self.translators.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, self.interactive)
        if self.interactive:
            dialog.show()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        """Every keyboard shortcut, from the actions themselves (so the list cannot go stale)."""
        from kam_desktop.ui.help import ShortcutsDialog

        keys = QKeySequence(QKeySequence.StandardKey.Copy).toString(QKeySequence.SequenceFormat.NativeText)
        extra = [(self.tr("Open the account (in the portfolio or the search box)"), self.tr("Enter")),
                 (self.tr("From the search box to the first result"), self.tr("Down")),
                 (self.tr("Copy the selected accounts"), keys),
                 (self.tr("Clear the search"), self.tr("Esc"))]
        dialog = ShortcutsDialog([a for a in self.findChildren(QAction) if a.isVisible()], extra, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, self.interactive)
        if self.interactive:
            dialog.open()
        return dialog

    def export_view(self, path: Path | None = None) -> Task | None:
        """Ctrl+E: the portfolio as shown (filtered, sorted, visible columns) to an Excel (or CSV) file."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if path is None:
            if not self.interactive:
                return None
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the portfolio view"), str(Path.home() / "portfolio.xlsx"),
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
            if not chosen:
                return None
            path = Path(chosen)
        headers, rows = self.portfolio.view_table()
        target = path

        def done(count: int) -> None:
            message = fill(self.tr("{count} accounts exported to {file}."), count=self.formats.number(count),
                           file=target.name)
            if self.services.desk.store_info().encrypted:  # encryption at rest covers the store, not the file
                message += " " + self.tr("The file is not encrypted (the store is): keep it safe.")
            self.statusBar().showMessage(message, 15_000)
            self.exported.emit(str(target))

        def failed(error: BaseException) -> None:
            message = fill(self.tr("The view was not exported: {reason}"), reason=refusal_text(error))
            self.statusBar().showMessage(message, 15_000)
            if self.interactive:
                QMessageBox.warning(self, "KAM Desktop", message)
            self.exported.emit("")

        return self._track(run_task(lambda _ctx: self.services.desk.export_view(target, headers, rows), done, failed,
                                    owner=self))

    def _open_folder(self, path: str) -> bool:
        """Open `path` in the file manager; if nothing opened it, say where it is and copy the path instead."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        if QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            return True
        log.warning("no program opened the folder %s", path)
        QGuiApplication.clipboard().setText(path)
        message = fill(self.tr("The folder could not be opened here. Its path was copied to the clipboard:\n{path}"),
                       path=path)
        self.statusBar().showMessage(message.replace("\n", " "))
        if self.interactive:
            QMessageBox.information(self, self.tr("Open folder"), message)
        return False

    def _on_menu_columns_about_to_show(self) -> None:
        self.menu_columns.clear()
        chooser = self.portfolio.column_menu()
        for action in chooser.actions():
            self.menu_columns.addAction(action)
        chooser.setParent(self.menu_columns)

    # -- status bar ---------------------------------------------------------------------------------------
    def _update_store_label(self) -> None:
        info = self.services.store_info
        if info.is_server:
            self.store_label.setText(fill(self.tr("Server: {location}"), location=info.location))
        else:
            name = info.file.name if info.file else info.location
            self.store_label.setText(fill(self.tr("Local file: {name}"), name=name))
        self.store_label.setToolTip(info.location)

    def _update_sync_label(self) -> None:
        if not self.services.store_ready():
            return  # store_opened() comes back to it
        try:
            state = self.services.sync_status()
        except Exception:  # noqa: BLE001 - the status bar must not take the window down
            log.exception("reading the sync state failed")
            return
        if state.server is None:
            text = self.tr("Offline · no team server")
        elif state.last_sync is None:
            text = self.tr("Offline · never synced")
        else:
            online = self.tr("Online") if self.team.online is not False else self.tr("Offline")
            text = online + " · " + fill(self.tr("Last sync: {day} {time}"), day=self.formats.date(
                state.last_sync.date()), time=state.last_sync.astimezone().strftime("%H:%M"))
        if state.pending_changes:
            text += " · " + self.tr("%n change(s) waiting", "", state.pending_changes)
        if state.open_conflicts:
            text += " · " + self.tr("%n conflict(s)", "", state.open_conflicts)
        self.act_conflicts.setEnabled(state.server is not None)
        # "Act as" only where no server proves who is at the keyboard: a solo or demo store
        self.menu_act_as.menuAction().setVisible(state.server is None)
        if state.server is not None and not self.team.timer.isActive():
            self.team.timer.start()
        self.sync_label.setText(text)

    # -- layout memory ------------------------------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.blob(keys.WINDOW_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(QSize(1320, 780))
        if state := self.settings.blob(keys.WINDOW_STATE):
            self.restoreState(state)
        if splitter := self.settings.blob(keys.SPLITTER_STATE):
            self.splitter.restoreState(splitter)
        self.portfolio.restore_header_state(self.settings.blob(keys.PORTFOLIO_HEADER))

    def save_layout(self) -> None:
        self.settings.set_blob(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set_blob(keys.WINDOW_STATE, self.saveState())
        self.settings.set_blob(keys.SPLITTER_STATE, self.splitter.saveState())
        self.settings.set_blob(keys.PORTFOLIO_HEADER, self.portfolio.header_state())
        self.screens.remember_all()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.save_layout()
        for task in list(self._tasks):
            task.cancel()
        QThreadPool.globalInstance().waitForDone(5000)
        super().closeEvent(event)

    # -- language -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KAM Desktop — Portfolio (portable)") if self.services.portable
                            else self.tr("KAM Desktop — Portfolio"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.menu_columns.setTitle(self.tr("&Columns"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.act_refresh.setText(self.tr("&Refresh portfolio"))
        self.act_find.setText(self.tr("&Find account…"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_demo.setText(self.tr("Load &demo data…"))
        self.act_import.setText(self.tr("&Import…"))
        self.act_statements.setText(self.tr("Issue quarterly &statements…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_data_folder.setText(self.tr("Open &data folder"))
        self.act_backup_now.setText(self.tr("Back &up now"))
        self.act_restore_backup.setText(self.tr("&Restore backup…"))
        self.act_log_folder.setText(self.tr("Open &log folder"))
        self.act_reset_columns.setText(self.tr("Reset column &layout"))
        self.act_about.setText(self.tr("&About KAM Desktop"))
        self.act_guide.setText(self.tr("&User guide"))
        self.act_shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.act_export_view.setText(self.tr("&Export the portfolio view…"))
        self.menu_go.setTitle(self.tr("&Go"))
        self.menu_account.setTitle(self.tr("&Account"))
        self.menu_tools.setTitle(self.tr("&Tools"))
        self.menu_act_as.setTitle(self.tr("Act &as"))
        self.act_open_account.setText(self.tr("&Open account"))
        self.act_open_account.setShortcutVisibleInContextMenu(True)
        self.act_new_exception.setText(self.tr("&New exception request…"))
        self.act_print.setText(self.tr("&Print documents…"))
        self.act_sync.setText(self.tr("S&ync with the team server"))
        self.act_connect.setText(self.tr("&Connect to team server…"))
        self.act_conflicts.setText(self.tr("Sync &conflicts…"))
        self.act_close_tab.setText(self.tr("&Close tab"))
        self.act_go_portfolio.setText(self.tr("&Portfolio"))
        self.act_go_approvals.setText(self.tr("&Approvals inbox"))
        self.act_go_dashboard.setText(self.tr("&Dashboard"))
        self.act_simulator.setText(self.tr("&What-if simulator…"))
        self.act_grade_now.setText(self.tr("&Grade the portfolio now"))
        self.act_close_quarter.setText(self.tr("&Close a quarter…"))
        self.screens.retranslate()
        self.finance.retranslate()
        self.update_user_label()
        self._update_store_label()
        self._update_sync_label()
        self._on_portfolio_visible_count_changed(self.portfolio.proxy.rowCount(), self.portfolio.model.rowCount())
