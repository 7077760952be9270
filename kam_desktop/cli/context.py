"""Opening the store and the desk of the person acting for a CLI command, and closing them after.

The store's modules (SQLAlchemy, the models) load here, when a command first needs the store: `--help`,
`--version` and a usage error never pay for them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message
from kam_desktop.paths import default_database_path
from kam_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kam_desktop.services.admin.stores import Store, StoreKey, StoreProblem
    from kam_desktop.services.context import Context
    from kam_desktop.services.desk import Desk

_OPENED: list[Store] = []


def store_from(args: argparse.Namespace, key: StoreKey | None = None) -> Store:
    """The store named by --db/KAM_DB, migrated; closed by `close_stores` when the command ends.

    Only `kamctl init` creates a store: a mistyped --db never leaves an empty store behind. An encrypted store
    whose key this computer does not hold (or holds another) asks for the key at a terminal; a key that opens
    it is then kept in the password store. Elsewhere (a script, a scheduled task) the problem is the answer.
    """
    from kam_desktop.services.admin.stores import Problem, StoreProblem, open_store, remember_key

    db = getattr(args, "db", None)
    missing = _missing_local_file(db)
    if missing is not None and getattr(args, "command", None) != "init":
        raise ServiceError("there is no store at {path}; check --db, or create one with `kamctl init --db {path}`",
                           path=str(missing))
    try:
        store = open_store(db, key)
    except StoreProblem as problem:
        if problem.kind not in (Problem.KEY_MISSING, Problem.WRONG_KEY) or not _at_terminal():
            raise
        store = open_store(db, ask_key(args, problem))
        if not remember_key(store):
            print(say(args, Message.of("The key opens the store; this computer has no password store to keep it "
                                       "in: set KAM_STORE_KEY for the next commands.")), file=sys.stderr)
    _OPENED.append(store)
    return store


def ask_key(args: argparse.Namespace, problem: StoreProblem | None = None) -> StoreKey:
    """The store key typed at the terminal (hidden), or read from standard input when it is not a terminal.

    `problem` (what made us ask) is said in one short line first; an empty answer gives it up (the problem is
    raised with every way out), or is a usage error without one.
    """
    from kam_desktop.services.admin.stores import Problem, typed_key

    if problem is not None:
        short = (Message.of("{store} is encrypted and this computer holds no key for it.", store=str(problem.path))
                 if problem.kind == Problem.KEY_MISSING else
                 Message.of("{store} does not open with {key}.", store=str(problem.path), key=problem.params["key"]))
        print(say(args, short), file=sys.stderr)
    if _at_terminal():
        text = getpass.getpass(say(args, Message.of("Key of the store (64 hexadecimal digits; Enter to stop): ")))
    else:
        text = sys.stdin.readline()
    if not text.strip():
        if problem is not None:
            raise problem
        raise ServiceError("no key was given")
    return typed_key(text)


def _at_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def desk_from(args: argparse.Namespace) -> Desk:
    """The desk of `--as LOGIN` (default: the store's administrator) on the store of --db: every command's door.

    The person must exist and be active in the store; what they may do is decided by the use case.
    """
    from kam_desktop.services.clock import clock_from_environment
    from kam_desktop.services.desk import Desk

    return Desk.open(store_from(args), getattr(args, "login", None), clock_from_environment())


def context_from(args: argparse.Namespace) -> Context:
    """The context of `--as LOGIN` without the desk: for a command that calls one service module, so that it
    does not import every use case (`kamctl accounts list` answers in a fraction of a second)."""
    from kam_desktop.services.clock import clock_from_environment
    from kam_desktop.services.context import open_context

    return open_context(store_from(args), getattr(args, "login", None), clock_from_environment())


def _missing_local_file(db: str | None) -> Path | None:
    """The SQLite file --db/KAM_DB/the default names when it does not exist (None: it exists, or a server)."""
    value = db or os.environ.get("KAM_DB") or None
    if value is None:
        path = default_database_path()
    elif value.startswith("sqlite:///"):
        path = Path(value.removeprefix("sqlite:///"))
    elif "://" in value:
        return None
    else:
        path = Path(value)
    return None if path.expanduser().exists() else path


def close_stores() -> None:
    """Release every connection the command opened (matters when kamctl runs in-process, as in tests)."""
    while _OPENED:
        _OPENED.pop().dispose()
