"""Long work off the GUI thread: `run_task` on a QThreadPool, results and progress back on the GUI thread."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):  # noqa: N818 - it is a signal to stop, not an error
    """Raised inside a task by `TaskContext.check()` once the user cancelled it."""


class TaskContext:
    """What a task function receives: the cancel flag (a threading.Event) and a progress reporter."""

    def __init__(self, relay: _Relay) -> None:
        self.cancel = threading.Event()
        self._relay = relay

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def check(self) -> None:
        """Stop here if cancelled (raises Cancelled, which the task reports as cancelled, not failed)."""
        if self.cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Progress for the GUI; `total` 0 means "busy, amount unknown"."""
        self._relay.progressed.emit(done, total, text)


class _Relay(QObject):
    """Lives in the GUI thread: signals emitted by the worker are queued and its slots run on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)
    ended = Signal()

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progressed)

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if self._task.progress is not None and not self._task.finished:
            self._task.progress(done, total, text)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self._task._deliver_result(result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._task._deliver_error(error)


class Task(QRunnable):
    """One unit of background work; keep the returned object to cancel it."""

    _running: set[Task] = set()  # keeps tasks (and their relays) alive until their result is delivered

    def __init__(self, func: Callable[[TaskContext], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None,
                 progress: Callable[[int, int, str], None] | None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.relay = _Relay(self)
        self.context = TaskContext(self.relay)
        self._func = func
        self._on_done, self._on_error = on_done, on_error
        self.finished = False
        self.was_cancelled = False
        self.progress = progress
        self.owner: QObject | None = None  # a widget whose deletion makes the result moot

    def _owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)

    def cancel(self) -> None:
        self.context.cancel.set()

    def run(self) -> None:  # worker thread
        try:
            result = self._func(self.context)
        except Cancelled:
            self.was_cancelled = True
            self.relay.failed.emit(Cancelled())
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI thread
            self.relay.failed.emit(error)
        else:
            self.relay.succeeded.emit(result)

    def _deliver_result(self, result: Any) -> None:
        self._finish()
        if self.context.cancelled or self._owner_gone():
            self.was_cancelled = True
            return
        self._on_done(result)

    def _deliver_error(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled) or self._owner_gone():
            return
        if self._on_error is not None:
            self._on_error(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _finish(self) -> None:
        self.finished = True
        Task._running.discard(self)
        self.relay.ended.emit()


def run_task(func: Callable[[TaskContext], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None, *,
             progress: Callable[[int, int, str], None] | None = None,
             pool: QThreadPool | None = None, owner: QObject | None = None) -> Task:
    """Run `func(context)` on the thread pool; `on_done(result)` or `on_error(exc)` run on the GUI thread.

    A cancelled task calls neither, nor does one whose `owner` widget was deleted meanwhile. Without
    `on_error` a failure goes to the crash handler.
    Call from the GUI thread.
    """
    task = Task(func, on_done, on_error, progress)
    task.owner = owner
    Task._running.add(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return task
