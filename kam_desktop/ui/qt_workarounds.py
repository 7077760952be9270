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
    applied = False
    if emit_leaks_true():
        import ctypes  # only here: a start on a binding without the defect does not load it

        ctypes.c_ssize_t.from_address(id(True)).value += HEADROOM + PROBE_EMITS
        log.warning("this PySide6 build loses a reference to True on every signal emit; compensated "
                    "(upgrade PySide6 to a fixed release)")
        applied = True
    if virtual_none_leaks():
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
