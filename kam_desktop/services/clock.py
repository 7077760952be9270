"""Today's date for business rules, overridable in one place (tests, demo, benchmarks)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def today() -> date:
    """The business date: KAM_TODAY=YYYY-MM-DD if set, else today in UTC."""
    override = os.environ.get("KAM_TODAY")
    if override:
        return date.fromisoformat(override)
    return datetime.now(UTC).date()
