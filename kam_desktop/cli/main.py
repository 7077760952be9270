"""kamctl's entry point: common options, the command registry, and one clear line per error."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from kam_desktop import __version__, frozen, logs, paths
from kam_desktop.cli.context import close_stores
from kam_desktop.cli.speech import LANGUAGES, report_error
from kam_desktop.domain.messages import Listing, Message
from kam_desktop.i18n import message_of
from kam_desktop.services.errors import NotPermittedError, ServiceError
from kam_desktop.streams import utf8_when_piped

# Each module has `register(subparsers, common)`; its handlers take (args) and return an exit code.
COMMAND_MODULES = (
    "kam_desktop.cli.admin",
    "kam_desktop.cli.accounts",
    "kam_desktop.cli.fx",
    "kam_desktop.cli.engine",
    "kam_desktop.cli.documents",
    "kam_desktop.cli.imports",
    "kam_desktop.cli.program",
    "kam_desktop.cli.benefits",
    "kam_desktop.cli.settlement",
    "kam_desktop.cli.mdf",
    "kam_desktop.cli.sync",
    "kam_desktop.cli.server",
    "kam_desktop.cli.audit",
    "kam_desktop.cli.encryption",
)


LOG_FILE = "kamctl.log"
EXIT_NOT_PERMITTED = 4  # the person's role may not do this (1: refused or failed, 2: usage, 3: policy --strict)


class CliError(Exception):
    """A usage or input problem found by the CLI itself (exit 2)."""


def build_parser() -> argparse.ArgumentParser:
    # The same options on every sub-command, so `kamctl accounts list --json --db x` works too;
    # SUPPRESS keeps a sub-command's absent option from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="SQLite file or postgresql:// URL (or KAM_DB)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    common.add_argument("--as", dest="login", metavar="LOGIN", default=argparse.SUPPRESS,
                        help="act as this person (default: KAM_USER, else the store's administrator)")
    parser = argparse.ArgumentParser(prog="kamctl", description="KAM Desktop without a screen.")
    parser.add_argument("--version", action="version", version=f"kamctl {__version__}")
    parser.add_argument("--db", default=None, help="SQLite file or postgresql:// URL (or KAM_DB)")
    parser.add_argument("--json", action="store_true", default=False, help="machine-readable output")
    parser.add_argument("--as", dest="login", metavar="LOGIN", default=os.environ.get("KAM_USER") or None,
                        help="act as this person (default: KAM_USER, else the store's administrator)")
    # before the command: a document command's own --lang is the language of the document it issues
    parser.add_argument("--lang", dest="messages_lang", choices=LANGUAGES, default=None,
                        help="language of messages and errors: en, pl or ru (default: the environment's, e.g. "
                             "LANG=pl_PL.UTF-8); give it before the command")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    frozen.support()  # before anything else: a statement batch's worker process starts here too
    utf8_when_piped()
    parser = build_parser()
    args = parser.parse_args(argv)
    log_file = _setup_logging(bool(args.verbose))
    try:
        return int(args.handler(args) or 0)
    except NotPermittedError as exc:
        report_error(args, Message.of("kamctl: not permitted: {message}", message=exc.message), exc)
        return EXIT_NOT_PERMITTED
    except (ServiceError, CliError) as exc:
        report_error(args, Message.of("kamctl: error: {message}", message=_said(exc)), exc)
        return 2 if isinstance(exc, CliError) else 1
    except BrokenPipeError:
        # `kamctl … | head`: the reader left; say nothing more (Python's own advice for CLIs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (OSError, ValueError, RuntimeError) as exc:
        # migrate.DatabaseNewerError, StoreLocationError, BackupError and file errors land here
        report_error(args, Message.of("kamctl: error: {message}", message=_said(exc)), exc)
        return 1
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        from kam_desktop.services.admin.stores import problem_of

        problem = problem_of(exc)
        if problem is not None:  # busy, read-only, full, damaged: what it means and what to do
            line = Message.of("kamctl: error: {message}", message=problem.message)
        elif type(exc).__name__ == "OperationalError":
            line = Message.of("kamctl: error: the database could not be used: {detail}", detail=_first_line(exc))
        else:
            line = Message.of("kamctl: error: database error: {detail}", detail=_first_line(exc))
        report_error(args, line, exc)
        return 1
    finally:
        close_stores()
        logs.detach(log_file)


def _setup_logging(verbose: bool) -> logging.Handler | None:
    """Progress on stderr with -v (warnings always), and everything from INFO up in the rotating `kamctl.log`
    of the log folder, where support finds what a command did (migrations, backups) after the terminal is gone."""
    root = logging.getLogger()
    before = set(root.handlers)
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")
    for console in set(root.handlers) - before:  # the file below lowers the root's level; stderr keeps its own
        console.setLevel(logging.INFO if verbose else logging.WARNING)
    try:
        folder = paths.log_dir()
    except OSError:  # a read-only or missing drive: the command still runs, only without a log file
        return None
    return logs.rotating_file(folder, LOG_FILE)


def _said(exc: BaseException) -> Message | Listing | str:
    """What an error says: its message (translated later) or, for an error without one, its text."""
    message = message_of(exc)
    return message if message is not None else str(exc)


def _is_database_error(exc: BaseException) -> bool:
    """SQLAlchemy's errors, told apart without importing SQLAlchemy for commands that never open a store."""
    return type(exc).__module__.startswith("sqlalchemy.")


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


if __name__ == "__main__":
    sys.exit(main())
