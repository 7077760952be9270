"""The store cannot be used as it is (damaged, busy, read-only, full, on a network drive): what and the way out."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from kam_desktop.services.admin.stores import Problem, StoreProblem
from kam_desktop.ui.i18n import fill
from kam_desktop.ui.refusals import refusal_text


class WayOut(StrEnum):
    RESTORE = "restore"  # put the newest verified backup in the damaged file's place
    RETRY = "retry"  # open again (busy: the other writer may have finished)
    QUIT = "quit"


class StoreProblemDialog(QMessageBox):
    """One message in the UI language and the buttons that fit the problem; `way_out` holds the choice."""

    def __init__(self, problem: StoreProblem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.way_out = WayOut.QUIT
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("KAM Desktop: data store"))
        self.setText(refusal_text(problem))
        self.restore_button: QPushButton | None = None
        self.retry_button: QPushButton | None = None
        if problem.kind == Problem.DAMAGED and problem.backup is not None:
            self.restore_button = self.addButton(fill(self.tr("Restore the backup {name}"), name=problem.backup.name),
                                                 QMessageBox.ButtonRole.AcceptRole)
            self.setInformativeText(fill(self.tr(
                "The newest verified backup is {path}. The damaged file is kept beside it, not deleted."),
                path=str(problem.backup)))
        if problem.kind in (Problem.BUSY, Problem.FULL, Problem.DISK_ERROR, Problem.READ_ONLY):
            self.retry_button = self.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.buttonClicked.connect(self._chosen)

    def _chosen(self, button: object) -> None:
        if button is self.restore_button:
            self.way_out = WayOut.RESTORE
        elif button is self.retry_button:
            self.way_out = WayOut.RETRY
        else:
            self.way_out = WayOut.QUIT
