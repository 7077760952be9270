"""Portable mode for real: with portable.ini beside the program, the app and kamctl keep the store, logs and
settings in `data` beside it, and nothing in the user's folders."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "stick – Łódź"  # a non-ASCII path, as a stick's folder may well be
    folder.mkdir()
    (folder / "portable.ini").write_text("; KAM Desktop keeps its data in the data folder beside this file\n")
    return folder


@pytest.fixture
def env(usb: Path, tmp_path: Path) -> dict[str, str]:
    """No KAM_DATA_DIR (it would win); the user's folders point into the test's folder, to see they stay empty."""
    home = tmp_path / "home"
    variables = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KAM_PORTABLE_DIR": str(usb), "HOME": str(home)}
    variables.pop("KAM_DATA_DIR", None)
    variables.pop("KAM_DB", None)
    for xdg in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        variables[xdg] = str(home / xdg.lower())
    return variables


def accounts(db: Path) -> int:
    with closing(sqlite3.connect(db)) as con:
        return int(con.execute("SELECT count(*) FROM accounts").fetchone()[0])


def test_the_app_started_in_portable_mode_writes_its_store_logs_and_settings_beside_the_program(
        usb: Path, env: dict[str, str], tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kam_desktop", "--smoke-test"], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "smoke test passed" in done.stdout
    data = usb / "data"
    assert accounts(data / "kam.sqlite") == 0  # the store was made, migrated and read there
    assert "smoke test passed" in (data / "logs" / "kam-desktop.log").read_text(encoding="utf-8")
    assert (data / "settings.ini").is_file()
    assert not any((tmp_path / "home").rglob("*KAM*"))  # nothing in the user's folders


def test_kamctl_beside_it_uses_the_same_portable_store(usb: Path, env: dict[str, str], tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kam_desktop.cli.main", "init"], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (usb / "data" / "kam.sqlite").is_file()
    assert "schema upgraded" in (usb / "data" / "logs" / "kamctl.log").read_text(encoding="utf-8")
    assert not any((tmp_path / "home").rglob("*KAM*"))


def test_a_portable_folder_that_cannot_take_the_data_says_so_and_exits_2(usb: Path, env: dict[str, str]) -> None:
    (usb / "data").write_text("")  # where the data folder must go, a file: it cannot be created
    done = subprocess.run([sys.executable, "-m", "kam_desktop", "--smoke-test"], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=300)
    assert done.returncode == 2
    assert f"kam-desktop: KAM Desktop cannot use its data folder {usb / 'data'}: Not a directory" in done.stderr
    assert "Traceback" not in done.stderr
    polish = subprocess.run([sys.executable, "-m", "kam_desktop", "--smoke-test", "--lang", "pl"], cwd=ROOT, env=env,
                            text=True, capture_output=True, timeout=300)
    assert polish.returncode == 2 and "nie może użyć folderu danych" in polish.stderr
