"""Where the app keeps its files per user (platformdirs: %LOCALAPPDATA% on Windows)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "KAM Desktop"
APP_AUTHOR = "KAM"


def data_dir() -> Path:
    """The user's data folder (never a network share); `KAM_DATA_DIR` overrides it for tests."""
    override = os.environ.get("KAM_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "kam.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("KAM_DATA_DIR")
    path = Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
