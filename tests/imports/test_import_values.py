"""New names in an import: "did you mean" for categories and people written differently or in another language,
an explicit decision per name (map it, or add it as new), never a silent near-duplicate; only an administrator
adds people; a column left out of the mapping stays out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apply_builders import seed
from sqlalchemy import func, select

from kam_desktop.imports.matching import fold, suggestions
from kam_desktop.services.clock import FixedClock
from kam_desktop.services.context import open_context
from kam_desktop.services.imports.files import preview, run_import
from kam_desktop.services.imports.preview import IGNORED, custom_profile
from kam_desktop.services.imports.values import CREATE
from kam_desktop.store.models import InvoiceLine, ProductCategory, User
from kam_desktop.store.store import Store

DAY = date(2026, 3, 1)
HEADER = "invoice_no;line_no;invoice_date;account_code;category;quantity;net_amount;margin_amount;currency\n"


@pytest.fixture
def store(sqlite_store: Any) -> Store:
    seed(sqlite_store)
    with sqlite_store.unit_of_work("test") as uow:  # a category known in three languages, and a person
        uow.session.add(ProductCategory(code="LIGHT", name="Lighting", name_pl="Oświetlenie", name_ru="Освещение"))
        uow.session.add(User(login="a.kowalska", name="Anna Kowalska", role="kam"))
        uow.session.add(User(login="dir", name="Director", role="director"))
        uow.commit()
    return sqlite_store


def ctx(store: Store, login: str = "admin") -> Any:
    return open_context(store, login, FixedClock(DAY))


def invoices(tmp_path: Path, category: str) -> Path:
    path = tmp_path / "lines.csv"
    path.write_text(HEADER + f"FV/1;1;2026-02-10;PL-0001;{category};2;1000.00;300.00;PLN\n", encoding="utf-8")
    return path


def accounts_file(tmp_path: Path, owner: str) -> Path:
    path = tmp_path / "accounts.csv"
    path.write_text("account_code;name;tax_id;kind;owner_login;region;industry;currency;language\n"
                    f"PL-0900;Nowy Klient;7250000900;customer;{owner};łódzkie;retail;PLN;pl\n", encoding="utf-8")
    return path


def test_folding_and_suggestions_cover_case_accents_punctuation_and_languages() -> None:
    assert fold("A.Nowak") == fold("anowak") == "anowak"
    assert fold("Łódź") == fold("LODZ") == "lodz"
    known = {"LIGHT": ["Lighting", "Oświetlenie", "Освещение"], "a.nowak": ["Anna Nowak"], "CAB": ["Cables"]}
    assert suggestions("oswietlenie", known) == ["LIGHT"]
    assert suggestions("ОСВЕЩЕНИЕ", known) == ["LIGHT"]
    assert suggestions("anowak", known) == ["a.nowak"]
    assert suggestions("Cable", known) == ["CAB"]  # the same stem
    assert suggestions("Pumps", known) == []


def test_a_category_in_another_language_is_offered_and_not_added_silently(store: Store, tmp_path: Path) -> None:
    path = invoices(tmp_path, "Oswietlenie")
    shown = preview(ctx(store), path, "invoices")
    [value] = shown.values
    assert (value.kind, value.value, [s.key for s in value.suggestions], value.row) == (
        "category", "Oswietlenie", ["LIGHT"], 2)
    assert "LIGHT" in [c.key for c in shown.choices["category"]]
    refused = run_import(ctx(store), path, "invoices")
    assert not refused.applied
    assert "category 'Oswietlenie' looks like the existing LIGHT · Lighting" in refused.errors[0].message
    assert (refused.errors[0].row, refused.errors[0].column) == (2, "category")
    mapped = run_import(ctx(store), path, "invoices", values={("category", "Oswietlenie"): "LIGHT"})
    assert mapped.applied and mapped.counts["invoice_lines_inserted"] == 1 and mapped.new_categories == ()
    with store.read() as session:
        code = session.scalar(select(ProductCategory.code).join(InvoiceLine, InvoiceLine.category_id == ProductCategory.id))
        assert code == "LIGHT"
        assert session.scalar(select(func.count()).select_from(ProductCategory)) == 4


def test_a_look_alike_confirmed_as_new_is_added(store: Store, tmp_path: Path) -> None:
    report = run_import(ctx(store), invoices(tmp_path, "Oswietlenie"), "invoices",
                        values={("category", "Oswietlenie"): CREATE})
    assert report.applied and report.new_categories == ("Oswietlenie",)


def test_a_new_owner_is_added_only_by_an_administrator(store: Store, tmp_path: Path) -> None:
    path = accounts_file(tmp_path, "akowalska")
    [value] = preview(ctx(store, "dir"), path, "accounts").values
    assert (value.kind, [s.key for s in value.suggestions], value.may_create) == ("owner", ["a.kowalska"], False)
    refused = run_import(ctx(store, "dir"), path, "accounts", values={("owner", "akowalska"): CREATE})
    assert not refused.applied and "only an administrator adds people" in refused.errors[0].message
    mapped = run_import(ctx(store, "dir"), path, "accounts", values={("owner", "akowalska"): "a.kowalska"})
    assert mapped.applied and mapped.new_owner_logins == ()
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(User).where(User.login == "akowalska")) == 0
    fresh = run_import(ctx(store), accounts_file(tmp_path, "zielinski"), "accounts")
    assert fresh.applied and fresh.new_owner_logins == ("zielinski",)  # an administrator, nothing alike


def test_a_column_left_out_of_the_mapping_is_not_read_by_a_synonym(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text("Nr;Poz;Data;Klient;Kategoria;Ilość;Netto;Marża;Waluta;Kwota brutto\n"
                    "FV/7;1;2026-02-10;PL-0001;Cables;2;1000.00;300.00;PLN;1230.00\n", encoding="utf-8")
    mapping = {"Nr": "invoice_no", "Poz": "line_no", "Data": "invoice_date", "Klient": "account_code",
               "Kategoria": "category", "Ilość": "quantity", "Netto": "net_amount", "Marża": "margin_amount",
               "Waluta": "currency", "Kwota brutto": IGNORED}
    shown = preview(ctx(store), path, "invoices", profile=custom_profile("invoices", mapping, shown_options()))
    assert shown.result.ok, shown.result.error_lines()
    assert "Kwota brutto" in shown.result.ignored_columns
    assert shown.result.columns["net_amount"] == "Netto"


def shown_options() -> Any:
    from kam_desktop.services.imports.preview import DETECT

    return DETECT
