"""kamctl accounts list and account show."""

from __future__ import annotations

import argparse

from kam_desktop.cli.context import context_from, desk_from
from kam_desktop.cli.output import print_json
from kam_desktop.cli.portfolio_output import portfolio_record, print_portfolio


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    accounts = subparsers.add_parser("accounts", help="the portfolio")
    accounts_sub = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    listing = accounts_sub.add_parser("list", parents=[common], help="list accounts")
    listing.add_argument("--owner", default=None, help="only this KAM's accounts (login)")
    listing.set_defaults(handler=_list)

    account = subparsers.add_parser("account", help="one account")
    account_sub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    show = account_sub.add_parser("show", parents=[common], help="an account's card")
    show.add_argument("code")
    show.set_defaults(handler=_show)


def _list(args: argparse.Namespace) -> int:
    from kam_desktop.services.accounts.portfolio import portfolio  # this service only: a quick answer

    print_portfolio(portfolio(context_from(args), owner=args.owner), bool(args.json))
    return 0


def _show(args: argparse.Namespace) -> int:
    card = desk_from(args).card(args.code)
    data = portfolio_record(card.summary) | {
        "tax_id": card.tax_id, "industry": card.industry, "language": card.language,
        "enrolled_on": card.enrolled_on, "address": card.address, "contacts": card.contacts,
        "grade_why": card.grade_why,
    }
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            if key not in ("contacts", "grade_why"):
                print(f"{key:>20}: {'' if value is None else value}")
        if card.grade_why:
            w = card.grade_why
            print(f"{'why':>20}: basis {w.basis} ({w.basis_kind}), rank {w.rank} of {w.population}, "
                  f"p={w.percentile}, cut-off {w.cutoff}, computed {w.computed_grade}, previous {w.previous_grade}")
        for c in card.contacts:
            print(f"{'contact':>20}: {c.name} ({c.role}) {c.email or ''} {c.phone or ''}")
    return 0
