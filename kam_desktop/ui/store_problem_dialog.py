"""The store cannot be used as it is (damaged, busy, read-only, full, on a network drive, encrypted without a working
key): what, and the way out."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPushButton, QWidget

from kam_desktop.services.admin.stores import Problem, StoreProblem
from kam_desktop.ui.i18n import fill
from kam_desktop.ui.refusals import refusal_text

KEY_PROBLEMS = (Problem.KEY_MISSING, Problem.WRONG_KEY)


class WayOut(StrEnum):
    RESTORE = "restore"  # put the newest verified backup in the damaged file's place
    RETRY = "retry"  # open again (busy: the other writer may have finished)
    ENTER_KEY = "enter_key"  # an encrypted store: type the key kept elsewhere (it is then sealed again)
    SET_ASIDE = "set_aside"  # an encrypted store without its key: move the file aside, start afresh, sync again
    RESTORE_FILE = "restore_file"  # put a chosen backup in the unreadable file's place
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
        self.key_button: QPushButton | None = None
        self.aside_button: QPushButton | None = None
        self.restore_file_button: QPushButton | None = None
        if problem.kind == Problem.DAMAGED and problem.backup is not None:
            self.restore_button = self.addButton(fill(self.tr("Restore the backup {name}"), name=problem.backup.name),
                                                 QMessageBox.ButtonRole.AcceptRole)
            self.setInformativeText(fill(self.tr(
                "The newest verified backup is {path}. The damaged file is kept beside it, not deleted."),
                path=str(problem.backup)))
        if problem.kind in KEY_PROBLEMS:
            self._key_ways_out()
        if problem.kind in (Problem.BUSY, Problem.FULL, Problem.DISK_ERROR, Problem.READ_ONLY):
            self.retry_button = self.addButton(self.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.buttonClicked.connect(self._chosen)

    def _key_ways_out(self) -> None:
        self.key_button = self.addButton(self.tr("Enter the key…"), QMessageBox.ButtonRole.AcceptRole)
        self.aside_button = self.addButton(self.tr("Set the file aside and start afresh"),
                                           QMessageBox.ButtonRole.DestructiveRole)
        self.restore_file_button = self.addButton(self.tr("Restore a backup…"), QMessageBox.ButtonRole.ActionRole)
        self.setInformativeText(self.tr(
            "The data on this laptop is encrypted; its key is kept by this computer's password store (on Windows, "
            "the Credential Manager of your user account). If you kept the key elsewhere (your IT department may "
            "have it), enter it: it is kept again for the next start.\n\n"
            "On a team laptop your data is on the team server: set this file aside, start with an empty store and "
            "connect to the server again (File › Connect to team server…); everything you may see comes back. "
            "Changes not yet synced stay in the file set aside, which opens only with its key.\n\n"
            "A backup opens only if it is not encrypted or you have the key it was made with."))

    def _chosen(self, button: object) -> None:
        chosen = {self.restore_button: WayOut.RESTORE, self.retry_button: WayOut.RETRY,
                  self.key_button: WayOut.ENTER_KEY, self.aside_button: WayOut.SET_ASIDE,
                  self.restore_file_button: WayOut.RESTORE_FILE}
        self.way_out = next((way for candidate, way in chosen.items() if candidate is not None and candidate is button),
                            WayOut.QUIT)


class StoreKeyDialog(QInputDialog):
    """The key of an encrypted store, typed or pasted (shown as dots)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeKeyDialog")
        self.setWindowTitle(self.tr("KAM Desktop: key of the data store"))
        self.setLabelText(self.tr("The key of the data store (64 characters, 0-9 and a-f):"))
        self.setTextEchoMode(QLineEdit.EchoMode.Password)

    def key_text(self) -> str | None:
        """What was entered; None when the person gave up or entered nothing."""
        return self.textValue() if self.result() == QInputDialog.DialogCode.Accepted and self.textValue().strip() else None
