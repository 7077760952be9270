"""Opening the store for a CLI command (migrating it first, as the app does)."""

from __future__ import annotations

import argparse

from kam_desktop.services.stores import Store, open_store


def store_from(args: argparse.Namespace) -> Store:
    return open_store(getattr(args, "db", None))
