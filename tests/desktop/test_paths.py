"""Where the files live: KAM_DATA_DIR, then portable.ini beside the program, then the user's folders."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from kam_desktop import paths
from kam_desktop.paths import Mode, decide

USER_DATA = Path(platformdirs.user_data_dir(paths.APP_NAME, paths.APP_AUTHOR))
USER_LOGS = Path(platformdirs.user_log_dir(paths.APP_NAME, paths.APP_AUTHOR))


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """A program folder on a USB stick with the app and its portable.ini."""
    folder = tmp_path / "KAM Desktop (USB)"
    folder.mkdir()
    (folder / "kam-desktop.exe").write_bytes(b"MZ")
    (folder / "portable.ini").write_text("; data lives in .\\data\n", encoding="utf-8")
    return folder


def test_a_frozen_app_with_portable_ini_beside_it_keeps_everything_in_data_beside_it(usb: Path) -> None:
    places = decide({}, True, str(usb / "kam-desktop.exe"))
    assert places == paths.Places(usb.resolve() / "data", usb.resolve() / "data" / "logs", Mode.PORTABLE)


def test_a_frozen_app_without_the_file_uses_the_user_folders(usb: Path) -> None:
    (usb / "portable.ini").unlink()
    assert decide({}, True, str(usb / "kam-desktop.exe")) == paths.Places(USER_DATA, USER_LOGS, Mode.USER)


def test_a_folder_named_portable_ini_is_not_the_switch(usb: Path) -> None:
    (usb / "portable.ini").unlink()
    (usb / "portable.ini").mkdir()
    assert decide({}, True, str(usb / "kam-desktop.exe")).mode is Mode.USER


def test_from_source_the_python_folder_never_switches_portable_mode_on(usb: Path) -> None:
    # even with portable.ini beside "python": a checkout's interpreter is not the app
    (usb / "python").write_bytes(b"")
    assert decide({}, False, str(usb / "python")).mode is Mode.USER
    assert decide({"KAM_PORTABLE_DIR": str(usb)}, False, "/usr/bin/python3").mode is Mode.PORTABLE


def test_kam_portable_dir_is_ignored_by_a_frozen_app(usb: Path, tmp_path: Path) -> None:
    installed = tmp_path / "installed"
    installed.mkdir()
    places = decide({"KAM_PORTABLE_DIR": str(usb)}, True, str(installed / "kam-desktop.exe"))
    assert places.mode is Mode.USER


def test_kam_data_dir_overrides_portable_mode(usb: Path, tmp_path: Path) -> None:
    places = decide({"KAM_DATA_DIR": str(tmp_path / "elsewhere")}, True, str(usb / "kam-desktop.exe"))
    assert places == paths.Places(tmp_path / "elsewhere", tmp_path / "elsewhere" / "logs", Mode.OVERRIDE)


def test_deciding_creates_nothing(usb: Path) -> None:
    decide({}, True, str(usb / "kam-desktop.exe"))
    assert not (usb / "data").exists()


def test_the_process_folders_follow_the_decision_and_are_created(usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KAM_DATA_DIR")
    monkeypatch.setenv("KAM_PORTABLE_DIR", str(usb))
    assert paths.is_portable()
    assert paths.data_dir() == usb / "data" and (usb / "data").is_dir()
    assert paths.default_database_path() == usb / "data" / "kam.sqlite"
    assert paths.backups_dir() == usb / "data" / "backups" and (usb / "data" / "backups").is_dir()
    assert paths.log_dir() == usb / "data" / "logs" and (usb / "data" / "logs").is_dir()
