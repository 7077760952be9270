"""The team server the security tests share: one database and its login roles per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.team_world import Server, serve


@pytest.fixture(scope="module")
def server(pg_available: bool) -> Iterator[Server]:
    if not pg_available:
        pytest.skip("no PostgreSQL server")
    yield from serve()
