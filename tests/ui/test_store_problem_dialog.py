"""The dialog for a store that cannot be used as it is: a damaged store offers its newest verified backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.paths import backups_dir
from kam_desktop.services.admin.stores import Problem, StoreProblem, replace_damaged_store
from kam_desktop.store.store import Store
from kam_desktop.ui.store_problem_dialog import StoreProblemDialog, WayOut
from tests.acting import desk


def damaged_store_with_a_backup(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "kam.sqlite"
    store = Store.open(db)
    from kam_desktop.services.demo.setup import initialize

    initialize(store)
    backup = desk(store).backup(backups_dir() / "kam" / "manual.sqlite")
    store.dispose()
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    db.write_bytes(b"\x00" * 4096)
    return db, backup


def test_a_damaged_store_offers_its_newest_verified_backup_and_the_choice_restores_it(
    qtbot, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    db, backup = damaged_store_with_a_backup(tmp_path)
    with pytest.raises(StoreProblem) as raised:
        Store.open(db)
    problem = raised.value
    assert problem.kind == Problem.DAMAGED and problem.backup == backup

    dialog = StoreProblemDialog(problem)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is not None and backup.name in dialog.restore_button.text()
    assert str(db) in dialog.text() and "damaged" in dialog.text() and "kamctl" not in dialog.text()
    assert str(backup) in dialog.informativeText()
    dialog.restore_button.click()
    assert dialog.way_out == WayOut.RESTORE

    kept = replace_damaged_store(db, backup)  # what the app does with that choice
    assert kept.read_bytes() == b"\x00" * 4096
    reopened = Store.open(db)
    assert [u.login for u in desk(reopened).users()] == ["admin"]
    reopened.dispose()


def test_a_busy_store_offers_to_try_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    from kam_desktop.store.problems import diagnose

    problem = diagnose(RuntimeError("database is locked"), Path("/data/kam.sqlite"))
    assert problem is not None and problem.kind == Problem.BUSY
    dialog = StoreProblemDialog(problem)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None and dialog.retry_button is not None
    assert dialog.text().startswith("/data/kam.sqlite is busy")
    dialog.retry_button.click()
    assert dialog.way_out == WayOut.RETRY


# -- an encrypted store without a working key ----------------------------------------------------------------
KEY_MISSING_WORDS = {"en": "is encrypted and this computer holds no key for it",
                     "pl": "jest zaszyfrowana, a ten komputer nie ma do niej klucza",
                     "ru": "зашифрована, а на этом компьютере нет ключа к ней"}
WRONG_KEY_WORDS = {"en": "does not open with the key in KAM_STORE_KEY",
                   "pl": "nie da się otworzyć kluczem z KAM_STORE_KEY",
                   "ru": "не открывается ключом из KAM_STORE_KEY"}
BUTTONS = {"en": ("Enter the key…", "Set the file aside and start afresh", "Restore a backup…"),
           "pl": ("Wprowadź klucz…", "Odłóż plik na bok i zacznij od nowa", "Przywróć kopię zapasową…"),
           "ru": ("Ввести ключ…", "Отложить файл и начать заново", "Восстановить резервную копию…")}
TEAM_SERVER_WORDS = {"en": "team server", "pl": "serwerze zespołu", "ru": "сервере команды"}


def encrypted_store(tmp_path: Path) -> tuple[Path, bytes]:
    from kam_desktop.services.demo.setup import initialize
    from kam_desktop.store import keys

    db, key = tmp_path / "kam.sqlite", keys.new_key()
    store = Store.open(db, key=keys.StoreKey(key, keys.KeySource.TYPED))
    initialize(store)
    store.dispose()
    return db, key


def key_problem(db: Path) -> StoreProblem:
    with pytest.raises(StoreProblem) as raised:
        Store.open(db)
    return raised.value


def test_an_encrypted_store_without_its_key_names_every_way_out_in_the_ui_language(
    qtbot, tmp_path: Path, ui_language: str  # type: ignore[no-untyped-def]
) -> None:
    db, _key = encrypted_store(tmp_path)
    problem = key_problem(db)
    assert problem.kind == Problem.KEY_MISSING
    dialog = StoreProblemDialog(problem)
    qtbot.addWidget(dialog)
    assert KEY_MISSING_WORDS[ui_language] in dialog.text() and str(db) in dialog.text()
    assert "kamctl" not in dialog.text() and "Traceback" not in dialog.text()  # the window's own ways, not a terminal's
    assert TEAM_SERVER_WORDS[ui_language] in dialog.informativeText()  # the documented recovery path: sync again
    buttons = (dialog.key_button, dialog.aside_button, dialog.restore_file_button)
    assert all(b is not None for b in buttons) and dialog.retry_button is None and dialog.restore_button is None
    assert tuple(b.text() for b in buttons if b is not None) == BUTTONS[ui_language]
    for button, way in zip(buttons, (WayOut.ENTER_KEY, WayOut.SET_ASIDE, WayOut.RESTORE_FILE), strict=True):
        assert button is not None
        button.click()
        assert dialog.way_out == way
    dialog.quit_button.click()
    assert dialog.way_out == WayOut.QUIT


def test_an_encrypted_store_with_the_wrong_key_says_which_key_did_not_open_it(
    qtbot, tmp_path: Path, ui_language: str, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from kam_desktop.store import keys

    db, _key = encrypted_store(tmp_path)
    monkeypatch.setenv("KAM_STORE_KEY", keys.new_key().hex())
    problem = key_problem(db)
    assert problem.kind == Problem.WRONG_KEY
    dialog = StoreProblemDialog(problem)
    qtbot.addWidget(dialog)
    assert WRONG_KEY_WORDS[ui_language] in dialog.text() and "kamctl" not in dialog.text()
    assert dialog.key_button is not None and dialog.key_button.text() == BUTTONS[ui_language][0]


def _when_shown(kind: type, act: Callable[[Any], None], but_not: type | None = None) -> None:
    """Act on the next modal dialog of `kind` (and not of `but_not`) once it shows (the app runs it with exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def look() -> None:
        shown = QApplication.activeModalWidget()
        if (not isinstance(shown, kind) or (but_not is not None and isinstance(shown, but_not))
                or not shown.isVisible()):
            QTimer.singleShot(20, look)
            return
        act(shown)

    QTimer.singleShot(0, look)


def test_the_app_opens_the_store_with_the_key_entered_and_keeps_it_for_the_next_start(
    qtbot, tmp_path: Path, os_vault: object  # type: ignore[no-untyped-def]
) -> None:
    import argparse

    from kam_desktop.app import _store_problem
    from kam_desktop.store import keys
    from kam_desktop.ui.store_problem_dialog import StoreKeyDialog

    db, key = encrypted_store(tmp_path)
    problem = key_problem(db)

    def enter(dialog: StoreKeyDialog) -> None:
        dialog.setTextValue(key.hex())
        dialog.accept()

    _when_shown(StoreProblemDialog, lambda d: d.key_button.click())
    _when_shown(StoreKeyDialog, enter)
    store = _store_problem(problem, argparse.Namespace(db=str(db)), headless=False)
    assert store is not None and store.encrypted
    assert [u.login for u in desk(store).users()] == ["admin"]
    store.dispose()
    found = keys.find_key(db)  # sealed again: the next start opens without asking
    assert found is not None and found.key == key


def test_the_app_sets_an_unreadable_store_aside_and_starts_with_an_empty_one(
    qtbot, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    import argparse

    from PySide6.QtWidgets import QMessageBox

    from kam_desktop.app import _store_problem

    db, _key = encrypted_store(tmp_path)
    original = db.read_bytes()
    problem = key_problem(db)
    told: list[str] = []

    def note(box: QMessageBox) -> None:
        told.append(box.text())
        box.accept()

    _when_shown(StoreProblemDialog, lambda d: d.aside_button.click())
    _when_shown(QMessageBox, note, but_not=StoreProblemDialog)
    store = _store_problem(problem, argparse.Namespace(db=str(db)), headless=False)
    assert store is not None and not store.encrypted  # a new, empty store (a team laptop is encrypted when it syncs)
    store.dispose()
    kept = [p for p in tmp_path.glob("kam.set-aside-*.sqlite")]
    assert len(kept) == 1 and kept[0].read_bytes() == original
    assert told and str(kept[0]) in told[0] and "Connect to team server" in told[0]
