"""kamctl import FORMAT FILE, kamctl import history, kamctl import reverse IMPORT_ID and kamctl export KIND FILE."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.encryption import say_plain_export
from kam_desktop.cli.output import print_json
from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message
from kam_desktop.services.imports.kinds import EXPORT_KINDS, FORMAT_NAMES, ImportCancelled, ReadOptions

if TYPE_CHECKING:  # the import service loads SQLAlchemy and pandas: only the command that imports does
    from kam_desktop.services.imports.preview import ImportIssue, ImportRow

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

_DATE_ORDERS = {"dmy": "DMY", "mdy": "MDY", "ymd": "ISO"}
_DELIMITERS = {";": ";", ",": ",", "|": "|", "tab": "\t", "\\t": "\t", "\t": "\t"}


def _delimiter(text: str) -> str:
    try:
        return _DELIMITERS[text.lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(f"{text!r}: choose ';', ',', '|' or tab") from None


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    imp = subparsers.add_parser(
        "import", parents=[common], help="import an ERP/CRM file (all or nothing); list or reverse imports",
        description="kamctl import FORMAT FILE imports a file; kamctl import history lists the imports; "
                    "kamctl import reverse IMPORT_ID --reason TEXT undoes an import of invoice lines with a "
                    "linked reversing batch (finance, admin)")
    imp.add_argument("format", choices=(*FORMAT_NAMES, *_ACTIONS), metavar="FORMAT",
                     help=f"one of {', '.join(FORMAT_NAMES)}; or history, or reverse")
    imp.add_argument("file", nargs="?", default=None, help="the file to import (reverse: the import's id)")
    imp.add_argument("--reason", default=None, help="reverse: why the import is reversed (kept in the audit log)")
    imp.add_argument("--profile", default=None, help="a saved mapping profile (by name)")
    imp.add_argument("--encoding", default=None, help="e.g. utf-8, cp1250, cp1251 (default: detected)")
    imp.add_argument("--delimiter", type=_delimiter, default=None, help="; , | or tab (default: detected)")
    imp.add_argument("--decimal", choices=[",", "."], default=None, help="decimal mark (default: detected)")
    imp.add_argument("--date-order", choices=sorted(_DATE_ORDERS), default=None, help="default: detected")
    imp.add_argument("--sheet", default=None, help="XLSX: the sheet to read (default the first)")
    imp.add_argument("--dry-run", action="store_true", help="validate and check against the store; write nothing")
    imp.set_defaults(handler=_import)

    exp = subparsers.add_parser("export", parents=[common], help="export to .xlsx or .csv")
    exp.add_argument("kind", choices=EXPORT_KINDS)
    exp.add_argument("file", type=Path)
    exp.add_argument("--owner", default=None, help="only this KAM's accounts (login)")
    exp.add_argument("--account", default=None, help="only this account (code)")
    exp.add_argument("--as-of", type=date.fromisoformat, default=None)
    exp.set_defaults(handler=_export)


_ACTIONS = ("history", "reverse")


def _import(args: argparse.Namespace) -> int:
    if args.format == "history":
        return _history(args)
    if args.format == "reverse":
        return _reverse(args)
    if args.file is None:
        raise _usage(f"kamctl import {args.format}: give the file to import")
    args.file = Path(args.file)
    if not args.file.is_file():
        print(f"kamctl: error: {args.file}: no such file", file=sys.stderr)
        return 1
    options = ReadOptions(encoding=args.encoding, delimiter=args.delimiter, decimal=args.decimal,
                          date_order=_DATE_ORDERS.get(args.date_order or ""), sheet=args.sheet)
    try:
        report = desk_from(args).importer().apply(args.file, args.format, options, profile=args.profile,
                                                  dry_run=args.dry_run)
    except ImportCancelled:
        print(say(args, Message.of("kamctl: import cancelled; nothing was written")), file=sys.stderr)
        return 1
    if args.json:
        print_json(report.to_json())
    elif report.ok:
        verb = "would import" if report.dry_run else "imported"
        print(f"{verb} {report.file} ({report.format}): {report.rows_read} rows, sha256 {report.sha256[:12]}…")
        for name, count in sorted(report.counts.items()):
            print(f"  {name}: {count}")
        for label, names in (("new categories", report.new_categories), ("new KAM users", report.new_owner_logins),
                             ("ignored columns", report.ignored_columns)):
            if names:
                print(f"  {label}: {', '.join(names)}")
        if report.locked_quarters:
            print(f"  locked quarters touched (corrections booked in the open period): "
                  f"{', '.join(report.locked_quarters)}")
    if not report.ok:
        for issue in report.errors:
            print(_issue_line(args, issue), file=sys.stderr)
        if not args.json:
            print(say(args, Message.of("kamctl: {count} errors in {file}; nothing was written",
                                       count=len(report.errors), file=report.file)), file=sys.stderr)
        return 1
    return 0


def _usage(text: str) -> Exception:
    from kam_desktop.cli.main import CliError  # main imports this module: only when the error is raised

    return CliError(text)


def _history(args: argparse.Namespace) -> int:
    rows = desk_from(args).importer().history()
    if args.json:
        print_json([row.to_json() for row in rows])
        return 0
    if not rows:
        print(say(args, Message.of("No imports yet.")))
    for row in rows:
        print(_history_line(args, row))
    return 0


def _history_line(args: argparse.Namespace, row: ImportRow) -> str:
    head = (f"{row.short_id}  {row.at:%Y-%m-%d %H:%M}  {row.by:<12} {row.kind:<16} "
            f"{row.lines:>9}  {row.file or '-'}")
    if row.reverses is not None:
        tail = Message.of("reverses {ref}: {reason}", ref=row.reverses.hex[:8], reason=row.reason or "")
    elif row.reversed_by is not None:
        tail = Message.of("reversed by {ref}: {reason}", ref=row.reversed_by.hex[:8], reason=row.reason or "")
    else:
        return head
    return f"{head}  ({say(args, tail)})"


def _reverse(args: argparse.Namespace) -> int:
    if args.file is None:
        raise _usage("kamctl import reverse: give the id (or short id) of the import; see kamctl import history")
    if not (args.reason or "").strip():
        raise _usage("kamctl import reverse: give --reason; it is kept in the audit log")
    done = desk_from(args).importer().reverse(args.file, args.reason)
    if args.json:
        print_json(done.to_json())
        return 0
    print(say(args, Message.of("reversed import {ref} ({file}): {lines} lines written back as import {new}",
                               ref=done.reverses.hex[:8], file=done.file or "-", lines=done.lines,
                               new=done.import_id.hex[:8])))
    if done.counts:
        print(say(args, Message.of("  late facts settled in the open period: {facts} ({entries} ledger entries)",
                                   facts=done.counts.get("late_facts", 0),
                                   entries=done.counts.get("late_fact_entries", 0))))
    if done.locked_quarters:
        print(say(args, Message.of("  locked quarters touched (corrections booked in the open period): {quarters}",
                                   quarters=", ".join(done.locked_quarters))))
    return 0


def _export(args: argparse.Namespace) -> int:
    desk = desk_from(args)
    result = desk.export(args.kind, args.file, owner=args.owner, account=args.account, as_of=args.as_of)
    if args.json:
        print_json({"kind": result.kind, "file": str(result.path), "rows": result.rows})
    else:
        print(f"exported {result.rows} rows of {result.kind} to {result.path}")
        say_plain_export(args, desk)
    return 0


def _issue_line(args: argparse.Namespace, issue: ImportIssue) -> str:
    """FILE:ROW:COLUMN: message, the message in the reader's language where it is a template."""
    return str(replace(issue, message=say(args, issue))) if issue.template else str(issue)
