"""What an applied import leaves in the store (SQLite and PostgreSQL): exact rows, upserts, no doubles, audit."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from apply_builders import TODAY, audits, count, csv_file, seed, snapshot, unchanged
from hypothesis import given
from hypothesis import strategies as st
from import_builders import INVOICE_HEADER, SAMPLES

from kam_desktop.imports.fast import floats
from kam_desktop.services.context import Context
from kam_desktop.services.imports.files import run_import
from kam_desktop.services.imports.lines import scaled, scaled_exactly, time_ordered_ids
from kam_desktop.services.ledger.entries import account_ledger
from kam_desktop.store.models import (
    Account,
    Contact,
    InvoiceLine,
    LedgerEntry,
    PotentialSlot,
    ProductCategory,
    User,
)
from kam_desktop.store.store import Store
from tests.acting import as_


@pytest.fixture
def store(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    seed(any_store)
    return any_store


def _import(store: Store, path: Path, fmt: str) -> dict[str, int]:
    # anowak owns every account: as a KAM they import contacts and potential; the rest is the admin's
    report = run_import(_as(store, "anowak" if fmt in ("potential", "contacts") else "admin"), path, fmt)
    assert report.ok, report.error_lines()
    return report.counts


def test_invoice_lines_are_stored_exactly_as_written(store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "x.csv", INVOICE_HEADER,
                    "FV/1,1,2026-02-05,PL-0001,Cables,1.125,1234567890.99,0.01,PLN",
                    "FV/1,2,2026-02-05,PL-0001,kable,-0.5,-0.07,-0.07,PLN",
                    "FV/2,1,2026-01-31,RU-0001,Кабель,3,999999999999999.99,999999999999999.98,RUB",
                    "FV\\3,1,2026-01-31,EU-0001,Cables,2,10,0,EUR")
    assert _import(store, path, "invoices") == {"invoice_lines_skipped": 0, "invoice_lines_inserted": 4}
    with store.read() as s:
        rows = s.execute(sa.select(InvoiceLine.invoice_no, InvoiceLine.line_no, InvoiceLine.invoice_date,
                                   Account.code, ProductCategory.code, InvoiceLine.quantity, InvoiceLine.net_amount,
                                   InvoiceLine.margin_amount, InvoiceLine.currency, InvoiceLine.import_id)
                         .join(Account, InvoiceLine.account_id == Account.id)
                         .join(ProductCategory, InvoiceLine.category_id == ProductCategory.id)
                         .order_by(InvoiceLine.invoice_no, InvoiceLine.line_no)).all()
    (audit,) = audits(store, "import.apply")
    assert [tuple(r)[:9] for r in rows] == [
        ("FV/1", 1, date(2026, 2, 5), "PL-0001", "Cables", Decimal("1.125"), Decimal("1234567890.99"),
         Decimal("0.01"), "PLN"),
        ("FV/1", 2, date(2026, 2, 5), "PL-0001", "Kable", Decimal("-0.5"), Decimal("-0.07"), Decimal("-0.07"), "PLN"),
        ("FV/2", 1, date(2026, 1, 31), "RU-0001", "Кабель", Decimal(3), Decimal("999999999999999.99"),
         Decimal("999999999999999.98"), "RUB"),
        ("FV\\3", 1, date(2026, 1, 31), "EU-0001", "Cables", Decimal(2), Decimal(10), Decimal(0), "EUR"),
    ]
    assert {str(r.import_id) for r in rows} == {audit.entity_id}


def test_reimport_adds_nothing_and_an_overlapping_period_adds_only_new_lines(store: Store, tmp_path: Path) -> None:
    jan = [f"FV/{i},1,2026-01-{i + 1:02d},PL-0001,Cables,1,{i}.00,0,PLN" for i in range(1, 21)]
    feb = [f"FV/{i},1,2026-02-{i - 14:02d},PL-0002,Kable,1,{i}.00,0,PLN" for i in range(21, 31)]
    first = csv_file(tmp_path / "jan.csv", INVOICE_HEADER, *jan)
    assert _import(store, first, "invoices")["invoice_lines_inserted"] == 20
    with unchanged(store):
        assert _import(store, first, "invoices") == {"invoice_lines_skipped": 20, "invoice_lines_inserted": 0}
    overlap = csv_file(tmp_path / "jan-feb.csv", INVOICE_HEADER, *jan[10:], *feb)
    assert _import(store, overlap, "invoices") == {"invoice_lines_skipped": 10, "invoice_lines_inserted": 10}
    assert count(store, "invoice_lines") == 30
    assert len(audits(store, "import.apply")) == 3  # a re-import that adds nothing is still on the record


def test_new_categories_and_owners_are_created(store: Store, tmp_path: Path) -> None:
    accounts = csv_file(tmp_path / "a.csv", "account_code,name,tax_id,kind,owner_login,region,industry,currency,language",
                        "NEW-1,Nowa firma,,partner,kkowalska,,,PLN,pl", "PL-0001,Renamed,,customer,ANOWAK,,,PLN,en")
    assert _import(store, accounts, "accounts") == {"users_created": 1, "accounts_created": 1, "accounts_updated": 1}
    lines = csv_file(tmp_path / "l.csv", INVOICE_HEADER, "FV/1,1,2026-02-05,NEW-1,Lampy LED,1,1,0,PLN",
                     "FV/1,2,2026-02-05,NEW-1,lampy  led,1,1,0,PLN", "FV/1,3,2026-02-05,NEW-1,CABLES,1,1,0,PLN")
    assert _import(store, lines, "invoices")["categories_created"] == 1
    with store.read() as s:
        user = s.scalar(sa.select(User).where(User.login == "kkowalska"))
        assert user is not None and user.role == "kam"
        new = s.scalar(sa.select(Account).where(Account.code == "NEW-1"))
        assert new is not None and new.owner_id == user.id and new.enrolled_on == date(2026, 3, 1)
        renamed = s.scalar(sa.select(Account).where(Account.code == "PL-0001"))
        assert renamed is not None and (renamed.name, renamed.language, renamed.version) == ("Renamed", "en", 2)
        assert renamed.owner is not None and renamed.owner.login == "anowak"
        categories = s.execute(sa.select(ProductCategory.code, sa.func.count(InvoiceLine.id))
                               .join(InvoiceLine, InvoiceLine.category_id == ProductCategory.id)
                               .group_by(ProductCategory.code).order_by(ProductCategory.code)).all()
    assert [tuple(c) for c in categories] == [("Cables", 1), ("Lampy LED", 2)]


def test_the_audit_entry_names_who_what_file_hash_and_counts(store: Store, tmp_path: Path) -> None:
    path = SAMPLES / "potential.csv"
    counts = _import(store, path, "potential")
    (entry,) = audits(store, "import.apply")
    assert entry.created_by == "anowak" and entry.entity == "import"
    details = entry.details or {}
    assert details["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (details["file"], details["format"], details["rows_read"]) == ("potential.csv", "potential", 4)
    assert details["counts"] == counts == {"categories_created": 2, "potential_created": 4}


def test_a_refused_import_is_audited_with_its_first_errors(store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "bad.csv", INVOICE_HEADER, "FV/1,1,2026-02-30,PL-0001,Cables,1,1,0,PLN")
    report = run_import(_as(store, "fin"), path, "invoices")
    (entry,) = audits(store, "import.refused")
    details = entry.details or {}
    assert entry.created_by == "fin" and details["errors"] == 1 and details["sha256"] == report.sha256
    assert details["first_errors"] == report.error_lines()


def test_upserts_by_natural_key_and_absent_optional_columns_keep_stored_values(store: Store, tmp_path: Path) -> None:
    header = "account_code,name,tax_id,kind,owner_login,region,industry,currency,language"
    full = csv_file(tmp_path / "a.csv", header + ",status,enrolled_on", "PL-0003,Budmax,1,customer,anowak,,,PLN,pl,"
                                                                       "inactive,2024-06-30")
    _import(store, full, "accounts")
    partial = csv_file(tmp_path / "b.csv", header, "PL-0003,Budmax S.A.,1,customer,anowak,,,PLN,pl")
    assert _import(store, partial, "accounts") == {"accounts_updated": 1}
    with store.read() as s:
        account = s.scalar(sa.select(Account).where(Account.code == "PL-0003"))
        assert account is not None
        assert (account.name, account.status, account.enrolled_on) == ("Budmax S.A.", "inactive", date(2024, 6, 30))
    contacts = "account_code,name,role,email,phone,language"
    _import(store, csv_file(tmp_path / "c1.csv", contacts, "PL-0001,Anna,główna księgowa,a@x.pl,,pl"), "contacts")
    assert _import(store, csv_file(tmp_path / "c2.csv", contacts, "PL-0001,Anna,purchasing,,+48 1,pl",
                                   "PL-0001,Olga,CFO,,,"), "contacts") == {"contacts_updated": 1, "contacts_created": 1}
    with store.read() as s:
        people = s.execute(sa.select(Contact.name, Contact.role, Contact.position, Contact.email, Contact.phone)
                           .order_by(Contact.name)).all()
    assert [tuple(p) for p in people] == [("Anna", "purchasing", None, None, "+48 1"), ("Olga", "finance", "CFO", None, None)]
    potential = "account_code,category,total_units,total_value,source,collected_on,confidence"
    _import(store, csv_file(tmp_path / "p1.csv", potential, "PL-0001,Cables,10,100,survey,2026-01-10,0.5"), "potential")
    assert _import(store, csv_file(tmp_path / "p2.csv", potential, "PL-0001,cables,12.5,100,survey,2026-01-10,80%",
                                   "PL-0001,Cables,1,1,estimate,2026-02-10,0.1"), "potential") == {
        "potential_updated": 1, "potential_created": 1}
    with store.read() as s:
        slots = s.execute(sa.select(PotentialSlot.total_units, PotentialSlot.confidence, PotentialSlot.collected_on)
                          .order_by(PotentialSlot.collected_on)).all()
    assert [tuple(x) for x in slots] == [(Decimal("12.5"), Decimal("0.8"), date(2026, 1, 10)),
                                         (Decimal(1), Decimal("0.1"), date(2026, 2, 10))]


def test_an_empty_enrolment_date_keeps_a_known_accounts_own_and_enrols_a_new_one_today(
        store: Store, tmp_path: Path) -> None:
    header = "account_code,name,tax_id,kind,owner_login,region,industry,currency,language,status,enrolled_on"
    _import(store, csv_file(tmp_path / "a.csv", header, "PL-0003,Budmax,1,customer,anowak,,,PLN,pl,active,2024-06-30"),
            "accounts")
    with store.unit_of_work("test") as uow:  # PL-0001 in the control group: never enrolled
        uow.session.execute(sa.update(Account).where(Account.code == "PL-0001").values(enrolled_on=None))
        uow.commit()
    again = csv_file(tmp_path / "b.csv", header, "PL-0003,Budmax,1,customer,anowak,,,PLN,pl,active,",
                     "PL-0001,Elektro-Hurt,1,customer,anowak,,,PLN,pl,active,",
                     "PL-0009,Nowy Klient,9,customer,anowak,,,PLN,pl,active,")
    assert _import(store, again, "accounts")["accounts_created"] == 1
    with store.read() as s:
        enrolled = dict(s.execute(sa.select(Account.code, Account.enrolled_on)
                                  .where(Account.code.in_(["PL-0001", "PL-0003", "PL-0009"]))).all())
    assert enrolled == {"PL-0001": None, "PL-0003": date(2024, 6, 30), "PL-0009": date.fromisoformat(TODAY)}


@pytest.mark.parametrize(("role", "position", "stored"), [
    ("purchasing", "Dyrektor handlowy", ("purchasing", "Dyrektor handlowy")),  # both kept, the title's words aside
    ("", "Główna księgowa", ("finance", "Główna księgowa")),  # the role follows from a title alone
    ("CFO", "", ("finance", "CFO")),  # an older file: the title in the role column
    ("Kierownik zakupów", "Kupiec", ("purchasing", "Kupiec")),  # a title in each: the role's, then the position
    ("", "", ("other", None)),
])
def test_a_contacts_role_and_job_title_are_read_from_their_own_columns(
        store: Store, tmp_path: Path, role: str, position: str, stored: tuple[str, str | None]) -> None:
    header = "account_code,name,role,email,phone,language,position"
    _import(store, csv_file(tmp_path / "c.csv", header, f"PL-0001,Anna,{role},,,pl,{position}"), "contacts")
    with store.read() as s:
        assert tuple(s.execute(sa.select(Contact.role, Contact.position)).one()) == stored


def _big_file(folder: Path, name: str, month: str, lines: int = 9, account: str = "PL-0001") -> Path:
    """`lines` sales of 999,999,999,999,999.00 (the largest value a line may have) in one month: 9 stay within a
    file's own limit on sums."""
    rows = [f"FV/{name}/{i},1,{month}-05,{account},Cables,1,999999999999999.00,1.00,PLN" for i in range(lines)]
    return csv_file(folder / f"{name}.csv", INVOICE_HEADER, *rows)


