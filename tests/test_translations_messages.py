"""What the engine says reaches a Polish or Russian reader in their language: refusals of real services on a
real store, domain rules with numbers, money and dates in the language's formats, ledger notes, and kamctl."""

from __future__ import annotations

import json
import logging
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.cli.main import main
from kam_desktop.domain.fx import FxTable
from kam_desktop.domain.mdf import FundExceededError
from kam_desktop.domain.messages import Message
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.vocabulary import Grade
from kam_desktop.i18n import render, translated
from kam_desktop.i18n.language import language_from_environment
from kam_desktop.i18n.notes import note_text
from kam_desktop.services.errors import NotPermittedError, Refused, ServiceError
from kam_desktop.services.exceptions import requests as ex
from tests.acting import as_, desk
from tests.services.builders import account, world

NBSP, NNBSP = "\u00a0", "\u202f"  # Babel's spaces: in numbers, and before a Russian "г."
TODAY = date(2026, 1, 10)


@pytest.fixture
def small(sqlite_store: Any) -> Any:
    """Four people (two KAMs, a director, finance) and one account of kam1."""
    world(sqlite_store)
    account(sqlite_store, "ACME")
    return sqlite_store


def test_a_permission_refusal_of_a_service_in_three_languages(small: Any) -> None:
    with pytest.raises(NotPermittedError) as refused:
        desk(small, "kam1", TODAY).close_quarter("2025Q4")
    error = refused.value
    assert translated(error, "en") == str(error) == "kam1 (kam) may not close a quarter [who may do what]"
    assert translated(error, "pl") == "kam1 (KAM) nie może wykonać operacji: zamknięcie kwartału [kto może co robić]"
    assert translated(error, "ru") == "kam1 (KAM) не может закрывать квартал [кто что может делать]"


def test_a_domain_rule_reaches_the_reader_through_the_service_with_its_own_words(small: Any) -> None:
    boss = as_(small, "boss", TODAY)
    row = ex.submit_exception(boss, ex.request_exception(boss, "ACME", "discount", Decimal(14), "launch").number)
    with pytest.raises(Refused) as refused:
        ex.decide_exception(boss, row.number, True)
    number = row.number
    assert str(refused.value) == f"boss: {number} is your own request [nobody decides their own request]"
    assert translated(refused.value, "pl") == f"boss: {number} to Twój własny wniosek [nikt nie decyduje o własnym wniosku]"
    assert translated(refused.value, "ru") == (
        f"boss: {number} — ваш собственный запрос [никто не принимает решение по собственному запросу]")


def test_a_missing_account_names_the_code_in_the_languages_quotes(small: Any) -> None:
    with pytest.raises(ServiceError) as missing:
        desk(small, "boss", TODAY).card("NOPE")
    assert translated(missing.value, "pl") == "brak klienta o kodzie „NOPE”; zobacz `kamctl accounts list`"
    assert translated(missing.value, "ru") == "нет клиента с кодом «NOPE»; см. `kamctl accounts list`"


def test_money_and_dates_are_written_the_languages_way() -> None:
    refusal = FundExceededError("k.wisniewska", "{number} asks {amount}; {left} left in the fund", number="MDF-13",
                                amount=Money(Decimal("15000.00"), "PLN"), left=Money(Decimal("1250.50"), "PLN"))
    assert translated(refusal, "en") == ("k.wisniewska: MDF-13 asks PLN 15000.00; PLN 1250.50 left in the fund "
                                         "[claims stay within the fund]")
    assert translated(refusal, "pl") == (f"k.wisniewska: MDF-13 dotyczy kwoty 15{NBSP}000,00{NBSP}zł; w funduszu "
                                         f"pozostało 1{NBSP}250,50{NBSP}zł [wnioski nie przekraczają funduszu]")
    with pytest.raises(LookupError) as no_rate:
        FxTable.of("PLN", []).rate_on("EUR", date(2026, 1, 31))
    assert translated(no_rate.value, "ru") == (f"нет курса EUR→PLN на 31 янв. 2026{NNBSP}г. или ранее; добавьте его "
                                               f"(kamctl fx set EUR КУРС --date 31 янв. 2026{NNBSP}г.)")


