"""Tamper loop: a copy of the demo company (with two ERP imports) is altered behind the program's back — one row of
the audit log, the ledger's entries or allocations, an import's invoice lines, or a document's bytes together with
its stored hashes; changed, removed or slipped in — and verifying must find each alteration at its row (issue 16).

`--runs N` makes 3N alterations (CI: the short default, 18: every kind at least once); `-s` prints the tally.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from kam_desktop.store.store import Store
from tests.acting import desk

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-04-02"
HEADER = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company and two ERP files imported into it, built once for the whole loop."""
    folder = tmp_path_factory.mktemp("tamper-template")
    db = folder / "demo.sqlite"
    env = {**os.environ, "KAM_DATA_DIR": str(folder / "data"), "KAM_TODAY": TODAY}

    def kamctl(*argv: str) -> None:
        subprocess.run([sys.executable, "-m", "kam_desktop.cli.main", "--db", str(db), *argv], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)

    kamctl("init", "--demo", "--seed", "5", "--as-of", "2026-03-31")
    with closing(sqlite3.connect(db)) as con:
        accounts = [r[0] for r in con.execute("SELECT code FROM accounts WHERE currency = 'PLN' ORDER BY code LIMIT 20")]
        category = con.execute("SELECT code FROM product_categories ORDER BY code LIMIT 1").fetchone()[0]
    for n in (1, 2):
        path = folder / f"erp-{n}.csv"
        rows = [f"ERP{n}/{i},1,2026-03-{1 + i % 28:02d},{accounts[i % len(accounts)]},{category},1,{100 + i}.00,"
                f"{10 + i % 7}.00,PLN" for i in range(300)]
        path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
        kamctl("import", "invoices", str(path))
    return db


@dataclass(frozen=True)
class Found:
    """Where verifying says the store was altered: (what, key) — a line, a row, an import, a document."""

    what: str
    key: str


def found(db: Path) -> list[Found]:
    store = Store.open(db)
    try:
        finance = desk(store, "admin")
        check = finance.verify_audit()
        out = []
        if check.broken is not None:
            out.append(Found("audit_log", (check.broken.line_id or f"seq {check.broken.seq}").replace("-", "")))
        if check.ledger_broken is not None:
            row = check.ledger_broken.row_id
            out.append(Found(check.ledger_broken.table or "ledger", row or f"seq {check.ledger_broken.seq}"))
        if check.import_broken is not None:
            out.append(Found("invoice_lines", check.import_broken.import_id.hex))
        out += [Found("documents", f"{r.number} v{r.version}") for r in finance.verify_documents() if not r.ok]
        return out
    finally:
        store.dispose()


Tamper = Callable[[sqlite3.Connection, random.Random], Found]


def _one(con: sqlite3.Connection, rng: random.Random, sql: str) -> tuple[object, ...]:
    rows = con.execute(sql).fetchall()
    assert rows, sql
    return tuple(rng.choice(rows))


def audit_changed(con: sqlite3.Connection, rng: random.Random) -> Found:
    (line,) = _one(con, rng, "SELECT id FROM audit_log")
    con.execute("UPDATE audit_log SET created_by = created_by || 'x' WHERE id = ?", (line,))
    return Found("audit_log", str(line))


def audit_removed(con: sqlite3.Connection, rng: random.Random) -> Found:
    line, seq = _one(con, rng, "SELECT a.id, c.seq FROM audit_log a JOIN audit_chain c ON c.audit_id = a.id")
    con.execute("DELETE FROM audit_log WHERE id = ?", (line,))
    return Found("audit_log", f"seq {seq}")


def audit_added(con: sqlite3.Connection, rng: random.Random) -> Found:
    (line,) = _one(con, rng, "SELECT id FROM audit_log")
    forged = uuid.uuid4().hex
    con.execute("INSERT INTO audit_log (id, created_at, created_by, action, entity, entity_id, details) SELECT ?, "
                "created_at, created_by, action, entity, entity_id, details FROM audit_log WHERE id = ?", (forged, line))
    return Found("audit_log", forged)


def ledger_changed(table: str) -> Tamper:
    def tamper(con: sqlite3.Connection, rng: random.Random) -> Found:
        (row,) = _one(con, rng, f"SELECT id FROM {table}")
        con.execute(f"UPDATE {table} SET amount = amount * 100 + 1 WHERE id = ?", (row,))
        return Found(table, str(row))
    return tamper


def ledger_removed(table: str) -> Tamper:
    def tamper(con: sqlite3.Connection, rng: random.Random) -> Found:
        row, seq = _one(con, rng, f"SELECT t.id, c.seq FROM {table} t JOIN ledger_chain c ON c.row_id = t.id")
        con.execute(f"DELETE FROM {table} WHERE id = ?", (row,))
        return Found("ledger", f"seq {seq}")
    return tamper


