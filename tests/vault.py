"""A small real keyring backend for tests: the OS password store is the one boundary tests do not touch.

It keeps entries in a JSON file (`KAM_TEST_VAULT_FILE`), so a kamctl started as a subprocess
(`PYTHON_KEYRING_BACKEND=tests.vault.FileVault`) sees what the test process sealed, as two processes of one
Windows user see one Credential Manager. Everything else about keys — the format, lookups, reading back
after sealing, a missing entry — goes through `keyring`'s real API and the app's real code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

VAULT_FILE = "KAM_TEST_VAULT_FILE"


class FileVault(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or Path(os.environ[VAULT_FILE])

    def _entries(self) -> dict[str, str]:
        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}

    def _save(self, entries: dict[str, str]) -> None:
        self.path.write_text(json.dumps(entries), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(entries)

    def entries(self) -> dict[str, str]:
        """Every entry, for a test to look at (and to remove, as a lost Windows profile would)."""
        return self._entries()
