"""What people type that use cases read: a quarter written as `2026Q1`."""

from __future__ import annotations

from kam_desktop.domain.periods import PeriodError, Quarter
from kam_desktop.services.errors import ServiceError


def parse_quarter(quarter: Quarter | str) -> Quarter:
    """A quarter given as `2026Q1`, or a refusal saying how to write one."""
    if isinstance(quarter, Quarter):
        return quarter
    try:
        return Quarter.parse(quarter)
    except PeriodError as exc:
        raise ServiceError.of(exc) from None
