"""Liability and export: the roll-forward of a period per currency (and points), the estimate for finance, the
accounting journal written to CSV/XLSX (reconciled with the same roll-forward), and the program's economics
with its warnings — a warning not covered by an exception opens the account to request one."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.finance_models import economics_columns, liability_columns, money_text
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.refusals import message_text, refusal_text
from kam_desktop.ui.table_model import RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable, heading
from kam_desktop.ui.workers import Task, run_task

log = logging.getLogger(__name__)
CTX = "Finance"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FinanceLiability(QWidget):
    """`loaded` after the period's figures arrive; `exported` with the journal file written."""

    loaded = Signal(int)
    exported = Signal(str)
    open_account = Signal(str)  # the exception path: the account whose reward cost needs an exception

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None, *, interactive: bool = True,
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("financeLiability")
        self.desk, self.formats, self.interactive = desk, formats, interactive
        self.report: Any = None
        self.economics: Any = None
        self._task: Task | None = None
        quarter = Quarter.of(desk.today()).previous()
        self.title = heading("", self, 1.35)
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.start, self.end = QDateEdit(_qdate(quarter.start), self), QDateEdit(_qdate(quarter.end), self)
        for edit, name in ((self.start, "liabilityFrom"), (self.end, "liabilityTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
        self.in_money = QCheckBox(self)
        self.in_money.setObjectName("liabilityInMoney")
        self.show_button = QPushButton(self)
        self.show_button.setObjectName("liabilityShow")
        self.show_button.clicked.connect(self.reload)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("liabilityExport")
        self.export_button.clicked.connect(lambda: self.export_journal())
        self.model: RowTableModel[Any] = RowTableModel(CTX, liability_columns(), formats, self)
        self.table = RowTable(self.model, "liabilityTable", self)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.economics_title = heading("", self)
        self.economics_model: RowTableModel[Any] = RowTableModel(CTX, economics_columns(self._warnings), formats, self)
        self.economics_table = RowTable(self.economics_model, "economicsTable", self)
        self.economics_table.doubleClicked.connect(lambda *_a: self._open_current())
        self.request_button = QPushButton(self)
        self.request_button.setObjectName("economicsRequest")
        self.request_button.clicked.connect(self._open_current)
        self.message = MessageLine(self)
        row = QHBoxLayout()
        for widget in (self.from_label, self.start, self.to_label, self.end, self.in_money, self.show_button,
                       self.export_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.totals)
        layout.addWidget(self.economics_title)
        layout.addWidget(self.economics_table, 2)
        layout.addWidget(self.request_button)
        layout.addWidget(self.message)
        self.retranslate()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def set_period(self, start: date, end: date) -> None:
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.retranslate()
        self.reload()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)
        self.economics_model.set_formats(formats)
        self._show_totals()

    def reload(self) -> Task:
        start, end = self.period()
        in_money = self.in_money.isChecked()
        if self._task is not None and not self._task.finished:
            self._task.cancel()
        self._task = run_task(lambda _ctx: (self.desk.liability(start, end, in_money), self.desk.economics(start, end)),
                              self._on_read, self._on_failed, owner=self)
        return self._task

    def _on_read(self, result: tuple[Any, Any]) -> None:
        self.report, self.economics = result
        self.model.set_rows(list(self.report.lines))
        self.economics_model.set_rows(list(self.economics.accounts))
        self._show_totals()
        self.message.clear_message()
        self.loaded.emit(len(self.report.lines))

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, ServiceError):
            log.error("reading the liability failed", exc_info=error)
        self.message.error(self.tr("The figures could not be read: %1").replace("%1", refusal_text(error)))
        self.loaded.emit(-1)

    def _show_totals(self) -> None:
        report = self.report
        if report is None:
            self.totals.setText("")
            return
        f = self.formats
        text = self.tr("Closing per currency: %1. Estimated liability: %2.").replace(
            "%1", ", ".join(money_text(m, f) for m in report.closing_by_currency) or "—").replace(
            "%2", ", ".join(money_text(m, f) for m in report.estimated_by_currency) or "—")
        if report.estimated_in_base is not None:
            rates = "; ".join(f"1 {r.from_currency} = {f.number(r.value)} {r.to_currency} ({f.date(r.on)})"
                              for r in report.rates)
            text += " " + self.tr("In the base currency %1: %2%3.").replace("%1", report.base_currency).replace(
                "%2", money_text(report.estimated_in_base, f)).replace("%3", f" — {rates}" if rates else "")
        self.totals.setText(text)

    def _warnings(self, row: Any) -> str:
        parts = []
        for w in row.warnings:
            text = message_text(w.message)
            parts.append(text + (" " + self.tr("(covered by %1)").replace("%1", w.covered_by) if w.covered_by else ""))
        return "; ".join(parts)

    def _open_current(self) -> None:
        row = self.economics_table.current()
        if row is not None:
            self.open_account.emit(row.account)

    def export_journal(self, path: Path | None = None) -> bool:
        """Write the period's journal (CSV or XLSX by the file's extension); refused if it does not reconcile."""
        if path is None:
            if not self.interactive:
                return False
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the accounting journal"),
                                                          "journal.csv", self.tr("CSV (*.csv);;Excel (*.xlsx)"))
            if not chosen:
                return False
            path = Path(chosen)
        start, end = self.period()
        try:
            done = self.desk.journal_export(start, end, path)
        except ServiceError as error:
            self.message.error(self.tr("Refused: %1").replace("%1", refusal_text(error)))
            return False
        written = self.tr("%n journal line(s) written to %1; they reconcile with the roll-forward.", "",
                          done.lines).replace("%1", str(done.path))
        if self.desk.store_info().encrypted:  # encryption at rest covers the store, not the file
            written += " " + self.tr("The file is not encrypted (the store is): keep it safe.")
        self.message.ok(written)
        self.exported.emit(str(done.path))
        self.reload()
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reward liability"))
        self.from_label.setText(self.tr("From:"))
        self.to_label.setText(self.tr("To:"))
        self.in_money.setText(self.tr("Points in money"))
        self.show_button.setText(self.tr("&Show"))
        self.export_button.setText(self.tr("&Export journal…"))
        self.export_button.setVisible(self.desk.may(UseCase.EXPORT_JOURNAL))
        self.economics_title.setText(self.tr("Reward cost against gross margin"))
        self.request_button.setText(self.tr("Open the account to request an exception"))
        self.model.retranslate()
        self.economics_model.retranslate()
        self._show_totals()
