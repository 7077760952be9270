"""Finance's close: close a quarter (off the GUI thread) and read what it found — cashback per currency, late
sales and returns settled, clawbacks, accounts whose grade was older than the quarter — then lock it."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.finance_models import clawback_columns, late_fact_columns, money_text, stale_columns
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable, heading
from kam_desktop.ui.workers import Task, run_task

log = logging.getLogger(__name__)
CTX = "Finance"


class FinanceClose(QWidget):
    """`closed` carries the close report; `locked` the quarter locked."""

    closed = Signal(object)
    locked = Signal(str)

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financeClose")
        self.desk, self.formats = desk, formats
        self.report: Any = None
        self._task: Task | None = None
        self.title = heading("", self, 1.35)
        self.quarter_label = QLabel(self)
        self.quarter = QLineEdit(desk.last_finished_quarter(), self)
        self.quarter.setObjectName("closeQuarter")
        self.quarter.setMaximumWidth(110)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeRun")
        self.close_button.clicked.connect(self.run_close)
        self.lock_button = QPushButton(self)
        self.lock_button.setObjectName("closeLock")
        self.lock_button.clicked.connect(self.lock)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.locks_label = QLabel(self)
        self.message = MessageLine(self)
        self.late_title, self.claw_title, self.stale_title = (heading("", self) for _ in range(3))
        self.late_model: RowTableModel[Any] = RowTableModel(CTX, late_fact_columns(), formats, self)
        self.claw_model: RowTableModel[Any] = RowTableModel(CTX, clawback_columns(), formats, self)
        self.stale_model: RowTableModel[Any] = RowTableModel(CTX, stale_columns(), formats, self)
        self.late_table = RowTable(self.late_model, "closeLateFacts", self)
        self.claw_table = RowTable(self.claw_model, "closeClawbacks", self)
        self.stale_table = RowTable(self.stale_model, "closeStaleGrades", self)
        row = QHBoxLayout()
        row.addWidget(self.quarter_label)
        row.addWidget(self.quarter)
        row.addWidget(self.close_button)
        row.addWidget(self.lock_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        for title, table in ((self.late_title, self.late_table), (self.claw_title, self.claw_table),
                             (self.stale_title, self.stale_table)):
            layout.addWidget(title)
            layout.addWidget(table, 1)
        layout.addWidget(self.locks_label)
        self.retranslate()

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.retranslate()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        for model in (self.late_model, self.claw_model, self.stale_model):
            model.set_formats(formats)
        self._show()

    def run_close(self) -> Task:
        """Close the quarter typed (idempotent: a second run books nothing and lists nothing new)."""
        quarter = self.quarter.text().strip()
        self.close_button.setEnabled(False)
        self.message.ok(self.tr("Closing %1…").replace("%1", quarter))
        self._task = run_task(lambda _ctx: self.desk.close_quarter(quarter), self._on_closed, self._on_failed,
                              owner=self)
        return self._task

    def _on_closed(self, report: Any) -> None:
        self.close_button.setEnabled(True)
        self.report = report
        self.message.ok(self.tr("%1 closed.").replace("%1", report.quarter))
        self._show()
        self.closed.emit(report)

    def _on_failed(self, error: BaseException) -> None:
        self.close_button.setEnabled(True)
        if not isinstance(error, ServiceError):
            log.error("closing a quarter failed", exc_info=error)
        self.message.error(self.tr("Refused: %1").replace("%1", refusal_text(error)))
        self.closed.emit(None)

    def lock(self) -> bool:
        quarter = self.quarter.text().strip()
        try:
            row = self.desk.lock_quarter(quarter)
        except ServiceError as error:
            self.message.error(self.tr("Refused: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok(self.tr("%1 is locked: later corrections are booked in the open period.")
                        .replace("%1", row.quarter))
        self._show_locks()
        self.locked.emit(row.quarter)
        return True

    def _show(self) -> None:
        report = self.report
        if report is None:
            self.summary.setText(self.tr("Close a finished quarter: cashback and points for every account, then "
                                         "expiries; late sales and returns of closed quarters are settled too."))
            return
        f = self.formats
        cashback = ", ".join(money_text(m, f) for m in report.cashback) or "—"
        text = self.tr("%1: %2 entries for %3 accounts; cashback %4; points %5; %6 expiries.").replace(
            "%1", report.quarter).replace("%2", f.number(report.booked)).replace("%3", f.number(report.accounts)) \
            .replace("%4", cashback).replace("%5", f.number(report.result.points)).replace(
            "%6", f.number(report.expiries))
        if report.ungraded:
            text += "\n" + self.tr("Not graded, skipped: %1").replace("%1", ", ".join(report.ungraded))
        if report.stale_grades:
            text += "\n" + self.tr("Warning: the grade of %n account(s) was evaluated before the quarter ended; "
                                   "grade the portfolio as of its end.", "", len(report.stale_grades))
        if report.locked:
            text += "\n" + self.tr("The quarter is locked: what its close still owed was booked in the open period.")
        self.summary.setText(text)
        self.late_model.set_rows(list(report.late_facts))
        self.claw_model.set_rows(list(report.clawbacks))
        self.stale_model.set_rows(list(report.stale_grades))

    def _show_locks(self) -> None:
        try:
            quarters = [row.quarter for row in self.desk.locks()]
        except ServiceError:
            quarters = []
        self.locks_label.setText(self.tr("Locked quarters: %1").replace("%1", ", ".join(quarters) or "—"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Quarter close"))
        self.quarter_label.setText(self.tr("Quarter:"))
        self.close_button.setText(self.tr("&Close the quarter"))
        self.lock_button.setText(self.tr("&Lock the quarter"))
        self.close_button.setVisible(self.desk.may(UseCase.CLOSE_QUARTER))
        self.lock_button.setVisible(self.desk.may(UseCase.LOCK_PERIOD))
        self.late_title.setText(self.tr("Late sales and returns settled since the previous close"))
        self.claw_title.setText(self.tr("Clawbacks"))
        self.stale_title.setText(self.tr("Grades older than the quarter's end"))
        for model in (self.late_model, self.claw_model, self.stale_model):
            model.retranslate()
        self._show()
        self._show_locks()
