"""The main window's screens beyond the portfolio: account workspaces, approvals inbox and dashboard in
tabs, the simulator, long jobs (grading, quarter close) with progress and cancel, acting as another user."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol, cast

# Dialogs are imported where they are used: a Qt class named here is made (with its enums) before the first paint.
from PySide6.QtCore import QByteArray, QObject, Qt, SignalInstance
from PySide6.QtWidgets import (
    QMenu,
    QSplitter,
    QStatusBar,
    QTableView,
    QTabWidget,
    QWidget,
)

from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.context import AppServices
from kam_desktop.ui.i18n import Formats, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.settings import UiSettings
from kam_desktop.ui.workers import Task, TaskContext, run_task

if TYPE_CHECKING:  # the screens load when first opened: QtCharts and their services stay out of the start
    from PySide6.QtWidgets import QProgressDialog

    from kam_desktop.services.desk import Desk
    from kam_desktop.ui.account_workspace import AccountWorkspace
    from kam_desktop.ui.approvals_inbox import ApprovalsInbox
    from kam_desktop.ui.dashboard import Dashboard
    from kam_desktop.ui.simulator_dialog import SimulatorDialog

log = logging.getLogger(__name__)
LAYOUT_PREFIX = "layout/"


class Host(Protocol):
    """What the screens need of the main window (a protocol: the window imports the screens, not back)."""

    services: AppServices
    settings: UiSettings
    formats: Formats
    interactive: bool
    tabs: QTabWidget
    menu_act_as: QMenu
    job_finished: SignalInstance

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt API

    def load_portfolio(self) -> Task | None: ...

    def update_user_label(self) -> None: ...

    def desk_changed(self) -> None: ...


class Screens(QObject):
    """Owns the tabs next to the portfolio; remembers their column and splitter layouts."""

    def __init__(self, window: Host) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the host is the main window, a QObject
        self.window = window
        self.parent_widget = cast(QWidget, window)  # the main window: a QWidget that the Host protocol describes
        self.workspaces: dict[str, AccountWorkspace] = {}
        self.inbox: ApprovalsInbox | None = None
        self.dashboard: Dashboard | None = None
        self.simulator: SimulatorDialog | None = None
        self.job: Task | None = None
        self.job_progress: QProgressDialog | None = None

    @property
    def desk(self) -> Desk:
        return self.window.services.desk

    # -- tabs ---------------------------------------------------------------------------------------------
    def open_account(self, code: str) -> AccountWorkspace:
        from kam_desktop.ui.account_workspace import AccountWorkspace

        tabs = self.window.tabs
        if code in self.workspaces:
            tabs.setCurrentWidget(self.workspaces[code])
            return self.workspaces[code]
        folder = self.window.services.data_dir / "documents"
        workspace = AccountWorkspace(self.desk, code, self.window.formats, tabs, folder)
        workspace.changed.connect(self.window.load_portfolio)
        self.workspaces[code] = workspace
        tabs.addTab(workspace, code)
        tabs.setCurrentWidget(workspace)
        self.restore(workspace)
        workspace.loaded.connect(lambda: self._title_workspace(workspace))
        workspace.reload()
        return workspace

    def _title_workspace(self, workspace: AccountWorkspace) -> None:
        index = self.window.tabs.indexOf(workspace)
        if index >= 0 and workspace.data is not None:
            name = workspace.data.card.summary.name
            self.window.tabs.setTabText(index, name if len(name) <= 28 else name[:26] + "…")
            self.window.tabs.setTabToolTip(index, f"{workspace.code} · {name}")

    def open_inbox(self) -> ApprovalsInbox:
        from kam_desktop.ui.approvals_inbox import ApprovalsInbox

        if self.inbox is None:
            self.inbox = ApprovalsInbox(self.desk, self.window.formats, self.window.tabs)
            self.inbox.decided.connect(lambda _n: self.window.load_portfolio())
            self.inbox.account_opened.connect(self.open_account)
            self.window.tabs.addTab(self.inbox, "")
            self.restore(self.inbox)
            self.retranslate()
        self.window.tabs.setCurrentWidget(self.inbox)
        self.inbox.reload()
        return self.inbox

    def open_dashboard(self) -> Dashboard:
        from kam_desktop.ui.dashboard import Dashboard

        if self.dashboard is None:
            self.dashboard = Dashboard(self.desk, self.window.formats, self.window.tabs)
            self.window.tabs.addTab(self.dashboard, "")
            self.restore(self.dashboard)
            self.retranslate()
            self.dashboard.reload()
        self.window.tabs.setCurrentWidget(self.dashboard)
        return self.dashboard

    def close_tab(self, index: int) -> None:
        widget = self.window.tabs.widget(index)
        if index == 0 or widget is None:
            return
        page: QWidget = widget  # (the comparisons with optional screens below would widen `widget` again)
        self.remember(page)
        self.window.tabs.removeTab(index)
        code = next((c for c, w in self.workspaces.items() if w is widget), None)
        if code is not None:
            self.workspaces.pop(code)
        elif widget is self.inbox:
            self.inbox = None
        elif widget is self.dashboard:
            self.dashboard = None
        page.deleteLater()

    def current_workspace(self) -> AccountWorkspace | None:
        widget = self.window.tabs.currentWidget()
        return widget if widget in self.workspaces.values() else None  # type: ignore[return-value]

    def refresh_current(self) -> None:
        widget = self.window.tabs.currentWidget()
        if widget in (*self.workspaces.values(), self.inbox, self.dashboard):
            widget.reload()

    def set_formats(self) -> None:
        formats = self.window.formats
        for widget in (*self.workspaces.values(), self.inbox, self.dashboard):
            if widget is not None:
                widget.set_formats(formats)

    def retranslate(self) -> None:
        tabs = self.window.tabs
        tabs.setTabText(0, self.tr("Portfolio"))
        if self.inbox is not None:
            tabs.setTabText(tabs.indexOf(self.inbox), self.tr("Approvals"))
        if self.dashboard is not None:
            tabs.setTabText(tabs.indexOf(self.dashboard), self.tr("My portfolio") if self.dashboard.is_portfolio()
                            else self.tr("Dashboard"))

    # -- acting as another person ------------------------------------------------------------------------
    def switch_user(self, login: str) -> None:
        """Act as `login` from now on: the portfolio, open workspaces and the inbox follow."""
        services = self.window.services
        if services.for_user is None:
            return
        other = services.for_user(login)
        if other is None:  # an unknown login (the reason is logged): stay who we are
            return
        self.window.services = other
        for widget in self.workspaces.values():
            widget.set_desk(self.desk)
        if self.inbox is not None:
            self.inbox.set_desk(self.desk)
        if self.dashboard is not None:
            self.dashboard.set_desk(self.desk)
        self.retranslate()
        self.window.load_portfolio()
        for widget in self.workspaces.values():
            widget.reload()
        self.window.update_user_label()
        self.window.desk_changed()

    def fill_user_menu(self) -> None:
        menu = self.window.menu_act_as
        menu.clear()
        current = self.desk.login
        for user in self.desk.users():
            action = menu.addAction(f"{user.name} ({user.login}) · {label(user.role)}")
            action.setCheckable(True)
            action.setChecked(user.login == current)
            action.triggered.connect(lambda _c=False, login=user.login: self.switch_user(login))

    # -- the simulator ------------------------------------------------------------------------------------
    def open_simulator(self) -> SimulatorDialog:
        from kam_desktop.ui.simulator_dialog import SimulatorDialog

        self.simulator = SimulatorDialog(self.desk, self.window.formats, self.parent_widget)
        self.simulator.open()
        self.simulator.run()
        return self.simulator

    # -- long jobs -------------------------------------------------------------------------------------------
    def grade_now(self) -> Task | None:
        formats = self.window.formats
        return self._job(self.tr("Grading the portfolio…"),
                         lambda ctx: self.desk.grade(apply=True, cancelled=lambda: ctx.cancelled),
                         lambda run: fill(self.tr("Graded {count} accounts as of {day}."),
                                          count=formats.number(len(run.rows)), day=formats.date(run.as_of)))

    def close_quarter(self, quarter: str | None = None) -> Task | None:
        from PySide6.QtWidgets import QInputDialog

        if quarter is None:
            default = self.desk.last_finished_quarter()
            if not self.window.interactive:
                quarter = default
            else:
                quarter, ok = QInputDialog.getText(self.window, self.tr("Close a quarter"),  # type: ignore[arg-type]
                                                   fill(self.tr("Quarter (e.g. {example}):"), example=default),
                                                   text=default)
                if not ok:
                    return None
        formats = self.window.formats
        return self._job(fill(self.tr("Closing {quarter}…"), quarter=quarter),
                         lambda ctx: self.desk.close_quarter(quarter, lambda: ctx.cancelled),
                         lambda r: fill(self.tr("{quarter} closed: {booked} entries booked for {accounts} accounts, "
                                                "{expiries} expiries."), quarter=r.quarter,
                                        booked=formats.number(r.booked), accounts=formats.number(r.accounts),
                                        expiries=formats.number(r.expiries)))

    def _job(self, text: str, work: Any, done_text: Any) -> Task | None:
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        window = self.window
        if self.job is not None and not self.job.finished:
            window.statusBar().showMessage(self.tr("Another job is still running."))
            return None
        progress = QProgressDialog(text, self.tr("Cancel"), 0, 0, window)  # type: ignore[call-overload]
        progress.setWindowTitle("KAM Desktop")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.job_progress = progress

        def finished(result: Any) -> None:
            progress.reset()
            message = done_text(result)
            window.statusBar().showMessage(message, 15_000)
            window.load_portfolio()
            self.refresh_current()
            window.job_finished.emit(message)

        def failed(error: BaseException) -> None:
            progress.reset()
            message = (refusal_text(error) if isinstance(error, ServiceError)
                       else fill(self.tr("Failed: {reason}"), reason=refusal_text(error)))
            if not isinstance(error, ServiceError):
                log.error("a long job failed", exc_info=error)
            window.statusBar().showMessage(message, 15_000)
            if window.interactive:
                QMessageBox.warning(self.parent_widget, "KAM Desktop", message)
            window.job_finished.emit(message)

        def run(ctx: TaskContext) -> Any:
            ctx.report(0, 0, text)
            return work(ctx)

        self.job = run_task(run, finished, failed, owner=self.parent_widget)
        progress.canceled.connect(self.job.cancel)
        progress.canceled.connect(lambda: window.statusBar().showMessage(self.tr(
            "Cancelling: the job stops before it writes anything.")))
        return self.job

    # -- layout memory -----------------------------------------------------------------------------------------
    def _layout_widgets(self, root: QWidget) -> list[QWidget]:
        return [w for w in (*root.findChildren(QTableView), *root.findChildren(QSplitter))
                if w.objectName() and w.objectName() not in ("portfolioTable", "mainSplitter")]

    def restore(self, root: QWidget) -> None:
        for widget in self._layout_widgets(root):
            state = self.window.settings.blob(LAYOUT_PREFIX + widget.objectName())
            if state is None:
                continue
            if isinstance(widget, QTableView):
                widget.horizontalHeader().restoreState(state)
            elif isinstance(widget, QSplitter):
                widget.restoreState(state)

    def remember(self, root: QWidget) -> None:
        for widget in self._layout_widgets(root):
            if isinstance(widget, QTableView):
                state: QByteArray = widget.horizontalHeader().saveState()
            elif isinstance(widget, QSplitter):
                state = widget.saveState()
            else:
                continue
            self.window.settings.set_blob(LAYOUT_PREFIX + widget.objectName(), state)

    def remember_all(self) -> None:
        tabs = self.window.tabs
        for i in range(1, tabs.count()):
            page = tabs.widget(i)
            if page is not None:
                self.remember(page)
