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


def test_the_cheaper_import_scan_gives_the_bindings_answers() -> None:
    import email.mime.text
    import json

    import kam_desktop.domain.money
    import kam_desktop.ui.main_window

    feature = sys.modules.get("shibokensupport.feature")
    assert feature is not None  # the binding of the pyproject has the check: a newer one without it fails here
    qt_workarounds.scan_imports_cheaply()
    assert not qt_workarounds.scan_imports_cheaply()  # once
    ours = feature._mod_uses_pyside
    assert ours.reads_bytes
    own = ours.__closure__[0].cell_contents if ours.__closure__ else None
    assert callable(own) and not getattr(own, "reads_bytes", False)
    for module in (kam_desktop.ui.main_window, qt_workarounds, kam_desktop.domain.money, json, email.mime.text, sys):
        assert ours(module) == own(module), module.__name__
    assert ours(kam_desktop.ui.main_window) and not ours(kam_desktop.domain.money) and not ours(sys)


def test_the_probes_leave_the_switch_interval_as_it_was(qapp: object) -> None:
    before = sys.getswitchinterval()
    qt_workarounds.guard_bool_refcount()
    assert sys.getswitchinterval() == before
