"""QtCharts helpers: one look for every chart (no animations, compact margins, legend at the bottom), and value
axes labelled in the UI language (thousands separators, decimal mark) — Qt's own axes print C-locale numbers."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

AxisText = Callable[[float, int], str]  # a tick value and its decimal places → the label
PALETTE = ("#3b7dd8", "#e07b39", "#2e9d6a", "#8d5fd3", "#c94f6d", "#6b7a8f", "#d4a72c", "#1d9bb0")


class ChartView(QChartView):
    """A chart view with our defaults; `chart()` is replaced whenever the data changes."""

    def __init__(self, parent: QWidget | None = None, min_height: int = 220) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(min_height)
        self.set_chart(new_chart(""))

    def set_chart(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(_small_font())
    chart.setBackgroundRoundness(0)
    font = chart.titleFont()
    font.setBold(True)
    chart.setTitleFont(font)
    return chart


def _small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    return font


def plain_number(value: float, places: int) -> str:
    """Axis labels without a language (only for callers that pass none)."""
    return f"{value:,.{places}f}"


def nice_ticks(low: float, high: float, count: int = 5) -> tuple[float, float, float, int]:
    """(first, last, step, decimal places) of about `count` round ticks covering low…high (1, 2, 2.5 or 5 × 10ⁿ)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first, last = math.floor(low / step) * step, math.ceil(high / step) * step
    places = max(0, -math.floor(math.log10(step) + 1e-9)) + (1 if step / power == 2.5 and step < 10 else 0)
    return first, last, step, places


def value_axis(low: float, high: float, text: AxisText, *, floor_zero: bool = True) -> QCategoryAxis:
    """A value axis whose ticks are round numbers labelled by `text` (the UI language's format)."""
    pad = (high - low) * 0.05
    low = min(0.0, low - pad) if floor_zero or low < 0 else low - pad
    first, last, step, places = nice_ticks(low, high + pad)
    axis = QCategoryAxis()
    axis.setRange(first, last)
    axis.setStartValue(first)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    ticks = round((last - first) / step)
    for i in range(ticks + 1):
        value = first + i * step
        axis.append(text(0.0 if abs(value) < step / 1e6 else value, places), value)
    axis.setLabelsFont(_small_font())
    return axis


def _value_axis(chart: QChart, low: float, high: float, text: AxisText) -> QValueAxis:
    axis = value_axis(low, high, text)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    return axis


def _category_axis(chart: QChart, categories: Sequence[str], angle: int = 0) -> QBarCategoryAxis:
    """Categories along the bottom; an angle lets long or many labels show whole instead of elided."""
    axis = QBarCategoryAxis()
    axis.append(list(categories))
    axis.setLabelsFont(_small_font())
    axis.setLabelsAngle(angle)
    axis.setTruncateLabels(False)
    if angle:  # a slanted first label reaches left of the plot: room for it, or Qt hides it
        margins = chart.margins()
        chart.setMargins(QMargins(max(margins.left(), 56), margins.top(), margins.right() + 12, margins.bottom()))
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    return axis


def bars_and_line(title: str, categories: Sequence[str], bars: Sequence[float], bar_name: str,
                  line: Sequence[float], line_name: str, scale_name: str = "",
                  text: AxisText = plain_number) -> QChart:
    """Monthly bars with a running line over them (e.g. revenue per month and the 12-month LTV)."""
    chart = new_chart(title)
    bar_set = QBarSet(bar_name)
    bar_set.setColor(QColor(PALETTE[0]))
    bar_set.append(list(bars))
    series = QBarSeries()
    series.append(bar_set)
    chart.addSeries(series)
    trend = QLineSeries()
    trend.setName(line_name)
    trend.setPen(QPen(QColor(PALETTE[1]), 2.5))
    for i, value in enumerate(line):
        trend.append(QPointF(i, value))
    chart.addSeries(trend)
    x = _category_axis(chart, categories, -90)
    values = [*bars, *line] or [0.0]
    y = _value_axis(chart, min(values), max(values), text)
    y.setTitleText(scale_name)
    for s in (series, trend):
        s.attachAxis(x)
        s.attachAxis(y)
    return chart


def grouped_bars(title: str, categories: Sequence[str], groups: Sequence[tuple[str, Sequence[float]]],
                 text: AxisText = plain_number, scale_name: str = "") -> QChart:
    chart = new_chart(title)
    series = QBarSeries()
    values: list[float] = [0.0]
    for i, (name, data) in enumerate(groups):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
        bar_set.append(list(data))
        series.append(bar_set)
        values += list(data)
    chart.addSeries(series)
    x = _category_axis(chart, categories, -90 if len(categories) > 5 else 0)
    y = _value_axis(chart, min(values), max(values), text)
    y.setTitleText(scale_name)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


