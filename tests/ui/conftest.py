"""UI test fixtures: offscreen Qt, a temporary SQLite store with known accounts, and Qt warnings as failures."""

from __future__ import annotations

import os

# Before anything imports Qt: no display on CI machines, and one fixed business date.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["KAM_TODAY"] = "2026-03-31"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QtMsgType  # noqa: E402

from kam_desktop.app import build_services  # noqa: E402
from kam_desktop.store.store import Store  # noqa: E402
from kam_desktop.ui.context import AppServices  # noqa: E402
from kam_desktop.ui.i18n import Translators  # noqa: E402
from kam_desktop.ui.main_window import MainWindow  # noqa: E402
from kam_desktop.ui.settings import UiSettings  # noqa: E402

from .builders import populate  # noqa: E402

# Messages the offscreen platform prints about itself; anything else at warning level fails the test.
IGNORED_QT_MESSAGES = ("propagateSizeHints", "This plugin does not support")


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


@pytest.fixture
def translators() -> Iterator[Translators]:
    installed = Translators()
    installed.switch("en")
    yield installed
    installed.clear()


@pytest.fixture
def services(filled_store: Store, settings: UiSettings) -> AppServices:
    built = build_services(filled_store, None, settings)
    assert isinstance(built, AppServices)
    return built


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
