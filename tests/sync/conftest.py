"""Fixtures of the sync tests: a team server on a fresh PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.team import Team, install_server, make_team


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[Team]:
    """A server with two KAMs and a director (login roles), the sync SQL installed, no laptop yet."""
    team = make_team(pg_url, tmp_path)
    install_server(team.store.engine)
    team.person("kam1", "kam")
    team.person("kam2", "kam")
    team.person("boss", "director")
    try:
        yield team
    finally:
        team.drop_roles()