def test_the_callers_formats_write_the_values(small: Any) -> None:
    class Marked:
        """Formats that show which method wrote each value (the GUI passes its Babel formats)."""

        def number(self, value: int | Decimal) -> str:
            return f"<{value}>"

        def money(self, amount: Decimal, currency: str, *, cents: bool = False) -> str:
            return f"<{currency}:{amount}:{cents}>"

        def date(self, value: date) -> str:
            return f"<{value:%d.%m}>"

    message = Message.of("{amount} on {day}, {share} of {count:,} in {year}", amount=Money(Decimal("2"), "EUR"),
                         day=date(2026, 3, 4), share=Decimal("0.5"), count=12000, year=2026)
    assert translated(message, "en", Marked()) == "<EUR:2:True> on <04.03>, <0.5> of <12000> in 2026"
    assert translated(message, "en") == "EUR 2.00 on 2026-03-04, 0.5 of 12,000 in 2026"


def test_vocabulary_inside_a_message_is_translated_by_its_kind() -> None:
    role = Message.of("{role} {login}: approved", role=render_role("finance"), login="t.zielinski")
    assert translated(role, "pl") == "dział finansów t.zielinski: zatwierdzono"
    assert translated(role, "ru") == "финансовый отдел t.zielinski: утверждено"
    grade = Message.of("grade {grade}", grade=Grade.L2)  # codes are shown as they are
    assert translated(grade, "ru") == "уровень L2"


def render_role(value: str) -> Any:
    from kam_desktop.domain.vocabulary import Role

    return Role(value)


