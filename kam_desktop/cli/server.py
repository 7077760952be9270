"""kamctl server: set up the team server and manage its people — the server owner's commands.

`--url` is the server as its owner (a superuser) connects to it. A password is read from standard input when it
is not a terminal, else asked for twice; it is never an argument (it would stay in the shell's history).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kam_desktop.cli.main import CliError
from kam_desktop.cli.output import print_json, print_result, print_table
from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    server = subparsers.add_parser("server", help="the team server: init, people, account owners")
    sub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    url = argparse.ArgumentParser(add_help=False)
    url.add_argument("--url", default=os.environ.get("KAM_SERVER"),
                     help="postgresql://owner@host/db of the server as its owner (or KAM_SERVER)")
    init = sub.add_parser("init", parents=[common, url],
                          help="create or upgrade the server: schema, roles, row-level security, functions")
    init.add_argument("--demo", action="store_true", help="load the demo company; its people get demo passwords")
    init.set_defaults(handler=_init)
    add = sub.add_parser("add-user", parents=[common, url], help="a person who logs in to the server")
    add.add_argument("new_login", metavar="LOGIN")
    add.add_argument("--role", required=True, choices=("kam", "director", "finance", "admin"))
    add.add_argument("--name", default=None)
    add.set_defaults(handler=_add_user)
    assign = sub.add_parser("assign", parents=[common, url], help="move an account to another KAM")
    assign.add_argument("code")
    assign.add_argument("--owner", required=True, help="the KAM's login")
    assign.set_defaults(handler=_assign)
    users = sub.add_parser("users", parents=[common, url], help="the server's people and their logins")
    users.set_defaults(handler=_users)
    disable = sub.add_parser("disable-user", parents=[common, url], help="the person can no longer log in")
    disable.add_argument("old_login", metavar="LOGIN")
    disable.set_defaults(handler=_disable)


def _url(args: argparse.Namespace) -> str:
    if not args.url:
        raise CliError("give the server with --url postgresql://owner@host/db (or set KAM_SERVER)")
    return str(args.url)


def _init(args: argparse.Namespace) -> int:
    from kam_desktop.services import team_server

    ready = team_server.init_server(_url(args), demo=args.demo)
    data = {"revision": ready.installed.revision, "sql_files": ready.installed.sql_files,
            "tables_secured": ready.installed.tables_secured,
            "demo_people": [{"login": login, "password": password} for login, password in ready.demo_people]}
    text = say(args, Message.of("Team server ready at schema {revision}: {tables} tables under row-level security.",
                                revision=ready.installed.revision, tables=ready.installed.tables_secured))
    for login, password in ready.demo_people:
        text += f"\n  {login}  {password}"
    return print_result(args, data, text)


def _password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise CliError("the two passwords differ; nothing was changed")
    return first


def _add_user(args: argparse.Namespace) -> int:
    from kam_desktop.services import team_server

    url = _url(args)
    new = team_server.add_server_user(url, args.new_login, args.role, args.name, _password())
    text = Message.of("{login} can log in to the team server as {role}.", login=args.new_login.strip().lower(),
                      role=args.role) if new else Message.of("{login}: role and password updated.",
                                                              login=args.new_login.strip().lower())
    return print_result(args, {"login": args.new_login.strip().lower(), "role": args.role, "new": new},
                        say(args, text))


def _assign(args: argparse.Namespace) -> int:
    from kam_desktop.services import team_server

    before, after = team_server.assign_account(_url(args), args.code, args.owner)
    return print_result(args, {"code": args.code, "from": before, "to": after},
                        say(args, Message.of("{code}: {before} → {after}; their laptops follow at the next sync.",
                                             code=args.code, before=before or "—", after=after)))


def _users(args: argparse.Namespace) -> int:
    from kam_desktop.services import team_server

    rows = team_server.server_users(_url(args))
    if args.json:
        print_json(rows)
    else:
        print_table([{"login": r.login, "name": r.name, "role": r.role, "active": "yes" if r.active else "no",
                      "login_role": "yes" if r.can_log_in else "no", "accounts": r.accounts} for r in rows],
                    ["login", "name", "role", "active", "login_role", "accounts"])
    return 0


def _disable(args: argparse.Namespace) -> int:
    from kam_desktop.services import team_server

    team_server.disable_server_user(_url(args), args.old_login)
    return print_result(args, {"login": args.old_login, "disabled": True},
                        say(args, Message.of("{login} can no longer log in; their history stays.",
                                             login=args.old_login)))
