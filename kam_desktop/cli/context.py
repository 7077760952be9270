"""Opening the store and the desk of the person acting for a CLI command, and closing them after."""

from __future__ import annotations

import argparse

from kam_desktop.services.admin.stores import Store, open_store
from kam_desktop.services.clock import clock_from_environment
from kam_desktop.services.desk import Desk

_OPENED: list[Store] = []


def store_from(args: argparse.Namespace) -> Store:
    """The store named by --db/KAM_DB, migrated; closed by `close_stores` when the command ends."""
    store = open_store(getattr(args, "db", None))
    _OPENED.append(store)
    return store


def desk_from(args: argparse.Namespace) -> Desk:
    """The desk of `--as LOGIN` (default: the store's administrator) on the store of --db: every command's door.

    The person must exist and be active in the store; what they may do is decided by the use case.
    """
    return Desk.open(store_from(args), getattr(args, "login", None), clock_from_environment())


def close_stores() -> None:
    """Release every connection the command opened (matters when kamctl runs in-process, as in tests)."""
    while _OPENED:
        _OPENED.pop().dispose()
