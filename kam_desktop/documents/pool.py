"""Rendering a batch's statements in worker processes, handing each PDF back in the batch's order.

A statement takes ~10 ms of pure-Python work (reportlab), so a batch of 1,000 keeps one core busy for
10 s; worker processes use the laptop's other cores. The PDFs are byte-identical to serial rendering
(rendering depends on the content and creation date only). Workers are started with "spawn" on every
platform: forking a process that runs Qt and SQLAlchemy threads is not safe, and it is what Windows does.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from itertools import chain, islice

from kam_desktop import frozen
from kam_desktop.documents.content import StatementContent
from kam_desktop.documents.errors import DocumentError
from kam_desktop.documents.layout import styles
from kam_desktop.documents.pdf import configure_reportlab
from kam_desktop.documents.statement import render_statement

log = logging.getLogger(__name__)

Outcome = bytes | str  # the PDF, or why the statement was not rendered
Numbered = tuple[int, StatementContent]

# Beyond ~4 workers this process is the bottleneck of a real batch (reading each account's facts, storing
# each PDF: ~2.5 ms a statement), and each worker holds ~45 MB (interpreter, reportlab, parsed fonts).
MAX_WORKERS = 4
PER_WORKER = 40  # statements a worker must get to repay its ~0.4 s start
CHUNK = 4  # statements per task: few enough to balance the load, enough to amortise the hand-over
AHEAD = 3  # chunks in flight per worker, so that no worker waits while the batch's order is kept
# A chunk renders in ~50 ms: this long without the next one back means the workers are stuck, not slow. Seen under
# Wine (the frozen kamctl.exe with a non-ASCII store path): both workers idle at 0 s CPU waiting for work the
# parent had handed out. The batch then finishes here rather than never.
STALL_SECONDS = 60.0


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))  # the cores this process may use, not all the machine's
    return os.cpu_count() or 1


def worker_count(total: int, requested: int | None = None) -> int:
    """How many processes render a batch of `total`; 1 means serial, in this process.

    `requested` overrides (1 forces serial). Otherwise: one per usable core, at most `MAX_WORKERS`, and
    only as many as get `PER_WORKER` statements each, so small batches stay serial.
    """
    if requested is not None:
        return max(1, requested)
    if not frozen.workers_can_start():  # a frozen entry point that did not call kam_desktop.frozen.support()
        return 1
    return max(1, min(_cores(), MAX_WORKERS, total // PER_WORKER))


def render_outcome(content: StatementContent, created_at: datetime | None) -> Outcome:
    """One statement's PDF, or the message of the `DocumentError` that refused it."""
    try:
        return render_statement(content, created_at=created_at)
    except DocumentError as exc:
        return str(exc)


def _start_worker() -> None:
    _die_with_parent()
    configure_reportlab()
    styles()


def _die_with_parent() -> None:
    """End this worker as soon as the process that started it is gone, even if it was killed outright.

    A killed parent never shuts its pool down: without this its workers would render on as orphans.
    The parent's sentinel (a pipe on POSIX, a process handle on Windows) becomes ready when it dies.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)  # no clean-up: there is no one left to hand a result to

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _render_chunk(contents: list[StatementContent], created_at: datetime | None) -> list[Outcome]:
    return [render_outcome(content, created_at) for content in contents]


def _take(source: Iterator[Numbered], stop: Callable[[], bool]) -> list[Numbered]:
    """Up to `CHUNK` items, fewer at the end or on a stop; `stop()` is polled before each, as serially."""
    return list(islice(_until(source, stop), CHUNK))


def render_in_pool(
    items: Iterable[StatementContent], workers: int, created_at: datetime | None, stop: Callable[[], bool]
) -> Generator[tuple[int, StatementContent, Outcome], None, None]:
    """Yield `(index, content, outcome)` in the order of `items`, rendered by `workers` processes.

    Items are read only a few chunks ahead of rendering. Once `stop()` says so, no further item is read;
    those already read are still rendered and yielded (each may hold a document number already taken).
    """
    source = enumerate(items)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker)
    pending: deque[tuple[list[Numbered], Future[list[Outcome]]]] = deque()
    stuck = False
    try:
        more = True
        while more or pending:
            more = more and _submit(pool, pending, workers * AHEAD, source, stop, created_at)
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                outcomes = future.result(timeout=STALL_SECONDS)
            except (BrokenProcessPool, TimeoutError) as failure:
                # workers that could not start (an unguarded main module) or that stopped answering: go on here;
                # rendering is pure, so a chunk a stuck worker may still finish is simply not waited for
                stuck = isinstance(failure, TimeoutError)
                log.warning("statement workers %s; rendering the rest of the batch here",
                            f"gave no result for {STALL_SECONDS:.0f} s" if stuck else "failed", exc_info=not stuck)
                read = [*chunk, *chain.from_iterable(c for c, _ in pending)]
                pending.clear()
                yield from _in_this_process(chain(read, _until(source, stop)), created_at)
                return
            for (index, content), outcome in zip(chunk, outcomes, strict=True):
                yield index, content, outcome
    finally:
        if stuck:
            _abandon(pool)
        else:
            pool.shutdown(wait=True, cancel_futures=True)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """End a pool whose workers stopped answering without waiting for them (waiting would never return).

    Its workers are ended outright; the executor's own thread then sees them gone and finishes, so the program
    can exit. The executor keeps its processes in a private mapping: there is no public way to end them before
    Python 3.14's `terminate_workers()`.
    """
    workers = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.kill()


def _submit(
    pool: ProcessPoolExecutor, pending: deque[tuple[list[Numbered], Future[list[Outcome]]]], limit: int,
    source: Iterator[Numbered], stop: Callable[[], bool], created_at: datetime | None,
) -> bool:
    """Read and hand out chunks until `limit` are in flight; False once `items` are exhausted or stopped."""
    while len(pending) < limit:
        chunk = _take(source, stop)
        if chunk:
            pending.append((chunk, pool.submit(_render_chunk, [c for _, c in chunk], created_at)))
        if len(chunk) < CHUNK:
            return False
    return True


def _until(source: Iterator[Numbered], stop: Callable[[], bool]) -> Iterator[Numbered]:
    while not stop():
        item = next(source, None)
        if item is None:
            return
        yield item


def _in_this_process(
    numbered: Iterable[Numbered], created_at: datetime | None
) -> Iterator[tuple[int, StatementContent, Outcome]]:
    for index, content in numbered:
        yield index, content, render_outcome(content, created_at)
