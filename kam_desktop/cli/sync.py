"""kamctl sync: push this laptop's changes to the team server and pull the server's, for scheduled tasks too."""

from __future__ import annotations

import argparse
import getpass
import sys
import uuid

from kam_desktop.cli.context import desk_from, store_from
from kam_desktop.cli.output import print_json, print_result, print_table
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

    conflicts = subparsers.add_parser("conflicts", help="what a sync could not apply: list, re-apply or dismiss")
    actions = conflicts.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="the open conflicts, oldest first")
    listing.set_defaults(handler=_conflicts_list)
    reapply = actions.add_parser("reapply", parents=[common], help="put this laptop's values back (sent at the next sync)")
    reapply.add_argument("conflict_id", metavar="ID", type=uuid.UUID)
    reapply.set_defaults(handler=_conflicts_reapply)
    dismiss = actions.add_parser("dismiss", parents=[common], help="keep the server's values")
    dismiss.add_argument("conflict_id", metavar="ID", type=uuid.UUID)
    dismiss.set_defaults(handler=_conflicts_dismiss)


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
                    "leased": report.leased, "seconds": round(report.seconds, 3),
                    "store_encryption": report.encryption})
    else:
        print(say(args, Message.of(
            "Synced in {seconds} s: {pushed} changes pushed, {pulled} pulled, {conflicts} new conflicts "
            "({open} open).", seconds=f"{report.seconds:.1f}", pushed=report.pushed, pulled=report.pulled,
            conflicts=report.conflicts, open=report.open_conflicts)))
        _say_encryption(args, report.encryption)
    return EXIT_CONFLICTS if report.conflicts else 0


def _say_encryption(args: argparse.Namespace, outcome: str) -> None:
    """A team laptop's store is encrypted at rest once bound: say when that happened, or why it did not."""
    if outcome == "encrypted":
        print(say(args, Message.of("This laptop's store is encrypted now; its key is kept by this computer's "
                                   "password store (or KAM_STORE_KEY).")))
    elif outcome == "no_vault":
        print(say(args, Message.of("This laptop's store is not encrypted: this computer has no password store to keep "
                                   "its key in; set KAM_STORE_KEY and sync again.")), file=sys.stderr)
    elif outcome in ("in_use", "failed"):
        print(say(args, Message.of("This laptop's store is not encrypted yet: another window or command had it open, "
                                   "or converting it failed (see the log); it is tried again at the next sync.")),
              file=sys.stderr)


def _conflicts_list(args: argparse.Namespace) -> int:
    rows = [{"id": c.id, "account": c.account, "record": c.entity, "laptop": c.laptop, "server": c.server,
             "reason": c.reason, "when": c.created_at} for c in desk_from(args).sync_conflicts()]
    if args.json:
        print_json(rows)
    elif not rows:
        print(say(args, Message.of("No conflicts: everything this laptop changed reached the server.")))
    else:
        print_table(rows, ["id", "account", "record", "laptop", "server", "reason"])
    return 0


def _conflicts_reapply(args: argparse.Namespace) -> int:
    done = desk_from(args).reapply_conflict(args.conflict_id)
    return print_result(args, {"reapplied": done.id}, say(args, Message.of(
        "Re-applied: this laptop's values go to the server at the next sync.")))


def _conflicts_dismiss(args: argparse.Namespace) -> int:
    desk_from(args).dismiss_conflict(args.conflict_id)
    return print_result(args, {"dismissed": args.conflict_id}, say(args, Message.of(
        "Dismissed: the server's values stay.")))
