"""Fixtures of the sync tests: a team server on a fresh PostgreSQL database."""

from __future__ import annotations

import gc
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.team import Team, install_server, make_team


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Inside the sync tests, a connection whose backend the test terminated may be collected mid-test (hypothesis
    runs many examples in one test): its ResourceWarning is expected there, and only there."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.filterwarnings("ignore:.*was deleted while still open:ResourceWarning"))


@pytest.fixture(autouse=True)
def _collect_cut_connections() -> Iterator[None]:
    """Connections whose server backend a test terminated (a cut network, a crash) are collected here, after the
    test, with their ResourceWarning: left to the garbage collector they would fail whichever test runs next.
    (NOTES: the warning comes from psycopg's side of a terminated backend; the app's own paths close theirs.)"""
    yield
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


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
