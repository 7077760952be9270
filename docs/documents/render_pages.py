"""Re-render the PNG pages in this folder: `python docs/documents/render_pages.py` (needs pdftoppm)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from kam_desktop.documents import render_agreement, render_annex, render_statement, samples

HERE = Path(__file__).resolve().parent
PAGES = {"agreement": 2, "annex-draft": 1, "annex-final": 1, "statement": 2}


def main() -> None:
    for lang in ("pl", "ru", "en"):
        pdfs = {
            "agreement": render_agreement(samples.sample_agreement(lang)),
            "annex-draft": render_annex(samples.sample_annex(lang, draft=True)),
            "annex-final": render_annex(samples.sample_annex(lang)),
            "statement": render_statement(samples.sample_statement(lang)),
        }
        for name, pdf in pdfs.items():
            with tempfile.TemporaryDirectory() as folder:
                source = Path(folder) / "doc.pdf"
                source.write_bytes(pdf)
                subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", str(PAGES[name]), str(source),
                                str(HERE / f"{name}-{lang}")], check=True)


if __name__ == "__main__":
    main()
