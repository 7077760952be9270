"""File › Issue quarterly statements…: every statement of a quarter for the portfolio the person may reach, with
progress and cancel, in the background (a KAM: their own accounts; directors and finance: every account).

The service (`services/documents/batch.py`) decides whose accounts, skips statements already issued and commits in
chunks, so a cancel stops after the current statement and keeps what was issued. The window stays usable.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.periods import Quarter
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.i18n import Formats, Retranslating, fill
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.widgets import Confirming, MessageLine
from kam_desktop.ui.workers import Task, TaskContext, run_task

QUARTERS_OFFERED = 8  # the finished quarters to choose from, newest first
LANGUAGES = ("en", "pl", "ru")


class StatementsBatchDialog(Confirming, Retranslating, QDialog):
    """Choose a finished quarter and a language, confirm, watch the progress; Cancel stops after the current one."""

    batch_done = Signal(object)  # the StatementsBatch: how many were issued, kept, failed, and whether it was stopped

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None, *,
                 interactive: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("statementsBatchDialog")
        self.setMinimumWidth(560)
        self.desk, self.formats, self.interactive = desk, formats, interactive
        self.task: Task | None = None
        self._stop = threading.Event()
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("batchQuarter")
        last = Quarter.of(desk.today()).previous()  # the newest quarter that has ended
        self.quarter.addItems([str(last.plus(-n)) for n in range(QUARTERS_OFFERED)])
        self.language = QComboBox(self)
        self.language.setObjectName("batchLanguage")
        self.labels = [QLabel(self) for _ in range(2)]
        form = QFormLayout()
        for caption, field in zip(self.labels, (self.quarter, self.language), strict=True):
            form.addRow(caption, field)
            caption.setBuddy(field)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.setVisible(False)
        self.message = MessageLine(self)
        self.message.setObjectName("batchMessage")
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("batchStart")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("batchStop")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def chosen_language(self) -> str | None:
        """None: each account's own language."""
        value = self.language.currentData()
        return str(value) if value else None

    def start(self) -> Task | None:
        """Ask, then issue in the background; progress and the result come back to this dialog."""
        quarter = self.quarter.currentText()
        question = fill(self.tr("Issue the quarterly statements of {quarter} for every account you are responsible "
                                "for? Each is a legal document with its own number; statements already issued "
                                "for {quarter} are kept, not issued again."), quarter=quarter)
        if self.interactive and not self.ask_yes(self.tr("Issue statements"), question):
            return None
        self._stop.clear()
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.ok(fill(self.tr("Issuing the statements of {quarter}…"), quarter=quarter))
        language = self.chosen_language()

        def work(context: TaskContext) -> Any:
            return self.desk.issue_statements(quarter, lang=language, progress=context.report,
                                              cancelled=self._stop.is_set)

        self.task = run_task(work, self._finished, self._failed, progress=self._progressed, owner=self)
        return self.task

    def stop(self) -> None:
        """Stop after the statement being made; what was issued stays issued."""
        self._stop.set()
        self.stop_button.setEnabled(False)
        self.message.ok(self.tr("Stopping after the current statement…"))

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(fill(self.tr("{done} of {total}"), done=self.formats.number(done),
                                     total=self.formats.number(total)))

    def _finished(self, batch: Any) -> None:
        self._idle()
        text = fill(self.tr("{quarter}: {issued} issued now, {existing} already issued, {failed} failed."),
                    quarter=batch.quarter, issued=self.formats.number(batch.issued),
                    existing=self.formats.number(batch.existing), failed=self.formats.number(len(batch.failures)))
        if batch.cancelled:
            text += " " + self.tr("Stopped: the statements issued so far are kept; start again to issue the rest.")
        for failure in batch.failures[:5]:
            text += "\n" + fill(self.tr("{account}: {reason}"), account=failure.account_code,
                                reason=failure.message)
        (self.message.error if batch.failures else self.message.ok)(text)
        self.batch_done.emit(batch)

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, ServiceError):
            self.message.error(refusal_text(error))
            return
        raise error

    def _idle(self) -> None:
        self.task = None
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.progress.setVisible(False)

    def reject(self) -> None:
        """Closing while the batch runs stops it (the issued statements stay)."""
        if self.task is not None:
            self.stop()
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue quarterly statements"))
        self.labels[0].setText(self.tr("&Quarter:"))
        self.labels[1].setText(self.tr("&Language:"))
        current = self.language.currentIndex()
        self.language.clear()
        self.language.addItem(self.tr("Each account's language"), "")
        for code, name in zip(LANGUAGES, (self.tr("English"), self.tr("Polish"), self.tr("Russian")), strict=True):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(current, 0))
        self.start_button.setText(self.tr("&Issue…"))
        self.stop_button.setText(self.tr("&Stop"))
