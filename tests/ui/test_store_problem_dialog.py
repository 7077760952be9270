"""The dialog for a store that cannot be used as it is: a damaged store offers its newest verified backup."""

from __future__ import annotations

from pathlib import Path

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
