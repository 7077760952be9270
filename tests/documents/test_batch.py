"""Batches of statements: progress after each, cancel between documents, bad ledgers reported not fatal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from kam_desktop.documents import pool
from kam_desktop.documents.batch import directory_sink, page_count, render_statements
from kam_desktop.documents.content import StatementContent

from . import builders as build
from .pdfcheck import page_texts


def statements(count: int) -> list[StatementContent]:
    return [build.statement("pl", index) for index in range(count)]


def test_every_statement_reaches_the_sink_with_progress() -> None:
    items = statements(4)
    received: list[tuple[str, bytes]] = []
    progress: list[tuple[int, int]] = []
    result = render_statements(items, lambda c, pdf: received.append((c.header.number, pdf)),
                               progress=lambda done, total: progress.append((done, total)))
    assert [n for n, _ in received] == [c.header.number for c in items]
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert result.rendered == 4 and not result.cancelled and result.failures == ()
    assert result.pages == sum(len(page_texts(pdf)) for _, pdf in received)
    assert result.pages_per_second > 0


def test_cancel_stops_between_documents() -> None:
    received: list[bytes] = []
    result = render_statements(statements(5), lambda c, pdf: received.append(pdf),
                               cancelled=lambda: len(received) >= 2)
    assert result.cancelled
    assert result.rendered == len(received) == 2


def test_an_unbalanced_statement_is_reported_and_the_rest_are_rendered() -> None:
    items = statements(3)
    points = items[1].ledgers[0]
    items[1] = replace(items[1], ledgers=(replace(points, closing=points.closing + Decimal(1)),
                                          items[1].ledgers[1]))
    received: list[str] = []
    result = render_statements(items, lambda c, pdf: received.append(c.header.number))
    assert received == [items[0].header.number, items[2].header.number]
    assert [(f.index, f.number, f.account_code) for f in result.failures] == [
        (1, items[1].header.number, items[1].client.code)]
    assert "does not balance" in result.failures[0].message


def test_a_generator_works_without_a_known_total() -> None:
    progress: list[tuple[int, int]] = []
    result = render_statements((s for s in statements(2)), lambda c, pdf: None,
                               progress=lambda d, t: progress.append((d, t)))
    assert result.rendered == 2 and progress == [(1, 0), (2, 0)]


def test_directory_sink_writes_one_file_per_number(tmp_path: Path) -> None:
    render_statements(statements(2), directory_sink(tmp_path / "out"))
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["STM-2026-00001.pdf", "STM-2026-00002.pdf"]
    assert page_count((tmp_path / "out" / files[0]).read_bytes()) == len(
        page_texts((tmp_path / "out" / files[0]).read_bytes()))


# ---------------------------------------------------------------- worker processes


def test_small_batches_stay_in_this_process_and_large_ones_use_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_cores", lambda: 4)
    assert pool.worker_count(0) == pool.worker_count(pool.PER_WORKER - 1) == 1
    assert pool.worker_count(2 * pool.PER_WORKER) == 2
    assert pool.worker_count(1_000) == 4
    assert pool.worker_count(1_000, requested=1) == 1
    monkeypatch.setattr(pool, "_cores", lambda: 64)
    assert pool.worker_count(100_000) == pool.MAX_WORKERS


def test_workers_hand_back_the_same_bytes_in_the_same_order_with_progress() -> None:
    items = statements(11)
    serial: list[tuple[str, bytes]] = []
    render_statements(items, lambda c, pdf: serial.append((c.header.number, pdf)), workers=1)
    parallel: list[tuple[str, bytes]] = []
    progress: list[tuple[int, int]] = []
    result = render_statements(items, lambda c, pdf: parallel.append((c.header.number, pdf)), workers=2,
                               progress=lambda done, total: progress.append((done, total)))
    assert parallel == serial
    assert progress == [(n, 11) for n in range(1, 12)]
    assert result.rendered == 11 and result.pages == sum(page_count(pdf) for _, pdf in serial)


def test_with_workers_a_bad_ledger_is_still_reported_and_skipped() -> None:
    items = statements(6)
    points = items[4].ledgers[0]
    items[4] = replace(items[4], ledgers=(replace(points, closing=points.closing + Decimal(1)), items[4].ledgers[1]))
    received: list[str] = []
    result = render_statements(items, lambda c, pdf: received.append(c.header.number), workers=2)
    assert received == [c.header.number for i, c in enumerate(items) if i != 4]
    assert [(f.index, f.number) for f in result.failures] == [(4, items[4].header.number)]


def test_with_workers_a_cancel_stops_reading_and_every_statement_read_reaches_the_sink() -> None:
    read: list[str] = []

    def source() -> Iterator[StatementContent]:
        for content in statements(40):
            read.append(content.header.number)
            yield content

    received: list[str] = []
    result = render_statements(source(), lambda c, pdf: received.append(c.header.number), total=40, workers=2,
                               cancelled=lambda: len(read) >= 9)
    assert result.cancelled
    assert received == read == [c.header.number for c in statements(9)]


def test_a_failing_sink_stops_the_workers_and_raises() -> None:
    def sink(content: StatementContent, pdf: bytes) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        render_statements(statements(8), sink, workers=2)


class _BrokenPool:
    """A process pool whose workers never start (as with an unguarded main module or a killed worker)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def submit(self, *args: object) -> Future[object]:
        future: Future[object] = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_when_workers_cannot_run_the_batch_is_rendered_here_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "ProcessPoolExecutor", _BrokenPool)
    items = statements(9)
    received: list[str] = []
    result = render_statements(items, lambda c, pdf: received.append(c.header.number), workers=2)
    assert received == [c.header.number for c in items] and result.rendered == 9


