"""Guards against defects of the Qt binding that would crash a long session, each detected before it is applied.

PySide6 6.12.0 on CPython 3.11 drops one reference to `True` on every `Signal.emit()` made from Python
(measured: 100 emits → True's count falls by 100; False is untouched). Once the count reaches zero the
interpreter aborts with "bool_dealloc: deallocating True or False" — after a few thousand signals, e.g.
filtering a 20,000-account portfolio a few dozen times. CPython 3.12+ makes True immortal, so only
older interpreters are exposed. The guard measures the leak with a probe signal and, only if it is
there, lifts True's count far out of reach (2**40 emits), which is harmless: True is never freed anyway.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

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


def guard_bool_refcount() -> bool:
    """Apply the guard if this binding leaks; returns whether it was applied (logged either way)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # True is immortal there
    if not emit_leaks_true():
        return False
    count = ctypes.c_ssize_t.from_address(id(True))
    count.value += HEADROOM + PROBE_EMITS
    log.warning("this PySide6 build loses a reference to True on every signal emit; compensated "
                "(upgrade PySide6 to a fixed release)")
    return True