def test_files_each_within_the_sum_limit_cannot_together_overflow_the_stores_sums(
        store: Store, tmp_path: Path) -> None:
    """Issue 16: 120 lines in one file overflowed every report; five files of nine (each in a month of its own),
    each under a file's limit, come near what the store's sums hold, and the sixth is refused before it writes."""
    from kam_desktop.services.desk import Desk

    for n, month in enumerate(("2025-09", "2025-10", "2025-11", "2025-12", "2026-01")):
        assert _import(store, _big_file(tmp_path, f"big{n}", month), "invoices")["invoice_lines_inserted"] == 9
    with unchanged(store):
        report = run_import(_as(store, "admin"), _big_file(tmp_path, "big5", "2026-02"), "invoices")
    assert not report.ok
    assert report.errors[0].column == "net_amount" and "PLN sales stored" in report.errors[0].message
    others = csv_file(tmp_path / "eur.csv", INVOICE_HEADER, "FV/E/1,1,2026-02-05,EU-0001,Cables,1,10.00,1.00,EUR")
    assert _import(store, others, "invoices")["invoice_lines_inserted"] == 1  # another currency has its own room
    ltv = {row.code: row.ltv_12m for row in Desk(_as(store, "admin")).portfolio()}  # no "integer overflow"
    assert ltv["PL-0001"] == Decimal("999999999999999.00") * 45


