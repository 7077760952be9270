"""kamctl init, users, backup and restore."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kam_desktop.cli.context import desk_from, store_from
from kam_desktop.cli.output import print_json, print_table
from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import PERMISSIONS, Scope
from kam_desktop.domain.vocabulary import Role

if TYPE_CHECKING:
    from kam_desktop.services.demo.setup import DemoSummary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    init = subparsers.add_parser("init", parents=[common], help="create the store (optionally with demo data)")
    init.add_argument("--demo", action="store_true", help="load the demo company")
    init.add_argument("--seed", type=int, default=1, help="demo seed (same seed, same data)")
    init.add_argument("--as-of", type=date.fromisoformat, default=None, help="demo data up to this date")
    init.add_argument("--encrypt", action="store_true", help="create the store encrypted at rest (its key kept by "
                      "the OS password store, or given in KAM_STORE_KEY)")
    init.set_defaults(handler=_init)

    users_cmd = subparsers.add_parser("users", help="people who use the program")
    users_sub = users_cmd.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    listing = users_sub.add_parser("list", parents=[common], help="list users")
    listing.set_defaults(handler=_users_list)
    add = users_sub.add_parser("add", parents=[common], help="add a user")
    add.add_argument("new_login", metavar="LOGIN")
    add.add_argument("--role", required=True, choices=["kam", "director", "finance", "admin"])
    add.add_argument("--name", default=None)
    add.set_defaults(handler=_users_add)

    permissions = subparsers.add_parser("permissions", parents=[common], help="who may do what (the one table)")
    permissions.set_defaults(handler=_permissions)

    backup = subparsers.add_parser("backup", parents=[common], help="verified backup of the SQLite store")
    backup.add_argument("file", type=Path)
    backup.set_defaults(handler=_backup)
    check = subparsers.add_parser("check", parents=[common],
                                  help="compare the sales roll-up with the invoice lines (exit 1 when they differ)")
    check.set_defaults(handler=_check)
    restore = subparsers.add_parser("restore", parents=[common], help="restore the store from a backup")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=_restore)


def _init(args: argparse.Namespace) -> int:
    from kam_desktop.services.clock import FixedClock, clock_from_environment
    from kam_desktop.services.demo import setup  # the demo generator: only for init

    key = None
    if args.encrypt:
        from kam_desktop.services.admin.encryption import key_for_init

        key = key_for_init(getattr(args, "db", None))
    store = store_from(args, key)
    clock = FixedClock(args.as_of) if args.as_of else clock_from_environment()
    result = setup.initialize(store, demo=args.demo, seed=args.seed, clock=clock)
    if args.json:
        print_json({"created_defaults": result.created_defaults, "demo": result.demo})
    else:
        print(say(args, _ready(result.demo)))
    return 0


def _ready(demo: DemoSummary | None) -> Message:
    """What `init` made, in one readable sentence (the JSON has every count)."""
    if demo is None:
        return Message.of("Store ready: the program, the commercial policy and an administrator are set up.")
    return Message.of(
        "Store ready with the demo company: {accounts:,} accounts ({customers:,} customers, {partners:,} partners; "
        "{control:,} in the control group, {churned:,} churned), {people:,} people, {contacts:,} contacts, {lines:,} invoice "
        "lines ({returns:,} returns), {slots:,} potential slots, {grants:,} benefits, {requests:,} exception requests, "
        "{rates:,} exchange rates.",
        accounts=demo.accounts, customers=demo.customers, partners=demo.partners, control=demo.control_group,
        churned=demo.churned, people=demo.users, contacts=demo.contacts, lines=demo.invoice_lines,
        returns=demo.returns, slots=demo.potential_slots, grants=demo.benefit_grants,
        requests=demo.exception_requests, rates=demo.fx_rates)


def _users_list(args: argparse.Namespace) -> int:
    rows = desk_from(args).users()
    if args.json:
        print_json([{"login": u.login, "name": u.name, "role": u.role, "active": u.active} for u in rows])
    else:
        print_table([{"login": u.login, "name": u.name, "role": u.role} for u in rows], ["login", "name", "role"])
    return 0


def _users_add(args: argparse.Namespace) -> int:
    user = desk_from(args).add_user(args.new_login, args.role, args.name)
    if args.json:
        print_json(user)
    else:
        print(f"added {user.login} ({user.role})")
    return 0


def _backup(args: argparse.Namespace) -> int:
    path = desk_from(args).backup(args.file)
    if args.json:
        print_json({"backup": str(path)})
    else:
        print(f"verified backup written to {path}")
    return 0


def _check(args: argparse.Namespace) -> int:
    result = desk_from(args).check_rollup()
    if args.json:
        print_json({"consistent": result.consistent, "account": result.account_code, "month": result.month})
    elif result.consistent:
        print("the sales roll-up equals the invoice lines")
    else:
        print(f"the sales roll-up differs from the invoice lines first at account {result.account_code}, "
              f"month {result.month}")
    return 0 if result.consistent else 1


def _restore(args: argparse.Namespace) -> int:
    from kam_desktop.services.admin.stores import UNREADABLE, StoreProblem, replace_unreadable_store

    try:
        safety = desk_from(args).restore(args.file)
    except StoreProblem as problem:
        if problem.kind not in UNREADABLE or problem.path is None:
            raise
        # damaged, or encrypted without a working key: no one to act as; the file is moved aside, not deleted
        safety = replace_unreadable_store(problem.path, args.file, label=str(problem.kind).replace("_", "-"))
    if args.json:
        print_json({"restored_from": str(args.file), "previous_content_saved_to": str(safety)})
    else:
        print(f"restored from {args.file}; the previous content was saved to {safety}")
    return 0


def permissions_markdown() -> str:
    """The permission table, one row per use case and one column per role (as docs/permissions.md keeps it)."""
    marks = {Scope.ANY: "yes", Scope.OWN: "own accounts", None: "—"}
    lines = ["| use case | " + " | ".join(r.value for r in Role) + " |", "|---|" + "---|" * len(Role)]
    for use_case, scopes in PERMISSIONS.items():
        lines.append(f"| {use_case} | " + " | ".join(marks[scopes.get(r)] for r in Role) + " |")
    return "\n".join(lines) + "\n"


def _permissions(args: argparse.Namespace) -> int:
    if args.json:
        print_json({str(u): {str(r): str(s) for r, s in scopes.items()} for u, scopes in PERMISSIONS.items()})
    else:
        print(permissions_markdown(), end="")
    return 0
