"""File › Open data folder: offered in every language, hands the data folder to the desktop, and when nothing
opens it says where the folder is (and copies the path) instead of pretending; the title says "portable"."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from kam_desktop.store.store import Store
from kam_desktop.ui.context import AppServices
from kam_desktop.ui.i18n import Translators
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.settings import UiSettings

from .conftest import services_of

ACTION_TEXT = {"en": "Open &data folder", "pl": "Otwórz folder &danych", "ru": "Открыть папку &данных"}


class FileManager(QObject):
    """Stands where the desktop's file manager would: Qt's own hook for a URL scheme records what it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def file_manager() -> Iterator[FileManager]:
    manager = FileManager()
    QDesktopServices.setUrlHandler("file", manager, "open")
    yield manager
    QDesktopServices.unsetUrlHandler("file")


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_open_data_folder_is_in_the_file_menu_in_every_language(window: MainWindow, language: str) -> None:
    window.set_language(language)
    assert window.act_data_folder in window.menu_file.actions()
    assert window.act_data_folder.text() == ACTION_TEXT[language]
    window.set_language("en")


def test_open_data_folder_hands_the_data_folder_to_the_desktop(window: MainWindow, file_manager: FileManager) -> None:
    window.act_data_folder.trigger()
    assert [url.toLocalFile() for url in file_manager.opened] == [str(window.services.data_dir)]
    assert Path(file_manager.opened[0].toLocalFile()).is_dir()
    assert "could not be opened" not in window.statusBar().currentMessage()


def test_when_nothing_opens_the_folder_the_window_says_where_it_is_and_copies_the_path(
        qtbot, services: AppServices, settings: UiSettings, translators: Translators) -> None:  # type: ignore[no-untyped-def]
    # the offscreen platform has no file manager: openUrl answers False, as on a desktop without one
    window = MainWindow(services, settings, translators, interactive=True)
    qtbot.addWidget(window)
    QGuiApplication.clipboard().clear()
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.act_data_folder.trigger()
    data = str(services.data_dir)
    assert shown == [f"The folder could not be opened here. Its path was copied to the clipboard:\n{data}"]
    assert QGuiApplication.clipboard().text() == data
    assert data in window.statusBar().currentMessage()


def test_the_title_says_portable_when_the_data_lives_beside_the_program(
        make_window, filled_store: Store, settings: UiSettings, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert not services_of(filled_store, None, settings).portable
    program = tmp_path / "usb"
    program.mkdir()
    (program / "portable.ini").write_text("")
    monkeypatch.delenv("KAM_DATA_DIR")
    monkeypatch.setenv("KAM_PORTABLE_DIR", str(program))
    services = services_of(filled_store, None, settings)  # bound as app.py binds them
    assert services.portable and services.data_dir == program / "data"
    window = make_window(services)
    assert window.windowTitle() == "KAM Desktop — Portfolio (portable)"
    window.set_language("pl")
    assert window.windowTitle() == "KAM Desktop — portfel klientów (wersja przenośna)"
    window.set_language("en")
    plain = make_window(dataclasses.replace(services, portable=False))
    assert plain.windowTitle() == "KAM Desktop — Portfolio"
