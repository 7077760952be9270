"""The dashboard: program KPIs and the charts the program is judged on (tier table, ROI waterfall,
cohort retention, basket before/after, potential matrix) — the team's for directors and finance, a KAM's
own portfolio for a KAM."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.ui import charts
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.refusals import message_text, refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MUTED_COLOR, RowTable, heading
from kam_desktop.ui.workers import Task, run_task

log = logging.getLogger(__name__)
CTX = "Dashboard"
MILLION = Decimal(1_000_000)
COHORTS_SHOWN = 5
QUADRANTS = ("high_units_high_money", "high_units_low_money", "low_units_high_money", "low_units_low_money")


@dataclass(frozen=True)
class DashboardData:
    kpis: Any
    matrix: list[tuple[str, Decimal, Decimal, str]]
    currency: str


def tier_columns(currency: str) -> list[Col[Any]]:
    return [
        Col("grade", QT_TRANSLATE_NOOP("Dashboard", "Grade"), lambda r, f: r.grade.value),
        Col("accounts", QT_TRANSLATE_NOOP("Dashboard", "Accounts"), lambda r, f: f.number(r.accounts),
            sort=lambda r: r.accounts, numeric=True),
        Col("margin", QT_TRANSLATE_NOOP("Dashboard", "Gross margin 12 m"), lambda r, f: f.money(r.gross_margin, currency),
            sort=lambda r: r.gross_margin, numeric=True),
        Col("cost", QT_TRANSLATE_NOOP("Dashboard", "Reward cost"), lambda r, f: f.money(r.reward_cost, currency),
            sort=lambda r: r.reward_cost, numeric=True),
        Col("ratio", QT_TRANSLATE_NOOP("Dashboard", "Cost / margin"),
            lambda r, f: "—" if r.cost_to_margin is None else f.percent(r.cost_to_margin * 100),
            sort=lambda r: r.cost_to_margin, numeric=True),
    ]


class Dashboard(Retranslating, QWidget):
    loaded = Signal()

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.desk, self.formats = desk, formats
        self.data: DashboardData | None = None
        self._task: Task | None = None
        self.title = heading("", self, 1.35)
        self.cards = {key: QLabel(self) for key in ("accounts", "ltv", "churn", "wallet", "roi")}
        cards = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setWordWrap(True)
            card.setMinimumHeight(64)
            card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            cards.addWidget(card, 0, i)
        self.tier_box = QGroupBox(self)
        self.tier_model: RowTableModel[Any] = RowTableModel(CTX, tier_columns(""), formats, self)
        self.tier_table = RowTable(self.tier_model, "tierTable", self)
        self.tier_table.setMinimumHeight(160)
        self.tier_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(self.tier_box).addWidget(self.tier_table)
        self.waterfall = charts.ChartView(self, 270)
        self.cohorts = charts.ChartView(self, 270)
        self.basket = charts.ChartView(self, 270)
        self.matrix = charts.ChartView(self, 270)
        grid = QGridLayout()
        grid.addWidget(self.tier_box, 0, 0)
        grid.addWidget(self.waterfall, 0, 1)
        grid.addWidget(self.cohorts, 0, 2)
        grid.addWidget(self.basket, 1, 0)
        grid.addWidget(self.matrix, 1, 1, 1, 2)
        for column, stretch in enumerate((5, 4, 4)):
            grid.setColumnStretch(column, stretch)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(cards)
        body_layout.addLayout(grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.status = QLabel(self)
        self.status.setStyleSheet(f"color: {MUTED_COLOR}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.data = None
        self.retranslate()
        self.reload()

    def is_portfolio(self) -> bool:
        """A KAM's dashboard: the KPIs of their own accounts (only managers read the team's)."""
        return not self.desk.may(UseCase.VIEW_REPORTS)

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.tier_model.set_formats(formats)
        self._fill()

    def reload(self) -> Task:
        self.status.setText(self.tr("Computing the program's figures…"))
        if self._task is not None and not self._task.finished:
            self._task.cancel()
        desk, mine = self.desk, self.is_portfolio()
        self._task = run_task(lambda _ctx: DashboardData(desk.portfolio_kpis() if mine else desk.kpis(),
                                                         desk.portfolio_matrix() if mine else desk.potential_matrix(),
                                                         desk.base_currency()),
                              self._on_read_done, self._on_read_failed, owner=self)
        return self._task

    def _on_read_done(self, data: DashboardData) -> None:
        self.data = data
        self._fill()
        self.loaded.emit()

    def _on_read_failed(self, error: BaseException) -> None:
        log.error("computing the KPIs failed", exc_info=error)
        self.status.setText(fill(self.tr("The figures could not be computed: {reason}"), reason=refusal_text(error)))

    def _fill(self) -> None:
        if self.data is None:
            return
        k, f, cur = self.data.kpis, self.formats, self.data.currency
        status = fill(self.tr("As of {day} · amounts in {currency}"), day=f.date(k.as_of), currency=cur)
        if k.owner is not None:
            status += " · " + fill(self.tr("the accounts of {login}"), login=k.owner)
        self.status.setText(status)
        self._fill_cards(k, f, cur)
        self.tier_model.columns = tuple(tier_columns(cur))
        self.tier_model.set_rows(k.tier_table)
        self._charts()

    def _fill_cards(self, k: Any, f: Formats, cur: str) -> None:
        self._card("accounts", self.tr("Accounts in the program") if k.owner is None else self.tr("My accounts"),
                   f.number(k.accounts))
        trend = "" if k.ltv_trend is None else f.percent(k.ltv_trend * 100, signed=True)
        self._card("ltv", self.tr("LTV 12 m"), f.money(k.ltv_12m, cur),
                   fill(self.tr("{trend} against the year before"), trend=trend) if trend else "")
        self._card("churn", self.tr("Churn"), "—" if k.churn_rate is None else f.percent(k.churn_rate * 100),
                   fill(self.tr("{count} accounts without an invoice for {months} months"),
                        count=f.number(len(k.churned)), months=f.number(k.churn_months)))
        self._card("wallet", self.tr("Share of wallet"),
                   "—" if k.share_of_wallet is None else f.percent(k.share_of_wallet * 100),
                   self.tr("where potential was gathered"))
        roi = k.roi
        note = label(roi.method.value) if roi is not None else message_text(k.roi_note)
        if k.owner is not None:
            note += " · " + self.tr("before the program's operating cost")
        self._card("roi", self.tr("Program ROI") if k.owner is None else self.tr("ROI of my portfolio"),
                   "—" if roi is None or roi.roi is None else f.percent(roi.roi * 100, signed=True), note)

    def _card(self, key: str, title: str, value: str, note: str = "") -> None:
        self.cards[key].setText(f'<span style="color:{MUTED_COLOR}">{title}</span><br>'
                                f'<span style="font-size:16pt; font-weight:bold">{value}</span>'
                                + (f'<br><span style="color:{MUTED_COLOR}">{note}</span>' if note else ""))

    def _charts(self) -> None:
        assert self.data is not None
        k, cur = self.data.kpis, self.data.currency
        f = self.formats
        millions = fill(self.tr("millions of {currency}"), currency=cur)
        steps = [(label(s.label), float(s.amount / MILLION)) for s in k.waterfall]
        totals = [i in (0, len(steps) - 1) for i in range(len(steps))]
        self.waterfall.set_chart(charts.waterfall(self.tr("ROI waterfall"), steps, totals, millions, text=f.axis))
        self._chart_cohorts(k, f)
        self.basket.set_chart(charts.grouped_bars(
            self.tr("Basket before / after enrolment by category"), [b.category for b in k.basket],
            [(self.tr("12 months before"), [float(b.before / MILLION) for b in k.basket]),
             (self.tr("12 months after"), [float(b.after / MILLION) for b in k.basket])], f.axis, millions))
        self._chart_matrix(f, cur)

    def _chart_cohorts(self, k: Any, f: Formats) -> None:
        shown = k.cohorts[-COHORTS_SHOWN:]
        longest = max((len(c.retention) for c in shown), default=0)
        self.cohorts.set_chart(charts.lines(
            self.tr("Cohort retention (share still buying, by quarter since enrolment)"),
            [str(i) for i in range(longest)],
            [(str(c.cohort), [None if v is None else float(v * 100) for v in c.retention]) for c in shown],
            f.axis_percent, 100.0))

    def _chart_matrix(self, f: Formats, cur: str) -> None:
        assert self.data is not None
        short = {"high_units_high_money": self.tr("growth offers"), "high_units_low_money": self.tr("volume offers"),
                 "low_units_high_money": self.tr("premium offers"), "low_units_low_money": self.tr("add-ons")}
        groups = [(short[q], [(float(u), float(m / 1000)) for _c, u, m, quad in self.data.matrix if quad == q])
                  for q in QUADRANTS]
        self.matrix.set_chart(charts.scatter(self.tr("Potential matrix (slot per account)"), groups,
                                             self.tr("slot in units"),
                                             fill(self.tr("slot in thousands of {currency}"), currency=cur),
                                             text=f.axis))

    def retranslate(self) -> None:
        self.title.setText(self.tr("My portfolio") if self.is_portfolio() else self.tr("Dashboard"))
        self.tier_box.setTitle(self.tr("Grade vs margin vs reward cost"))
        self._fill()
