"""The documents tab: the register (agreement, annexes, statements); issue, preview and print, mark signed."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.document_preview import DocumentPreview
from kam_desktop.ui.fields import picked, qdate
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import Confirming, MessageLine, RowTable

log = logging.getLogger(__name__)
CTX = "AccountTables"
KIND_LABELS = {"agreement": QT_TRANSLATE_NOOP("AccountTables", "agreement"),
               "annex": QT_TRANSLATE_NOOP("AccountTables", "annex"),
               "statement": QT_TRANSLATE_NOOP("AccountTables", "statement")}
STATUS_LABELS = {"draft": QT_TRANSLATE_NOOP("AccountTables", "DRAFT (waits for approvals)"),
                 "issued": QT_TRANSLATE_NOOP("AccountTables", "issued"),
                 "signed": QT_TRANSLATE_NOOP("AccountTables", "signed"),
                 "void": QT_TRANSLATE_NOOP("AccountTables", "superseded")}


LANGUAGES = (("", QT_TRANSLATE_NOOP("AccountTables", "the account's language")), ("pl", "Polski"),
             ("ru", "Русский"), ("en", "English"))
QUARTERS_OFFERED = 8  # the statement's quarter: the last finished one and the seven before it


def quarters_before(last: str, count: int = QUARTERS_OFFERED) -> list[str]:
    """'2026Q3' and the quarters before it, newest first."""
    year, quarter = int(last[:4]), int(last[-1])
    found = []
    for _n in range(count):
        found.append(f"{year}Q{quarter}")
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return found


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


class DocumentsTab(Confirming, QWidget):
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
        self.buttons = {key: QPushButton(self) for key in ("agreement", "annex", "statement", "preview", "reissue",
                                                           "verify", "attach", "scan")}
        for key, button in self.buttons.items():
            button.setObjectName(f"document-{key}")
        self.buttons["agreement"].clicked.connect(lambda: self.confirm_and_issue("agreement"))
        self.buttons["annex"].clicked.connect(lambda: self.confirm_and_issue("annex"))
        self.buttons["statement"].clicked.connect(lambda: self.confirm_and_issue("statement"))
        self.buttons["preview"].clicked.connect(lambda: self.preview())
        self.buttons["reissue"].clicked.connect(lambda: self.confirm_and_reissue())
        self.buttons["verify"].clicked.connect(lambda: self.verify())
        self.buttons["attach"].clicked.connect(lambda: self.attach_scan())
        self.buttons["scan"].clicked.connect(lambda: self.open_scan())
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("documentQuarter")
        self.quarter.addItems(quarters_before(desk.last_finished_quarter()))
        self.language = QComboBox(self)
        self.language.setObjectName("documentLanguage")
        for code, _label in LANGUAGES:
            self.language.addItem("", code)
        self.sign_box = QGroupBox(self)
        self.signatory = QLineEdit(self)
        self.signed_on = QDateEdit(self)
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDate(qdate(desk.today()))
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
        for key in ("agreement", "annex"):
            bar.addWidget(self.buttons[key])
        bar.addWidget(self.buttons["statement"])
        bar.addWidget(self.quarter)
        bar.addWidget(self.language)
        bar.addStretch(1)
        bar.addWidget(self.buttons["preview"])
        actions = QHBoxLayout()
        for key in ("reissue", "verify", "attach", "scan"):
            actions.addWidget(self.buttons[key])
        actions.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.sign_box)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.retranslate()
        self._enable()

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.model.set_formats(formats)

    def show_documents(self, rows: list[Any]) -> None:
        current = self.table.current()
        self.model.set_rows(sorted(rows, key=lambda r: (r.issued_at is None, r.issued_at, r.version), reverse=True))
        if current is not None:
            self.select(current.number)
        self._enable()

    def select(self, number: str, version: int | None = None) -> bool:
        """Select a document; without a version, its newest (a superseded version stays listed below it)."""
        versions = [r.version for r in self.model.rows() if r.number == number]
        wanted = version if version is not None else max(versions, default=0)
        return self.table.select_where(lambda r: r.number == number and r.version == wanted)

    def status_of(self, number: str) -> str | None:
        return next((r.status for r in self.model.rows() if r.number == number), None)

    def _enable(self) -> None:
        row = self.table.current()
        self.buttons["preview"].setEnabled(row is not None)
        self.sign_button.setEnabled(row is not None and row.status == "issued")
        self.buttons["reissue"].setEnabled(row is not None and row.status in ("draft", "issued"))
        self.buttons["verify"].setEnabled(row is not None)
        self.buttons["attach"].setEnabled(row is not None and row.status == "signed")
        self.buttons["scan"].setEnabled(row is not None and row.scans > 0)

    def chosen_language(self) -> str | None:
        return self.language.currentData() or None

    def ask(self, text: str) -> bool:
        """A legal document is issued only after a Yes."""
        return self.ask_yes(self.tr("Issue a document"), text, QMessageBox.StandardButton.Cancel)

    def confirm_and_issue(self, kind: str) -> Any:
        what = {"agreement": self.tr("Issue the participation agreement of %1? It gets a number and is kept "
                                     "unchanged in the register."),
                "annex": self.tr("Issue the benefit annex of %1? It gets a number and is kept unchanged in the "
                                 "register."),
                "statement": self.tr("Issue the statement of %1 for %2? It gets a number and is kept unchanged "
                                     "in the register.")}[kind]
        if not self.ask(what.replace("%1", self.code).replace("%2", self.quarter.currentText())):
            self.message.ok(self.tr("Nothing was issued."))
            return None
        return self.issue(kind)

    def confirm_and_reissue(self) -> Any:
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a document first."))
            return None
        text = self.tr("Issue %1 version %2? Version %3 becomes superseded.")
        if not self.ask(text.replace("%1", row.number).replace("%2", str(row.version + 1))
                        .replace("%3", str(row.version))):
            self.message.ok(self.tr("Nothing was issued."))
            return None
        return self.reissue()

    def reissue(self) -> Any:
        """The selected document as version n+1 (a draft annex after its approvals becomes final)."""
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a document first."))
            return None
        try:
            issued = self.desk.reissue_document(row.number, self.chosen_language())
        except ServiceError as error:
            self.message.error(self.tr("Not issued: %1").replace("%1", refusal_text(error)))
            return None
        return self._issued(issued)

    def issue(self, kind: str) -> Any:
        quarter = self.quarter.currentText() if kind == "statement" else None
        try:
            issued = self.desk.issue_document(self.code, kind, quarter, self.chosen_language())
        except ServiceError as error:
            self.message.error(self.tr("Not issued: %1").replace("%1", refusal_text(error)))
            return None
        return self._issued(issued)

    def _issued(self, issued: Any) -> Any:
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

    def verify(self) -> bool | None:
        """Recompute the SHA-256 of the stored PDF (and scans) against the one recorded at issue."""
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a document first."))
            return None
        try:
            check = self.desk.verify_document(row.number, row.version)
        except ServiceError as error:
            self.message.error(self.tr("Not verified: %1").replace("%1", refusal_text(error)))
            return None
        if check.ok:
            self.message.ok(self.tr("%1 v%2 is intact: SHA-256 %3 matches the register.")
                            .replace("%1", row.number).replace("%2", str(row.version)).replace("%3", check.recorded))
        else:
            self.message.error(self.tr("%1 v%2 does NOT match its recorded SHA-256 %3: the stored file changed.")
                               .replace("%1", row.number).replace("%2", str(row.version))
                               .replace("%3", check.recorded))
        return check.ok

    def attach_scan(self, scan: str | None = None) -> bool:
        """Attach a scan of the signed paper to a document already marked signed."""
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a document first."))
            return False
        if scan is None:
            scan, _filter = QFileDialog.getOpenFileName(self, self.tr("Scan of the signed paper"), "",
                                                        self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"))
            if not scan:
                return False
        try:
            self.desk.attach_scan(row.number, scan)
        except ServiceError as error:
            self.message.error(self.tr("Scan not attached: %1").replace("%1", refusal_text(error)))
            return False
        self.message.ok(self.tr("Scan %1 attached to %2.").replace("%1", Path(scan).name).replace("%2", row.number))
        self.saved.emit()
        return True

    def open_scan(self) -> Path | None:
        """Write the newest scan of the selected document and open it in the system viewer."""
        row = self.table.current()
        if row is None:
            self.message.error(self.tr("Select a document first."))
            return None
        try:
            found = self.desk.document_scan(row.number, row.version)
        except ServiceError as error:
            self.message.error(self.tr("No scan: %1").replace("%1", refusal_text(error)))
            return None
        if found is None:
            self.message.error(self.tr("%1 has no scan attached.").replace("%1", row.number))
            return None
        name, _mime, data = found
        folder = self.folder or Path.home()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{row.number}-v{row.version}-scan-{Path(name).name}"
        path.write_bytes(data)
        if self.open_files and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.message.ok(self.tr("Opened the scan %1.").replace("%1", path.name))
        else:
            self.message.error(self.tr("No viewer opened the scan; it is saved as %1.").replace("%1", str(path)))
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
            self.desk.sign_document(row.number, signatory, picked(self.signed_on), scan or self._scan)
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
        self.buttons["statement"].setText(self.tr("Issue &statement for"))
        self.buttons["reissue"].setText(self.tr("&Reissue as a new version…"))
        self.buttons["verify"].setText(self.tr("&Verify SHA-256"))
        self.buttons["attach"].setText(self.tr("Attach a scan &later…"))
        self.buttons["scan"].setText(self.tr("Open s&can"))
        for index, (_code, label) in enumerate(LANGUAGES):
            self.language.setItemText(index, _tr(label) if index == 0 else label)
        self.buttons["preview"].setText(self.tr("&Preview / print…"))
        self.sign_box.setTitle(self.tr("Mark signed"))
        for widget, text in zip(self.form_labels, (self.tr("Client's signatory:"), self.tr("Signed on:"),
                                                   self.tr("Scan:")), strict=True):
            widget.setText(text)
        if self._scan is None:
            self.scan_button.setText(self.tr("Attach a scan…"))
        self.sign_button.setText(self.tr("Mark &signed"))