def test_a_frozen_app_uses_worker_processes_only_once_its_entry_point_called_support(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kam_desktop import frozen
    from kam_desktop.documents.pool import worker_count

    monkeypatch.setattr(frozen, "_ready", False)
    monkeypatch.setattr("kam_desktop.documents.pool._cores", lambda: 4)
    assert worker_count(1000) == 4  # not frozen: the pool is always there
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_count(1000) == 1  # a spawned worker would run the app's main() again
    frozen.support()
    assert worker_count(1000) == 4


@pytest.mark.skipif(sys.platform == "win32", reason="stops the workers with SIGSTOP (POSIX)")
def test_workers_that_stop_answering_are_ended_and_the_batch_finishes_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """As under Wine: both workers idle while the parent waits. The batch must end, in order, with the same PDFs."""
    import multiprocessing
    import os
    import signal

    monkeypatch.setattr(pool, "STALL_SECONDS", 3.0)
    items = statements(40)
    serial: list[bytes] = []
    render_statements(items, lambda c, pdf: serial.append(pdf), workers=1)
    frozen_workers: list[int] = []

    def stop_the_workers_after_the_first(content: StatementContent, pdf: bytes) -> None:
        received.append((content.header.number, pdf))
        if len(received) == 1:
            for child in multiprocessing.active_children():
                assert child.pid is not None
                os.kill(child.pid, signal.SIGSTOP)
                frozen_workers.append(child.pid)

    received: list[tuple[str, bytes]] = []
    result = render_statements(items, stop_the_workers_after_the_first, workers=2)
    assert frozen_workers  # the workers were really stopped mid-batch
    assert [n for n, _ in received] == [c.header.number for c in items]
    assert [pdf for _, pdf in received] == serial
    assert result.rendered == 40 and result.failures == ()
    assert _ended_within(frozen_workers, seconds=10)  # ended, not left behind as stopped orphans


def _ended_within(pids: list[int], seconds: float) -> bool:
    """True once none of `pids` is a live process (gone, or dead and awaiting its reaping).

    Read from the kernel, not from multiprocessing's bookkeeping: the pool's own thread reaps the killed workers
    concurrently, and a process it has just reaped can still be listed by `active_children()` for an instant.
    """
    import time

    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _alive(pid: int) -> bool:
    import os

    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            state = stat.read().rpartition(")")[2].split()[0]  # the field after the command's "(name)"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (macOS): ask the kernel whether the pid exists at all
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return state not in ("Z", "X")
