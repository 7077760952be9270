"""kamctl's console-script entry: `kamctl --version` answers before the CLI and its hundred sub-commands load."""

from __future__ import annotations

import sys


def main() -> int:
    """Print the version at once when that is all that is asked, else run the CLI."""
    if sys.argv[1:] == ["--version"]:
        from kam_desktop import __version__

        print(f"kamctl {__version__}")
        return 0
    from kam_desktop.cli.main import main as run_cli

    return run_cli()
