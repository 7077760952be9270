"""The window on an encrypted store: an export says the file written is plain; a sync says the store is encrypted."""

from __future__ import annotations

from pathlib import Path

import pytest

from kam_desktop.store import keys
from kam_desktop.store.store import Store
from kam_desktop.sync.run import SyncReport
from kam_desktop.ui.settings import UiSettings

from .builders import populate
from .conftest import services_of

PLAIN_MARK = {"en": "The file is not encrypted (the store is): keep it safe.",
              "pl": "Plik nie jest zaszyfrowany (baza danych jest): przechowuj go bezpiecznie.",
              "ru": "Файл не зашифрован (в отличие от хранилища данных): храните его в надёжном месте."}
ENCRYPTED_NOW = {"en": "This laptop's data store is encrypted now.",
                 "pl": "Baza danych tego laptopa jest teraz zaszyfrowana.",
                 "ru": "Хранилище данных этого ноутбука теперь зашифровано."}
TIMEOUT = 20_000


@pytest.fixture
def encrypted_window(make_window, tmp_path: Path, settings: UiSettings):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "secret.sqlite", key=keys.StoreKey(keys.new_key(), keys.KeySource.TYPED))
    populate(store)
    yield make_window(services_of(store, None, settings))
    store.dispose()


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_an_export_from_an_encrypted_store_is_marked_as_a_plain_file(  # type: ignore[no-untyped-def]
    encrypted_window, qtbot, tmp_path: Path, language: str
) -> None:
    encrypted_window.set_language(language)
    assert encrypted_window.services.desk.store_info().encrypted
    target = tmp_path / "view.csv"
    with qtbot.waitSignal(encrypted_window.exported, timeout=TIMEOUT):
        encrypted_window.export_view(target)
    assert PLAIN_MARK[language] in encrypted_window.statusBar().currentMessage()
    assert b"C-0001" in target.read_bytes()  # the file itself is plain, as said


def test_an_export_from_a_plain_store_carries_no_such_mark(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.exported, timeout=TIMEOUT):
        window.export_view(tmp_path / "view.csv")
    assert "not encrypted" not in window.statusBar().currentMessage()


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_a_sync_that_encrypted_the_store_says_so(window, language: str) -> None:  # type: ignore[no-untyped-def]
    window.set_language(language)
    report = SyncReport(pushed=0, pulled=3, conflicts=0, open_conflicts=0, snapshot=True, arrived=1, revoked=0,
                        seconds=0.1, encryption="encrypted")
    window.team.finished.emit(report)  # what the sync worker delivers on the GUI thread
    assert ENCRYPTED_NOW[language] in window.statusBar().currentMessage()
