"""Finance › Import history: every applied import and reversal, and undoing a bad invoices import without a terminal.

A file that was wrong (absurd amounts, the wrong month) cannot be deleted — invoice lines are append-only — so
finance reverses it: the service adds a linked batch of negated lines (`services/imports/reverse.py`). The
dialog lists the imports for directors, finance and admins; only finance and admins are offered the reversal.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.imports.reverse import ImportRow, short_id
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.import_models import CTX as IMPORT_CTX
from kam_desktop.ui.import_models import FORMAT_TITLES
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import Confirming, MessageLine, RowTable


def history_columns() -> list[Col[Any]]:
    return [
        Col("at", QT_TRANSLATE_NOOP("ImportHistory", "When"), lambda r, f: f.date(r.at.date()),
            sort=lambda r: r.at.timestamp()),
        Col("id", QT_TRANSLATE_NOOP("ImportHistory", "Import"), lambda r, f: r.short_id),
        Col("by", QT_TRANSLATE_NOOP("ImportHistory", "By"), lambda r, f: r.by),
        Col("kind", QT_TRANSLATE_NOOP("ImportHistory", "Kind"), lambda r, f: _kind(r.kind)),
        Col("lines", QT_TRANSLATE_NOOP("ImportHistory", "Rows"), lambda r, f: f.number(r.lines),
            sort=lambda r: r.lines, numeric=True),
        Col("file", QT_TRANSLATE_NOOP("ImportHistory", "File"), lambda r, f: r.file or ""),
        Col("link", QT_TRANSLATE_NOOP("ImportHistory", "Reversal"), lambda r, f: _link(r)),
    ]


def _kind(kind: str) -> str:
    if kind == "reversal":
        return QCoreApplication.translate("ImportHistory", "Reversal")
    return QCoreApplication.translate(IMPORT_CTX, FORMAT_TITLES[kind]) if kind in FORMAT_TITLES else kind


def _link(row: ImportRow) -> str:
    # short ids, as `kamctl import history` prints them
    if row.reversed_by is not None:
        return fill(QCoreApplication.translate("ImportHistory", "reversed by {id}"), id=short_id(row.reversed_by))
    if row.reverses is not None:
        return fill(QCoreApplication.translate("ImportHistory", "reverses {id}: {reason}"),
                    id=short_id(row.reverses), reason=row.reason or "")
    return ""


class ImportHistoryDialog(Confirming, Retranslating, QDialog):
    """The imports newest first; finance or an admin reverses the selected invoices import, giving a reason."""

    reversed = Signal(str)  # the reversal's short id: the portfolio's figures changed

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None, *,
                 interactive: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("importHistoryDialog")
        self.setMinimumSize(760, 480)
        self.desk, self.formats, self.interactive = desk, formats, interactive
        self.importer = desk.importer()
        self.model: RowTableModel[ImportRow] = RowTableModel("ImportHistory", history_columns(), formats, self)
        self.table = RowTable(self.model, "importHistoryTable", self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reverseReason")
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason)
        self.reverse_button = QPushButton(self)
        self.reverse_button.setObjectName("reverseImport")
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.message = MessageLine(self)
        self.message.setObjectName("importHistoryMessage")
        row = QHBoxLayout()
        row.addWidget(self.reason_label)
        row.addWidget(self.reason, 1)
        row.addWidget(self.reverse_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.may_reverse = desk.may(UseCase.REVERSE_IMPORT)
        for widget in (self.reason, self.reverse_button):
            widget.setVisible(self.may_reverse)
        self.reason_label.setVisible(self.may_reverse)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._offer())
        self.reason.textChanged.connect(lambda _t: self._offer())
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        try:
            self.model.set_rows(self.importer.history())
        except ServiceError as exc:
            self.message.error(refusal_text(exc))
        self._offer()

    def selected(self) -> ImportRow | None:
        rows = self.table.selected()
        return rows[0] if rows else None

    def _offer(self) -> None:
        row = self.selected()
        self.reverse_button.setEnabled(self.may_reverse and row is not None and row.reversible
                                       and bool(self.reason.text().strip()))

    def reverse_selected(self) -> bool:
        """Ask, then reverse the selected import; a refusal (already reversed, not permitted…) stays in the dialog."""
        row = self.selected()
        if row is None:
            return False
        question = fill(self.tr("Reverse import {id} of {file} ({lines} rows)? Its lines stay in the store; a "
                                "linked batch of negated lines is added and the portfolio's figures change."),
                        id=row.short_id, file=row.file or "—", lines=self.formats.number(row.lines))
        if self.interactive and not self.ask_yes(self.tr("Reverse import"), question):
            return False
        try:
            done = self.importer.reverse(row.short_id, self.reason.text().strip())
        except ServiceError as exc:
            self.message.error(refusal_text(exc))
            return False
        text = fill(self.tr("Reversed: {lines} lines undone by import {id}."), lines=self.formats.number(done.lines),
                    id=short_id(done.import_id))
        if done.locked_quarters:
            text += " " + fill(self.tr("Its lines fall in locked quarters ({quarters}): settled in the open period."),
                               quarters=", ".join(done.locked_quarters))
        self.message.ok(text)
        self.reason.clear()
        self.reload()
        self.reversed.emit(short_id(done.import_id))
        return True

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import history"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("why this import is undone (kept in the audit log)"))
        self.reverse_button.setText(self.tr("Re&verse import…"))
        self.table.set_empty_text(self.tr("No imports yet. Files are imported with File › Import."))
        self.model.retranslate()
