"""Every amount in its currency through the services: sums over accounts in the base currency (converted at a
stated rate) or per currency, never a EUR figure added to a PLN one — and a guard on the outputs' types.

A PLN and a EUR client (EUR 1 = PLN 4.30 from 2025-01-01). In 2025: PLN1 buys PLN 5 000, EUR1 EUR 2 000 (HW).
Their gathered HW totals: PLN 10 000 and EUR 10 000. Share of wallet in PLN: (5 000 + 8 600) / (10 000 + 43 000)
= 13 600 / 53 000 = 0.2566 (adding the numbers as they are would give 7 000 / 20 000 = 0.35).
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

import kam_desktop.services.settlement as settlement_services
from kam_desktop.cli.main import main
from kam_desktop.domain.monetary import CurrencyMismatch, Money
from kam_desktop.domain.vocabulary import Role
from kam_desktop.store.models import ExceptionRequest
from tests.acting import desk

from .builders import world
from .settlement_world import company_account, line, rate

TODAY = date(2026, 2, 1)


@pytest.fixture
def mixed(any_store: Any) -> Any:
    world(any_store)
    rate(any_store, "EUR", "4.30")
    company_account(any_store, "PLN1", "PLN")
    company_account(any_store, "EUR1", "EUR")
    line(any_store, "PLN1", date(2025, 6, 10), "5000.00")
    line(any_store, "EUR1", date(2025, 6, 10), "2000.00")
    for code in ("PLN1", "EUR1"):
        desk(any_store, "kam1", TODAY).save_slot(code, "HW", total_units=Decimal(10), total_money=Decimal("10000.00"),
                                                 source="survey", collected_on=date(2025, 11, 1),
                                                 confidence=Decimal("0.8"))
    return any_store


def test_share_of_wallet_basket_matrix_and_simulator_are_in_the_base_currency(mixed: Any) -> None:
    boss = desk(mixed, "boss", TODAY)
    boss.grade(date(2025, 12, 31), apply=True)
    k = boss.kpis(date(2025, 12, 31))
    assert k.base_currency == "PLN" and k.share_of_wallet == Decimal("0.2566")
    # slot money on the matrix in PLN: EUR1 (10 000 − 2 000) EUR = 34 400.00, PLN1 5 000.00
    points = {code: money for code, _units, money, _quadrant in boss.potential_matrix()}
    assert points == {"PLN1": Decimal("5000.00"), "EUR1": Decimal("34400.00")}
    view = boss.slots("EUR1")
    assert (view.currency, view.base_currency, view.categories[0].slot_money) == ("EUR", "PLN", Decimal("8000.00"))
    sim = boss.simulate([Decimal("0.5"), Decimal("0.75"), Decimal("1")], [Decimal(5), Decimal(2), Decimal(1), 0],
                        date(2025, 12, 31))
    # EUR1 (8 600 PLN) ranks first: 5 % of 8 600 + 1 % of 5 000 (rank 2 of 2 = p 1.0 → L3) = 430 + 50 = 480 PLN
    assert sim.currency == "PLN" and sim.result.new_grades == {"EUR1": "L1", "PLN1": "L3"}
    assert sim.result.cost_scenario == Decimal("480.00")


def test_a_eur_clients_gift_and_exception_are_compared_with_the_pln_caps_converted(mixed: Any) -> None:
    kam = desk(mixed, "kam1", TODAY)
    # the L4 gift cap is PLN 200 = EUR 46.51 at 4.30: a EUR 100 gift is above it (as a number, 100 < 200)
    check = kam.policy_check("EUR1", gifts={"CFO": Decimal("100")})
    assert [(v.rule, v.cap) for v in check.violations] == [("gift_value", Decimal("46.51"))]
    assert kam.policy_check("PLN1", gifts={"CFO": Decimal("100")}).ok
    # the director decides alone up to PLN 20 000 = EUR 4 651.16: EUR 10 000 goes on to finance
    row = kam.request_exception("EUR1", "other", Decimal("1"), "launch event", expected_cost=Decimal("10000"))
    submitted = kam.submit_exception(row.number)
    assert submitted.steps_required == 2 and submitted.waiting_for == Role.DIRECTOR
    with mixed.read() as s:
        assert s.scalar(select(ExceptionRequest.currency).where(ExceptionRequest.number == row.number)) == "EUR"


def test_the_accounts_list_and_the_ledger_say_their_currency(mixed: Any, capsys: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("KAM_TODAY", TODAY.isoformat())
    url = mixed.url
    assert main(["accounts", "list", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "EUR 2000.00" in out and "PLN 8600.00" in out  # the account's LTV, and in the base currency
    assert main(["ledger", "EUR1", "--db", url]) == 0
    assert "balance cashback: EUR 0.00" in capsys.readouterr().out


MONEY_WORDS = ("amount", "net", "gross", "vat", "cost", "margin", "budget", "opening", "closing", "accrued",
               "paid", "due", "taken", "outstanding", "allocated", "left", "committed", "lapsed", "shortfall")


def _money_like(name: str) -> bool:
    return any(name == w or name.startswith(w + "_") or name.endswith("_" + w) for w in MONEY_WORDS)


def test_no_settlement_output_carries_a_bare_amount_without_its_currency() -> None:
    """The guard: a result field that is money is `Money`/`MoneyBag`, or its record names the currency."""
    found = []
    for info in pkgutil.iter_modules(settlement_services.__path__):
        module = importlib.import_module(f"{settlement_services.__name__}.{info.name}")
        for value in vars(module).values():
            if not (isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__):
                continue
            hints = typing.get_type_hints(value)
            names = {f.name for f in dataclasses.fields(value)}
            for f in dataclasses.fields(value):
                bare = hints[f.name] in (Decimal, Decimal | None)
                if bare and _money_like(f.name) and not names & {"currency", "unit"}:
                    found.append(f"{value.__name__}.{f.name}")
    assert found == []


def test_amounts_of_two_currencies_never_add_up_without_a_rate() -> None:
    with pytest.raises(CurrencyMismatch, match="cannot add EUR and PLN"):
        _ = Money.of("1.00", "EUR") + Money.of("1.00", "PLN")


def test_an_account_without_a_rate_is_left_off_the_matrix_not_converted_one_to_one(mixed: Any) -> None:
    company_account(mixed, "RUB1", "RUB")
    line(mixed, "RUB1", date(2025, 6, 10), "100000.00")
    kam = desk(mixed, "kam1", TODAY)
    kam.save_slot("RUB1", "HW", total_units=Decimal(10), total_money=Decimal("900000.00"), source="survey",
                  collected_on=date(2025, 11, 1), confidence=Decimal("0.8"))
    assert {code for code, *_ in desk(mixed, "boss", TODAY).potential_matrix()} == {"PLN1", "EUR1"}
    assert kam.slots("RUB1").quadrant is None and kam.slots("PLN1").quadrant is not None


def test_a_eur_clients_statement_states_the_grade_figures_in_the_currency_they_were_graded_in(mixed: Any) -> None:
    # EUR1 sold EUR 2 000 in 2025: the grading's basis is PLN 8 600 (at 4.30); labelled "EUR 8,600.00" it
    # would tell the client they bought four times what they did
    from io import BytesIO

    from pypdf import PdfReader

    board = desk(mixed, "boss", date(2026, 1, 5))
    board.grade(date(2025, 12, 31), apply=True)
    issued = desk(mixed, "kam1", date(2026, 1, 5)).issue_document("EUR1", "statement", "2025Q4", "en")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(issued.pdf)).pages)
    flat = " ".join(text.split())
    assert "Net revenue in PLN, last 12 months" in flat
    assert "Your result PLN 8,600.00" in flat and "EUR 8,600.00" not in flat
