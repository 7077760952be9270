"""Names the documents cannot print (Chinese, Japanese, Korean, emoji) are refused where they enter the store.

The documents embed DejaVu Sans, which has no CJK characters and no emoji (`domain/printable.py`): such a name
would print as empty boxes. An import names the row, the column and the characters and writes nothing; the
services that set names (our company, a person) refuse them the same way, in the reader's language.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from apply_builders import TODAY, count, csv_file, seed, snapshot

from kam_desktop.cli.main import main
from kam_desktop.i18n import translated
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.imports.files import run_import
from kam_desktop.services.people import add_user
from kam_desktop.services.program.company import CompanyInvalid, company_fields, save_company
from kam_desktop.store.store import Store
from tests.acting import as_

ACCOUNTS_HEADER = "account_code,name,tax_id,kind,owner_login,region,industry,currency,language"
CONTACTS_HEADER = "account_code,name,role,email,phone,language"
CHINESE = "北京华东贸易有限公司"  # Beijing Huadong Trading Co., Ltd.
EMOJI = "Kowalski Trade 😀"


@pytest.fixture
def store(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    seed(sqlite_store)
    return sqlite_store


def _admin(store: Store) -> Context:
    return as_(store, "admin", date.fromisoformat(TODAY))


def test_an_account_import_with_a_chinese_or_emoji_name_names_the_rows_and_writes_nothing(
        store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "accounts.csv", ACCOUNTS_HEADER,
                    "PL-0100,Hurtownia Żółw sp. z o.o.,5250001234,customer,anowak,,,PLN,pl",
                    f"CN-0001,{CHINESE},,customer,anowak,,,PLN,en",
                    f"PL-0101,{EMOJI},,customer,anowak,,,PLN,pl")
    before = snapshot(store)
    report = run_import(_admin(store), path, "accounts")
    assert not report.ok and not report.applied
    assert snapshot(store) == before and count(store, "accounts") == 6
    found = [(e.row, e.column) for e in report.errors if "cannot be printed" in e.message]
    assert found == [(3, "name"), (4, "name")]  # spreadsheet rows: the header is row 1
    chinese = next(e for e in report.errors if e.row == 3)
    assert "北 (U+5317)" in chinese.message
    emoji = next(e for e in report.errors if e.row == 4)
    assert "😀 (U+1F600)" in emoji.message and "K (U+" not in emoji.message  # only what cannot be printed
    assert translated(chinese, "pl").startswith("北 (U+5317), 京 (U+4EAC)")
    assert chinese.message.count("(U+") == 6 and ", …" in chinese.message  # ten characters: the first six shown
    assert "nie da się wydrukować na umowach" in translated(chinese, "pl")
    assert "невозможно напечатать в договорах" in translated(emoji, "ru")


def test_a_contact_whose_name_or_position_is_unprintable_is_refused(store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "contacts.csv", CONTACTS_HEADER,
                    "PL-0001,Łucja Źrebięcka-Ćwik,Prezes zarządu,,,pl",
                    "PL-0002,王伟,management,,,en",
                    "RU-0001,Иван Петров,Генеральный директор 🚀,,,ru")
    report = run_import(_admin(store), path, "contacts")
    assert not report.ok and count(store, "contacts") == 0
    assert sorted((e.row, e.column) for e in report.errors if "cannot be printed" in e.message) == [
        (3, "name"), (4, "role")]


def test_polish_russian_greek_and_accented_names_pass(store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "accounts.csv", ACCOUNTS_HEADER,
                    "PL-0200,Zakład „Źdźbło” Gęślą Jaźń sp. z o.o.,,customer,anowak,,,PLN,pl",
                    "RU-0200,ООО «Съешь ещё этих булок»,,customer,anowak,,,RUB,ru",
                    "EU-0200,Ελληνική Εταιρεία Α.Ε. – Müller & Søn Ltd,,customer,anowak,,,EUR,en")
    report = run_import(_admin(store), path, "accounts")
    assert report.ok, [str(e) for e in report.errors]
    assert count(store, "accounts") == 9


def test_our_company_refuses_a_signatory_the_documents_cannot_print(store: Store) -> None:
    ctx = as_(store, "admin", date.fromisoformat(TODAY))
    fields = replace(company_fields(ctx), name="Nordwind Supply Sp. z o.o.", signatory_name="张伟",
                     signatory_title="Sales Director")
    with pytest.raises(CompanyInvalid) as refused:
        save_company(ctx, fields)
    assert set(refused.value.problems) == {"signatory_name"}
    assert "张 (U+5F20), 伟 (U+4F1F)" in str(refused.value)
    assert translated(refused.value, "pl").startswith("Osoba podpisująca: 张 (U+5F20)")
    assert company_fields(ctx).signatory_name != "张伟"  # nothing written


def test_a_person_named_in_emoji_is_not_added(store: Store) -> None:
    with pytest.raises(ServiceError) as refused:
        add_user(_admin(store), "wlee", "kam", "Wei Lee 🙂")
    assert "🙂 (U+1F642)" in str(refused.value)
    assert translated(refused.value, "ru").startswith("Имя: 🙂 (U+1F642) невозможно напечатать")
    assert count(store, "users") == 4


def test_kamctl_import_names_the_row_and_the_characters_in_the_readers_language(
        sqlite_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    assert main(["init", "--db", str(sqlite_path)]) == 0
    path = csv_file(tmp_path / "accounts.csv", ACCOUNTS_HEADER, f"CN-0001,{CHINESE},,customer,admin,,,PLN,en")
    capsys.readouterr()
    assert main(["--lang", "pl", "import", "accounts", str(path), "--db", str(sqlite_path)]) == 1
    err = capsys.readouterr().err
    assert "accounts.csv:2:name: 北 (U+5317), 京 (U+4EAC)" in err
    assert "nie da się wydrukować na umowach, aneksach i zestawieniach" in err
    assert "name: name:" not in err and "cannot be printed" not in err
