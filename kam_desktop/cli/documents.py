"""kamctl document agreement | annex | statement | statements | sign | verify | list | reissue | pdf."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from kam_desktop.cli.context import desk_from
from kam_desktop.cli.output import print_json, print_table
from kam_desktop.cli.speech import say
from kam_desktop.domain.messages import Message

if TYPE_CHECKING:
    from kam_desktop.services.documents.records import DocumentRow, Issued
    from kam_desktop.services.documents.register import Verification

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
LIST_COLUMNS = ["number", "version", "kind", "status", "language", "period", "issued_at", "signed_on",
                "client_signatory", "supersedes", "sha256"]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it like 2026-03-31") from None


def register(subparsers: Sub, common: argparse.ArgumentParser) -> None:
    document = subparsers.add_parser("document", help="agreements, annexes, statements: issue, sign, verify")
    sub = document.add_subparsers(dest="document_command", metavar="ACTION", required=True)

    def command(name: str, help_text: str, handler: Any, *, out: bool = False,
                lang: bool = False) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, parents=[common], help=help_text)
        if out:
            parser.add_argument("--out", type=Path, required=True, help="where to write the PDF")
            parser.add_argument("--force", action="store_true", help="replace a file already at --out")
        if lang:
            parser.add_argument("--lang", choices=("pl", "ru", "en"), default=None,
                                help="document language (default: the account's)")
        parser.set_defaults(handler=handler)
        return parser

    command("agreement", "issue the participation agreement", _agreement, out=True, lang=True).add_argument("code")
    command("annex", "issue the benefit annex (a DRAFT while a benefit waits for approval)", _annex, out=True,
            lang=True).add_argument("code")
    statement = command("statement", "issue an account's quarterly statement", _statement, out=True, lang=True)
    statement.add_argument("code")
    statement.add_argument("--quarter", required=True, help="e.g. 2026Q1")
    batch = command("statements", "issue the quarter's statements of every active account", _statements,
                    lang=True)
    batch.add_argument("--quarter", required=True, help="e.g. 2026Q1")
    batch.add_argument("--out-dir", type=Path, required=True, help="folder for the PDFs (created if missing)")
    batch.add_argument("--owner", default=None, help="only this KAM's accounts (login)")
    signing = command("sign", "record the client's signature (an annex activates its benefits)", _sign)
    signing.add_argument("number")
    signing.add_argument("--signatory", required=True, help="the client's signatory, as on the paper")
    signing.add_argument("--date", type=_date, required=True, help="signing date YYYY-MM-DD")
    signing.add_argument("--scan", type=Path, default=None, help="scan of the signed paper (PDF, JPG, PNG)")
    check = command("verify", "recompute the SHA-256 of a stored document (or of all: --all) and compare it with the "
                              "one stored and the one the audit chain recorded", _verify)
    check.add_argument("number", nargs="?", default=None)
    check.add_argument("--version", type=int, default=None)
    check.add_argument("--all", action="store_true", help="every document you may see; exit 1 if one does not match")
    command("list", "an account's document register", _list).add_argument("code")
    again = command("reissue", "issue version n+1 of a document (version n becomes void)", _reissue, out=True,
                    lang=True)
    again.add_argument("number")
    pdf = command("pdf", "write the stored PDF of a document", _pdf, out=True)
    pdf.add_argument("number")
    pdf.add_argument("--version", type=int, default=None)


def _doc(row: DocumentRow) -> dict[str, Any]:
    return {
        "number": row.number, "version": row.version, "kind": row.kind, "status": row.status,
        "account": row.account, "language": row.language, "period": row.period, "issued_at": row.issued_at,
        "issued_by": row.issued_by, "sha256": row.sha256, "file_name": row.file_name, "signed_on": row.signed_on,
        "client_signatory": row.client_signatory, "supersedes": row.supersedes, "agreement": row.agreement,
        "scans": row.scans,
    }


def refuse_existing_out(args: argparse.Namespace) -> None:
    """Refuse before anything is issued when --out names an existing file and --force was not given."""
    path: Path = args.out
    if path.exists() and not args.force:
        from kam_desktop.cli.main import CliError

        kind = "a folder" if path.is_dir() else "a file"
        raise CliError(f"{path} is {kind} already; nothing was issued or written "
                       f"(choose another --out, or add --force to replace it)")


def _write(path: Path, pdf: bytes) -> None:
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True)
    path.write_bytes(pdf)


def _issued(args: argparse.Namespace, result: Issued) -> int:
    _write(args.out, result.pdf)
    row = result.document
    data = _doc(row) | {"out": str(args.out), "existing": result.existing}
    if args.json:
        print_json(data)
    else:
        state = "already issued" if result.existing else "issued"
        draft = " — DRAFT, not valid for signature" if row.is_draft else ""
        print(f"{row.number} v{row.version} {state} ({row.kind}, {row.language}){draft} → {args.out}")
        print(f"sha256 {row.sha256}")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    refuse_existing_out(args)
    return _issued(args, desk_from(args).issue_document(args.code, "agreement", lang=args.lang))


def _annex(args: argparse.Namespace) -> int:
    refuse_existing_out(args)
    return _issued(args, desk_from(args).issue_document(args.code, "annex", lang=args.lang))


def _statement(args: argparse.Namespace) -> int:
    refuse_existing_out(args)
    return _issued(args, desk_from(args).issue_document(args.code, "statement", args.quarter, args.lang))


def _reissue(args: argparse.Namespace) -> int:
    refuse_existing_out(args)
    return _issued(args, desk_from(args).reissue_document(args.number, args.lang))


def _statements(args: argparse.Namespace) -> int:
    folder: Path = args.out_dir
    folder.mkdir(parents=True, exist_ok=True)

    def write(row: DocumentRow, pdf: bytes) -> None:
        name = re.sub(r"[^\w.-]", "_", f"{row.account}-{row.period}-{row.number}") + ".pdf"
        (folder / name).write_bytes(pdf)

    result = desk_from(args).issue_statements(args.quarter, args.owner, lang=args.lang, sink=write)
    data: dict[str, Any] = {"quarter": result.quarter, "issued": result.issued, "existing": result.existing, "pages": result.pages,
            "seconds": round(result.seconds, 3), "pages_per_second": round(result.pages_per_second, 1),
            "out_dir": str(folder), "failures": [f"{f.account_code}: {f.message}" for f in result.failures]}
    if args.json:
        print_json(data)
    else:
        print(f"{result.quarter}: {result.issued} issued, {result.existing} already issued, "
              f"{len(result.failures)} failed, {result.pages} pages in {result.seconds:.1f} s → {folder}")
        for failure in data["failures"]:
            print(f"  failed: {failure}")
    return 1 if result.failures else 0


def _sign(args: argparse.Namespace) -> int:
    row = desk_from(args).sign_document(args.number, args.signatory, args.date, args.scan)
    if args.json:
        print_json(_doc(row))
    else:
        scan = f", scan attached ({row.scans})" if row.scans else ""
        print(f"{row.number} v{row.version} signed on {row.signed_on} by {row.client_signatory}{scan}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    if args.all == (args.number is not None):
        from kam_desktop.cli.main import CliError

        raise CliError("name a document number, or give --all (not both)")
    if args.all:
        return _verify_all(args)
    result = desk_from(args).verify_document(args.number, args.version)
    if args.json:
        print_json(_verification(result))
    else:
        for f in result.files:
            print(f"{f.role:>4} {f.file_name}: {'OK' if f.ok else 'CHANGED'} {f.actual}")
        for f in result.audited:
            if not f.ok:
                recorded = (Message.of("the audit chain recorded {sha256}", sha256=f.recorded) if f.recorded
                            else Message.of("the audit chain recorded no issue of it"))
                print(f"{f.role:>4} {f.file_name}: {say(args, recorded)}")
        verdict = "intact" if result.ok else "DOES NOT MATCH what was issued"
        print(f"{result.number} v{result.version}: {verdict} (recorded {result.recorded})")
    return 0 if result.ok else 1


def _verify_all(args: argparse.Namespace) -> int:
    results = desk_from(args).verify_documents()
    broken = [r for r in results if not r.ok]
    if args.json:
        print_json({"documents": len(results), "broken": [_verification(r) for r in broken]})
    else:
        for r in broken:
            print(say(args, Message.of("{number} v{version} ({account}): DOES NOT MATCH what was issued",
                                       number=r.number, version=r.version, account=r.account)))
        print(say(args, Message.of("{count:,} documents verified: all intact", count=len(results)) if not broken else
                  Message.of("{count:,} documents verified: not matching: {broken:,}", count=len(results),
                             broken=len(broken))))
    return 1 if broken else 0


def _verification(result: Verification) -> dict[str, Any]:
    return {"number": result.number, "version": result.version, "account": result.account, "ok": result.ok,
            "recorded": result.recorded,
            "files": [{"role": f.role, "file_name": f.file_name, "recorded": f.recorded, "actual": f.actual,
                       "ok": f.ok} for f in result.files],
            "audited": [{"role": f.role, "file_name": f.file_name, "recorded": f.recorded, "actual": f.actual,
                         "ok": f.ok} for f in result.audited]}


def _list(args: argparse.Namespace) -> int:
    rows = [_doc(r) for r in desk_from(args).documents(args.code)]
    if args.json:
        print_json(rows)
    else:
        shown = [r | {"sha256": (r["sha256"] or "")[:12], "issued_at": r["issued_at"].date() if r["issued_at"]
                      else None} for r in rows]
        print_table(shown, LIST_COLUMNS)
    return 0


def _pdf(args: argparse.Namespace) -> int:
    refuse_existing_out(args)
    _write(args.out, desk_from(args).document_pdf(args.number, args.version))
    if not args.json:
        print(f"{args.number} → {args.out}")
    else:
        print_json({"number": args.number, "out": str(args.out)})
    return 0
