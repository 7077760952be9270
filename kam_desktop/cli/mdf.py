"""kamctl mdf: market development funds of partners — funds, claims with proof, decisions, payment, settlement."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.output import print_json, print_result, print_table

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _proof(text: str) -> tuple[str, str]:
    kind, sep, reference = text.partition("=")
    if not sep or not kind.strip() or not reference.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: write a proof as KIND=REFERENCE, e.g. invoice=FV/2026/17")
    return kind.strip(), reference.strip()


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    mdf = subparsers.add_parser("mdf", help="market development funds: funds, claims, approval, payment, settlement")
    sub = mdf.add_subparsers(dest="mdf_command", metavar="ACTION", required=True)
    fund = sub.add_parser("fund", parents=[common], help="allocate a partner's fund for a quarter")
    fund.add_argument("code")
    fund.add_argument("quarter")
    fund.add_argument("--allocated", required=True, help="in the partner's currency")
    fund.add_argument("--claim-days", type=int, default=30, help="days after the quarter claims are accepted")
    fund.set_defaults(handler=_mdf_fund)
    funds = sub.add_parser("funds", parents=[common], help="funds and what is left of them")
    funds.add_argument("--quarter", default=None)
    funds.set_defaults(handler=_mdf_funds)
    claim = sub.add_parser("claim", parents=[common], help="submit a claim with proof of performance")
    claim.add_argument("code")
    claim.add_argument("quarter")
    claim.add_argument("--activity", required=True)
    claim.add_argument("--performed-on", type=date.fromisoformat, required=True)
    claim.add_argument("--amount", required=True)
    claim.add_argument("--proof", type=_proof, action="append", default=[], help="KIND=REFERENCE (repeatable)")
    claim.set_defaults(handler=_mdf_claim)
    proof = sub.add_parser("proof", parents=[common], help="attach a proof to a waiting claim")
    proof.add_argument("number")
    proof.add_argument("--kind", required=True)
    proof.add_argument("--ref", required=True)
    proof.set_defaults(handler=_mdf_proof)
    for name in ("approve", "reject"):
        p = sub.add_parser(name, parents=[common], help=f"{name} a claim (a director or finance, not the submitter)")
        p.add_argument("number")
        p.add_argument("--note", default="", required=name == "reject")
        p.add_argument("--seen-version", type=int, default=None)
        p.set_defaults(handler=_mdf_decide, approve=name == "approve")
    pay = sub.add_parser("pay", parents=[common], help="pay an approved claim (finance)")
    pay.add_argument("number")
    pay.add_argument("--ref", required=True, help="the transfer or credit note reference")
    pay.set_defaults(handler=_mdf_pay)
    settle = sub.add_parser("settle", parents=[common], help="settle a fund after its claim window (finance)")
    settle.add_argument("code")
    settle.add_argument("quarter")
    settle.set_defaults(handler=_mdf_settle)
    claims = sub.add_parser("claims", parents=[common], help="claims, newest first")
    claims.add_argument("--status", default=None)
    claims.add_argument("--account", default=None)
    claims.set_defaults(handler=_mdf_claims)


def _fund_text(row: Any) -> str:
    return (f"{row.account} {row.quarter}: budget {row.budget} (allocated {row.allocated}, cashback in "
            f"{row.transfers_in}), committed {row.committed}, paid {row.paid}, left {row.left}; claims until "
            f"{row.claims_until}" + (f"; settled on {row.settled_on}" if row.settled_on else ""))


def _mdf_fund(args: argparse.Namespace) -> int:
    row = desk_from(args).mdf_fund(args.code, args.quarter, args.allocated, args.claim_days)
    return print_result(args, row, _fund_text(row))


def _mdf_funds(args: argparse.Namespace) -> int:
    rows = desk_from(args).mdf_funds(args.quarter)
    return print_result(args, rows, "\n".join(_fund_text(r) for r in rows))


def _claim_text(row: Any) -> str:
    return f"{row.number} {row.account} {row.quarter} {row.amount} ({row.status}): {row.activity}"


def _mdf_claim(args: argparse.Namespace) -> int:
    row = desk_from(args).mdf_claim(args.code, args.quarter, args.activity, args.performed_on, args.amount,
                                    args.proof)
    return print_result(args, row, _claim_text(row))


def _mdf_proof(args: argparse.Namespace) -> int:
    row = desk_from(args).mdf_proof(args.number, args.kind, args.ref)
    return print_result(args, row, _claim_text(row))


def _mdf_decide(args: argparse.Namespace) -> int:
    row = desk_from(args).mdf_decide(args.number, args.approve, args.note, args.seen_version)
    return print_result(args, row, _claim_text(row))


def _mdf_pay(args: argparse.Namespace) -> int:
    row = desk_from(args).mdf_pay(args.number, args.ref)
    return print_result(args, row, _claim_text(row) + f", paid on {row.paid_on} ({row.payment_ref})")


def _mdf_settle(args: argparse.Namespace) -> int:
    done = desk_from(args).mdf_settle(args.code, args.quarter)
    return print_result(args, done, f"{_fund_text(done.fund)}\n  settled: paid {done.paid}, to pay {done.to_pay}, "
                f"lapsed {done.lapsed} (rejected {done.rejected})")


def _mdf_claims(args: argparse.Namespace) -> int:
    rows = desk_from(args).mdf_claims(args.status, args.account)
    if args.json:
        print_json(rows)
    else:
        print_table([{"number": r.number, "account": r.account, "quarter": r.quarter, "amount": str(r.amount),
                      "status": r.status, "activity": r.activity} for r in rows],
                    ["number", "account", "quarter", "amount", "status", "activity"])
    return 0
