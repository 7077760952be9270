"""The shipped sample files import cleanly, each into the staged rows its format promises."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from import_builders import SAMPLES

from kam_desktop.imports.importer import import_file
from kam_desktop.imports.staged import KnownData, StagedAccount, StagedInvoiceLine, StagedOpeningBalance


@pytest.fixture(scope="module")
def portfolio() -> KnownData:
    """What the store would hold after importing the accounts sample."""
    accounts = import_file(SAMPLES / "accounts.csv", "accounts", KnownData(today=date(2026, 3, 1)))
    assert accounts.ok, accounts.error_lines()
    rows: list[StagedAccount] = list(accounts.staged)
    assert accounts.new_owner_logins == ("anowak", "jwisniewska", "ipetrov", "jsmith")
    return KnownData(accounts={a.account_code: a.currency for a in rows},
                     owner_logins=frozenset(a.owner_login for a in rows),
                     categories=frozenset({"Cables"}), today=date(2026, 3, 1))


@pytest.mark.parametrize(("name", "fmt", "count"), [
    ("invoices.csv", "invoices", 4), ("invoices_pl_cp1250.csv", "invoices", 4),
    ("invoices_ru_cp1251.csv", "invoices", 3), ("potential.csv", "potential", 4),
    ("contacts.csv", "contacts", 4), ("opening-balances.csv", "opening-balances", 3),
])
def test_sample_imports_cleanly(name: str, fmt: str, count: int, portfolio: KnownData) -> None:
    result = import_file(SAMPLES / name, fmt, portfolio)
    assert result.ok, result.error_lines()
    assert len(result.staged) == result.rows_read == count


def test_polish_sample_reads_grouped_numbers_and_returns(portfolio: KnownData) -> None:
    result = import_file(SAMPLES / "invoices_pl_cp1250.csv", "invoices", portfolio)
    lines: list[StagedInvoiceLine] = list(result.staged)
    assert lines[0] == StagedInvoiceLine("FV/2026/02/0107", 1, date(2026, 2, 3), "PL-0001", "Kable",
                                         Decimal("1200"), Decimal("14400.00"), Decimal("2880.00"), "PLN", 2)
    assert (lines[3].quantity, lines[3].net_amount) == (Decimal("-10"), Decimal("-1200.00"))
    assert result.new_categories == ("Kable", "Rozdzielnice", "Oświetlenie")


def test_russian_sample_reads_cyrillic(portfolio: KnownData) -> None:
    result = import_file(SAMPLES / "invoices_ru_cp1251.csv", "invoices", portfolio)
    first = next(iter(result.staged))
    assert (first.invoice_no, first.category, first.net_amount) == ("СЧ-2026-000481", "Кабель",
                                                                    Decimal("1187500.00"))
    assert result.ignored_columns == ("Контрагент", "ИНН", "Примечание")


def test_opening_balances_take_the_account_currency(portfolio: KnownData) -> None:
    result = import_file(SAMPLES / "opening-balances.csv", "opening-balances", portfolio)
    rows: list[StagedOpeningBalance] = list(result.staged)
    assert [(r.account_code, r.currency, r.expires_on) for r in rows] == [
        ("PL-0001", "PLN", date(2026, 12, 31)), ("PL-0002", "PLN", date(2026, 6, 30)), ("RU-0001", "RUB", None)]


def test_known_categories_keep_their_spelling(portfolio: KnownData) -> None:
    result = import_file(SAMPLES / "potential.csv", "potential", portfolio)
    assert [p.category for p in result.staged][:2] == ["Cables", "Switchgear"]
    assert result.new_categories == ("Switchgear", "Lighting", "Кабель")


def test_accounts_default_status_and_enrolment_date(write, known: KnownData) -> None:  # type: ignore[no-untyped-def]
    header = "account_code,name,tax_id,kind,owner_login,region,industry,currency,language"
    path = write("a.csv", f"{header}\nNEW-1,Nowa Firma,,Klient,anowak,,,zł,Polski\n")
    account = next(iter(import_file(path, "accounts", known).staged))
    assert (account.kind, account.currency, account.language) == ("customer", "PLN", "pl")
    assert (account.status, account.enrolled_on, account.tax_id) == ("active", known.today, None)


def test_summary_is_json_ready(portfolio: KnownData) -> None:
    import json

    summary = import_file(SAMPLES / "invoices.csv", "invoices", portfolio).summary()
    assert json.loads(json.dumps(summary))["rows_staged"] == 4
    assert len(str(summary["sha256"])) == 64
