"""Acting in tests: the context of a person of a store, on a business day."""

from __future__ import annotations

from datetime import date
from typing import Any

from kam_desktop.services.clock import FixedClock, clock_from_environment
from kam_desktop.services.context import Context, open_context
from kam_desktop.services.desk import Desk


def as_(store: Any, login: str = "admin", on: date | None = None) -> Context:
    """The context of `login` on `store` (the store's administrator by default), on business day `on`
    (default: the start's clock, KAM_TODAY where a test sets it)."""
    return open_context(store, login, FixedClock(on) if on else clock_from_environment())


def desk(store: Any, login: str = "admin", on: date | None = None) -> Desk:
    """The desk of `login` on `store`, as the GUI and the CLI hold it."""
    return Desk(as_(store, login, on))
