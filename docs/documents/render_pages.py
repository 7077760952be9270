"""Re-render the PNG pages in this folder: `python docs/documents/render_pages.py` (QtPdf, which PySide6 ships)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from kam_desktop.documents import samples
from kam_desktop.documents.agreement import render_agreement
from kam_desktop.documents.annex import render_annex
from kam_desktop.documents.statement import render_statement

HERE = Path(__file__).resolve().parent
PAGES = {"agreement": 2, "annex-draft": 1, "annex-final": 1, "statement": 2}
DPI = 50


def write_pages(pdf: bytes, stem: str, pages: int) -> None:
    """Pages 1..`pages` of `pdf` as `<stem>-<n>.png` at 50 dpi, as `pdftoppm -r 50 -png` names them."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "doc.pdf"
        source.write_bytes(pdf)
        document = QPdfDocument()
        document.load(str(source))
        for page in range(pages):
            points = document.pagePointSize(page)  # 1/72 inch
            size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
            on_paper(document.render(page, size)).save(str(HERE / f"{stem}-{page + 1}.png"))
        document.close()


def on_paper(page: QImage) -> QImage:
    """The page on white paper: QtPdf leaves the background transparent."""
    paper = QImage(page.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, page)
    painter.end()
    return paper


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QtPdf renders through Qt's painter
    for lang in ("pl", "ru", "en"):
        pdfs = {
            "agreement": render_agreement(samples.sample_agreement(lang)),
            "annex-draft": render_annex(samples.sample_annex(lang, draft=True)),
            "annex-final": render_annex(samples.sample_annex(lang)),
            "statement": render_statement(samples.sample_statement(lang)),
        }
        for name, pdf in pdfs.items():
            write_pages(pdf, f"{name}-{lang}", PAGES[name])
    del app


if __name__ == "__main__":
    main()
