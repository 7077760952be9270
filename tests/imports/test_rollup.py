"""The sales roll-up equals a fresh aggregation of the lines after imports, re-imports, late lines, returns,
lines written through the ORM and a migration of an older store (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from apply_builders import TODAY, csv_file, seed
from import_builders import INVOICE_HEADER

from kam_desktop.services.imports.files import run_import
from kam_desktop.store import migrate, rollup
from kam_desktop.store.models import Account, InvoiceLine, ProductCategory, SalesMonth, SalesRollup
from kam_desktop.store.store import Store
from tests.acting import as_


@pytest.fixture
def store(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    seed(any_store)
    return any_store


def _import(store: Store, path: Path) -> dict[str, int]:
    report = run_import(as_(store, "admin"), path, "invoices")
    assert report.ok, report.error_lines()
    return report.counts


def _difference(store: Store) -> object:
    with store.engine.connect() as connection:
        return rollup.first_difference(connection)


def _cells(store: Store) -> dict[tuple[str, str, str], tuple[Decimal, Decimal, Decimal, int, date]]:
    with store.read() as s:
        rows = s.execute(sa.select(Account.code, SalesRollup.month, ProductCategory.code, SalesRollup.net_amount,
                                   SalesRollup.margin_amount, SalesRollup.units, SalesRollup.lines,
                                   SalesRollup.last_on)
                         .join(Account, Account.id == SalesRollup.account_id)
                         .join(ProductCategory, ProductCategory.id == SalesRollup.category_id)).all()
    return {(a, m, c): (net, margin, units, n, last) for a, m, c, net, margin, units, n, last in rows}


def test_imports_reimports_late_lines_and_returns_keep_the_rollup_exact(store: Store, tmp_path: Path) -> None:
    first = csv_file(tmp_path / "a.csv", INVOICE_HEADER,
                     "FV/1,1,2026-01-05,PL-0001,Cables,2,100.10,10.01,PLN",
                     "FV/1,2,2026-01-05,PL-0001,Cables,1,50.00,5.00,PLN",
                     "FV/2,1,2026-02-05,PL-0001,Kable,1,20.00,2.00,PLN",
                     "FV/3,1,2026-01-31,RU-0001,Кабель,3,999.99,0,RUB")
    assert _import(store, first)["invoice_lines_inserted"] == 4
    assert _import(store, first)["invoice_lines_inserted"] == 0  # a re-import adds nothing twice
    later = csv_file(tmp_path / "b.csv", INVOICE_HEADER,
                     "FV/1,1,2026-01-05,PL-0001,Cables,2,100.10,10.01,PLN",  # overlap: skipped
                     "FV/9,1,2026-01-20,PL-0001,Cables,1,7.00,0.70,PLN",  # a late line into January
                     "KOR/1,1,2026-02-06,PL-0001,Kable,-1,-20.00,-2.00,PLN")  # a return
    assert _import(store, later)["invoice_lines_inserted"] == 2
    assert _difference(store) is None
    assert _cells(store) == {
        ("PL-0001", "2026-01", "Cables"): (Decimal("157.10"), Decimal("15.71"), Decimal(4), 3, date(2026, 1, 20)),
        ("PL-0001", "2026-02", "Kable"): (Decimal(0), Decimal(0), Decimal(0), 2, date(2026, 2, 6)),
        ("RU-0001", "2026-01", "Кабель"): (Decimal("999.99"), Decimal(0), Decimal(3), 1, date(2026, 1, 31)),
    }


def test_lines_written_through_the_orm_roll_up_in_the_same_flush(store: Store) -> None:
    with store.unit_of_work("test") as uow:
        account = uow.session.scalars(sa.select(Account).where(Account.code == "EU-0001")).one()
        category = uow.session.scalars(sa.select(ProductCategory).where(ProductCategory.code == "Cables")).one()
        for n, day in enumerate(("2026-01-02", "2026-01-30", "2026-03-01"), start=1):
            uow.session.add(InvoiceLine(invoice_no=f"X/{n}", line_no=1, invoice_date=date.fromisoformat(day),
                                        account_id=account.id, category_id=category.id, quantity=Decimal(1),
                                        net_amount=Decimal("10.50"), margin_amount=Decimal(1), currency="EUR"))
        uow.commit()
    assert _difference(store) is None
    assert _cells(store)[("EU-0001", "2026-01", "Cables")] == (Decimal(21), Decimal(2), Decimal(2), 2,
                                                                 date(2026, 1, 30))


@pytest.mark.parametrize("level", [SalesRollup, SalesMonth])
def test_check_names_the_first_account_and_month_that_differs(store: Store, tmp_path: Path,
                                                              level: type[SalesRollup | SalesMonth]) -> None:
    _import(store, csv_file(tmp_path / "a.csv", INVOICE_HEADER, "FV/1,1,2026-01-05,PL-0001,Cables,2,100,10,PLN"))
    with store.engine.begin() as connection:
        connection.execute(sa.update(level).values(net_amount=Decimal("99.99")))
        account_id = connection.execute(sa.select(Account.id).where(Account.code == "PL-0001")).scalar_one()
    assert _difference(store) == (account_id, "2026-01")
    with store.engine.begin() as connection:
        rollup.rebuild(connection)
    assert _difference(store) is None


def test_a_store_at_the_previous_revision_gets_its_rollup_filled_by_the_migration(store: Store,
                                                                                  tmp_path: Path) -> None:
    _import(store, csv_file(tmp_path / "a.csv", INVOICE_HEADER,
                            "FV/1,1,2026-01-05,PL-0001,Cables,2,100,10,PLN",
                            "FV/2,1,2026-02-05,RU-0001,Кабель,-1,-5,-1,RUB"))
    expected = _cells(store)
    config = migrate.alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")
        assert not sa.inspect(connection).has_table("sales_rollup")
        assert not sa.inspect(connection).has_table("sales_months")
        command.upgrade(config, "head")
    assert _cells(store) == expected
    assert _difference(store) is None


def test_a_file_of_more_invoices_than_postgresql_takes_parameters_imports_and_reimports(
        store: Store, tmp_path: Path) -> None:
    # psycopg refuses more than 65,535 parameters in one statement; the existence check sends one array instead
    rows = [f"FV/{n},1,2026-01-{n % 28 + 1:02d},PL-0001,Cables,1,1.00,0.10,PLN" for n in range(70_000)]
    path = csv_file(tmp_path / "many.csv", INVOICE_HEADER, *rows)
    assert _import(store, path)["invoice_lines_inserted"] == 70_000
    assert _import(store, path)["invoice_lines_inserted"] == 0
    assert _difference(store) is None
