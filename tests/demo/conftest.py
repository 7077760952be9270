"""Fixtures for the demo and benchmark tests: a built demo store, its dump, a throw-away PostgreSQL."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kam_desktop.demo.company import DemoSummary
from kam_desktop.store.store import Store

from .helpers import build_store

# `benchmarks/` is a top-level folder of the checkout, not part of the installed package.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

PG_URL = os.environ.get("KAM_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("kam-data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KAM_DATA_DIR", str(path))
        yield path


@pytest.fixture(scope="session")
def demo_store(data_dir: Path) -> Iterator[tuple[Store, DemoSummary]]:
    store, summary = build_store(data_dir / "demo.sqlite")
    yield store, summary
    store.dispose()


@pytest.fixture
def pg_database() -> Iterator[Callable[[], str]]:
    """A fresh, uniquely named PostgreSQL database for this test, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    created: list[str] = []
    admin_url = make_url(PG_URL)
    try:
        admin = psycopg.connect(admin_url.set(drivername="postgresql").render_as_string(hide_password=False),
                                autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        reason = f"PostgreSQL not reachable at {admin_url.render_as_string()}: {error}".splitlines()[0]
        if os.environ.get("KAM_REQUIRE_PG") == "1":
            pytest.fail(f"KAM_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)

    def create() -> str:
        name = f"kam_demo_test_{uuid.uuid4().hex[:12]}"
        admin.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return admin_url.set(database=name).render_as_string(hide_password=False)

    try:
        yield create
    finally:
        for name in created:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
