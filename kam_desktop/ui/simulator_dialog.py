"""The what-if simulator: try other cut-offs and cashback % and see accounts moved and cost vs margin."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui import charts
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable
from kam_desktop.ui.workers import Task, run_task

log = logging.getLogger(__name__)
CTX = "SimulatorDialog"
GRADES = ("L1", "L2", "L3", "L4")
RUN_DELAY_MS = 250


@dataclass(frozen=True)
class Move:
    current: str
    new: str
    accounts: int


def move_columns() -> list[Col[Move]]:
    return [
        Col("current", QT_TRANSLATE_NOOP("SimulatorDialog", "Now"), lambda r, f: r.current),
        Col("new", QT_TRANSLATE_NOOP("SimulatorDialog", "Would be"), lambda r, f: r.new,
            color=lambda r: "#1e7d34" if r.new < r.current else "#b3261e"),
        Col("accounts", QT_TRANSLATE_NOOP("SimulatorDialog", "Accounts"), lambda r, f: f.number(r.accounts),
            sort=lambda r: r.accounts, numeric=True),
    ]


def _spin(parent: QWidget, low: float, high: float, step: float, value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(1)
    spin.setSuffix(" %")
    spin.setValue(value)
    return spin


class SimulatorDialog(QDialog):
    """Every change re-runs the simulation off the GUI thread; `computed` after each result."""

    computed = Signal()

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulatorDialog")
        self.resize(980, 640)
        self.desk, self.formats = desk, formats
        self.result: Any = None
        self._task: Task | None = None
        self._currency = desk.base_currency()
        cutoffs, cashback = desk.current_terms()
        self.cutoffs = [_spin(self, 1, 100, 1, float(c * 100)) for c in cutoffs]
        self.cashback = [_spin(self, 0, 20, 0.5, float(c)) for c in cashback]
        self.terms_box = QGroupBox(self)
        grid = QGridLayout(self.terms_box)
        self.grade_labels = [QLabel(g, self) for g in GRADES]
        self.row_labels = [QLabel(self), QLabel(self)]
        grid.addWidget(self.row_labels[0], 1, 0)
        grid.addWidget(self.row_labels[1], 2, 0)
        for i, grade in enumerate(self.grade_labels):
            grid.addWidget(grade, 0, i + 1)
            if i < 3:
                grid.addWidget(self.cutoffs[i], 1, i + 1)
            grid.addWidget(self.cashback[i], 2, i + 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.message = MessageLine(self)
        self.model: RowTableModel[Move] = RowTableModel(CTX, move_columns(), formats, self)
        self.table = RowTable(self.model, "movesTable", self)
        self.table.setMaximumWidth(320)
        self.chart = charts.ChartView(self, 300)
        body = QHBoxLayout()
        body.addWidget(self.table)
        body.addWidget(self.chart, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.terms_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=RUN_DELAY_MS)
        self._timer.timeout.connect(self.run)
        for spin in (*self.cutoffs, *self.cashback):
            spin.valueChanged.connect(lambda _v: self._timer.start())
        self.setWindowTitle(self.tr("What-if: grades and cashback"))
        self.terms_box.setTitle(self.tr("Terms to try"))
        self.row_labels[0].setText(self.tr("Cut-off (top % of accounts):"))
        self.row_labels[1].setText(self.tr("Cashback on revenue:"))

    def set_terms(self, cutoffs: list[float], cashback: list[float]) -> None:
        for spin, value in zip(self.cutoffs, cutoffs, strict=True):
            spin.setValue(value)
        for spin, value in zip(self.cashback, cashback, strict=True):
            spin.setValue(value)

    def run(self) -> Task:
        self._timer.stop()
        cutoffs = [Decimal(str(round(s.value(), 1))) / 100 for s in self.cutoffs]
        cashback = [Decimal(str(round(s.value(), 1))) for s in self.cashback]
        if self._task is not None and not self._task.finished:
            self._task.cancel()
        self._task = run_task(lambda _ctx: self.desk.simulate(cutoffs, cashback), self._on_done, self._on_failed,
                              owner=self)
        return self._task

    def _on_done(self, simulation: Any) -> None:
        self.message.clear_message()
        self.result = simulation.result
        self._fill()
        self.computed.emit()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            self.message.error(self.tr("Cannot simulate: %1").replace("%1", refusal_text(error)))
        else:
            log.error("simulation failed", exc_info=error)
            self.message.error(self.tr("The simulation failed: %1").replace("%1", refusal_text(error)))
        self.computed.emit()

    def _fill(self) -> None:
        r, f, cur = self.result, self.formats, self._currency

        def ratio(value: Decimal | None) -> str:
            return "—" if value is None else f.percent(value * 100)

        self.summary.setText(
            self.tr("%1 accounts move up, %2 move down, %3 stay.").replace("%1", str(r.upgrades))
            .replace("%2", str(r.downgrades)).replace("%3", str(r.unchanged)) + " "
            + self.tr("Cashback cost %1 (%2 of gross margin) → %3 (%4) on a margin of %5.")
            .replace("%1", f.money(r.cost_now, cur)).replace("%2", ratio(r.cost_to_margin(False)))
            .replace("%3", f.money(r.cost_scenario, cur)).replace("%4", ratio(r.cost_to_margin(True)))
            .replace("%5", f.money(r.gross_margin, cur)))
        moves = [Move(old.value, new.value, n) for (old, new), n in r.moves.items() if old is not new and n]
        self.model.set_rows(sorted(moves, key=lambda m: (m.current, m.new)))
        counts_now = [float(r.counts_now.get(g, 0)) for g in _grades(r.counts_now)]
        counts_new = [float(r.counts_scenario.get(g, 0)) for g in _grades(r.counts_scenario)]
        self.chart.set_chart(charts.grouped_bars(self.tr("Accounts per grade"), list(GRADES),
                                                 [(self.tr("now"), counts_now), (self.tr("with these terms"), counts_new)]))


def _grades(counts: Any) -> list[Any]:
    keys = {getattr(k, "value", k): k for k in counts}
    return [keys.get(g, g) for g in GRADES]
