"""Reliability tests: every test here carries the `reliability` marker; long runs take `--runs N`."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.reliability)


@pytest.fixture
def runs(request: pytest.FixtureRequest) -> int:
    """How many crash or fault runs a loop makes: `--runs N` (the short CI form by default)."""
    return int(request.config.getoption("--runs"))
