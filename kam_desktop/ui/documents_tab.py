"""The documents tab: the register (agreement, annexes, statements); issue, preview and print, mark signed."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.document_preview import DocumentPreview
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable

log = logging.getLogger(__name__)
CTX = "AccountTables"
KIND_LABELS = {"agreement": QT_TRANSLATE_NOOP("AccountTables", "agreement"),
               "annex": QT_TRANSLATE_NOOP("AccountTables", "annex"),
               "statement": QT_TRANSLATE_NOOP("AccountTables", "statement")}
STATUS_LABELS = {"draft": QT_TRANSLATE_NOOP("AccountTables", "DRAFT (waits for approvals)"),
                 "issued": QT_TRANSLATE_NOOP("AccountTables", "issued"),
                 "signed": QT_TRANSLATE_NOOP("AccountTables", "signed"),
                 "void": QT_TRANSLATE_NOOP("AccountTables", "superseded")}


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CTX, text)


def document_columns() -> list[Col[Any]]:
    return [
        Col("number", QT_TRANSLATE_NOOP("AccountTables", "Number"), lambda r, f: r.number),
        Col("version", QT_TRANSLATE_NOOP("AccountTables", "Version"), lambda r, f: f"v{r.version}",
            sort=lambda r: r.version, numeric=True),
        Col("kind", QT_TRANSLATE_NOOP("AccountTables", "Document"),
            lambda r, f: _tr(KIND_LABELS.get(r.kind, r.kind)) + (f" {r.period}" if r.period else "")),
        Col("status", QT_TRANSLATE_NOOP("AccountTables", "Status"),
            lambda r, f: _tr(STATUS_LABELS.get(r.status, r.status)),
            color=lambda r: {"draft": "#b45309", "signed": "#1e7d34", "void": "#8a94a6"}.get(r.status)),
        Col("language", QT_TRANSLATE_NOOP("AccountTables", "Language"), lambda r, f: r.language.upper()),
        Col("issued_at", QT_TRANSLATE_NOOP("AccountTables", "Issued"),
            lambda r, f: f.date(r.issued_at.date()) if r.issued_at else "", sort=lambda r: r.issued_at),
        Col("signed_on", QT_TRANSLATE_NOOP("AccountTables", "Signed"),
            lambda r, f: f.date(r.signed_on) if r.signed_on else "", sort=lambda r: r.signed_on),
        Col("signatory", QT_TRANSLATE_NOOP("AccountTables", "Client's signatory"), lambda r, f: r.client_signatory or ""),
        Col("scans", QT_TRANSLATE_NOOP("AccountTables", "Scans"), lambda r, f: str(r.scans) if r.scans else "",
            sort=lambda r: r.scans, numeric=True),
    ]


class DocumentsTab(QWidget):
    saved = Signal()

    def __init__(self, desk: Desk, code: str, formats: Formats, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.code, self.formats = desk, code, formats
        self.folder = folder  # where previews are written (the data folder's documents/)
        self.open_files = True  # tests and screenshots write previews without opening a viewer
        self.last_preview: Path | None = None
        self.preview_dialog: DocumentPreview | None = None
        self._scan: str | None = None
        self.model: RowTableModel[Any] = RowTableModel(CTX, document_columns(), formats, self)
        self.table = RowTable(self.model, "documentsTable", self)
        self.table.fit_columns({"number": 140, "version": 60, "kind": 160, "status": 200, "language": 80,
                                "issued_at": 110, "signed_on": 110, "signatory": 200})
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.table.doubleClicked.connect(lambda _i: self.preview())
        self.buttons = {key: QPushButton(self) for key in ("agreement", "annex", "statement", "preview")}
        for key, button in self.buttons.items():
            button.setObjectName(f"document-{key}")
        self.buttons["agreement"].clicked.connect(lambda: self.issue("agreement"))
        self.buttons["annex"].clicked.connect(lambda: self.issue("annex"))
        self.buttons["statement"].clicked.connect(lambda: self.issue("statement"))
        self.buttons["preview"].clicked.connect(lambda: self.preview())
        self.sign_box = QGroupBox(self)
        self.signatory = QLineEdit(self)
        self.signed_on = QDateEdit(self)
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDate(QDate(desk.today()))
        self.scan_button = QPushButton(self)
        self.scan_button.clicked.connect(self._choose_scan)
        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName("documentSign")
        self.sign_button.clicked.connect(lambda: self.sign())
        form = QFormLayout(self.sign_box)
        self.form_labels = [QLabel(self), QLabel(self), QLabel(self)]
        form.addRow(self.form_labels[0], self.signatory)
        form.addRow(self.form_labels[1], self.signed_on)
        form.addRow(self.form_labels[2], self.scan_button)
        form.addRow(self.sign_button)
        self.sign_box.setMaximumWidth(380)
        self.message = MessageLine(self)
        bar = QHBoxLayout()
        for key in ("agreement", "annex", "statement"):
            bar.addWidget(self.buttons[key])
        bar.addStretch(1)
        bar.addWidget(self.buttons["preview"])
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.sign_box)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.retranslate()
        self._enable()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)

    def show_documents(self, rows: list[Any]) -> None:
        current = self.table.current()
        self.model.set_rows(sorted(rows, key=lambda r: (r.issued_at is None, r.issued_at), reverse=True))
        if current is not None:
            self.select(current.number)
        self._enable()

    def select(self, number: str) -> bool:
        return self.table.select_where(lambda r: r.number == number)

    def status_of(self, number: str) -> str | None:
        return next((r.status for r in self.model.rows() if r.number == number), None)

    def _enable(self) -> None:
        row = self.table.current()
        self.buttons["preview"].setEnabled(row is not None)
        self.sign_button.setEnabled(row is not None and row.status == "issued")

    def issue(self, kind: str) -> Any:
        try:
            issued = self.desk.issue_document(self.code, kind)
        except ServiceError as error:
            self.message.error(self.tr("Not issued: %1").replace("%1", refusal_text(error)))
            return None
        document = issued.document
        text = self.tr("%1 v%2 issued.") if not issued.existing else self.tr("%1 v%2 is current already.")
        if document.is_draft:
            text += " " + self.tr("It prints with a DRAFT mark until its benefits are approved.")
        self.message.ok(text.replace("%1", document.number).replace("%2", str(document.version)))
        self.saved.emit()
        return issued

    def preview(self, number: str | None = None) -> Path | None:
        """Write the selected document's frozen PDF and show it in the preview (Print…, Save as…, Open in viewer)."""
        row = self.table.current()
        number = number or (row.number if row else None)
        if number is None:
            self.message.error(self.tr("Select a document first."))
            return None
        version = row.version if row is not None and row.number == number else None
        try:
            pdf = self.desk.document_pdf(number, version)
        except ServiceError as error:
            self.message.error(self.tr("No preview: %1").replace("%1", refusal_text(error)))
            return None
        folder = self.folder or Path.home()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{number}{f'-v{version}' if version else ''}.pdf"
        path.write_bytes(pdf)
        self.last_preview = path
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        self.preview_dialog = DocumentPreview(path, self.open_files, self)
        self.preview_dialog.show()
        self.message.ok(self.tr("%1 is shown in the preview.").replace("%1", path.name))
        return path

    def _choose_scan(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Scan of the signed paper"), "",
                                                    self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"))
        if path:
            self._scan = path
            self.scan_button.setText(Path(path).name)

    def sign(self, scan: str | None = None) -> bool:
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a document first."))
            return False
        signatory = self.signatory.text().strip()
        if not signatory:
            self.message.error(self.tr("Who signed for the client? Write the name."))
            self.signatory.setFocus()
            return False
        try:
            self.desk.sign_document(row.number, signatory, self.signed_on.date().toPython(), scan or self._scan)
        except ServiceError as error:
            self.message.error(self.tr("Not marked signed: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok(self.tr("%1 signed.").replace("%1", row.number))
        self.signatory.clear()
        self._scan = None
        self.retranslate()
        self.saved.emit()
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.buttons["agreement"].setText(self.tr("Issue a&greement"))
        self.buttons["annex"].setText(self.tr("Issue a&nnex"))
        self.buttons["statement"].setText(self.tr("Issue last quarter's &statement"))
        self.buttons["preview"].setText(self.tr("&Preview / print…"))
        self.sign_box.setTitle(self.tr("Mark signed"))
        for widget, text in zip(self.form_labels, (self.tr("Client's signatory:"), self.tr("Signed on:"),
                                                   self.tr("Scan:")), strict=True):
            widget.setText(text)
        if self._scan is None:
            self.scan_button.setText(self.tr("Attach a scan…"))
        self.sign_button.setText(self.tr("Mark &signed"))
