"""The ledger on a laptop (SQLite) is covered by a hash chain, sealed in the audit log at each commit: a ledger row
×100, a removed row, a row slipped in, and a chain rewritten from a row on are all found (issue 16)."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kam_desktop.cli.main import main
from kam_desktop.domain.audit_chain import GENESIS
from kam_desktop.domain.row_chain import row_hash
from kam_desktop.store import ledger_chain
from kam_desktop.store.store import Store
from tests.acting import desk
from tests.services.builders import account, sale, world


@pytest.fixture
def laptop(sqlite_path: Path) -> str:
    """Two quarters closed for two accounts, and a redemption (entries and allocations)."""
    store = Store.open(sqlite_path)
    world(store)
    for code, net in (("ACME", "90000.00"), ("BETA", "40000.00")):
        account(store, code)
        sale(store, code, date(2025, 8, 5), net)
        sale(store, code, date(2025, 11, 5), net)
    boss = desk(store, "boss", date(2026, 1, 10))
    boss.grade(date(2025, 9, 30), apply=True)
    money = desk(store, "money", date(2026, 1, 10))
    for quarter in ("2025Q3", "2025Q4"):
        money.close_quarter(quarter)
    balance = money.ledger("ACME").balance["cashback"]
    assert balance > 0
    money.redeem("ACME", "cashback", balance / 2, "CN/1")
    store.dispose()
    return str(sqlite_path)


def verify(capsys: pytest.CaptureFixture[str], db: str) -> tuple[int, dict[str, Any]]:
    code = main(["--db", db, "--as", "boss", "--json", "audit", "verify"])
    return code, json.loads(capsys.readouterr().out)


def chained(db: str) -> list[tuple[int, str, str]]:
    """(seq, table, row id as hex) of every link, in chain order."""
    store = Store.open(db)
    with store.engine.connect() as connection:
        rows = [(int(r[0]), str(r[1]), str(r[2]).replace("-", "")) for r in connection.execute(text(
            "SELECT seq, row_table, row_id FROM ledger_chain ORDER BY seq"))]
    store.dispose()
    return rows


def raw(db: str, sql: str, **params: Any) -> None:
    store = Store.open(db)
    with store.engine.begin() as connection:
        connection.execute(text(sql), params)
    store.dispose()


def test_every_ledger_row_is_linked_and_each_commit_seals_the_head(laptop: str, capsys: Any) -> None:
    code, check = verify(capsys, laptop)
    links = chained(laptop)
    assert code == 0 and check["ok"] and check["ledger_links"] == len(links) > 4
    assert {table for _, table, _ in links} == {"ledger_entries", "ledger_allocations"}
    store = Store.open(laptop)
    with store.engine.connect() as connection:
        seals = connection.execute(text("SELECT count(*) FROM audit_log WHERE action = 'ledger.seal'")).scalar()
        entries = connection.execute(text("SELECT count(*) FROM ledger_entries")).scalar()
        allocations = connection.execute(text("SELECT count(*) FROM ledger_allocations")).scalar()
    store.dispose()
    assert seals == 3 and entries + allocations == len(links)  # two closes and the redemption


def test_a_ledger_row_times_a_hundred_is_found_at_its_row(laptop: str, capsys: Any) -> None:
    seq, table, victim = next(link for link in chained(laptop) if link[1] == "ledger_entries")
    raw(laptop, "UPDATE ledger_entries SET amount = amount * 100 WHERE id = :id", id=victim)
    code, check = verify(capsys, laptop)
    broken = check["ledger_broken"]
    assert code == 5 and not check["ok"] and check["broken"] is None  # the audit chain itself still holds
    assert (broken["seq"], broken["table"], broken["row"]) == (seq, "ledger_entries", victim)
    assert "changed after it was written" in broken["reason"]
    assert main(["--db", laptop, "--as", "boss", "--lang", "pl", "audit", "verify"]) == 5
    assert f"Łańcuch rejestru punktów jest przerwany w ogniwie {seq}" in capsys.readouterr().out


def test_a_removed_row_and_its_removed_link_are_found(laptop: str, capsys: Any) -> None:
    store = Store.open(laptop)  # an accrual of BETA's (no redemption took from it), linked before the last commit
    with store.engine.connect() as connection:
        beta = {str(r[0]) for r in connection.execute(text(
            "SELECT e.id FROM ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE a.code = 'BETA'"))}
    store.dispose()
    seq, _, victim = next(link for link in chained(laptop) if link[2] in beta)
    raw(laptop, "DELETE FROM ledger_entries WHERE id = :id", id=victim)
    code, check = verify(capsys, laptop)
    assert code == 5 and check["ledger_broken"]["seq"] == seq and "removed" in check["ledger_broken"]["reason"]
    raw(laptop, "DELETE FROM ledger_chain WHERE row_id = :id", id=victim)  # the link removed too
    code, check = verify(capsys, laptop)
    assert code == 5 and check["ledger_broken"]["seq"] == seq + 1 and "before it" in check["ledger_broken"]["reason"]


def test_a_row_written_outside_the_program_is_found(laptop: str, capsys: Any) -> None:
    _, _, model = chained(laptop)[0]
    raw(laptop, "INSERT INTO ledger_entries (id, created_at, created_by, account_id, kind, unit, amount, currency, "
                "booked_on, quarter, expires_on, source_kind, source_ref, idempotency_key) "
                "SELECT 'feedfacefeedfacefeedfacefeedface', created_at, created_by, account_id, kind, unit, amount * 7, "
                "currency, booked_on, quarter, expires_on, source_kind, source_ref, 'forged' "
                "FROM ledger_entries WHERE id = :id", id=model)
    code, check = verify(capsys, laptop)
    assert code == 5 and check["ledger_broken"]["row"] == "feedfacefeedfacefeedfacefeedface"
    assert "added outside the chain" in check["ledger_broken"]["reason"]


def test_a_chain_rewritten_from_a_row_on_misses_the_head_the_audit_log_sealed(laptop: str, capsys: Any) -> None:
    links = chained(laptop)
    victim_seq, _, victim = next(link for link in links if link[1] == "ledger_entries")
    raw(laptop, "UPDATE ledger_entries SET amount = amount * 100 WHERE id = :id", id=victim)
    store = Store.open(laptop)  # the forger relinks every row from the genesis: each link holds again...
    with store.engine.begin() as connection:
        stored = ledger_chain._rows(connection, [(table, uuid.UUID(hex=row)) for _, table, row in links])
        prev = GENESIS
        for seq, _, row in links:
            digest = row_hash(prev, stored[uuid.UUID(hex=row)])
            connection.execute(text("UPDATE ledger_chain SET prev_hash = :p, hash = :h WHERE seq = :s"),
                               {"p": prev, "h": digest, "s": seq})
            prev = digest
    store.dispose()
    code, check = verify(capsys, laptop)  # ...but not the heads sealed in the (chained) audit log
    assert code == 5 and "sealed" in check["ledger_broken"]["reason"]
    assert check["ledger_broken"]["seq"] >= victim_seq


def imported(tmp_path: Path, db: str, name: str, rows: list[str]) -> str:
    header = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert main(["--db", db, "--as", "money", "--json", "import", "invoices", str(path)]) == 0
    return path.name


@pytest.fixture
def two_imports(laptop: str, tmp_path: Path, capsys: Any) -> str:
    imported(tmp_path, laptop, "erp-1.csv", [f"FV/1/{i},1,2025-12-0{1 + i % 9},ACME,HW,1,{100 + i}.00,30.00,PLN"
                                              for i in range(120)])
    imported(tmp_path, laptop, "erp-2.csv", [f"FV/2/{i},1,2025-12-1{i % 9},BETA,HW,2,{200 + i}.50,40.00,PLN"
                                              for i in range(80)])
    capsys.readouterr()
    return laptop


@pytest.mark.parametrize("forgery", [
    "UPDATE invoice_lines SET net_amount = net_amount * 100 WHERE invoice_no = 'FV/2/7'",
    "DELETE FROM invoice_lines WHERE invoice_no = 'FV/2/70'",
    "INSERT INTO invoice_lines (id, invoice_no, line_no, invoice_date, account_id, category_id, quantity, net_amount, "
    "margin_amount, currency, import_id) SELECT 'ffffffffffffffffffffffffffffffff', 'FV/2/X', 1, invoice_date, "
    "account_id, category_id, quantity, net_amount, margin_amount, currency, import_id FROM invoice_lines "
    "WHERE invoice_no = 'FV/2/1'",
])
def test_an_invoice_line_changed_removed_or_added_is_found_at_its_import(
        two_imports: str, capsys: Any, forgery: str) -> None:
    code, check = verify(capsys, two_imports)
    assert code == 0 and check["sealed_imports"] == 2 and check["import_broken"] is None
    raw(two_imports, forgery)
    code, check = verify(capsys, two_imports)
    assert code == 5 and check["broken"] is None and check["ledger_broken"] is None
    assert check["import_broken"]["file"] == "erp-2.csv"
