"""Reversing an import of invoice lines: a linked batch of negated lines that restores every sum and the roll-up,
refused for a KAM, twice, for another kind of import and for an unknown id (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from apply_builders import TODAY, audits, csv_file, seed
from import_builders import INVOICE_HEADER

from kam_desktop.services.errors import NotFound, NotPermittedError, Refused
from kam_desktop.services.imports.files import run_import
from kam_desktop.services.imports.reverse import import_history, reverse_import, reversed_number
from kam_desktop.store import rollup
from kam_desktop.store.models import Account, InvoiceLine, SalesMonth
from kam_desktop.store.store import Store
from tests.acting import as_

GOOD = ("FV/1,1,2026-01-05,PL-0001,Cables,2,100.10,10.01,PLN",
        "FV/2,1,2026-02-05,PL-0001,Kable,1,20.00,2.00,PLN",
        "FV/3,1,2026-01-31,RU-0001,Кабель,3,999.99,0,RUB")
# a wrong unit: every amount a million times too big, each within the 15-digit limit and the file's sum limit
BAD = ("X/1,1,2026-01-20,PL-0001,Cables,1,999999999999.00,99999999999.00,PLN",
       "X/3,1,2026-02-10,PL-0001,Kable,1000,999999999999.99,0.01,PLN",
       "X/2,1,2026-01-07,EU-0001,Cables,5.5,123456789012.34,-5.00,EUR",
       f"X/{'L' * 56},1,2026-01-09,EU-0001,Cables,1,1000000.00,1.00,EUR")  # too long for REV/: renamed with a hash

Sums = dict[tuple[str, str], tuple[Decimal, Decimal, Decimal]]


@pytest.fixture
def store(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    seed(any_store)
    return any_store


def _import(store: Store, path: Path) -> uuid.UUID:
    report = run_import(as_(store, "admin"), path, "invoices")
    assert report.ok, report.error_lines()
    assert report.import_id is not None
    return report.import_id


def _sums(store: Store) -> Sums:
    """(account, month) → (net, margin, units) summed from the lines themselves and, separately, from the roll-up."""
    lines: Sums = {}
    with store.read() as s:
        found: defaultdict[tuple[str, str], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
        for code, day, net, margin, qty in s.execute(
                sa.select(Account.code, InvoiceLine.invoice_date, InvoiceLine.net_amount, InvoiceLine.margin_amount,
                          InvoiceLine.quantity).join(Account, Account.id == InvoiceLine.account_id)):
            cell = found[code, f"{day:%Y-%m}"]
            cell[0], cell[1], cell[2] = cell[0] + net, cell[1] + margin, cell[2] + qty
        lines = {k: (v[0], v[1], v[2]) for k, v in found.items() if any(v)}
        kept = {(code, month): (net, margin, units) for code, month, net, margin, units in s.execute(
            sa.select(Account.code, SalesMonth.month, SalesMonth.net_amount, SalesMonth.margin_amount,
                      SalesMonth.units).join(Account, Account.id == SalesMonth.account_id)) if net or margin or units}
    assert kept == lines  # the roll-up tells the same story as the lines
    return lines


def _difference(store: Store) -> object:
    with store.engine.connect() as connection:
        return rollup.first_difference(connection)


def test_a_reversal_restores_every_account_month_and_keeps_the_rollup_exact(store: Store, tmp_path: Path) -> None:
    _import(store, csv_file(tmp_path / "good.csv", INVOICE_HEADER, *GOOD))
    before = _sums(store)
    bad = _import(store, csv_file(tmp_path / "bad.csv", INVOICE_HEADER, *BAD))
    assert _sums(store) != before
    done = reverse_import(as_(store, "fin"), bad.hex[:8], "  amounts in grosze, not złoty ")
    assert (done.reverses, done.lines, done.file, done.reason) == (bad, 4, "bad.csv", "amounts in grosze, not złoty")
    assert _sums(store) == before
    assert _difference(store) is None
    with store.read() as s:  # the bad lines stay, each with its counter-line in the reversal's batch
        rows = s.execute(sa.select(InvoiceLine.invoice_no, InvoiceLine.line_no, InvoiceLine.net_amount,
                                   InvoiceLine.import_id).where(InvoiceLine.invoice_no.like("%X/%"))).all()
    assert sorted(rows) == sorted([
        ("X/1", 1, Decimal("999999999999.00"), bad), ("X/3", 1, Decimal("999999999999.99"), bad),
        ("X/2", 1, Decimal("123456789012.34"), bad), ("REV/X/1", 1, Decimal("-999999999999.00"), done.import_id),
        ("REV/X/3", 1, Decimal("-999999999999.99"), done.import_id),
        ("REV/X/2", 1, Decimal("-123456789012.34"), done.import_id),
        (f"X/{'L' * 56}", 1, Decimal("1000000.00"), bad),
        (reversed_number(f"X/{'L' * 56}"), 1, Decimal("-1000000.00"), done.import_id)])
    [(who, entity, entity_id, details)] = audits(store, "import.reverse")
    assert (who, entity, entity_id) == ("fin", "import", str(done.import_id))
    assert details["reverses"] == str(bad) and details["reason"] == "amounts in grosze, not złoty"


def test_the_history_lists_imports_with_their_reversal(store: Store, tmp_path: Path) -> None:
    good = _import(store, csv_file(tmp_path / "good.csv", INVOICE_HEADER, *GOOD))
    bad = _import(store, csv_file(tmp_path / "bad.csv", INVOICE_HEADER, *BAD))
    done = reverse_import(as_(store, "admin"), str(bad), "wrong unit")
    rows = import_history(as_(store, "admin"))
    assert [(r.import_id, r.kind, r.lines, r.file, r.by) for r in rows] == [
        (done.import_id, "reversal", 4, "bad.csv", "admin"), (bad, "invoices", 4, "bad.csv", "admin"),
        (good, "invoices", 3, "good.csv", "admin")]
    assert rows[1].reversed_by == done.import_id and rows[1].reason == "wrong unit"
    assert rows[0].reverses == bad and rows[2].reversed_by is None


def test_reversing_twice_another_kind_or_nothing_is_refused(store: Store, tmp_path: Path) -> None:
    bad = _import(store, csv_file(tmp_path / "bad.csv", INVOICE_HEADER, *BAD))
    finance = as_(store, "fin")
    first = reverse_import(finance, bad.hex[:8], "wrong unit")
    after = _sums(store)
    with pytest.raises(Refused, match=f"import {bad.hex[:8]} was already reversed by fin on .*reversal "
                                      f"{first.import_id.hex[:8]}"):
        reverse_import(finance, str(bad), "again")
    with pytest.raises(Refused, match="not an import of invoice lines \\(reversal\\)"):
        reverse_import(finance, str(first.import_id), "undo the undo")
    accounts = csv_file(tmp_path / "accounts.csv", "account_code,name,tax_id,kind,owner_login,region,industry,"
                        "currency,language", "PL-0009,New client,,customer,anowak,,,PLN,pl")
    other = run_import(as_(store, "admin"), accounts, "accounts").import_id
    assert other is not None
    with pytest.raises(Refused, match="not an import of invoice lines \\(accounts\\)"):
        reverse_import(finance, str(other), "no")
    with pytest.raises(NotFound, match="no import '0123abcd'"):
        reverse_import(finance, "0123abcd", "no")
    with pytest.raises(Refused, match="give the reason"):
        reverse_import(finance, str(bad), "   ")
    assert _sums(store) == after and _difference(store) is None  # nothing more was written


def test_a_kam_or_a_director_may_not_reverse(store: Store, tmp_path: Path) -> None:
    bad = _import(store, csv_file(tmp_path / "bad.csv", INVOICE_HEADER, *BAD))
    with pytest.raises(NotPermittedError, match="may not reverse an import of invoice lines"):
        reverse_import(as_(store, "anowak"), str(bad), "mine")
    assert not audits(store, "import.reverse")


def test_a_long_invoice_number_gets_a_distinct_reversing_number() -> None:
    long_a, long_b = "A" * 58 + "1", "A" * 58 + "2"
    assert reversed_number("FV/1") == "REV/FV/1"
    assert len(reversed_number(long_a)) == 60 and reversed_number(long_a) != reversed_number(long_b)


def test_reversing_numbers_the_erp_already_uses_is_refused_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    bad = _import(store, csv_file(tmp_path / "bad.csv", INVOICE_HEADER, *BAD))
    _import(store, csv_file(tmp_path / "erp.csv", INVOICE_HEADER, "REV/X/2,1,2026-01-08,EU-0001,Cables,1,5.00,1.00,EUR"))
    before = _sums(store)
    with pytest.raises(Refused, match="collide with stored invoice numbers REV/"):
        reverse_import(as_(store, "fin"), str(bad), "wrong unit")
    assert _sums(store) == before and _difference(store) is None
    assert not audits(store, "import.reverse")
