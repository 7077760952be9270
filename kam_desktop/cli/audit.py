"""kamctl audit: verify the tamper-evident audit chain (naming the first line that breaks it) and print its head."""

from __future__ import annotations

import argparse

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.output import print_result
from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message

EXIT_BROKEN = 5  # the chain does not hold (as `ledger` when its entries break their rules)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser("audit", help="the tamper-evident audit log: verify, anchor")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", parents=[common],
                            help=f"check every line of the chain (exit {EXIT_BROKEN} names the first that breaks it)")
    verify.add_argument("--anchor", default=None, help="a head printed earlier by `audit anchor`, kept outside")
    verify.set_defaults(handler=_verify)
    anchor = sub.add_parser("anchor", parents=[common], help="print the chain's head hash to keep outside the store")
    anchor.set_defaults(handler=_anchor)


def _verify(args: argparse.Namespace) -> int:
    check = desk_from(args).verify_audit(args.anchor)
    broken = check.broken
    data = {"ok": check.ok, "lines": check.lines, "links": check.links, "head": check.head,
            "broken": None if broken is None else {"seq": broken.seq, "line": broken.line_id,
                                                 "reason": str(broken.reason)}}
    if broken is None:
        text = say(args, Message.of("The audit chain holds: {lines:,} lines, head {head}.", lines=check.lines,
                                    head=check.head))
        return print_result(args, data, text)
    text = say(args, Message.of("The audit chain breaks at link {seq} (line {line}): {reason}.", seq=broken.seq,
                                line=broken.line_id or "—", reason=broken.reason))
    print_result(args, data, text)
    return EXIT_BROKEN


def _anchor(args: argparse.Namespace) -> int:
    head = desk_from(args).verify_audit().head
    return print_result(args, {"head": head}, head)
