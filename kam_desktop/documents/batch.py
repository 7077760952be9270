"""Many statements in one go (a portfolio × quarter), with progress and cancel; no Qt, run it in a worker.

The fast path is mostly in what is *not* repeated: fonts are registered and parsed once per process,
paragraph styles and Babel formatters are built once and shared, and tables use plain strings wherever
text need not wrap. A large batch is spread over worker processes (`pool`), its PDFs still handed to
the sink in order. A statement that does not balance is reported and skipped; the batch goes on, so
that one bad ledger does not stop 999 good statements (errors as values).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Generator, Iterable, Sized
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kam_desktop.documents.content import StatementContent
from kam_desktop.documents.layout import styles
from kam_desktop.documents.pdf import configure_reportlab
from kam_desktop.documents.pool import Outcome, render_in_pool, render_outcome, worker_count

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
    workers: int | None = None,
) -> BatchResult:
    """Render each statement and hand its PDF to `sink`, in order; report `progress(done, total)` after each.

    `cancelled()` is polled before each statement is read from `items`: a cancelled batch stops cleanly
    between documents (everything already passed to `sink` stays valid). `total` defaults to `len(items)`
    when it has one. A batch of a known, large enough `total` is rendered by worker processes (see
    `pool.worker_count`; `workers=1` forces this process); `items` and `sink` always run in this process,
    and a parallel batch renders and hands over the few statements it had already read when cancelled.
    """
    configure_reportlab()
    styles()
    if total is None:
        total = len(items) if isinstance(items, Sized) else 0
    stopped = False

    def stop() -> bool:
        nonlocal stopped
        stopped = stopped or (cancelled is not None and cancelled())
        return stopped

    started = time.perf_counter()
    rendered = pages = 0
    failures: list[BatchFailure] = []
    count = worker_count(total, workers)
    outcomes = _serial(items, created_at, stop) if count == 1 else render_in_pool(items, count, created_at, stop)
    with closing(outcomes):  # a failing sink shuts the workers down at once
        for index, content, outcome in outcomes:
            if isinstance(outcome, str):
                failures.append(BatchFailure(index, content.header.number, content.client.code, outcome))
            else:
                sink(content, outcome)
                rendered += 1
                pages += page_count(outcome)
            if progress is not None:
                progress(index + 1, total)
    return BatchResult(rendered, pages, tuple(failures), stopped, time.perf_counter() - started)


def _serial(
    items: Iterable[StatementContent], created_at: datetime | None, stop: Callable[[], bool]
) -> Generator[tuple[int, StatementContent, Outcome], None, None]:
    for index, content in enumerate(items):
        if stop():
            return
        yield index, content, render_outcome(content, created_at)


def directory_sink(folder: Path) -> Sink:
    """A sink writing `<number>.pdf` files into `folder` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)

    def write(content: StatementContent, pdf: bytes) -> None:
        name = re.sub(r"[^\w.-]", "_", content.header.number) + ".pdf"
        (folder / name).write_bytes(pdf)

    return write