def test_a_file_that_would_overflow_an_accounts_month_is_refused_naming_it(store: Store, tmp_path: Path) -> None:
    """A month of one account holds 16 digits on both stores (PostgreSQL's Numeric(18, 2) refused it with a raw
    "numeric field overflow"); the second file into the same month is refused, naming the account and month."""
    assert _import(store, _big_file(tmp_path, "first", "2026-02"), "invoices")["invoice_lines_inserted"] == 9
    with unchanged(store):
        report = run_import(_as(store, "admin"), _big_file(tmp_path, "second", "2026-02", lines=2), "invoices")
    assert not report.ok
    assert [(e.column, e.template != "") for e in report.errors] == [("net_amount", True)]
    assert "the sales of PL-0001 in 2026-02 would add up beyond" in report.errors[0].message
    other_month = _big_file(tmp_path, "third", "2026-01", lines=2)
    assert _import(store, other_month, "invoices")["invoice_lines_inserted"] == 2


def test_opening_balances_become_ledger_lots_once(store: Store, tmp_path: Path) -> None:
    header = "account_code,points,cashback,expires_on,note"
    path = csv_file(tmp_path / "ob.csv", header, "PL-0001,1250,430.00,2026-12-31,from 2025", "RU-0001,0,15000,,")
    assert _import(store, path, "opening-balances") == {"ledger_entries_created": 3}
    with unchanged(store):
        assert _import(store, path, "opening-balances") == {"ledger_entries_unchanged": 3}
    with store.read() as s:
        entries = s.execute(sa.select(LedgerEntry.idempotency_key, LedgerEntry.kind, LedgerEntry.amount,
                                      LedgerEntry.currency, LedgerEntry.expires_on, LedgerEntry.booked_on)
                            .order_by(LedgerEntry.idempotency_key)).all()
    assert [tuple(e) for e in entries] == [
        ("opening:PL-0001:cashback", "adjustment", Decimal("430.00"), "PLN", date(2026, 12, 31), date(2026, 3, 1)),
        ("opening:PL-0001:points", "adjustment", Decimal("1250.00"), None, date(2026, 12, 31), date(2026, 3, 1)),
        ("opening:RU-0001:cashback", "adjustment", Decimal("15000.00"), "RUB", date(2027, 3, 31), date(2026, 3, 1)),
    ]
    ledger = account_ledger(_as(store), "PL-0001", date(2026, 3, 2))
    assert ledger.balance == {"points": Decimal("1250.00"), "cashback": Decimal("430.00")}
    assert ledger.available == ledger.balance
    changed = csv_file(tmp_path / "ob2.csv", header, "PL-0001,1300,430.00,2026-12-31,")
    with unchanged(store):
        report = run_import(_as(store), changed, "opening-balances")
    assert [(e.row, e.column) for e in report.errors] == [(2, "points")]
    assert "already has an opening balance of 1250.00 points" in report.errors[0].message


