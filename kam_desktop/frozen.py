"""Worker processes in a frozen (PyInstaller) app: the entry points call `support()` before anything else."""

from __future__ import annotations

import sys

_ready = False


def support() -> None:
    """Let spawned worker processes start in a frozen app (else a worker would run the app's `main()` again).

    Free when not frozen: multiprocessing is imported only then, so a normal start does not pay for it.
    """
    global _ready
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    _ready = True


def workers_can_start() -> bool:
    """False in a frozen app whose entry point did not call `support()`: batches then render in one process."""
    return _ready or not getattr(sys, "frozen", False)
