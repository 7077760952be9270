"""run_task: results, errors and progress come back on the GUI thread; cancel stops without a callback."""

from __future__ import annotations

import threading
import time

from kam_desktop.ui.workers import TaskContext, run_task


def test_the_result_arrives_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def work(_ctx: TaskContext) -> int:
        seen["worker"] = threading.current_thread()
        return 42

    task = run_task(work, lambda result: seen.update(result=result, gui=threading.current_thread()))
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert seen["result"] == 42
    assert seen["gui"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()


def test_an_error_goes_to_on_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def work(_ctx: TaskContext) -> None:
        raise ValueError("bad row 7")

    task = run_task(work, lambda _r: errors.append(AssertionError("no result expected")), errors.append)
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert [str(e) for e in errors] == ["bad row 7"]


def test_progress_is_reported_and_cancel_stops_the_task(qtbot) -> None:  # type: ignore[no-untyped-def]
    progress: list[tuple[int, int, str]] = []
    outcomes: list[object] = []
    started = threading.Event()

    def work(ctx: TaskContext) -> str:
        ctx.report(1, 0, "busy")
        started.set()
        while True:  # runs until cancelled
            ctx.check()
            time.sleep(0.01)

    task = run_task(work, outcomes.append, outcomes.append, progress=lambda *p: progress.append(p))
    assert started.wait(5)
    qtbot.waitUntil(lambda: progress == [(1, 0, "busy")], timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert task.was_cancelled
    assert outcomes == []


def test_a_result_for_a_deleted_owner_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    import shiboken6
    from PySide6.QtWidgets import QWidget

    from kam_desktop.ui.workers import run_task

    owner = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    task = run_task(lambda _ctx: release.wait(5) and "late", delivered.append, delivered.append, owner=owner)
    shiboken6.delete(owner)  # the screen was closed while its data was being read
    release.set()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    assert delivered == []
    kept = QWidget()
    qtbot.addWidget(kept)
    with qtbot.waitSignal(run_task(lambda _ctx: "in time", delivered.append, owner=kept).relay.ended, timeout=5000):
        pass
    assert delivered == ["in time"]