def test_too_precise_for_the_store_is_a_validation_error(store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "q.csv", INVOICE_HEADER, "FV/1,1,2026-02-05,PL-0001,Cables,1.2345,1,0,PLN")
    with unchanged(store):
        report = run_import(_as(store), path, "invoices")
    assert [(e.row, e.column) for e in report.errors] == [(2, "quantity")]
    assert "at most 3 decimal places" in report.errors[0].message


@given(st.lists(st.decimals(min_value=Decimal("-999999999999.999"), max_value=Decimal("999999999999.999"),
                            places=3, allow_nan=False, allow_infinity=False), min_size=1, max_size=50),
       st.sampled_from([0, 1, 2, 3]))
def test_fast_scaling_is_exact(values: list[Decimal], places: int) -> None:
    texts = [format(v.quantize(Decimal(1).scaleb(-places)), "f") for v in values]
    parsed = floats(pd.Series(texts, dtype=object)).to_numpy()  # as validation parses them, handed to the insert
    assert scaled(texts, places) == scaled(texts, places, parsed) == scaled_exactly(texts, places) == [
        int(Decimal(t).scaleb(places)) for t in texts]


def test_parsed_amounts_with_an_empty_cell_take_the_exact_text_path() -> None:
    assert scaled(["1.5", "2"], 2, np.array([1.5, np.nan])) == [150, 200]


def test_time_ordered_ids_are_distinct_sorted_version_7() -> None:
    import uuid

    ids = time_ordered_ids(1000)
    assert len(set(ids)) == 1000 and ids == sorted(ids)
    parsed = [uuid.UUID(hex=i) for i in ids]
    assert {u.version for u in parsed} == {7} and {u.variant for u in parsed} == {uuid.RFC_4122}
    assert time_ordered_ids(5)[0] != time_ordered_ids(5)[0]


def test_large_magnitudes_take_the_exact_text_path() -> None:
    assert scaled(["999999999999999.99", "-1.5"], 2) == [99999999999999999, -150]


def test_snapshot_sees_a_change(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    _import(store, csv_file(tmp_path / "x.csv", INVOICE_HEADER, "FV/1,1,2026-02-05,PL-0001,Cables,1,1,0,PLN"),
            "invoices")
    assert snapshot(store) != before


def _as(store: Store, login: str = "admin") -> Context:
    """The store's administrator (or `login`) on the business day the apply builders use."""
    return as_(store, login, date.fromisoformat(TODAY))
