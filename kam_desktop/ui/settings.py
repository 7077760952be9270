"""The desktop's own settings (QSettings): declared keys, typed access, versioned upgrades."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from kam_desktop.ui.i18n import LANGUAGES

SETTINGS_VERSION = 1

LANGUAGE = "ui/language"
WINDOW_GEOMETRY = "main_window/geometry"
WINDOW_STATE = "main_window/state"
SPLITTER_STATE = "main_window/splitter"
PORTFOLIO_HEADER = "portfolio/header"
LAST_FILTER = "portfolio/filter"
SAVED_FILTERS = "portfolio/saved_filters"  # JSON: name → search text


def _upgrade_to_1(settings: QSettings) -> None:
    """Version 0 (no version key) had nothing to convert; the key marks the format from now on."""


# Each step upgrades from the version before it; add a function when a key changes meaning.
_UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _upgrade_to_1}


class UiSettings:
    """A thin typed facade over one QSettings store (an INI file in the data folder)."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings
        self._upgrade()

    @classmethod
    def at(cls, path: Path) -> UiSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def file(self) -> str:
        return self.qsettings.fileName()

    def _upgrade(self) -> None:
        version = int(str(self.qsettings.value("settings/version", 0) or 0))
        for target in range(version + 1, SETTINGS_VERSION + 1):
            _UPGRADES[target](self.qsettings)
            self.qsettings.setValue("settings/version", target)

    def language(self) -> str | None:
        value = self.qsettings.value(LANGUAGE)
        return str(value) if value in LANGUAGES else None

    def set_language(self, language: str) -> None:
        self.qsettings.setValue(LANGUAGE, language)

    def blob(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def text(self, key: str) -> str:
        value = self.qsettings.value(key)
        return str(value) if value is not None else ""

    def set_text(self, key: str, value: str) -> None:
        self.qsettings.setValue(key, value)

    def saved_filters(self) -> dict[str, str]:
        """The portfolio filters saved by name (an unreadable value is none, never an error at start)."""
        try:
            value = json.loads(self.text(SAVED_FILTERS) or "{}")
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def set_saved_filters(self, filters: dict[str, str]) -> None:
        self.set_text(SAVED_FILTERS, json.dumps(filters, ensure_ascii=False))

    def sync(self) -> None:
        self.qsettings.sync()
