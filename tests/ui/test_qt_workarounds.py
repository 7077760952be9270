"""The guard against PySide6 losing a reference to True on each emit: a long session must not abort."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from kam_desktop.ui import qt_workarounds


class Chatty(QObject):
    said = Signal(int, int)


def test_thousands_of_emits_leave_true_with_references(qapp: object) -> None:
    qt_workarounds.guard_bool_refcount()  # idempotent in effect: applied only while a leak is measured
    chatty = Chatty()
    heard: list[int] = []
    chatty.said.connect(lambda a, _b: heard.append(a))
    for i in range(20_000):  # unguarded, PySide6 6.12.0 on CPython 3.11 aborts long before this
        chatty.said.emit(i, i)
    assert len(heard) == 20_000
    assert sys.getrefcount(True) > 100_000 or not qt_workarounds.emit_leaks_true()


def test_thousands_of_none_answers_leave_none_with_references(qapp: object) -> None:
    qt_workarounds.guard_bool_refcount()
    model = qt_workarounds._NoneModel()
    index = model.index(0, 0)
    for _ in range(20_000):  # a model answers None for most roles; unguarded this aborts on 6.12.0
        assert index.data() is None
    assert sys.getrefcount(None) > 100_000 or not qt_workarounds.virtual_none_leaks()
