"""Team mode in the window: syncing in the background, on demand (F9) and every few minutes.

Every call goes through the Desk; a sync runs on the thread pool and never blocks the window. The connect and
conflicts dialogs are in `ui.team_dialogs`, loaded when opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.workers import Task, run_task

if TYPE_CHECKING:
    from kam_desktop.services.desk import Desk

BACKGROUND_SYNC_MS = 5 * 60 * 1000  # while the server answers, every five minutes


class TeamSync(QObject):
    """Runs syncs off the GUI thread: on demand (F9) and every few minutes while the laptop is bound."""

    finished = Signal(object)  # the SyncReport
    failed = Signal(str)  # the reason, translated

    def __init__(self, desk_source: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk_source = desk_source
        self.task: Task | None = None
        self.passwords: dict[tuple[str, str], str] = {}  # typed this session when no keyring is available
        self.online: bool | None = None  # unknown until the first sync
        self.timer = QTimer(self)
        self.timer.setInterval(BACKGROUND_SYNC_MS)
        self.timer.timeout.connect(self.sync_in_background)

    @property
    def desk(self) -> Desk:
        return self.desk_source()  # type: ignore[no-any-return]

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, server: str, login: str, password: str | None = None) -> Task | None:
        """Sync now with `server` as `login` (the password: given, typed earlier, or from the keyring)."""
        if self.task is not None:
            return None
        if password:
            self.passwords[(server, login)] = password
        secret = password or self.passwords.get((server, login)) or self.desk.saved_team_password(server, login)
        desk = self.desk
        self.task = run_task(lambda _ctx: desk.sync_with_team(server, login, secret), self._done, self._failed,
                             owner=self)
        return self.task

    def sync_in_background(self) -> Task | None:
        bound = self.desk.team_binding()
        return None if bound is None else self.start(bound.server, bound.login)

    def _done(self, report: object) -> None:
        self.task = None
        self.online = True
        self.timer.start()
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.online = False
        self.timer.start()
        self.failed.emit(refusal_text(error))
