"""The side pane beside the portfolio: the selected account at a glance (the workspace grows from here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QVBoxLayout, QWidget

from kam_desktop.services.plain import PortfolioRow
from kam_desktop.ui.i18n import Formats, Retranslating
from kam_desktop.ui.portfolio_model import (
    CONTEXT,
    GRADE_COLORS,
    KIND_LABELS,
    SEGMENT_LABELS,
)

_FIELDS = ("grade", "segment", "kind", "ltv", "previous", "trend", "benefits", "exceptions", "owner", "region")


class AccountPane(Retranslating, QFrame):
    """Read-only summary of one PortfolioRow; shows a hint when nothing is selected."""

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(260)
        self._formats = formats
        self._row: PortfolioRow | None = None
        self._hint = QLabel(self)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._hint)
        # the card (twenty labels in a form) is made when the first account is shown: a start shows the hint
        self._card: QWidget | None = None
        self._labels: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        self.retranslate()

    def _made_card(self) -> QWidget:
        if self._card is not None:
            return self._card
        from PySide6.QtWidgets import QFormLayout  # with the card: its class is made when first named

        self._card = QWidget(self)
        self._name = QLabel(self._card)
        self._name.setWordWrap(True)
        self._name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self._name.setFont(font)
        self._code = QLabel(self._card)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._labels = {key: QLabel(self._card) for key in _FIELDS}
        self._values = {key: QLabel(self._card) for key in _FIELDS}
        for key in _FIELDS:
            self._values[key].setWordWrap(True)
            self._values[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self._labels[key], self._values[key])
        card_layout = QVBoxLayout(self._card)
        card_layout.addWidget(self._name)
        card_layout.addWidget(self._code)
        card_layout.addSpacing(8)
        card_layout.addLayout(form)
        card_layout.addStretch(1)
        self._stack.addWidget(self._card)
        self._set_titles()
        return self._card

    def show_row(self, row: PortfolioRow | None) -> None:
        self._row = row
        self._stack.setCurrentWidget(self._made_card() if row else self._hint)
        if row is not None:
            self._fill(row)

    def set_formats(self, formats: Formats) -> None:
        self._formats = formats
        self.show_row(self._row)

    def value_text(self, key: str) -> str:
        shown = self._values.get(key)
        return "" if shown is None else shown.text()

    def _fill(self, row: PortfolioRow) -> None:
        f = self._formats
        self._name.setText(row.name)
        self._code.setText(row.code)
        color = GRADE_COLORS.get(row.grade or "", "#9aa3b2")
        grade = (f'<span style="background:{color}; color:white; font-weight:bold">&nbsp;{row.grade}&nbsp;</span>'
                 if row.grade else "—")
        if row.at_risk:
            grade += "&nbsp;&nbsp;" + _tr("At risk")
        trend = row.trend_pct
        values = {
            "grade": grade,
            "segment": _tr(SEGMENT_LABELS[row.segment]) if row.segment in SEGMENT_LABELS else "—",
            "kind": _tr(KIND_LABELS.get(row.kind, row.kind)),
            "ltv": f.money(row.ltv_12m, row.currency, cents=True),
            "previous": f.money(row.ltv_prev_12m, row.currency, cents=True),
            "trend": f.percent(trend, signed=True) if trend is not None else "—",
            "benefits": f.number(row.open_benefits),
            "exceptions": f.number(row.pending_exceptions),
            "owner": row.owner or "—",
            "region": row.region or "—",
        }
        for key, text in values.items():
            self._values[key].setText(text)

    def retranslate(self) -> None:
        self._hint.setText(self.tr("Select an account to see its summary."))
        self._set_titles()
        self.show_row(self._row)

    def _set_titles(self) -> None:
        titles = {
            "grade": self.tr("Grade:"), "segment": self.tr("Segment:"), "kind": self.tr("Kind:"),
            "ltv": self.tr("LTV 12 m:"), "previous": self.tr("Previous 12 m:"), "trend": self.tr("Trend:"),
            "benefits": self.tr("Open benefits:"), "exceptions": self.tr("Pending exceptions:"),
            "owner": self.tr("KAM:"), "region": self.tr("Region:"),
        }
        for key, label in self._labels.items():
            label.setText(titles[key])


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
