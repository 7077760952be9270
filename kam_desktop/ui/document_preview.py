"""The in-app preview of a document's PDF: pages in a QPdfView, Print… (system printers, copies, pages), Save as…, Open in viewer."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kam_desktop.ui.widgets import MessageLine

POINTS_PER_INCH = 72.0
MAX_PRINT_DPI = 300  # a page image finer than this only makes the spool file bigger, not the print sharper


class DocumentPreview(QDialog):
    """One document's frozen PDF, shown as the printer will print it."""

    def __init__(self, path: Path, open_files: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.path = path
        self.open_files = open_files  # tests and screenshots never start a system viewer
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.buttons = {key: QPushButton(self) for key in ("print", "save", "open", "close")}
        for key, button in self.buttons.items():
            button.setObjectName(f"preview-{key}")
        self.buttons["print"].clicked.connect(lambda: self.print_dialog())
        self.buttons["save"].clicked.connect(lambda: self.save_as())
        self.buttons["open"].clicked.connect(lambda: self.open_in_viewer())
        self.buttons["close"].clicked.connect(self.close)
        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_shortcut.activated.connect(self.print_dialog)
        self.message = MessageLine(self)
        bar = QHBoxLayout()
        for key in ("print", "save", "open"):
            bar.addWidget(self.buttons[key])
        bar.addStretch(1)
        bar.addWidget(self.message, 3)
        bar.addWidget(self.buttons["close"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.resize(900, 1000)
        self.retranslate()

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_dialog(self) -> bool:
        """Print… : the system's dialog (printer, copies, page range), then the pages to the chosen printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        printed = self.print_to(printer)
        return printed > 0

    def print_to(self, printer: QPrinter) -> int:
        """Paint the chosen pages onto `printer`; the number of sheets painted (0 when nothing was printed)."""
        pages = self._chosen_pages(printer)
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        painter = QPainter()
        if not pages or not painter.begin(printer):
            self.message.error(self.tr("Nothing was printed: the printer did not start."))
            return 0
        sheets = 0
        try:
            for _copy in range(copies):
                for page in pages:
                    if sheets and not printer.newPage():
                        raise OSError("new page refused")
                    self._paint_page(painter, printer, page)
                    sheets += 1
        except OSError:
            self.message.error(self.tr("Printing stopped: the printer refused a page."))
            painter.end()
            return 0
        painter.end()
        self.message.ok(self.tr("Sent %n page(s) to %1.", "", sheets)
                        .replace("%1", printer.printerName() or printer.outputFileName()))
        return sheets

    def _chosen_pages(self, printer: QPrinter) -> list[int]:
        """0-based pages: the dialog's range (1-based, 0 = all) clipped to the document."""
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            return list(range(count))
        return [page for page in range(max(1, first) - 1, min(count, max(first, last)))]

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        """One PDF page scaled to the printable area, its aspect kept, centred."""
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        points = self.document.pagePointSize(page)
        scale = min(area.width() / points.width(), area.height() / points.height())
        width, height = points.width() * scale, points.height() * scale
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        image = self.document.render(page, QSize(round(points.width() * dpi / POINTS_PER_INCH),
                                                 round(points.height() * dpi / POINTS_PER_INCH)))
        target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)

    def save_as(self, target: Path | None = None) -> Path | None:
        """Save a copy of the PDF; asks where (and Qt's dialog asks before replacing a file)."""
        if target is None:
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the document as"),
                                                          str(Path.home() / self.path.name),
                                                          self.tr("PDF documents (*.pdf)"))
            if not chosen:
                return None
            target = Path(chosen)
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            self.message.error(self.tr("Not saved to %1: %2").replace("%1", str(target))
                               .replace("%2", error.strerror or str(error)))
            return None
        self.message.ok(self.tr("Saved as %1.").replace("%1", str(target)))
        return target

    def open_in_viewer(self) -> bool:
        """The system's PDF viewer; says so only when the system reports that one started."""
        opened = self.open_files and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        if opened:
            self.message.ok(self.tr("Opened %1 in the system viewer.").replace("%1", self.path.name))
        else:
            self.message.error(self.tr("No PDF viewer opened %1; print here or save it with Save as….")
                               .replace("%1", self.path.name))
        return bool(opened)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", self.path.name))
        self.buttons["print"].setText(self.tr("&Print…"))
        self.buttons["print"].setToolTip(QKeySequence(QKeySequence.StandardKey.Print).toString(
            QKeySequence.SequenceFormat.NativeText))
        self.buttons["save"].setText(self.tr("&Save as…"))
        self.buttons["open"].setText(self.tr("&Open in viewer"))
        self.buttons["close"].setText(self.tr("Close"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
