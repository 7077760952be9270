"""Where a laptop keeps its server password: the OS keyring; KAM_PASSWORD only for automation."""

from __future__ import annotations

import os

SERVICE = "KAM Desktop team server"


def _key(server: str, login: str) -> str:
    return f"{login}@{server}"


def saved_password(server: str, login: str) -> str | None:
    """The keyring's password for this server and login, else KAM_PASSWORD, else None (ask the person)."""
    import keyring  # loaded when a password is needed, not with the desk
    from keyring.errors import KeyringError

    try:
        found = keyring.get_password(SERVICE, _key(server, login))
    except KeyringError:  # no keyring on this machine (a headless server, a CI runner)
        found = None
    return found or os.environ.get("KAM_PASSWORD") or None


def save_password(server: str, login: str, password: str) -> bool:
    """Keep the password in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _key(server, login), password)
    except KeyringError:
        return False
    return True
