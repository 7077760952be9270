"""kamctl lock, settle, payout, adjust, mdf, liability, journal, economics, settlement terms, regrade.

Every amount is printed with its currency ("EUR 150.00"); under --json, money is {"amount", "currency"}.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.encryption import say_plain_export
from kam_desktop.cli.output import print_json, print_result, print_table
from kam_desktop.cli.speech import say

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    lock = subparsers.add_parser("lock", parents=[common], help="lock a closed quarter (finance); `lock list`")
    lock.add_argument("quarter", help="e.g. 2026Q1, or `list`")
    lock.set_defaults(handler=_lock)

    settle = subparsers.add_parser("settle", parents=[common],
                                   help="settle late sales and returns and take clawbacks now (finance)")
    settle.set_defaults(handler=_settle)

    _register_payouts(subparsers, common)
    _register_adjustments(subparsers, common)

    for name, handler, text in (("liability", _liability, "the reward liability roll-forward and estimate"),
                                ("economics", _economics, "reward cost against gross margin, per account and grade")):
        p = subparsers.add_parser(name, parents=[common], help=text)
        p.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
        p.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
        if name == "liability":
            p.add_argument("--in-money", action="store_true", help="points at the point value")
        p.set_defaults(handler=handler)

    journal = subparsers.add_parser("journal", parents=[common], help="the accounting journal as CSV or XLSX")
    journal.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    journal.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    journal.add_argument("file", type=Path, help="FILE.csv or FILE.xlsx")
    journal.set_defaults(handler=_journal)

    terms = subparsers.add_parser("settlement", help="the settlement terms")
    terms_sub = terms.add_subparsers(dest="settlement_command", metavar="ACTION", required=True)
    show = terms_sub.add_parser("terms", parents=[common], help="every settlement setting and its value")
    show.set_defaults(handler=_terms)
    set_ = terms_sub.add_parser("set", parents=[common], help="set one (finance); an empty value is the default")
    set_.add_argument("key")
    set_.add_argument("value")
    set_.set_defaults(handler=_set_term)

    regrade = subparsers.add_parser("regrade", parents=[common],
                                    help="run a past grading again: reproduced, or what changed since")
    regrade.add_argument("--as-of", type=date.fromisoformat, required=True)
    regrade.set_defaults(handler=_regrade)


def _register_payouts(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    payout = subparsers.add_parser("payout", help="pay cashback out (rebate note, next-invoice discount, MDF budget)")
    sub = payout.add_subparsers(dest="payout_command", metavar="ACTION", required=True)
    pay = sub.add_parser("pay", parents=[common], help="pay out by the method the program sets (finance)")
    pay.add_argument("code")
    pay.add_argument("--amount", required=True, help="in the account's currency, e.g. 150.00")
    pay.add_argument("--benefit", default="cashback", help="the benefit paid (its method comes from the terms)")
    pay.add_argument("--period", default=None, help="the quarter it settles (default: the last finished one)")
    pay.add_argument("--lang", default=None, choices=["pl", "ru", "en"], help="the rebate note's language")
    pay.add_argument("--out", type=Path, default=None, help="write the rebate note's PDF here")
    pay.add_argument("--force", action="store_true", help="replace a file already at --out")
    pay.set_defaults(handler=_pay)
    listing = sub.add_parser("list", parents=[common], help="payouts, newest first")
    listing.add_argument("--account", default=None)
    listing.set_defaults(handler=_payouts)
    show = sub.add_parser("show", parents=[common], help="one payout")
    show.add_argument("number")
    show.set_defaults(handler=_payout)


def _register_adjustments(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    adjust = subparsers.add_parser("adjust", help="manual ledger adjustments: a KAM proposes, finance books")
    sub = adjust.add_subparsers(dest="adjust_command", metavar="ACTION", required=True)
    propose = sub.add_parser("propose", parents=[common], help="propose an adjustment with its reason")
    propose.add_argument("code")
    propose.add_argument("--unit", required=True, choices=["cashback", "points"])
    propose.add_argument("--amount", required=True, help="signed: what it adds to the balance, e.g. -150.00")
    propose.add_argument("--reason", required=True)
    propose.add_argument("--dated", type=date.fromisoformat, default=None, help="the day it belongs to")
    propose.set_defaults(handler=_propose)
    for name, text in (("approve", "approve (a director or finance, not the proposer)"),
                       ("reject", "reject, saying why"), ("withdraw", "take your proposal back"),
                       ("book", "book it in the ledger (finance)")):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("number")
        if name in ("approve", "reject"):
            p.add_argument("--note", default="", required=name == "reject")
        if name != "withdraw":
            p.add_argument("--seen-version", type=int, default=None, help="the version you read (stale check)")
        p.set_defaults(handler=_adjust_step, step=name)
    listing = sub.add_parser("list", parents=[common], help="adjustments, newest first")
    listing.add_argument("--status", default=None)
    listing.add_argument("--account", default=None)
    listing.set_defaults(handler=_adjustments)
    inbox = sub.add_parser("inbox", parents=[common], help="what waits for you to approve or book")
    inbox.set_defaults(handler=_adjust_inbox)


def _lock(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    if args.quarter == "list":
        rows = desk.locks()
        if args.json:
            print_json(rows)
        else:
            print_table([vars(r) for r in rows], ["quarter", "locked_on", "locked_by", "locked_at"])
        return 0
    row = desk.lock_quarter(args.quarter)
    return print_result(args, row, f"{row.quarter} locked by {row.locked_by} on {row.locked_on}"
                + (f" ({row.expiries} expiries booked first)" if row.expiries else ""))


def _late_lines(rows: Any) -> list[str]:
    return [f"  late {r.kind} {r.ref} ({r.account}, {r.quarter}, {r.occurred_on}, {r.net}): cashback "
            f"{r.cashback_change}, points {r.points_change}"
            + (f", shortfall {r.shortfall}" if r.shortfall.is_positive else "")
            + (" — quarter locked: booked in the open period" if r.locked else "") for r in rows]


def _claw_lines(rows: Any) -> list[str]:
    return [f"  clawback {r.account} {r.quarter}: due {r.due}, taken {r.taken} ({r.taken_now} now), "
            f"still owed {r.outstanding}" for r in rows]


def _settle(args: argparse.Namespace) -> int:
    done = desk_from(args).settle()
    text = "\n".join([f"settled {len(done.late_facts)} late facts ({done.entries} entries), "
                      f"{len(done.clawbacks)} clawbacks", *_late_lines(done.late_facts),
                      *_claw_lines(done.clawbacks)])
    return print_result(args, done, text)


def _pay(args: argparse.Namespace) -> int:
    if args.out is not None:
        from kam_desktop.cli.documents import refuse_existing_out  # the same rule as every document's --out

        refuse_existing_out(args)
    result = desk_from(args).pay_out(args.code, args.amount, benefit=args.benefit, period=args.period,
                                     lang=args.lang)
    row = result.row
    if args.out is not None and result.pdf is not None:
        args.out.write_bytes(result.pdf)
    text = (f"{row.number} ({row.method}) {row.account} {row.period}: net {row.net}, VAT {row.vat}, gross {row.gross}"
            + (f"; document {row.document} sha256 {row.sha256}" if row.document else "")
            + (f"; written to {args.out}" if args.out is not None and result.pdf is not None else ""))
    return print_result(args, row, text)


def _payout_table(rows: Any) -> list[dict[str, Any]]:
    return [{"number": r.number, "method": r.method, "account": r.account, "period": r.period,
             "issued_on": r.issued_on, "gross": str(r.gross), "document": r.document} for r in rows]


def _payouts(args: argparse.Namespace) -> int:
    rows = desk_from(args).payouts(args.account)
    if args.json:
        print_json(rows)
    else:
        print_table(_payout_table(rows), ["number", "method", "account", "period", "issued_on", "gross", "document"])
    return 0


def _payout(args: argparse.Namespace) -> int:
    row = desk_from(args).payout(args.number)
    return print_result(args, row, f"{row.number} ({row.method}) {row.account} {row.period}: gross {row.gross}, entry "
                f"{row.entry_id}, lots " + ", ".join(f"{lot} {amount}" for lot, amount in row.lots))


def _adjustment_text(row: Any) -> str:
    amount = str(row.money) if row.money else f"{row.amount} points"
    return (f"{row.number} {row.account} {amount} ({row.status})"
            + (", needs a second person's approval" if row.needs_approval and row.status == "proposed" else ""))


def _propose(args: argparse.Namespace) -> int:
    row = desk_from(args).propose_adjustment(args.code, args.unit, args.amount, args.reason, args.dated)
    return print_result(args, row, _adjustment_text(row))


def _adjust_step(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    seen = getattr(args, "seen_version", None)
    if args.step == "approve":
        row = desk.approve_adjustment(args.number, args.note, seen)
    elif args.step == "reject":
        row = desk.reject_adjustment(args.number, args.note, seen)
    elif args.step == "withdraw":
        row = desk.withdraw_adjustment(args.number)
    else:
        row = desk.book_adjustment(args.number, seen)
    return print_result(args, row, _adjustment_text(row))


def _adjustment_table(rows: Any) -> list[dict[str, Any]]:
    return [{"number": r.number, "account": r.account, "amount": str(r.money) if r.money else f"{r.amount} points",
             "dated": r.dated, "status": r.status, "proposed_by": r.proposed_by, "approved_by": r.approved_by,
             "needs_approval": r.needs_approval, "reason": r.reason} for r in rows]


def _print_adjustments(args: argparse.Namespace, rows: Any) -> int:
    if args.json:
        print_json(rows)
    else:
        print_table(_adjustment_table(rows), ["number", "account", "amount", "dated", "status", "proposed_by",
                                              "approved_by", "needs_approval", "reason"])
    return 0


def _adjustments(args: argparse.Namespace) -> int:
    return _print_adjustments(args, desk_from(args).adjustments(args.status, args.account))


def _adjust_inbox(args: argparse.Namespace) -> int:
    return _print_adjustments(args, desk_from(args).adjustments_inbox())


_LIABILITY_COLUMNS = ["denomination", "opening", "accrued", "reversed", "redeemed", "paid_out", "expired",
                      "clawed_back", "adjusted", "closing", "due_expiries", "breakage_rate", "estimated"]


def _liability(args: argparse.Namespace) -> int:
    report = desk_from(args).liability(args.start, args.end, args.in_money)
    if args.json:
        print_json(report)
        return 0
    rows = [{"denomination": f"{x.unit} {x.currency}" if x.currency else x.unit,
             **{c: getattr(x, c) for c in _LIABILITY_COLUMNS[1:]}} for x in report.lines]
    print(f"reward liability {report.start} .. {report.end} "
          f"({'points at the point value' if report.in_money else 'points in points'})")
    print_table(rows, _LIABILITY_COLUMNS)
    print(f"closing per currency: {report.closing_by_currency}; estimated: {report.estimated_by_currency}")
    if report.estimated_in_base is not None:
        rates = "; ".join(str(r) for r in report.rates)
        print(f"estimated in the base currency: {report.estimated_in_base}" + (f" (at {rates})" if rates else ""))
    return 0


def _journal(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    done = desk.journal_export(args.start, args.end, args.file)
    print_result(args, done, f"{done.lines} journal lines {done.start} .. {done.end} written to {done.path} "
                 f"(totals {done.debit_totals}); liability moved {done.liability_change}; reconciled with the "
                 f"roll-forward" + (f"; {done.expiries_booked} expiries booked first" if done.expiries_booked else ""))
    say_plain_export(args, desk)
    return 0


def _economics(args: argparse.Namespace) -> int:
    result = desk_from(args).economics(args.start, args.end)
    if args.json:
        print_json(result)
        return 0
    print_table([{"account": a.account, "grade": a.grade, "gross_margin": str(a.gross_margin),
                  "reward_cost": str(a.reward_cost), "budget": str(a.budget),
                  "warnings": "; ".join(say(args, w.message) + (f" [{w.covered_by}]" if w.covered_by else "")
                                        for w in a.warnings)} for a in result.accounts],
                ["account", "grade", "gross_margin", "reward_cost", "budget", "warnings"])
    for g in result.grades:
        print(f"{g.grade}: {g.accounts} accounts, margin {g.gross_margin}, reward cost {g.reward_cost}, "
              f"{g.warnings} need action")
    for a in result.needing_action:
        print(f"  {a.account}: request an exception — kamctl exception request {a.account} --kind benefit_budget "
              f"--requested {a.reward_cost.amount} --justification …")
    return 0


def _terms(args: argparse.Namespace) -> int:
    rows = desk_from(args).settlement_terms()
    if args.json:
        print_json(rows)
    else:
        print_table([{"key": r.key, "value": r.value, "default": "default" if r.default else ""} for r in rows],
                    ["key", "value", "default"])
    return 0


def _set_term(args: argparse.Namespace) -> int:
    row = desk_from(args).set_settlement_term(args.key, args.value)
    return print_result(args, row, f"{row.key} = {row.value or '(default)'}")


def _regrade(args: argparse.Namespace) -> int:
    rows = desk_from(args).replay_grading(args.as_of)
    if args.json:
        print_json([vars(r) | {"reproduced": r.reproduced, "changed_since": r.changed_since} for r in rows])
        return 0
    print_table([{"code": r.code, "applied": r.applied, "replayed": r.replayed, "now": r.now,
                  "reproduced": r.reproduced, "late_lines": r.late_lines, "late_net": r.late_net} for r in rows],
                ["code", "applied", "replayed", "now", "reproduced", "late_lines", "late_net"])
    same = sum(1 for r in rows if r.reproduced)
    print(f"{same} of {len(rows)} grades of {args.as_of} reproduced; {sum(1 for r in rows if r.changed_since)} "
          "would differ with what is known now")
    return 0
