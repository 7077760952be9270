"""File › Back up now and File › Restore backup… on a real store, through the window's desk."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from kam_desktop.store.store import Store
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.settings import UiSettings

from .conftest import services_of


def logins(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as con:
        return {login for (login,) in con.execute("SELECT login FROM users")}


def test_back_up_now_then_restore_brings_the_backed_up_content_back(
    make_window, filled_store: Store, settings: UiSettings  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window(services_of(filled_store, None, settings))
    assert window.act_backup_now.isEnabled() and window.act_restore_backup.isEnabled()
    assert window.act_backup_now.text() == "Back &up now"

    backup = window.back_up_now()
    assert backup is not None and backup.parent == window.services.backups_dir
    assert "A verified backup was written to" in window.statusBar().currentMessage()
    before = logins(backup)

    window.services.desk.add_user("after.backup", "kam")
    safety = window.restore_backup(backup)
    assert safety is not None and "after.backup" in logins(safety)  # the current content was kept first
    assert {u.login for u in window.services.desk.users()} == before
    assert window.statusBar().currentMessage().startswith("Restored from")


def test_restoring_a_file_that_is_not_a_store_says_why_and_changes_nothing(
    make_window, filled_store: Store, settings: UiSettings, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window(services_of(filled_store, None, settings))
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    before = {u.login for u in window.services.desk.users()}
    assert window.restore_backup(junk) is None
    assert window.statusBar().currentMessage().startswith("The backup was not restored: cannot restore")
    assert {u.login for u in window.services.desk.users()} == before


def test_the_daily_backup_is_taken_in_the_background_once(
    make_window, filled_store: Store, settings: UiSettings, qtbot  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window(services_of(filled_store, None, settings))
    folder = window.services.backups_dir
    assert folder is not None
    window.keep_daily_backup()
    qtbot.waitUntil(lambda: len(list(folder.glob("daily-*.sqlite"))) == 1, timeout=10_000)
    window.keep_daily_backup()
    qtbot.wait(300)
    assert len(list(folder.glob("daily-*.sqlite"))) == 1
