"""Many statements in one go (a portfolio × quarter), with progress and cancel; no Qt, run it in a worker.

The fast path is mostly in what is *not* repeated: fonts are registered and parsed once per process,
paragraph styles and Babel formatters are built once and shared, and tables use plain strings wherever
text need not wrap. A statement that does not balance is reported and skipped; the batch goes on, so
that one bad ledger does not stop 999 good statements (errors as values).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kam_desktop.documents.content import StatementContent
from kam_desktop.documents.errors import DocumentError
from kam_desktop.documents.layout import styles
from kam_desktop.documents.pdf import configure_reportlab
from kam_desktop.documents.statement import render_statement

Sink = Callable[[StatementContent, bytes], None]
Progress = Callable[[int, int], None]

_PAGE_RE = re.compile(rb"/Type /Page\b(?!s)")


def page_count(pdf: bytes) -> int:
    """Pages of a PDF we rendered (counts page objects; enough for our own uncompressed object dicts)."""
    return len(_PAGE_RE.findall(pdf))


@dataclass(frozen=True)
class BatchFailure:
    index: int
    number: str
    account_code: str
    message: str


@dataclass(frozen=True)
class BatchResult:
    rendered: int
    pages: int
    failures: tuple[BatchFailure, ...]
    cancelled: bool
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


def render_statements(
    items: Iterable[StatementContent],
    sink: Sink,
    *,
    total: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    created_at: datetime | None = None,
) -> BatchResult:
    """Render each statement and hand its PDF to `sink`; report `progress(done, total)` after each one.

    `cancelled()` is polled before each statement: a cancelled batch stops cleanly between documents
    (everything already passed to `sink` stays valid). `total` defaults to `len(items)` when it has one.
    """
    configure_reportlab()
    styles()
    if total is None:
        total = len(items) if isinstance(items, Sized) else 0
    started = time.perf_counter()
    rendered = pages = 0
    failures: list[BatchFailure] = []
    stopped = False
    for index, content in enumerate(items):
        if cancelled is not None and cancelled():
            stopped = True
            break
        try:
            pdf = render_statement(content, created_at=created_at)
        except DocumentError as exc:
            failures.append(BatchFailure(index, content.header.number, content.client.code, str(exc)))
        else:
            sink(content, pdf)
            rendered += 1
            pages += page_count(pdf)
        if progress is not None:
            progress(index + 1, total)
    return BatchResult(rendered, pages, tuple(failures), stopped, time.perf_counter() - started)


def directory_sink(folder: Path) -> Sink:
    """A sink writing `<number>.pdf` files into `folder` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)

    def write(content: StatementContent, pdf: bytes) -> None:
        name = re.sub(r"[^\w.-]", "_", content.header.number) + ".pdf"
        (folder / name).write_bytes(pdf)

    return write
