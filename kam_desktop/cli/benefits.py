"""kamctl benefit grant: a benefit for an account, checked against the commercial policy."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.engine import decimal_arg
from kam_desktop.cli.output import print_json

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    benefit = subparsers.add_parser("benefit", help="benefits granted to accounts")
    sub = benefit.add_subparsers(dest="benefit_command", metavar="ACTION", required=True)
    grant = sub.add_parser("grant", parents=[common], help="grant a catalog benefit (pending when beyond a cap)")
    grant.add_argument("code")
    grant.add_argument("benefit", help="catalog code, e.g. SLA-PLUS")
    grant.add_argument("--cost", type=decimal_arg, required=True, help="a year's cost, in the account's currency")
    grant.add_argument("--value", type=decimal_arg, default=None, help="e.g. the discount %% or payment days")
    grant.add_argument("--valid-to", type=date.fromisoformat, default=None)
    grant.set_defaults(handler=_grant)


def _grant(args: argparse.Namespace) -> int:
    outcome = desk_from(args).add_benefit(args.code, args.benefit, args.value, args.cost, args.valid_to)
    data = {"grant": str(outcome.grant_id), "status": outcome.status,
            "violations": [v.message for v in outcome.check.violations],
            "exceptions_needed": [{"kind": d.kind, "requested": d.requested, "cap": d.cap, "unit": d.unit}
                                  for d in outcome.drafts]}
    if args.json:
        print_json(data)
    else:
        print(f"{args.code}: {args.benefit} {outcome.status}")
        for message in data["violations"]:
            print(f"  beyond the policy: {message} (request an exception)")
    return 0
