"""The in-app preview: a document's pages shown, printed to a PDF printer (all pages, a page range), saved, never a false "opened"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kam_desktop.ui.document_preview import DocumentPreview
from tests.documents.pdfcheck import page_texts

PAGES = ("Aneks nr 1 strona pierwsza", "Aneks nr 1 strona druga", "Aneks nr 1 strona trzecia")


def three_pages(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for text in PAGES:
        canvas.setFont("Helvetica-Bold", 40)
        canvas.drawString(60, 700, text)
        canvas.rect(60, 100, 300, 400, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


def inked(path: Path, page: int) -> bool:
    """The printed page, rendered back, has dark pixels where the document had its black box."""
    document = QPdfDocument()
    document.load(str(path))
    image = document.render(page, document.pagePointSize(page).toSize())
    return any(QColor(image.pixel(x, y)).lightness() < 60
               for x in range(0, image.width(), 7) for y in range(0, image.height(), 7))


def test_the_preview_shows_and_prints_every_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = three_pages(tmp_path / "ANX-1.pdf")
    assert page_texts(source.read_bytes())[1].startswith(PAGES[1])
    preview = DocumentPreview(source, open_files=False)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page_count() == 3
    assert preview.view.document() is preview.document
    printed = tmp_path / "printed.pdf"
    assert preview.print_to(pdf_printer(printed)) == 3
    texts = page_texts(printed.read_bytes())
    assert len(texts) == 3
    assert all(inked(printed, page) for page in range(3))
    assert preview.message.text() == f"Sent 3 page(s) to {printed}."


def test_a_page_range_prints_only_those_pages(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    preview = DocumentPreview(three_pages(tmp_path / "ANX-1.pdf"), open_files=False)
    qtbot.addWidget(preview)
    printer = pdf_printer(tmp_path / "two.pdf")
    printer.setFromTo(2, 3)
    assert preview.print_to(printer) == 2
    assert len(page_texts((tmp_path / "two.pdf").read_bytes())) == 2


def test_save_as_copies_and_no_viewer_is_never_called_opened(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = three_pages(tmp_path / "ANX-1.pdf")
    preview = DocumentPreview(source, open_files=False)
    qtbot.addWidget(preview)
    target = preview.save_as(tmp_path / "copy.pdf")
    assert target is not None and target.read_bytes() == source.read_bytes()
    assert not preview.open_in_viewer()
    assert "Opened" not in preview.message.text()
    assert preview.message.text().startswith("No PDF viewer opened ANX-1.pdf")
    assert preview.save_as(tmp_path / "missing" / "copy.pdf") is None
    assert preview.message.text().startswith("Not saved to")