def waterfall(title: str, steps: Sequence[tuple[str, float]], totals: Sequence[bool], scale_name: str = "",
              text: AxisText = plain_number) -> QChart:
    """A waterfall: totals stand on zero, changes float from the running sum (green up, red down)."""
    chart = new_chart(title)
    base, up, down, total = QBarSet("base"), QBarSet(""), QBarSet(""), QBarSet("")
    base.setColor(QColor(0, 0, 0, 0))
    base.setBorderColor(QColor(0, 0, 0, 0))
    up.setColor(QColor("#2e9d6a"))
    down.setColor(QColor("#c94f6d"))
    total.setColor(QColor(PALETTE[0]))
    running, lows, highs = 0.0, [0.0], [0.0]
    for (_label, amount), is_total in zip(steps, totals, strict=True):
        if is_total:
            base.append(0.0 if amount >= 0 else amount)
            total.append(abs(amount))
            up.append(0.0)
            down.append(0.0)
            running = amount
        else:
            start, end = running, running + amount
            base.append(min(start, end))
            up.append(amount if amount > 0 else 0.0)
            down.append(-amount if amount < 0 else 0.0)
            total.append(0.0)
            running = end
        lows.append(min(running, 0.0))
        highs.append(max(running, amount if is_total else running))
    series = QStackedBarSeries()
    for s in (base, total, up, down):
        series.append(s)
    chart.addSeries(series)
    chart.legend().setVisible(False)
    x = _category_axis(chart, [label.replace(" ", "<br>") for label, _ in steps])  # words stacked: whole labels
    y = _value_axis(chart, min(lows), max(highs), text)
    y.setTitleText(scale_name)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


def lines(title: str, categories: Sequence[str], named: Sequence[tuple[str, Sequence[float | None]]],
          text: AxisText = plain_number, high: float | None = None) -> QChart:
    """One line per name; a None value (unknown, e.g. before the data begins) leaves that point out."""
    chart = new_chart(title)
    x = _category_axis(chart, categories)
    values = [v for _n, data in named for v in data if v is not None] or [0.0]
    top = high if high is not None else max(values)
    y = value_axis(0.0, top * 0.95 if high is not None else top, text)  # a fixed top stays the last tick
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for i, (name, data) in enumerate(named):
        series = QLineSeries()
        series.setName(name)
        series.setPen(QPen(QColor(PALETTE[i % len(PALETTE)]), 2))
        for j, value in enumerate(data):
            if value is not None:
                series.append(QPointF(j, value))
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
    return chart


def scatter(title: str, groups: Sequence[tuple[str, Sequence[tuple[float, float]]]], x_name: str, y_name: str,
            marks: tuple[float, float] | None = None, text: AxisText = plain_number) -> QChart:
    """Points in named groups; `marks` draws the two thresholds that split the plane into quadrants."""
    chart = new_chart(title)
    x_top, y_top = _extent(p for _n, pts in groups for p in pts)
    x_axis, y_axis = value_axis(0.0, x_top, text), value_axis(0.0, y_top, text)
    x_axis.setTitleText(x_name)
    y_axis.setTitleText(y_name)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for i, (name, points) in enumerate(groups):
        series = QScatterSeries()
        series.setName(name)
        series.setMarkerSize(8.0)
        series.setColor(QColor(PALETTE[i % len(PALETTE)]))
        series.setBorderColor(QColor(PALETTE[i % len(PALETTE)]))
        _plot(chart, series, points, x_axis, y_axis)
    if marks is not None:
        for points in (((marks[0], 0.0), (marks[0], y_top * 1.05)), ((0.0, marks[1]), (x_top * 1.05, marks[1]))):
            rule = QLineSeries()
            rule.setPen(QPen(QColor("#9aa3b2"), 1, Qt.PenStyle.DashLine))
            _plot(chart, rule, points, x_axis, y_axis)
            for m in chart.legend().markers(rule):  # a threshold is not a group: no legend entry
                m.setVisible(False)
    return chart


def _extent(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """The largest x and y (1.0 where there is nothing above zero, so an empty chart still has axes)."""
    listed = list(points)
    return max((x for x, _y in listed), default=0.0) or 1.0, max((y for _x, y in listed), default=0.0) or 1.0


def _plot(chart: QChart, series: QXYSeries, points: Iterable[tuple[float, float]], x_axis: QAbstractAxis,
          y_axis: QAbstractAxis) -> None:
    for px, py in points:
        series.append(QPointF(px, py))
    chart.addSeries(series)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
