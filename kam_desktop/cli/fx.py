"""kamctl fx list and fx set: exchange rates to the base currency."""

from __future__ import annotations

import argparse
from datetime import date

from kam_desktop.cli.context import store_from
from kam_desktop.cli.output import print_json, print_table
from kam_desktop.services.clock import today
from kam_desktop.services.program import fx


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    command = subparsers.add_parser("fx", help="exchange rates to the base currency")
    sub = command.add_subparsers(dest="fx_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", parents=[common], help="list rates, newest first")
    listing.add_argument("--currency", default=None)
    listing.set_defaults(handler=_list)
    setter = sub.add_parser("set", parents=[common], help="set the rate of a currency from a day")
    setter.add_argument("currency")
    setter.add_argument("rate", help="base units per one unit of CURRENCY, e.g. 4.2715")
    setter.add_argument("--date", type=date.fromisoformat, default=None, help="valid from (default today)")
    setter.add_argument("--as", dest="actor", default="admin", help="who sets it (login)")
    setter.set_defaults(handler=_set)


def _list(args: argparse.Namespace) -> int:
    rows = fx.list_rates(store_from(args), args.currency)
    if args.json:
        print_json(rows)
    else:
        print_table([r.__dict__ for r in rows], ["rate_date", "currency", "base_currency", "rate"])
    return 0


def _set(args: argparse.Namespace) -> int:
    row = fx.set_rate(store_from(args), args.currency, args.rate, args.date or today(), args.actor)
    if args.json:
        print_json(row)
    else:
        print(f"1 {row.currency} = {row.rate} {row.base_currency} from {row.rate_date.isoformat()}")
    return 0