def ledger_added(con: sqlite3.Connection, rng: random.Random) -> Found:
    (row,) = _one(con, rng, "SELECT id FROM ledger_entries")
    forged = uuid.uuid4().hex
    columns = ("account_id, kind, unit, amount, currency, booked_on, quarter, expires_on, source_kind, source_ref, "
               "reverses_id, corrects_id, note, created_at, created_by")
    con.execute(f"INSERT INTO ledger_entries (id, idempotency_key, {columns}) SELECT ?, ?, {columns} "
                "FROM ledger_entries WHERE id = ?", (forged, f"forged:{forged}", row))
    return Found("ledger_entries", forged)


def line_changed(con: sqlite3.Connection, rng: random.Random) -> Found:
    row, import_id = _one(con, rng, "SELECT id, import_id FROM invoice_lines WHERE invoice_no LIKE 'ERP%'")
    con.execute("UPDATE invoice_lines SET net_amount = net_amount * 100 WHERE id = ?", (row,))
    return Found("invoice_lines", str(import_id))


def line_removed(con: sqlite3.Connection, rng: random.Random) -> Found:
    row, import_id = _one(con, rng, "SELECT id, import_id FROM invoice_lines WHERE invoice_no LIKE 'ERP%'")
    con.execute("DELETE FROM invoice_lines WHERE id = ?", (row,))
    return Found("invoice_lines", str(import_id))


def line_added(con: sqlite3.Connection, rng: random.Random) -> Found:
    row, import_id = _one(con, rng, "SELECT id, import_id FROM invoice_lines WHERE invoice_no LIKE 'ERP%'")
    con.execute("INSERT INTO invoice_lines (id, invoice_no, line_no, invoice_date, account_id, category_id, quantity, "
                "net_amount, margin_amount, currency, import_id) SELECT ?, invoice_no || '-X', line_no, invoice_date, "
                "account_id, category_id, quantity, net_amount, margin_amount, currency, import_id FROM invoice_lines "
                "WHERE id = ?", (uuid.uuid4().hex, row))
    return Found("invoice_lines", str(import_id))


def document_forged(con: sqlite3.Connection, rng: random.Random) -> Found:
    doc, number, version = _one(con, rng, "SELECT id, number, doc_version FROM documents")
    forged = b"%PDF-1.4 forged " + uuid.uuid4().bytes
    digest = hashlib.sha256(forged).hexdigest()
    con.execute("UPDATE document_files SET content = ?, sha256 = ?, size = ? WHERE document_id = ? AND role = 'pdf'",
                (forged, digest, len(forged), doc))
    con.execute("UPDATE documents SET sha256 = ? WHERE id = ?", (digest, doc))
    return Found("documents", f"{number} v{version}")


TAMPERS: dict[str, Tamper] = {
    "audit line changed": audit_changed, "audit line removed": audit_removed, "audit line added": audit_added,
    "ledger entry changed": ledger_changed("ledger_entries"),
    "ledger allocation changed": ledger_changed("ledger_allocations"),
    "ledger entry removed": ledger_removed("ledger_entries"),
    "ledger allocation removed": ledger_removed("ledger_allocations"), "ledger entry added": ledger_added,
    "invoice line changed": line_changed, "invoice line removed": line_removed, "invoice line added": line_added,
    "document bytes and hashes replaced": document_forged,
}


def test_every_alteration_behind_the_programs_back_is_found_at_its_row(
        template: Path, tmp_path: Path, runs: int) -> None:
    assert found(template) == []  # the untouched store holds everywhere
    rng = random.Random(int(os.environ.get("KAM_TAMPER_SEED", "16")))
    kinds = list(TAMPERS)
    tally: Counter[str] = Counter()
    for run in range(runs * 3):
        kind = kinds[run % len(kinds)] if run < len(kinds) else rng.choice(kinds)  # each kind at least once
        db = tmp_path / f"run-{run}.sqlite"
        with closing(sqlite3.connect(template)) as src, closing(sqlite3.connect(db)) as dst:
            src.backup(dst)
        with closing(sqlite3.connect(db)) as con, con:  # foreign keys off: a forger need not respect them
            expected = TAMPERS[kind](con, rng)
        seen = found(db)
        assert expected in seen, (kind, expected, seen)
        tally[kind] += 1
        db.unlink()
    print(f"\ntamper loop: {sum(tally.values())} alterations, every one found at its row: "
          + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))
    assert sum(tally.values()) == runs * 3
