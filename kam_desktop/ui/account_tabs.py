"""The read-only tabs of the account workspace: overview (grade and why, LTV chart), ledger, contacts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.ui.charts import ChartView, bars_and_line
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.labels import label
from kam_desktop.ui.notes import ledger_note
from kam_desktop.ui.portfolio_model import GRADE_COLORS, SEGMENT_LABELS
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import RowTable, heading

CTX = "AccountTables"
KEY_ROLES = ("management", "finance", "purchasing", "operations", "technical")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def _value(parent: QWidget) -> QLabel:
    value = QLabel(parent)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class OverviewTab(Retranslating, QWidget):
    """Grade and why, progress to the next grade, segment, potential quadrant, key contacts, LTV trend."""

    FIELDS = ("grade", "basis", "rank", "cutoff", "previous", "evaluated", "segment", "quadrant")

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._data: Any = None
        self.grade_box = QGroupBox(self)
        form = QFormLayout(self.grade_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.labels = {k: QLabel(self) for k in self.FIELDS}
        self.values = {k: _value(self) for k in self.FIELDS}
        for key in self.FIELDS:
            form.addRow(self.labels[key], self.values[key])
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        form.addRow(self.progress_label)
        form.addRow(self.progress)
        self.contacts_box = QGroupBox(self)
        self.contacts_label = _value(self)
        QVBoxLayout(self.contacts_box).addWidget(self.contacts_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grade_box)
        left_layout.addWidget(self.contacts_box)
        left_layout.addStretch(1)
        self.chart = ChartView(self, 300)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("overviewSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.chart)
        self.splitter.setSizes([430, 800])
        QHBoxLayout(self).addWidget(self.splitter)
        self.retranslate()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats

    def show_data(self, data: Any) -> None:
        self._data = data
        self._fill()

    def value_text(self, key: str) -> str:
        return self.values[key].text()

    def _fill(self) -> None:
        if self._data is None:
            return
        data, f = self._data, self.formats
        summary, why, progress = data.card.summary, data.card.grade_why, data.progress
        currency = summary.currency
        grade = summary.grade
        color = GRADE_COLORS.get(grade or "", "#9aa3b2")
        badge = (f'<span style="background:{color}; color:white; font-weight:bold">&nbsp;{grade}&nbsp;</span>'
                 if grade else self.tr("not graded yet"))
        if summary.at_risk:
            badge += "&nbsp;&nbsp;" + self.tr("at risk: held once by the downgrade grace")
        self.values["grade"].setText(badge)
        self._fill_why(why)
        segment = summary.segment
        self.values["segment"].setText(QCoreApplication.translate("PortfolioModel", SEGMENT_LABELS[segment])
                                       if segment in SEGMENT_LABELS else "—")
        slots = data.slots
        quadrant = label(slots.quadrant.value) if slots.quadrant is not None else self.tr("no potential gathered")
        if slots.total is not None:
            quadrant += " · " + fill(self.tr("slot {amount}"), amount=f.money(slots.total.slot_money, currency))
        self.values["quadrant"].setText(quadrant)
        self._fill_progress(progress)
        self._fill_contacts(data.card.contacts)
        self._fill_chart(data.series, currency)

    def _fill_why(self, why: Any) -> None:
        """The inputs of the grade in force: basis, rank among N, cut-off, previous grade, day of the grading."""
        f = self.formats
        if why is None:
            for key in ("basis", "rank", "cutoff", "previous", "evaluated"):
                self.values[key].setText("—")
            return
        basis_kind = self.tr("gross margin") if why.basis_kind == "gross_margin" else self.tr("net revenue")
        self.values["basis"].setText(fill(self.tr("{amount} ({basis}, 12 months)"),
                                          amount=f.money(why.basis.amount, why.basis.currency), basis=basis_kind))
        rank = "—" if why.rank is None else fill(
            self.tr("{rank} of {population} (top {share})"), rank=f.number(why.rank),
            population=f.number(why.population), share=f.percent((why.percentile or Decimal(0)) * 100))
        self.values["rank"].setText(rank)
        cutoff = "—" if why.cutoff is None else fill(self.tr("top {share} for {grade}"),
                                                     share=f.percent(why.cutoff * 100), grade=why.computed_grade)
        self.values["cutoff"].setText(cutoff)
        self.values["previous"].setText(why.previous_grade or "—")
        self.values["evaluated"].setText(f.date(why.evaluated_on))

    def _fill_progress(self, progress: Any) -> None:
        f = self.formats
        if progress.grade is None:
            text, share = self.tr("Grade the portfolio to see the progress to the next grade."), 0.0
        elif progress.next_grade is None:
            text, share = self.tr("The best grade: nothing above it."), 1.0
        elif progress.needed is None:
            text, share = fill(self.tr("Too few accounts for {grade}."), grade=progress.next_grade), 0.0
        else:
            text = fill(self.tr("To {grade}: {gap} more (needs about {needed})"), grade=progress.next_grade,
                        gap=f.money(progress.gap.amount, progress.gap.currency),
                        needed=f.money(progress.needed.amount, progress.needed.currency))
            share = float(progress.share or 0)
        self.progress_label.setText(text)
        self.progress.setValue(int(share * 1000))

    def _fill_contacts(self, contacts: list[Any]) -> None:
        lines = []
        for role in (*KEY_ROLES, "other"):
            people = [c for c in contacts if c.role == role]
            if people:
                names = ", ".join(f"{c.name}" + (f" ({c.position})" if c.position else "") for c in people[:2])
                lines.append(f"<b>{label(role)}</b>: {names}")
        self.contacts_label.setText("<br>".join(lines) or self.tr("No contacts yet."))

    def _fill_chart(self, series: list[Any], currency: str) -> None:
        months = [self.formats.month(p.month) for p in series]  # with the year: unique, axes merge repeats
        thousands = Decimal(1000)
        chart = bars_and_line(
            fill(self.tr("LTV trend (thousands of {currency})"), currency=currency), months,
            [float(p.net_revenue / thousands) for p in series], self.tr("Net revenue per month"),
            [float(p.ltv_12m / thousands) for p in series], self.tr("LTV, trailing 12 months"),
            text=self.formats.axis)
        self.chart.set_chart(chart)

    def retranslate(self) -> None:
        self.grade_box.setTitle(self.tr("Grade and why"))
        self.contacts_box.setTitle(self.tr("Key contacts by role"))
        titles = {"grade": self.tr("Grade:"), "basis": self.tr("Basis:"), "rank": self.tr("Rank:"),
                  "cutoff": self.tr("Cut-off:"), "previous": self.tr("Previous grade:"),
                  "evaluated": self.tr("Graded on:"), "segment": self.tr("Segment:"),
                  "quadrant": self.tr("Potential:")}
        for key, text in titles.items():
            self.labels[key].setText(text)
        self._fill()


def _money(amount: Decimal | None, currency: str, f: Formats) -> str:
    return "" if amount is None else f.money(amount, currency, cents=True)


def ledger_columns(currency: str) -> list[Col[Any]]:
    def amount(r: Any, f: Formats) -> str:
        return _money(r.amount, currency, f) if r.unit == "cashback" else f.number(r.amount)

    return [
        Col("booked_on", QT_TRANSLATE_NOOP("AccountTables", "Booked"), lambda r, f: f.date(r.booked_on),
            sort=lambda r: r.booked_on),
        Col("kind", QT_TRANSLATE_NOOP("AccountTables", "Entry"), lambda r, f: label(r.kind)),
        Col("unit", QT_TRANSLATE_NOOP("AccountTables", "Unit"), lambda r, f: label(r.unit)),
        Col("amount", QT_TRANSLATE_NOOP("AccountTables", "Amount"), amount, sort=lambda r: r.amount, numeric=True,
            color=lambda r: "#b3261e" if r.amount < 0 else None),
        Col("quarter", QT_TRANSLATE_NOOP("AccountTables", "Quarter"), lambda r, f: r.quarter or ""),
        Col("expires_on", QT_TRANSLATE_NOOP("AccountTables", "Expires"),
            lambda r, f: f.date(r.expires_on) if r.expires_on else "", sort=lambda r: r.expires_on),
        Col("source", QT_TRANSLATE_NOOP("AccountTables", "Source"), lambda r, f: r.source_ref or r.source_kind),
        Col("note", QT_TRANSLATE_NOOP("AccountTables", "Note"), lambda r, f: ledger_note(r.note, f)),
    ]


class LedgerTab(Retranslating, QWidget):
    """Entries, the balance per unit (a fold of the entries), and what expires when."""

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self._ledger: Any = None
        self._currency = ""
        self.balance = heading("", self, 1.05)
        self.balance.setWordWrap(True)
        self.expiry = QLabel(self)
        self.expiry.setWordWrap(True)
        self.model: RowTableModel[Any] = RowTableModel(CTX, ledger_columns(""), formats, self)
        self.table = RowTable(self.model, "ledgerTable", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.balance)
        layout.addWidget(self.expiry)
        layout.addWidget(self.table, 1)

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)

    def show_ledger(self, ledger: Any, currency: str) -> None:
        self._ledger, self._currency = ledger, currency
        self.model.columns = tuple(ledger_columns(currency))
        self.model.set_rows(list(reversed(ledger.entries)))
        self._fill()

    def _fill(self) -> None:
        ledger, f, cur = self._ledger, self.formats, self._currency
        if ledger is None:
            return
        cashback = f.money(ledger.balance.get("cashback", Decimal(0)), cur, cents=True)
        points = f.number(ledger.balance.get("points", Decimal(0)))
        self.balance.setText(fill(self.tr("Balance: {cashback} cashback · {points} points"), cashback=cashback,
                                  points=points))
        lines = []
        for unit, schedule in ledger.expiry_schedule.items():
            for line in schedule[:4]:
                amount = f.money(line.amount, cur, cents=True) if unit == "cashback" else f.number(line.amount)
                lines.append(fill(self.tr("{amount} {unit} expire on {day}"), amount=amount, unit=label(unit),
                                  day=f.date(line.expires_on)))
        self.expiry.setText(fill(self.tr("Expiry schedule: {lines}"), lines="; ".join(lines)) if lines
                            else self.tr("Nothing is due to expire."))

    def retranslate(self) -> None:
        self._fill()


def contact_columns() -> list[Col[Any]]:
    return [
        Col("name", QT_TRANSLATE_NOOP("AccountTables", "Name"), lambda r, f: r.name),
        Col("role", QT_TRANSLATE_NOOP("AccountTables", "Role"), lambda r, f: label(r.role)),
        Col("position", QT_TRANSLATE_NOOP("AccountTables", "Position"), lambda r, f: r.position or ""),
        Col("email", QT_TRANSLATE_NOOP("AccountTables", "E-mail"), lambda r, f: r.email or ""),
        Col("phone", QT_TRANSLATE_NOOP("AccountTables", "Phone"), lambda r, f: r.phone or ""),
        Col("nps", QT_TRANSLATE_NOOP("AccountTables", "NPS"), lambda r, f: "" if r.nps is None else str(r.nps),
            sort=lambda r: r.nps, numeric=True),
    ]


class ContactsTab(QWidget):
    """The client's people and their roles."""

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowTableModel[Any] = RowTableModel(CTX, contact_columns(), formats, self)
        self.table = RowTable(self.model, "contactsTable", self)
        self.table.fit_columns({"name": 220, "role": 150, "position": 220, "email": 240, "phone": 140})
        QVBoxLayout(self).addWidget(self.table)

    def set_formats(self, formats: Formats) -> None:
        self.model.set_formats(formats)

    def show_contacts(self, contacts: list[Any]) -> None:
        self.model.set_rows(contacts)
