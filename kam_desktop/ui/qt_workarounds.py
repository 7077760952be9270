"""Guards against defects of the Qt binding that would crash a long session, each detected before it is applied.

PySide6 6.12.0 on CPython 3.11 drops one reference to `True` on every `Signal.emit()` made from Python
(measured: 100 emits → True's count falls by 100; False is untouched). Once the count reaches zero the
interpreter aborts with "bool_dealloc: deallocating True or False" — after a few thousand signals, e.g.
filtering a 20,000-account portfolio a few dozen times. CPython 3.12+ makes True immortal, so only
older interpreters are exposed. The guard measures the leak with a probe signal and, only if it is
there, lifts True's count far out of reach (2**40 emits), which is harmless: True is never freed anyway.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

log = logging.getLogger(__name__)
PROBE_EMITS = 64
HEADROOM = 1 << 40


class _Probe(QObject):
    ping = Signal(int)


def emit_leaks_true() -> bool:
    """True when emitting a signal from Python loses references to True (measured, not assumed)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(PROBE_EMITS):
        probe.ping.emit(1)
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    return lost >= PROBE_EMITS


class _NoneModel(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        return None


def virtual_none_leaks() -> bool:
    """True when a Python override that returns None (e.g. a model's data()) loses a reference to None."""
    model = _NoneModel()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(PROBE_EMITS):
        index.data()
    return before - sys.getrefcount(None) >= PROBE_EMITS


def guard_bool_refcount() -> bool:
    """Apply the guards this binding needs; returns whether any was applied (logged when so).

    Besides True on emit, PySide6 6.12.0 loses a reference to None each time a Python override returns
    None to C++ (a table model answers None for most roles: filtering 20,000 rows a few times aborts).
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # True and None are immortal there
    # The probes count references to True and None, which another thread changes while it runs Python (the quick
    # start's reader makes rows of booleans meanwhile): a long switch interval keeps the probes to themselves.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1.0)
    try:
        leaks = emit_leaks_true(), virtual_none_leaks()
    finally:
        sys.setswitchinterval(interval)
    return _compensate(*leaks)


def _compensate(true_leaks: bool, none_leaks: bool) -> bool:
    applied = False
    if true_leaks:
        import ctypes  # only here: a start on a binding without the defect does not load it

        ctypes.c_ssize_t.from_address(id(True)).value += HEADROOM + PROBE_EMITS
        log.warning("this PySide6 build loses a reference to True on every signal emit; compensated "
                    "(upgrade PySide6 to a fixed release)")
        applied = True
    if none_leaks:
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += HEADROOM + PROBE_EMITS
        log.warning("this PySide6 build loses a reference to None when an override returns None; compensated")
        applied = True
    return applied


def python_viewport(area: QAbstractScrollArea) -> QWidget:
    """Give `area` a viewport made from Python and return it (call first thing, before anything uses the old one).

    The binding wraps the viewport Qt makes itself on the first `viewport()` through its type discovery, which walks
    every subclass of QWidget and so loads every class of QtWidgets: ~70 Python enums, 10-15 ms, paid before the
    first paint. A widget made here is already wrapped: `viewport()` finds it at no cost.
    """
    viewport = QWidget()
    area.setViewport(viewport)
    return viewport


def scan_imports_cheaply() -> bool:
    """Make the binding's per-import check read each module's file as bytes; returns whether it was applied.

    PySide6 asks of every module imported after it whether its source mentions "PySide6" (to scope its
    `__feature__` switches), through `inspect.getsource`: encoding detection, the whole file split into lines and
    kept in linecache. About 100 modules are imported before the first paint, which made that check ~10 ms of the
    start. The same question is answered here from the file's bytes; anything that is not a plain source file goes
    to the binding's own check. Detected before it is applied: a binding without that check is left alone.
    """
    feature = sys.modules.get("shibokensupport.feature")
    own_check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(own_check) or getattr(own_check, "reads_bytes", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(own_check(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(own_check(module))

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