def test_a_translation_that_cannot_be_filled_falls_back_to_english(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(render, "lookup", lambda language, text, context=None: "{nonexistent} zły szablon")
    with caplog.at_level(logging.WARNING, logger="kam_desktop.i18n.render"):
        shown = translated(Message.of("no document {number!r}", number="ANX-1"), "pl")
    assert shown == "no document „ANX-1”"  # the English template, the reader's quotes
    assert "cannot be filled" in caplog.text


def test_an_import_finding_keeps_its_place_and_translates_its_message() -> None:
    class Finding:  # the shape of an import finding: English message, template, parameters as pairs
        file, row, column = "potential.csv", 7, "category"
        template, params = "no product category {category!r}", (("category", "Kable"),)
        message = "no product category 'Kable'"

        def __str__(self) -> str:
            return f"{self.file}:{self.row}:{self.column}: {self.message}"

    class FileProblem(Exception):
        issue = Finding()

    assert translated(Finding(), "pl") == "brak kategorii produktów „Kable”"
    assert translated(FileProblem(), "ru") == "potential.csv:7:category: нет категории товаров «Kable»"
    assert translated(ValueError("plain text"), "pl") == "plain text"


@pytest.mark.parametrize(("note", "pl", "ru"), [
    ("grade L2", "poziom L2", "уровень L2"),
    ("late sale in 2025Q4, grade L1", "spóźniona sprzedaż w kwartale 2025Q4, poziom L1", "поздняя продажа в 2025Q4, уровень L1"),
    ("rebate_note: 2026Q1", "nota rabatowa: 2026Q1", "бонусное уведомление: 2026Q1"),
    ("clawback: net revenue PLN -1000.00 in 2025Q4 at grade L2 (3 %)",
     f"zwrot cashbacku (clawback): przychód netto -1{NBSP}000,00{NBSP}zł w kwartale 2025Q4 na poziomie L2 (3 %)",
     f"возврат кэшбэка (clawback): чистая выручка -1{NBSP}000,00{NBSP}PLN в 2025Q4 на уровне L2 (3 %)"),
    ("grade L3; dated 2025-12-30 in locked 2025Q4, booked in the open period",
     "poziom L3; z datą 30 gru 2025 w zamkniętym kwartale 2025Q4, zaksięgowano w otwartym okresie",
     f"уровень L3; с датой 30 дек. 2025{NNBSP}г. в закрытом квартале 2025Q4, проведено в открытом периоде"),
    ("typo fixed (dated 2026-01-05, booked in the open period)",
     "typo fixed (z datą 5 sty 2026, zaksięgowano w otwartym okresie)",
     f"typo fixed (с датой 5 янв. 2026{NNBSP}г., проведено в открытом периоде)"),
    ("grade X; a note typed by finance {not a template}", "grade X; a note typed by finance {not a template}",
     "grade X; a note typed by finance {not a template}"),
])
def test_ledger_notes_the_program_wrote_are_translated_and_typed_ones_kept(note: str, pl: str, ru: str) -> None:
    assert note_text(note, "pl") == pl
    assert note_text(note, "ru") == ru
    assert note_text(note, "en") == note
    assert note_text(None, "pl") == ""


@pytest.mark.parametrize(("environment", "language"), [
    ({"LANG": "pl_PL.UTF-8"}, "pl"),
    ({"LANG": "ru_RU.utf8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
    ({"LANGUAGE": "ru:en", "LANG": "pl_PL.UTF-8"}, "ru"),
    ({"LC_ALL": "C", "LANG": "pl_PL.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "Polish_Poland.1250"}, "pl"),
    ({}, "en"),
])
def test_the_command_lines_language_comes_from_the_environment(environment: dict[str, str], language: str) -> None:
    assert language_from_environment(environment) == language


# -- kamctl -------------------------------------------------------------------------------------------------
def kamctl(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_store(sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(sqlite_path)
    assert kamctl(capsys, "--db", db, "init")[0] == 0
    assert kamctl(capsys, "--db", db, "users", "add", "a.nowak", "--role", "kam")[0] == 0
    return db


def test_kamctl_says_a_refusal_in_the_language_asked_for(cli_store: str, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ("--db", cli_store, "--as", "a.nowak", "quarter", "close", "2025Q4")
    assert kamctl(capsys, *argv)[1:] == ("", "kamctl: not permitted: a.nowak (kam) may not close a quarter "
                                             "[who may do what]\n")
    code, _, err = kamctl(capsys, "--lang", "pl", *argv)
    assert code == 4 and err == ("kamctl: brak uprawnień: a.nowak (KAM) nie może wykonać operacji: zamknięcie "
                                 "kwartału [kto może co robić]\n")
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    code, _, err = kamctl(capsys, *argv)
    assert code == 4 and err == "kamctl: нет прав: a.nowak (KAM) не может закрывать квартал [кто что может делать]\n"
    code, _, err = kamctl(capsys, "--lang", "en", *argv)
    assert code == 4 and err.startswith("kamctl: not permitted: a.nowak (kam)")


def test_kamctl_json_errors_keep_english_and_the_message_id(cli_store: str, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "pl_PL.UTF-8")
    code, out, err = kamctl(capsys, "--db", cli_store, "--json", "account", "show", "NOPE")
    assert code == 1 and out == ""
    assert json.loads(err) == {
        "error": "kamctl: error: no account with code 'NOPE'; see `kamctl accounts list`",
        "message_id": "no account with code {code!r}; see `kamctl accounts list`", "params": {"code": "NOPE"}}


def test_kamctl_policy_violations_are_translated(cli_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    kamctl(capsys, "--db", cli_store, "users", "add", "boss", "--role", "director")
    world_account = ("--db", cli_store)
    assert kamctl(capsys, *world_account, "import", "accounts", str(_accounts_file(Path(cli_store).parent)))[0] == 0
    code, out, _ = kamctl(capsys, "--lang", "pl", *world_account, "policy", "check", "ACME", "--discount", "30")
    assert code == 0 and "rabat 30 % przekracza limit poziomu L4 wynoszący 3 %" in out


def _accounts_file(folder: Path) -> Path:
    path = folder / "accounts.csv"
    path.write_text("account_code,name,tax_id,kind,owner_login,region,industry,currency,language,status,enrolled_on\n"
                    "ACME,ACME sp. z o.o.,5213000001,customer,a.nowak,mazowieckie,wholesale,PLN,pl,active,2025-01-15\n",
                    encoding="utf-8")
    return path
