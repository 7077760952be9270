"""kamctl sync: push this laptop's changes to the team server and pull the server's, for scheduled tasks too."""

from __future__ import annotations

import argparse
import getpass
import sys

from kam_desktop.cli.context import store_from
from kam_desktop.cli.output import print_json
from kam_desktop.cli.speech import report_error, say
from kam_desktop.domain.messages import Message

# Exit codes a scheduled task can act on (0 and 1 as every command; 2 is a usage error).
EXIT_CONFLICTS = 5  # synced, and new conflicts wait in the app's Conflicts screen
EXIT_OFFLINE = 6  # the server was not reachable: nothing lost, try again later
EXIT_LOGIN = 7  # the server refused the login or password
EXIT_BINDING = 8  # this data folder belongs to another server or person, or holds solo data
EXIT_BY_FAILURE = {"offline": EXIT_OFFLINE, "login": EXIT_LOGIN, "binding": EXIT_BINDING}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    command = subparsers.add_parser(
        "sync", parents=[common], help="sync this laptop with the team server (exit 0 synced, 5 new conflicts, "
        "6 offline, 7 login refused, 8 data folder bound elsewhere)")
    command.add_argument("--server", default=None,
                         help="postgresql://host/db of the team server (default: the one this laptop is bound to)")
    command.add_argument("--user", dest="server_login", default=None,
                         help="your server login (default: the one this laptop is bound to)")
    command.set_defaults(handler=_sync)


def _sync(args: argparse.Namespace) -> int:
    from kam_desktop.services import team_sync

    store = store_from(args)
    bound = team_sync.bound_to(store)
    server = args.server or (bound.server if bound else None)
    login = args.server_login or (bound.login if bound else None)
    if server is None or login is None:
        report_error(args, Message.of("kamctl: error: {message}", message=Message.of(
            "this laptop is not connected to a team server yet: give --server URL and --user LOGIN")), None)
        return 2
    password = team_sync.saved_password(server, login)
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(say(args, Message.of("Password for {login}: ", login=login)))
    try:
        report = team_sync.sync_with_team(store, server, login, password)
    except team_sync.TeamSyncError as exc:
        report_error(args, Message.of("kamctl: error: {message}", message=exc.message), exc)
        return EXIT_BY_FAILURE.get(str(exc.failure), 1)
    if args.json:
        print_json({"pushed": report.pushed, "pulled": report.pulled, "conflicts": report.conflicts,
                    "open_conflicts": report.open_conflicts, "snapshot": report.snapshot,
                    "accounts_arrived": report.arrived, "accounts_revoked": report.revoked,
                    "seconds": round(report.seconds, 3)})
    else:
        print(say(args, Message.of(
            "Synced in {seconds} s: {pushed} changes pushed, {pulled} pulled, {conflicts} new conflicts "
            "({open} open).", seconds=f"{report.seconds:.1f}", pushed=report.pushed, pulled=report.pulled,
            conflicts=report.conflicts, open=report.open_conflicts)))
    return EXIT_CONFLICTS if report.conflicts else 0
