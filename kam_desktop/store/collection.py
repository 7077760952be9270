"""Cyclic garbage collection held off while the app builds tens of thousands of short-lived, acyclic objects."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collection_held() -> Iterator[None]:
    """Run the block with the cyclic collector off, and put it back as it was when the last holder leaves.

    Why: CPython runs a collection every 700 new container objects and, as the young ones survive, full ones over
    the whole heap (SQLAlchemy's and the models' ~90,000 objects, more with Qt). Grading, the KPIs or the portfolio of
    20,000 accounts build rows, rankings and results by the hundred thousand, none in a reference cycle, so those
    collections find nothing and took a quarter to a half of grading's time (measured at 20,000 accounts). Reference counting still frees every object at
    once; a cycle made meanwhile is collected at the first collection after. Nested and concurrent holders (a
    read on a worker thread) share one hold: the collector comes back when the last one leaves.
    """
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
