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
    broken, ledger = check.broken, check.ledger_broken
    data = {"ok": check.ok, "lines": check.lines, "links": check.links, "head": check.head,
            "broken": None if broken is None else {"seq": broken.seq, "line": broken.line_id,
                                                 "reason": str(broken.reason)},
            "ledger_links": check.ledger_links,
            "ledger_broken": None if ledger is None else {"seq": ledger.seq, "table": ledger.table,
                                                          "row": ledger.row_id, "reason": str(ledger.reason)}}
    if broken is None:
        said = [Message.of("The audit chain holds: {lines:,} lines, head {head}.", lines=check.lines,
                           head=check.head)]
    else:
        said = [Message.of("The audit chain breaks at link {seq} (line {line}): {reason}.", seq=broken.seq,
                           line=broken.line_id or "—", reason=broken.reason)]
    if ledger is None:
        said.append(Message.of("The ledger chain holds: {rows:,} rows.", rows=check.ledger_links))
    else:
        said.append(Message.of("The ledger chain breaks at link {seq} ({table} row {row}): {reason}.",
                               seq=ledger.seq, table=ledger.table or "—", row=ledger.row_id or "—",
                               reason=ledger.reason))
    changed = check.import_broken
    data["sealed_imports"] = check.sealed_imports
    data["import_broken"] = None if changed is None else {"import": changed.import_id.hex, "file": changed.file}
    if changed is None:
        said.append(Message.of("The invoice lines of {imports:,} imports match their seals.",
                               imports=check.sealed_imports))
    else:
        said.append(Message.of("The invoice lines of import {short} ({file}) no longer match the seal its audit line "
                               "recorded: a line was changed, removed or added; `kamctl check` names the account and "
                               "month when the sales roll-up was left as it was.", short=changed.import_id.hex[:8],
                               file=changed.file or "—"))
    print_result(args, data, "\n".join(say(args, message) for message in said))
    return 0 if check.ok else EXIT_BROKEN


def _anchor(args: argparse.Namespace) -> int:
    head = desk_from(args).verify_audit().head
    return print_result(args, {"head": head}, head)
