"""Encryption at rest of the laptop's store: encrypt or decrypt it with its backups, its key, a team laptop's default.

A lost laptop must give nothing away: its store (and every backup in its backups folder) is a SQLCipher
database whose key the operating system keeps (`store.keys`). A team laptop is encrypted when it is bound
to its server (its store is still empty then, so that takes a moment), and again at any later sync while it
is still plain; a solo laptop stays plain unless someone asks (`kamctl init --encrypt`, `kamctl store
encrypt`), so that a first start needs no set-up. Converting a store that already holds data overwrites the
old plain file before removing it; the same data may still sit in blocks an SSD has not reused yet, which
only full-disk encryption (BitLocker) covers: a store encrypted from its creation never had plain pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.store import cipher, keys
from kam_desktop.store.backup import BackupError, verify_store
from kam_desktop.store.engine import resolve_url, sqlite_file, sqlite_path
from kam_desktop.store.keys import KeySource, StoreKey
from kam_desktop.store.outbox import is_bound
from kam_desktop.store.store import Store

log = logging.getLogger(__name__)

# Said after every export from an encrypted store (CSV, XLSX, a journal): encryption at rest covers the store
# and its backups, not the files a person writes out of it.
PLAIN_EXPORT = Message.of("The file is not encrypted (the store is): anyone who gets it can read it; keep it safe and "
                          "delete it when it is no longer needed.")


@dataclass(frozen=True)
class Conversion:
    """What `encrypt_store` or `decrypt_store` did: the store, where its key is kept, the backups converted
    with it and those left as they were (they did not verify: not sound, or another key's)."""

    path: Path
    key_kept: KeySource | None  # vault: the OS password store; environment: KAM_STORE_KEY; None: decrypted
    backups: int
    left: list[Path] = field(default_factory=list)
    wiped: bool = False  # the old plain file was overwritten before it was removed


class TeamEncryption(StrEnum):
    """A bound laptop's store at a sync: encrypted already, encrypted now, or left plain (and why)."""

    ALREADY = "already"
    ENCRYPTED = "encrypted"
    NO_VAULT = "no_vault"  # no OS password store and no KAM_STORE_KEY: nowhere safe to keep a key
    IN_USE = "in_use"  # another window or command had the store open: tried again at the next sync
    FAILED = "failed"  # the conversion itself failed (a full disk…): the store is unchanged, tried again


def encrypt_store(ctx: Context) -> Conversion:
    """Encrypt the store and its backups with a key the OS keeps (or KAM_STORE_KEY's); go on working on it."""
    ctx.permit(UseCase.ENCRYPT_STORE)
    store = ctx.store
    path = _file(store)
    if store.encrypted:
        raise Refused("{path} is encrypted already", path=str(path))
    key = key_for_new_store(path)
    converted = _convert(store, path, key)
    done, left = _convert_backups(store, None, key.key)
    log.info("encrypted %s and %d backups (key kept: %s)", path, done, key.source)
    return Conversion(path, key.source, done, left, converted.wiped)


def decrypt_store(ctx: Context) -> Conversion:
    """Turn an encrypted store and its backups back into plain files (a solo laptop only).

    The key stays in the OS password store: backups written elsewhere while the store was encrypted still need it.
    """
    ctx.permit(UseCase.DECRYPT_STORE)
    store = ctx.store
    path = _file(store)
    if not store.encrypted:
        raise Refused("{path} is not encrypted", path=str(path))
    if is_bound(store.engine):
        raise Refused("a team laptop's store stays encrypted: the company's data must not lie on it in plain text")
    old_key = store.key_bytes
    converted = _convert(store, path, None)
    done, left = _convert_backups(store, old_key, None)
    log.info("decrypted %s and %d backups", path, done)
    return Conversion(path, None, done, left, converted.wiped)


def store_key_text(ctx: Context) -> str:
    """The encrypted store's key as 64 hexadecimal digits, to keep where IT keeps such keys (a solo laptop)."""
    ctx.permit(UseCase.DECRYPT_STORE)
    key = ctx.store.key
    if key is None:
        raise Refused("{path} is not encrypted: it has no key", path=str(_file(ctx.store)))
    return key.key.hex()


def key_for_new_store(path: Path) -> StoreKey:
    """The key to encrypt the store at `path` with: the one already kept for it (KAM_STORE_KEY, or the password
    store's from an earlier encryption: its backups open with it), else a new key sealed in the password store.

    Refused, before anything is written, on a machine with neither: a key kept nowhere would lock the data away.
    """
    found = keys.find_key(path)
    if found is not None:
        return found
    key = keys.new_key()
    if not keys.seal_key(path, key):
        raise Refused("this computer has no password store to keep the key of {path} in: set KAM_STORE_KEY to a "
                      "key you keep safe (64 hexadecimal digits, e.g. from `python -c \"import secrets; "
                      "print(secrets.token_hex(32))\"`) and try again", path=str(path))
    return StoreKey(key, KeySource.VAULT)


def key_for_init(db: str | None) -> StoreKey:
    """The key `kamctl init --encrypt` creates the store of --db/KAM_DB/the default path with.

    A store that exists already is refused unless it is encrypted (then its own key opens it, and init only
    adds what is missing): converting one is `kamctl store encrypt`.
    """
    path = sqlite_file(resolve_url(db))
    if path is None:
        raise Refused("only a SQLite store file can be encrypted; a team server keeps its data on the server")
    if path.exists() and path.stat().st_size > 0 and not cipher.is_encrypted(path):
        raise Refused("{path} exists already and is not encrypted; encrypt it with `kamctl store encrypt`",
                      path=str(path))
    if cipher.is_encrypted(path):
        found = keys.find_key(path)
        if found is None:
            from kam_desktop.store.problems import key_missing

            raise key_missing(path)
        return found
    return key_for_new_store(path)


def set_store_key(path: Path, key: StoreKey) -> bool:
    """Restore the key of the encrypted store at `path` (typed or pasted): check that it opens the store, then
    seal it in the OS password store. False when this computer has none (use KAM_STORE_KEY then)."""
    if not cipher.is_encrypted(path):
        raise Refused("{path} is not encrypted: it needs no key", path=str(path))
    if not cipher.opens_with(path, key.key):
        raise Refused("this key does not open {path}: check it (it is the key this store was encrypted with)",
                      path=str(path))
    return keys.seal_key(path, key.key)


def encrypt_for_team(store: Store) -> TeamEncryption:
    """A bound laptop's default: encrypt its store when the OS can keep the key (or KAM_STORE_KEY gives one).

    Called by the sync right after the first binding (the store is still empty) and at each later sync while
    the store is plain. Never refuses the sync itself: a store left plain is reported, with why.
    """
    path = sqlite_path(store.engine)
    if store.encrypted or path is None:
        return TeamEncryption.ALREADY
    try:
        key = keys.find_key(path)
    except keys.KeyFormatError:
        return TeamEncryption.NO_VAULT
    if key is None:
        if not keys.vault_available():
            return TeamEncryption.NO_VAULT
        try:
            key = key_for_new_store(path)
        except Refused:
            return TeamEncryption.NO_VAULT
    try:
        store.convert(key)
    except cipher.StoreInUse:
        return TeamEncryption.IN_USE
    except cipher.ConversionError as exc:  # never a reason to refuse the sync: the store is whole, plain
        log.warning("the team laptop's store %s was not encrypted: %s", path, exc)
        return TeamEncryption.FAILED
    _convert_backups(store, None, key.key)
    log.info("the team laptop's store %s is encrypted now", path)
    return TeamEncryption.ENCRYPTED


def _convert(store: Store, path: Path, key: StoreKey | None) -> cipher.Converted:
    try:
        return store.convert(key)
    except cipher.StoreInUse as exc:
        raise Refused("{path} is open in another KAM Desktop window or command (or another task of this one): "
                      "close it and try again", path=str(path)) from exc
    except cipher.ConversionError as exc:
        raise ServiceError("{path} was not converted and is unchanged: {reason}", path=str(path),
                           reason=str(exc)) from exc


def _convert_backups(store: Store, key_from: bytes | None, key_to: bytes | None) -> tuple[int, list[Path]]:
    """Convert every backup in the store's backups folder that verifies in its old form; the rest stay as they are."""
    folder = store.backup_folder()
    if folder is None:
        return 0, []
    done, left = 0, []
    for backup in sorted(folder.glob("*.sqlite")):
        if cipher.is_encrypted(backup) == (key_to is not None):
            continue  # already in the new form
        try:
            verify_store(backup, key=key_from)
            cipher.convert(backup, key_from, key_to, wipe_old=key_from is None)
        except (BackupError, cipher.ConversionError) as exc:
            log.warning("backup %s left as it is: %s", backup, exc)
            left.append(backup)
            continue
        done += 1
    return done, left


def _file(store: Store) -> Path:
    path = sqlite_path(store.engine)
    if path is None:
        raise Refused("only a SQLite store file can be encrypted; a team server keeps its data on the server")
    return path
