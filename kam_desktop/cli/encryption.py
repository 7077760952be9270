"""kamctl store: encryption at rest of the laptop's store — encrypt, decrypt, its key, and setting an unreadable one aside."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kam_desktop.cli.context import ask_key, desk_from
from kam_desktop.cli.output import print_json
from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message

if TYPE_CHECKING:
    from kam_desktop.services.desk import Desk


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    command = subparsers.add_parser("store", help="the laptop's store file: encryption at rest, its key")
    actions = command.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    encrypt = actions.add_parser("encrypt", parents=[common], help="encrypt the store and its backups (the key is "
                                 "kept by the OS password store, or given in KAM_STORE_KEY)")
    encrypt.set_defaults(handler=_encrypt)
    decrypt = actions.add_parser("decrypt", parents=[common], help="turn the store and its backups into plain files "
                                 "(administrators of a solo laptop)")
    decrypt.set_defaults(handler=_decrypt)
    key = actions.add_parser("key", help="the encrypted store's key")
    key_actions = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    show = key_actions.add_parser("show", parents=[common], help="print the key (to keep where IT keeps keys)")
    show.set_defaults(handler=_key_show)
    put = key_actions.add_parser("set", parents=[common], help="restore the key: typed (hidden) or one line on stdin; "
                                 "checked against the store, then kept by the OS password store")
    put.set_defaults(handler=_key_set)
    aside = actions.add_parser("set-aside", parents=[common], help="move a store that cannot be read (no key, "
                               "another key, damaged) aside; then `kamctl init` and sync from the team server")
    aside.set_defaults(handler=_set_aside)


def _encrypt(args: argparse.Namespace) -> int:
    done = desk_from(args).encrypt_store()
    if args.json:
        print_json({"encrypted": str(done.path), "key_kept": done.key_kept, "backups_encrypted": done.backups,
                    "backups_left": [str(p) for p in done.left], "old_file_overwritten": done.wiped})
        return 0
    kept = (Message.of("the key is in KAM_STORE_KEY: keep it safe, the store does not open without it")
            if done.key_kept == "environment" else Message.of("the key is kept by this computer's password store"))
    print(say(args, Message.of("Encrypted {path}; backups encrypted with it: {backups}; {kept}.", path=str(done.path),
                               backups=done.backups, kept=kept)))
    _say_left(args, done.left)
    if not done.wiped:
        print(say(args, Message.of("The plain file was removed without being overwritten (this file system cannot "
                                   "keep a second name for it).")))
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    done = desk_from(args).decrypt_store()
    if args.json:
        print_json({"decrypted": str(done.path), "backups_decrypted": done.backups,
                    "backups_left": [str(p) for p in done.left]})
        return 0
    print(say(args, Message.of("{path} is a plain file now (backups decrypted with it: {backups}): anyone with the "
                               "laptop can read it. The key stays in the password store for backups made while it "
                               "was encrypted.", path=str(done.path), backups=done.backups)))
    _say_left(args, done.left)
    return 0


def _say_left(args: argparse.Namespace, left: Sequence[object]) -> None:
    if left:
        print(say(args, Message.of("Left as they were (they did not verify): {files}",
                                   files=", ".join(str(p) for p in left))), file=sys.stderr)


def _key_show(args: argparse.Namespace) -> int:
    key = desk_from(args).store_key()
    if args.json:
        print_json({"key": key})
    else:
        print(key)
    return 0


def _key_set(args: argparse.Namespace) -> int:
    from kam_desktop.services.admin.encryption import set_store_key
    from kam_desktop.services.admin.stores import store_file

    path = store_file(getattr(args, "db", None))
    sealed = set_store_key(path, ask_key(args))
    if sealed:
        message = Message.of("The key opens {path} and is kept by this computer's password store now.", path=str(path))
    else:
        message = Message.of("The key opens {path}, but this computer has no password store to keep it in: set "
                             "KAM_STORE_KEY to it for every command.", path=str(path))
    if args.json:
        print_json({"store": str(path), "kept": sealed})
    else:
        print(say(args, message))
    return 0 if sealed else 1


def _set_aside(args: argparse.Namespace) -> int:
    from kam_desktop.services.admin.stores import set_aside_store, store_file

    path = store_file(getattr(args, "db", None))
    kept = set_aside_store(path)
    if args.json:
        print_json({"store": str(path), "kept_as": str(kept)})
    else:
        print(say(args, Message.of(
            "{path} was moved aside to {kept} (nothing was deleted). Create a new store with `kamctl init --db "
            "{path}` and sync it from your team server (`kamctl sync --server URL --user LOGIN`): it sends back "
            "everything you may see. Changes this laptop had not synced are only in the file moved aside.",
            path=str(path), kept=str(kept))))
    return 0


def say_plain_export(args: argparse.Namespace, desk: Desk) -> None:
    """After an export from an encrypted store: the file written is plain (encryption covers the store only)."""
    from kam_desktop.services.admin.encryption import PLAIN_EXPORT

    if desk.store_info().encrypted and not getattr(args, "json", False):
        print(say(args, PLAIN_EXPORT))
