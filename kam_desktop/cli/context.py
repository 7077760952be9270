"""Opening the store and the desk of the person acting for a CLI command, and closing them after.

The store's modules (SQLAlchemy, the models) load here, when a command first needs the store: `--help`,
`--version` and a usage error never pay for them.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kam_desktop.paths import default_database_path
from kam_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from kam_desktop.services.admin.stores import Store
    from kam_desktop.services.context import Context
    from kam_desktop.services.desk import Desk

_OPENED: list[Store] = []


def store_from(args: argparse.Namespace) -> Store:
    """The store named by --db/KAM_DB, migrated; closed by `close_stores` when the command ends.

    Only `kamctl init` creates a store: a mistyped --db never leaves an empty store behind.
    """
    from kam_desktop.services.admin.stores import open_store

    db = getattr(args, "db", None)
    missing = _missing_local_file(db)
    if missing is not None and getattr(args, "command", None) != "init":
        raise ServiceError("there is no store at {path}; check --db, or create one with `kamctl init --db {path}`",
                           path=str(missing))
    store = open_store(db)
    _OPENED.append(store)
    return store


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
