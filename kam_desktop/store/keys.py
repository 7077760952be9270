"""Where the key of an encrypted store is kept: sealed by the operating system, never in a file beside the store.

The key is 32 random bytes, kept as 64 hexadecimal digits in the OS password store through `keyring`: the
Windows Credential Manager (protected by DPAPI with the user's Windows login), the macOS Keychain, the Secret
Service of a Linux desktop. Its entry is named by the store's full path. A machine without a password store
(a CI runner, a headless server) gives the key in `KAM_STORE_KEY`; when set it is used instead of the
password store, so automation never depends on one. A person can also type the key (the CLI's prompt, the
app's "Enter the key…"): a key that opens the store is then sealed in the password store for the next start.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from kam_desktop.domain.messages import Refusal
from kam_desktop.store.cipher import KEY_BYTES

SERVICE = "KAM Desktop store key"
ENVIRONMENT = "KAM_STORE_KEY"


class KeySource(StrEnum):
    """Where a key came from (named when it does not open the store)."""

    ENVIRONMENT = "environment"
    VAULT = "vault"
    TYPED = "typed"


class KeyFormatError(Refusal, ValueError):
    """Text that is not a store key (64 hexadecimal digits)."""


@dataclass(frozen=True)
class StoreKey:
    """A store's key and where it came from; the bytes never appear in a repr or a log."""

    key: bytes = field(repr=False)
    source: KeySource


def new_key() -> bytes:
    """A new store key: `KEY_BYTES` random bytes from the operating system."""
    import secrets  # hmac and OpenSSL's hashes: loaded when a key is made, not by every start (~10 ms)

    return secrets.token_bytes(KEY_BYTES)


def parse_key(text: str, source: KeySource = KeySource.TYPED) -> StoreKey:
    """A key from its 64 hexadecimal digits (spaces, dashes and an `x'…'` wrapper are allowed around them)."""
    digits = "".join(text.split()).replace("-", "")
    if digits[:2].lower() == "x'" and digits.endswith("'"):
        digits = digits[2:-1]
    try:
        key = bytes.fromhex(digits)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyFormatError("this is not a store key: a key is {digits} hexadecimal digits (0-9, a-f)",
                             digits=2 * KEY_BYTES)
    return StoreKey(key, source)


def entry_name(path: Path) -> str:
    """The password store's entry for a store: its full path (case-folded where the file system ignores case)."""
    return os.path.normcase(str(path.expanduser().resolve()))


def find_key(path: Path) -> StoreKey | None:
    """The key for the store at `path`: KAM_STORE_KEY when set, else the OS password store's, else None.

    A malformed KAM_STORE_KEY raises KeyFormatError (a typo must not read as "no key").
    """
    given = os.environ.get(ENVIRONMENT, "").strip()
    if given:
        try:
            return parse_key(given, KeySource.ENVIRONMENT)
        except KeyFormatError as exc:
            raise KeyFormatError("KAM_STORE_KEY is not a store key: give the {digits} hexadecimal digits of the key",
                                 digits=2 * KEY_BYTES) from exc
    sealed = _vault_get(entry_name(path))
    if not sealed:
        return None
    try:
        return parse_key(sealed, KeySource.VAULT)
    except KeyFormatError:
        return None  # an entry of ours that is not a key (edited by hand): as if there were none


def seal_key(path: Path, key: bytes) -> bool:
    """Keep `key` for the store at `path` in the OS password store; False when this machine has none.

    Read back before True is returned: a key the store cannot give back must never be the only one.
    """
    import keyring
    from keyring.errors import KeyringError

    name = entry_name(path)
    try:
        keyring.set_password(SERVICE, name, key.hex())
    except KeyringError:
        return False
    return _vault_get(name) == key.hex()


def forget_key(path: Path) -> None:
    """Remove the store's key from the OS password store (nothing when there is none)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, entry_name(path))


def vault_available() -> bool:
    """True when this machine has an OS password store keyring can write to."""
    import keyring
    from keyring.backends.fail import Keyring as NoVault

    return not isinstance(keyring.get_keyring(), NoVault)


def _vault_get(name: str) -> str | None:
    import keyring  # loaded only for an encrypted store: ~0.1 s that a plain store's start does not pay
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError:  # no password store on this machine (a headless server, a CI runner)
        return None
