"""Opening the store for a CLI command (migrating it first, as the app does), and closing it after."""

from __future__ import annotations

import argparse

from kam_desktop.services.admin.stores import Store, open_store

_OPENED: list[Store] = []


def store_from(args: argparse.Namespace) -> Store:
    """The store named by --db/KAM_DB; closed by `close_stores` when the command ends."""
    store = open_store(getattr(args, "db", None))
    _OPENED.append(store)
    return store


def close_stores() -> None:
    """Release every connection the command opened (matters when kamctl runs in-process, as in tests)."""
    while _OPENED:
        _OPENED.pop().dispose()
