"""The import dialog's reading-option choices ("Detected: X" first) and its progress reporting from the worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from kam_desktop.services.imports.preview import ImportProgress
from kam_desktop.ui.i18n import fill
from kam_desktop.ui.import_models import translated
from kam_desktop.ui.workers import TaskContext

PROGRESS_STEPS = 1000


class OptionCombo(QComboBox):
    """"Detected (X)" first, then the values the option may be forced to."""

    def __init__(self, name: str, values: tuple[str, ...], titles: dict[str, str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.titles = {value: titles.get(value, value) for value in values}
        self.detected: str | None = None
        self.addItem("", None)
        for value in values:
            self.addItem("", value)
        self.retranslate()

    def value(self) -> str | None:
        data = self.currentData()
        return None if data is None else str(data)

    def set_value(self, value: str | None) -> None:
        self.setCurrentIndex(max(0, self.findData(value)) if value is not None else 0)

    def set_detected(self, value: str | None) -> None:
        self.detected = value
        self.retranslate()

    def retranslate(self) -> None:
        if self.detected is None:
            self.setItemText(0, QCoreApplication.translate("ImportDialog", "Detect"))
        else:
            shown = translated(self.titles[self.detected]) if self.detected in self.titles else self.detected
            self.setItemText(0, fill(QCoreApplication.translate("ImportDialog", "Detected: {value}"), value=shown))
        for i, title in enumerate(self.titles.values(), start=1):
            self.setItemText(i, translated(title))


def import_progress(ctx: TaskContext) -> Any:
    """An ImportProgress callback for the worker thread that reports only when the bar would move."""
    last = [-1, ""]

    def report(progress: ImportProgress) -> None:
        step = int(progress.fraction * PROGRESS_STEPS)
        if step != last[0] or progress.phase != last[1]:
            last[0], last[1] = step, progress.phase
            ctx.report(step, PROGRESS_STEPS, progress.phase)

    return report
