"""The crash loop's child: the day's work on a store through kamctl, one line on stdout per committed step.

`python -m tests.reliability.workload DB WORKDIR RUN` imports an invoice file, closes the quarter, grades
with apply, requests, submits and decides an exception, issues an agreement and signs an annex, issues a KAM's
statements and takes a backup, in an order drawn from RUN. A line `done STEP KEY` is printed only after
kamctl returned success: the parent holds those as acknowledged, whatever moment it kills this process.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from kam_desktop.cli.main import main

QUARTER = "2026Q1"
LINES = 300


def kamctl(db: Path, *argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--db", str(db), "--lang", "en", *argv])
    if code != 0:
        raise SystemExit(f"kamctl {' '.join(argv)} exited {code}")
    return out.getvalue()


def invoice_file(db: Path, folder: Path, run: int) -> tuple[Path, str]:
    """LINES new invoice lines for active accounts (in each one's currency), numbered CR/RUN/…"""
    with contextlib.closing(sqlite3.connect(db)) as con:
        accounts = con.execute("SELECT code, currency FROM accounts WHERE status = 'active' ORDER BY code").fetchall()
    prefix = f"CR/{run}/"
    rows = ["invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"]
    for i in range(LINES):
        code, currency = accounts[i % len(accounts)]
        rows.append(f"{prefix}{i},1,2026-03-{1 + i % 28:02d},{code},CABLES,1,{100 + i}.00,{20 + i % 7}.00,{currency}")
    path = folder / f"invoices-{run}.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path, prefix


def steps(db: Path, folder: Path, run: int) -> dict[str, Callable[[], str]]:
    def import_invoices() -> str:
        path, prefix = invoice_file(db, folder, run)
        kamctl(db, "import", "invoices", str(path))
        return prefix

    def close() -> str:
        kamctl(db, "quarter", "close", QUARTER)
        return QUARTER

    def grade() -> str:
        kamctl(db, "grade", "--apply")
        return "apply"

    def exception() -> str:
        made = json.loads(kamctl(db, "--as", "a.nowak", "exception", "request", "C10000", "--kind", "discount",
                                 "--requested", "30", "--justification", f"crash run {run}", "--json"))
        number = str(made["number"])
        kamctl(db, "--as", "a.nowak", "exception", "submit", number)
        for approver in ("k.wisniewska", "t.zielinski"):  # the director, then finance (steps_required 2)
            kamctl(db, "--as", approver, "exception", "decide", number, "--approve", "--note", "crash loop")
        return number

    def annex() -> str:
        kamctl(db, "--as", "a.nowak", "document", "agreement", "C10000", "--out", str(folder / f"agr-{run}.pdf"))
        kamctl(db, "--as", "a.nowak", "benefit", "grant", "C10000", "PAY-TERMS")
        issued = json.loads(kamctl(db, "--as", "a.nowak", "document", "annex", "C10000", "--json",
                                   "--out", str(folder / f"anx-{run}.pdf")))
        number = str(issued["number"])
        kamctl(db, "--as", "a.nowak", "document", "sign", number, "--signatory", "Jan Kowalski", "--date", "2026-04-02")
        return number

    def statements() -> str:
        out = folder / f"statements-{run}"
        kamctl(db, "document", "statements", "--quarter", QUARTER, "--owner", "a.nowak", "--out-dir", str(out))
        return str(out)

    def backup() -> str:
        target = folder / f"backup-{run}.sqlite"
        kamctl(db, "backup", str(target))
        return str(target)

    return {"import": import_invoices, "close": close, "grade": grade, "exception": exception, "annex": annex,
            "statements": statements, "backup": backup}


def run_all(db: Path, folder: Path, run: int) -> None:
    plan = steps(db, folder, run)
    order = list(plan)
    random.Random(run).shuffle(order)
    print("started", flush=True)
    for name in order:
        key = plan[name]()
        print(f"done {name} {key}", flush=True)
    print("finished", flush=True)


if __name__ == "__main__":
    run_all(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
