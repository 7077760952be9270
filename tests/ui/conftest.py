"""UI test fixtures: offscreen Qt, a temporary SQLite store with known accounts, and Qt warnings as failures."""

from __future__ import annotations

import contextlib
import os
import time

# Before anything imports Qt: no display on CI machines, and one fixed business date.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["KAM_TODAY"] = "2026-03-31"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QtMsgType  # noqa: E402

from kam_desktop.app import services_for  # noqa: E402
from kam_desktop.services.clock import clock_from_environment  # noqa: E402
from kam_desktop.services.desk import Desk  # noqa: E402
from kam_desktop.store.store import Store  # noqa: E402
from kam_desktop.ui.context import AppServices  # noqa: E402
from kam_desktop.ui.i18n import Translators  # noqa: E402
from kam_desktop.ui.main_window import MainWindow  # noqa: E402
from kam_desktop.ui.settings import UiSettings  # noqa: E402

from .builders import populate  # noqa: E402

# Messages the offscreen platform prints about itself; anything else at warning level fails the test.
IGNORED_QT_MESSAGES = ("propagateSizeHints", "This plugin does not support")


@pytest.fixture(autouse=True, scope="session")
def _bool_refcount_guard(qapp: object) -> None:
    """The same guard the app applies at start (PySide6 6.12 loses a ref to True per emit)."""
    from kam_desktop.ui.qt_workarounds import guard_bool_refcount

    guard_bool_refcount()


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logs, backups and settings of every test stay in its own temporary folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("KAM_DATA_DIR", str(folder))
    monkeypatch.delenv("KAM_DB", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _fail_on_qt_warnings(qtlog: object) -> Iterator[None]:
    yield
    bad = [
        record.message for record in qtlog.records  # type: ignore[attr-defined]
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not any(ignored in record.message for ignored in IGNORED_QT_MESSAGES)
    ]
    assert not bad, f"Qt warnings: {bad}"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "kam.sqlite")
    yield opened
    opened.dispose()


@pytest.fixture
def filled_store(store: Store) -> Store:
    populate(store)
    return store


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings.at(tmp_path / "settings.ini")


@pytest.fixture(params=["en", "pl", "ru"])
def ui_language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The UI language a flow runs in (its translators installed): each test that asks runs in all three."""
    installed = Translators()
    installed.switch(request.param)
    yield request.param
    installed.clear()


@pytest.fixture
def translators() -> Iterator[Translators]:
    installed = Translators()
    installed.switch("en")
    yield installed
    installed.clear()


@pytest.fixture
def services(filled_store: Store, settings: UiSettings) -> AppServices:
    return services_of(filled_store, None, settings)


def services_of(store: Store, login: str | None, settings: UiSettings) -> AppServices:
    """The window's services as app.py binds them: the desk of `login` (None: the administrator)."""
    return services_for(Desk.open(store, login, clock_from_environment()), settings)


@pytest.fixture
def make_window(qtbot: object, settings: UiSettings, translators: Translators):  # type: ignore[no-untyped-def]
    """A factory: a shown, non-interactive main window whose portfolio has loaded."""

    def make(services: AppServices) -> MainWindow:
        window = MainWindow(services, settings, translators, interactive=False)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.show()
        with qtbot.waitSignal(window.portfolio_loaded, timeout=10_000):  # type: ignore[attr-defined]
            window.load_portfolio()
        return window

    return make


@pytest.fixture
def window(make_window, services: AppServices) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(services)


# -- the demo company, built once per test session and copied per test --------------------------------
DEMO_SEED = 7


def _demo_sources_digest() -> str:
    """A digest of everything that shapes the demo store: a cached template is reused only while it matches."""
    import hashlib

    import kam_desktop

    root = Path(kam_desktop.__file__).resolve().parent
    digest = hashlib.sha256(str(DEMO_SEED).encode())
    for folder in ("demo", "domain", "services", "store"):
        for source in sorted((root / folder).rglob("*.py")):
            digest.update(source.read_bytes())
    for source in sorted((root.parent / "db").rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def demo_template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A graded demo store (seed 7) as a closed SQLite file; tests copy it, never write to it.

    Building it takes seconds, so it is kept in pytest's cache between runs, keyed by the sources; without
    the cache (`-p no:cacheprovider`) it is built once per run in the run's shared temporary folder.
    """
    from kam_desktop.services.demo.setup import load_demo

    cache = getattr(request.config, "cache", None)
    if cache is not None:
        folder = Path(cache.mkdir("kam-demo-store"))
    else:  # shared by pytest-xdist workers: the base temporary folder's parent is the run's own
        folder = tmp_path_factory.getbasetemp().parent / "kam-demo-store"
        folder.mkdir(exist_ok=True)
    path = folder / f"demo-{_demo_sources_digest()}.sqlite"
    # pytest-xdist workers share the cache: one builds while the others wait on the lock, and the file
    # only appears under its final name once complete (atomic rename of a per-process build file).
    with _exclusive(folder / "build.lock"):
        if not path.exists():
            # other sources' templates go once unused for a day: a run still using one (another checkout, or this
            # one's sources edited during a run) must not lose its file under it
            stale = time.time() - 86_400
            for old in folder.glob("demo-*"):
                if old != path and old.stat().st_mtime < stale:
                    old.unlink(missing_ok=True)
            building = folder / f"building-{os.getpid()}.sqlite"
            for leftover in folder.glob(f"{building.name}*"):
                leftover.unlink()
            import warnings

            built = Store.open(building)
            with warnings.catch_warnings():  # building the fixture is not under test: other owners' deprecations
                warnings.simplefilter("ignore", DeprecationWarning)
                load_demo(built, seed=DEMO_SEED, clock=clock_from_environment())
            built.dispose()  # the last connection checkpoints the WAL into the file
            os.replace(building, path)
        os.utime(path)  # in use: not stale for another day
    return path


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """An inter-process lock (POSIX flock); elsewhere a no-op, where tests run in one process anyway."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    import shutil

    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    opened = Store.open(copy)
    yield opened
    opened.dispose()


@pytest.fixture
def demo_window(make_window, demo_store: Store, settings: UiSettings):  # type: ignore[no-untyped-def]
    """A factory: the main window on the demo data acting as `login` (a KAM by default)."""

    def make(login: str | None = "a.nowak") -> MainWindow:
        return make_window(services_of(demo_store, login, settings))

    return make
