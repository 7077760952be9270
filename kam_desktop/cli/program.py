"""kamctl company (our company as documents print it), slot save, and redeem."""

from __future__ import annotations

import argparse
from dataclasses import asdict, replace
from datetime import date
from decimal import Decimal
from typing import Any, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.engine import decimal_arg
from kam_desktop.cli.output import print_json
from kam_desktop.domain.vocabulary import LedgerUnit, SlotSource

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
COMPANY_FIELDS = ("name", "tax_id", "signatory_name", "signatory_title", "email", "phone", "website")


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    company = subparsers.add_parser("company", help="our company as the documents print it")
    company_sub = company.add_subparsers(dest="company_command", metavar="ACTION", required=True)
    company_sub.add_parser("show", parents=[common], help="the company identity").set_defaults(handler=_company_show)
    change = company_sub.add_parser("set", parents=[common], help="change fields (a director, finance or admin)")
    for name in COMPANY_FIELDS:
        change.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None)
    change.add_argument("--address", action="append", default=None, help="one printed line (repeatable)")
    change.set_defaults(handler=_company_set)

    slot = subparsers.add_parser("slot", help="potential slots")
    slot_sub = slot.add_subparsers(dest="slot_command", metavar="ACTION", required=True)
    save = slot_sub.add_parser("save", parents=[common], help="record a client's total spend in a category")
    save.add_argument("code")
    save.add_argument("category", help="product category code")
    save.add_argument("--units", type=decimal_arg, required=True)
    save.add_argument("--money", type=decimal_arg, required=True, help="in the account's currency")
    save.add_argument("--source", choices=[s.value for s in SlotSource], required=True)
    save.add_argument("--collected-on", type=date.fromisoformat, required=True)
    save.add_argument("--confidence", type=decimal_arg, default=None, help="0..1 (default 0.8)")
    save.set_defaults(handler=_slot_save)

    redeem = subparsers.add_parser("redeem", parents=[common], help="redeem cashback or points (finance)")
    redeem.add_argument("code")
    redeem.add_argument("--unit", choices=[u.value for u in LedgerUnit], required=True)
    redeem.add_argument("--amount", type=decimal_arg, required=True)
    redeem.add_argument("--ref", required=True, help="the credit note, order, … it is booked against")
    redeem.set_defaults(handler=_redeem)


def _company(fields: Any) -> dict[str, Any]:
    data = asdict(fields)
    data["logo_png"] = f"{len(fields.logo_png)} bytes" if fields.logo_png else None
    return data


def _company_show(args: argparse.Namespace) -> int:
    data = _company(desk_from(args).company())
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:>16}: {'' if value is None else value}")
    return 0


def _company_set(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    given = {name: getattr(args, name) for name in COMPANY_FIELDS if getattr(args, name) is not None}
    if args.address is not None:
        given["address"] = tuple(args.address)
    changed = desk.save_company(replace(desk.company(), **given))
    if args.json:
        print_json({"changed": changed})
    else:
        print("changed: " + (", ".join(changed) if changed else "nothing"))
    return 0


def _slot_save(args: argparse.Namespace) -> int:
    slot_id = desk_from(args).save_slot(args.code, args.category, total_units=args.units, total_money=args.money,
                                        source=args.source, collected_on=args.collected_on,
                                        confidence=args.confidence if args.confidence is not None else Decimal("0.8"))
    if args.json:
        print_json({"slot": str(slot_id)})
    else:
        print(f"{args.code}/{args.category}: recorded ({args.source}, {args.collected_on.isoformat()})")
    return 0


def _redeem(args: argparse.Namespace) -> int:
    entry = desk_from(args).redeem(args.code, args.unit, args.amount, args.ref)
    if args.json:
        print_json(entry)
    else:
        print(f"{args.code}: redeemed {-entry.amount} {entry.unit} against {args.ref}")
    return 0
