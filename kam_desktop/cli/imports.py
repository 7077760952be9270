"""kamctl import FORMAT FILE and kamctl export KIND FILE."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.output import print_json
from kam_desktop.cli.speech import say
from kam_desktop.services.imports.kinds import EXPORT_KINDS, FORMAT_NAMES, ImportCancelled, ReadOptions

if TYPE_CHECKING:  # the import service loads SQLAlchemy and pandas: only the command that imports does
    from kam_desktop.services.imports.preview import ImportIssue

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

_DATE_ORDERS = {"dmy": "DMY", "mdy": "MDY", "ymd": "ISO"}
_DELIMITERS = {";": ";", ",": ",", "|": "|", "tab": "\t", "\\t": "\t", "\t": "\t"}


def _delimiter(text: str) -> str:
    try:
        return _DELIMITERS[text.lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(f"{text!r}: choose ';', ',', '|' or tab") from None


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    imp = subparsers.add_parser("import", parents=[common], help="import an ERP/CRM file (all or nothing)")
    imp.add_argument("format", choices=FORMAT_NAMES)
    imp.add_argument("file", type=Path)
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


def _import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"kamctl: error: {args.file}: no such file", file=sys.stderr)
        return 1
    options = ReadOptions(encoding=args.encoding, delimiter=args.delimiter, decimal=args.decimal,
                          date_order=_DATE_ORDERS.get(args.date_order or ""), sheet=args.sheet)
    try:
        report = desk_from(args).importer().apply(args.file, args.format, options, profile=args.profile,
                                                  dry_run=args.dry_run)
    except ImportCancelled:
        print("kamctl: import cancelled; nothing was written", file=sys.stderr)
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
            print(f"kamctl: {len(report.errors)} errors in {report.file}; nothing was written", file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    result = desk_from(args).export(args.kind, args.file, owner=args.owner, account=args.account,
                                    as_of=args.as_of)
    if args.json:
        print_json({"kind": result.kind, "file": str(result.path), "rows": result.rows})
    else:
        print(f"exported {result.rows} rows of {result.kind} to {result.path}")
    return 0


def _issue_line(args: argparse.Namespace, issue: ImportIssue) -> str:
    """FILE:ROW:COLUMN: message, the message in the reader's language where it is a template."""
    return str(replace(issue, message=say(args, issue))) if issue.template else str(issue)
