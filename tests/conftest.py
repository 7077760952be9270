"""Shared fixtures: a real SQLite store in a temp folder, and a real PostgreSQL database per test run."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

# Qt must never look for a display in the test run, whatever imports it first.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402

PG_ADMIN_URL = os.environ.get("KAM_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runs", type=int, default=6,
                     help="runs of each reliability loop (tests/reliability): kills, faults; the CI form is short")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder, so backups and logs never touch the real one."""
    folder = tmp_path_factory.mktemp("kam-data")
    monkeypatch.setenv("KAM_DATA_DIR", str(folder))
    monkeypatch.delenv("KAM_DB", raising=False)
    # kamctl speaks the environment's language: the suite reads English unless a test asks for another
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return folder


@pytest.fixture(autouse=True)
def _no_os_password_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or writes the real OS password store (the Windows Credential Manager on a laptop): none in
    this process, none in the kamctl processes tests start; and no store key from the environment."""
    import keyring
    from keyring.backends.fail import Keyring as NoVault

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("KAM_STORE_KEY", raising=False)
    keyring.set_keyring(NoVault())
    yield
    keyring.set_keyring(NoVault())


@pytest.fixture
def os_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """A password store for this test (tests/vault.py), seen by kamctl subprocesses too."""
    import keyring

    from tests.vault import VAULT_FILE, FileVault

    vault = FileVault(tmp_path / "vault.json")
    monkeypatch.setenv(VAULT_FILE, str(vault.path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.vault.FileVault")
    keyring.set_keyring(vault)
    return vault


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "kam.sqlite"


@pytest.fixture
def sqlite_store(sqlite_path: Path) -> Iterator[object]:
    from kam_desktop.store.store import Store

    store = Store.open(sqlite_path)
    yield store
    store.dispose()


def _pg_admin_engine() -> sa.Engine:
    url = sa.engine.make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg")
    return sa.create_engine(url, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_available() -> bool:
    try:
        engine = _pg_admin_engine()
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        engine.dispose()
        return True
    except sa.exc.OperationalError as exc:
        if os.environ.get("KAM_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required (KAM_REQUIRE_PG=1) but {PG_ADMIN_URL} is unreachable: {exc}")
        return False


@pytest.fixture
def pg_url(pg_available: bool) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    if not pg_available:
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL} (set KAM_TEST_PG_URL; CI sets KAM_REQUIRE_PG=1)")
    name = f"kam_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine()
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[object]:
    from kam_desktop.store.store import Store

    store = Store.open(pg_url)
    yield store
    store.dispose()


@pytest.fixture(params=["sqlite", "pg"])
def any_store(request: pytest.FixtureRequest) -> object:
    """The same test on the embedded SQLite store and on a real PostgreSQL server."""
    if request.param == "pg":
        request.applymarker(pytest.mark.pg)
        return request.getfixturevalue("pg_store")
    return request.getfixturevalue("sqlite_store")

