"""Where the app keeps its files: the user's folders (platformdirs: %LOCALAPPDATA% on Windows), or, in portable
mode, a `data` folder beside the program. This module is the one place that decides."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

APP_NAME = "KAM Desktop"
APP_AUTHOR = "KAM"
# A file of this name beside kam-desktop.exe / kamctl.exe switches portable mode on (its content is not read).
PORTABLE_MARKER = "portable.ini"
PORTABLE_DATA = "data"  # the folder beside the program that then holds the store, backups, logs and settings
PORTABLE_DIR_VARIABLE = "KAM_PORTABLE_DIR"  # from source only (tests): stands for the executable's folder
DATA_DIR_VARIABLE = "KAM_DATA_DIR"


class Mode(Enum):
    """Why the files live where they do."""

    OVERRIDE = "override"  # KAM_DATA_DIR (tests, support)
    PORTABLE = "portable"  # portable.ini beside the program
    USER = "user"  # the user's own folders


@dataclass(frozen=True)
class Places:
    """The data folder (store, backups, settings.ini, import profiles) and the log folder (logs, crash reports)."""

    data: Path
    logs: Path
    mode: Mode


def program_dir(environ: Mapping[str, str], frozen: bool, executable: str) -> Path | None:
    """The folder portable mode looks in: a frozen app's own folder; from source only `KAM_PORTABLE_DIR`.

    A checkout never switches itself to portable mode: beside `python` is a virtual environment, not the app.
    """
    if frozen:
        return Path(executable).resolve().parent
    override = environ.get(PORTABLE_DIR_VARIABLE)
    return Path(override) if override else None


def decide(environ: Mapping[str, str], frozen: bool, executable: str) -> Places:
    """Where the files live, from the environment and the program's location; creates nothing."""
    override = environ.get(DATA_DIR_VARIABLE)
    if override:
        return Places(Path(override), Path(override) / "logs", Mode.OVERRIDE)
    program = program_dir(environ, frozen, executable)
    if program is not None and (program / PORTABLE_MARKER).is_file():
        data = program / PORTABLE_DATA
        return Places(data, data / "logs", Mode.PORTABLE)
    import platformdirs  # only here: it loads tempfile, shutil and more, which a portable or test start never needs

    return Places(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
                  Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)), Mode.USER)


def places() -> Places:
    """Where this process keeps its files."""
    return decide(os.environ, bool(getattr(sys, "frozen", False)), sys.executable)


def is_portable() -> bool:
    return places().mode is Mode.PORTABLE


def data_dir() -> Path:
    """The data folder (never a network share), created if missing; `KAM_DATA_DIR` overrides it for tests."""
    return _made(places().data)


def default_database_path() -> Path:
    return data_dir() / "kam.sqlite"


def backups_dir() -> Path:
    return _made(data_dir() / "backups")


def log_dir() -> Path:
    """The folder of the logs and crash reports, created if missing."""
    return _made(places().logs)


def _made(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
