"""`kamctl accounts list` without opening the store: the quick start's plain read of a solo laptop's file."""

from __future__ import annotations

import os
import sys

from kam_desktop.cli.portfolio_output import print_portfolio
from kam_desktop.services.admin.quick_start import quick_start_store
from kam_desktop.services.clock import clock_from_environment
from kam_desktop.streams import utf8_when_piped


def list_portfolio(db: str | None, as_json: bool) -> int | None:
    """Print the portfolio and return 0; None when this store needs the ordinary path (a server, a bound laptop,
    a store to migrate, an inactive administrator, a locked or damaged file): it checks and explains."""
    local = quick_start_store(db, None)
    if local is None:
        return None
    rows = local.portfolio_if_readable(clock_from_environment().today())
    if rows is None:
        return None
    utf8_when_piped()
    try:
        print_portfolio(rows, as_json)
        sys.stdout.flush()
    except BrokenPipeError:  # `kamctl accounts list | head`: the reader left; as the full CLI, say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
