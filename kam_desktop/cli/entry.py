"""kamctl's console-script entry: `kamctl --version` answers before the CLI and its hundred sub-commands load,
and `kamctl accounts list` of a solo laptop's store is read the quick start's way (no SQLAlchemy, no parser)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence


def main() -> int:
    """Print the version at once when that is all that is asked, list a solo store's portfolio at once, else run
    the CLI."""
    argv = sys.argv[1:]
    if argv == ["--version"]:
        from kam_desktop import __version__

        print(f"kamctl {__version__}")
        return 0
    listing = express_listing(argv, os.environ)
    if listing is not None:
        from kam_desktop.cli.express import list_portfolio

        answered = list_portfolio(*listing)
        if answered is not None:
            return answered
    from kam_desktop.cli.main import main as run_cli

    return run_cli()


def express_listing(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[str | None, bool] | None:
    """(--db, --json) when `argv` is exactly `accounts list` with at most those two options; None for anything
    else (another person with --as or KAM_USER, --owner, --help, -v, --lang, a typo): the full CLI answers it."""
    if environ.get("KAM_USER"):
        return None
    db: str | None = None
    as_json = False
    words: list[str] = []
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--json":
            as_json = True
        elif token == "--db" and rest:
            db = rest.pop(0)
        elif token.startswith("--db="):
            db = token.removeprefix("--db=")
        elif token.startswith("-"):
            return None
        else:
            words.append(token)
    return (db, as_json) if words == ["accounts", "list"] else None
