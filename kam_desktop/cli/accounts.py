"""kamctl accounts list and account show."""

from __future__ import annotations

import argparse
from typing import Any

from kam_desktop.cli.context import context_from, desk_from
from kam_desktop.cli.output import print_json, print_table
from kam_desktop.services.plain import PortfolioRow

LIST_COLUMNS = ["code", "name", "kind", "owner", "grade", "segment", "ltv_12m", "ltv_12m_base", "open_benefits",
                "pending_exceptions"]


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


def _row(row: PortfolioRow) -> dict[str, Any]:
    return {
        "code": row.code, "name": row.name, "kind": row.kind, "status": row.status, "owner": row.owner,
        "grade": row.grade, "segment": row.segment, "at_risk": row.at_risk, "currency": row.currency,
        "ltv_12m": row.ltv_12m, "ltv_12m_base": row.ltv_12m_base, "base_currency": row.base_currency,
        "ltv_trend_pct": row.trend_pct, "open_benefits": row.open_benefits,
        "pending_exceptions": row.pending_exceptions, "churned": row.churned, "last_invoice_on": row.last_invoice_on,
        "last_statement": row.last_statement,
    }


def _list(args: argparse.Namespace) -> int:
    from kam_desktop.services.accounts.portfolio import portfolio  # this service only: a quick answer

    rows = [_row(r) for r in portfolio(context_from(args), owner=args.owner)]
    if args.json:
        print_json(rows)
    else:  # every amount with its currency; the base-currency column says which currency it is
        print_table([_shown(r) for r in rows], LIST_COLUMNS)
    return 0


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    ltv, base = row["ltv_12m"], row["ltv_12m_base"]
    return row | {"ltv_12m": f"{row['currency']} {ltv}" if ltv is not None else None,
                  "ltv_12m_base": f"{row['base_currency']} {base}" if base is not None else None}


def _show(args: argparse.Namespace) -> int:
    card = desk_from(args).card(args.code)
    data = _row(card.summary) | {
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
