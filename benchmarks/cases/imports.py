"""Importing invoice lines from CSV with validation vs a raw sqlite3 executemany of the same rows.

Both sides start from the same store (schema at head with every index, 200 accounts, 5 categories),
copied with SQLite's backup API before each round, and end with the rows committed in one transaction.

- run: `services.imports.run_import` — sniff, read, validate every row, compare with stored lines,
  insert, audit entry.
- baseline: `csv.reader` over the same file, each row converted to the stored form (cents, thousandths,
  ISO dates, account and category ids from dicts, *sequential* 32-hex-digit ids: the cheapest keys
  possible), one `executemany` into the same `invoice_lines` table of the same schema, one COMMIT.
  No validation at all. The baseline connection gets the same page cache size the importer uses.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import uuid
from pathlib import Path

from benchmarks.registry import CaseContext, Pair, case

LINES = {"small": 100_000, "large": 1_000_000}
ACCOUNTS = [f"PL-{i:05d}" for i in range(1, 201)]
CATEGORIES = ["Cables", "Switchgear", "Lighting", "Tools", "Kable"]
HEADER = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"


def write_csv(path: Path, count: int, seed: int) -> None:
    """Invoices of 1–10 lines, as an ERP exports them (sorted by invoice number)."""
    rnd = random.Random(seed)
    lines = [HEADER]
    number = line = 0
    account, day = ACCOUNTS[0], "2025-01-01"
    for _ in range(count):
        if line == 0 or line >= 10 or rnd.random() < 0.25:
            number, line = number + 1, 0
            account, day = rnd.choice(ACCOUNTS), f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        line += 1
        net = rnd.randint(100, 5_000_000)
        margin = net * rnd.randint(5, 40) // 100
        lines.append(f"FV/2025/{number:07d},{line},{day},{account},{rnd.choice(CATEGORIES)},{rnd.randint(1, 500)},"
                     f"{net // 100}.{net % 100:02d},{margin // 100}.{margin % 100:02d},PLN")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def template_store(path: Path) -> None:
    from kam_desktop.services.demo.setup import ensure_ready
    from kam_desktop.store.models import Account, ProductCategory
    from kam_desktop.store.store import Store

    store = Store.open(path)
    ensure_ready(store)  # the program's defaults and the administrator who imports
    with store.unit_of_work("bench") as uow:
        uow.session.add_all([Account(code=code, name=code, currency="PLN") for code in ACCOUNTS])
        uow.session.add_all([ProductCategory(code=name, name=name) for name in CATEGORIES])
        uow.commit()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.dispose()


def fresh_copy(template: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    source, copy = sqlite3.connect(template), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()


def raw_insert(store_path: Path, csv_path: Path) -> int:
    from kam_desktop.services.imports.lines import LINE_COLUMNS, SQLITE_CACHE_KIB

    conn = sqlite3.connect(store_path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
        accounts = {code: uuid.UUID(hex=h).hex for code, h in conn.execute("SELECT code, id FROM accounts")}
        categories = {code: uuid.UUID(hex=h).hex for code, h in conn.execute("SELECT code, id FROM product_categories")}
        with csv_path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            next(reader)
            rows = [(f"{i:032x}", r[0], int(r[1]), r[2], accounts[r[3]], categories[r[4]], int(r[5]) * 1000,
                     int(r[6].replace(".", "")), int(r[7].replace(".", "")), r[8], None)
                    for i, r in enumerate(reader)]
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO invoice_lines ({', '.join(LINE_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(LINE_COLUMNS))})", rows)
        conn.execute("COMMIT")
        return len(rows)
    finally:
        conn.close()


# Throughput ≥ 0.6× the raw executemany (issue 15, roll-up upkeep included) is a time ratio ≤ 1 / 0.6.
@case("import_invoices", scales=("small", "large"), rounds={"large": 3}, measure_memory=False,
      targets={"large": round(1 / 0.6, 2)}, quick=False)
def import_invoices(ctx: CaseContext) -> Pair:
    """run_import of N invoice lines from CSV (validated) vs csv.reader + raw sqlite3 executemany."""
    from kam_desktop.services.context import open_context
    from kam_desktop.services.imports.files import run_import
    from kam_desktop.store.store import Store

    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    count = LINES[ctx.scale]
    source = ctx.work_dir / f"invoices-{count}-{ctx.seed}.csv"
    if not source.exists():
        write_csv(source, count, ctx.seed)
    template, target, bare = (ctx.work_dir / n for n in ("template.sqlite", "run.sqlite", "raw.sqlite"))
    template.unlink(missing_ok=True)
    template_store(template)

    def run() -> object:
        fresh_copy(template, target)
        store = Store.open(target)
        try:
            report = run_import(open_context(store), source, "invoices")
        finally:
            store.dispose()
        assert report.ok and report.counts["invoice_lines_inserted"] == count, report.error_lines()[:5]
        return report

    def baseline() -> object:
        fresh_copy(template, bare)
        inserted = raw_insert(bare, source)
        assert inserted == count
        return inserted

    def cleanup() -> None:
        for path in ctx.work_dir.glob("*.sqlite*"):
            path.unlink()

    return Pair(run, baseline, cleanup, note=f"{count:,} lines; baseline: csv.reader + executemany into the same "
                                             "schema, sequential ids, no validation")
