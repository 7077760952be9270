"""Exchange rates in the window: finance adds the rate a refusal asked for, without a terminal; a KAM is not offered
the form; the window never tells a person to run kamctl (the hint is the CLI's)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kam_desktop.store.store import Store
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.refusals import without_cli_hints
from tests.services.settlement_world import settlement_world
from tests.ui.conftest import services_of

CATALOGUES = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture
def finance_window(make_window, store: Store, settings: Any):  # type: ignore[no-untyped-def]
    settlement_world(store)

    def make(login: str) -> MainWindow:
        return make_window(services_of(store, login, settings))
    return make


def test_finance_adds_a_rate_and_sees_it_listed(finance_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = finance_window("money")
    assert window.finance.act_fx.isVisible()
    dialog = window.finance.open_fx_rates()
    before = dialog.model.rowCount()
    dialog.currency.setCurrentText("usd")
    qtbot.keyClicks(dialog.rate.edit, "3.987654")
    dialog.day.setDate(dialog.day.date().addDays(-3))
    assert dialog.add_rate()
    rows = dialog.model.rows()
    assert dialog.model.rowCount() == before + 1
    added = next(r for r in rows if r.currency == "USD")
    assert added.rate == Decimal("3.987654") and added.rate_date < date.today()
    assert dialog.message.text().startswith("1 USD = 3.987654 PLN from ")


def test_a_rate_that_cannot_be_kept_is_refused_in_the_dialog(finance_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = finance_window("money").finance.open_fx_rates()
    dialog.currency.setCurrentText("PLN")
    qtbot.keyClicks(dialog.rate.edit, "2")
    assert not dialog.add_rate()
    assert "PLN is the base currency" in dialog.message.text()
    dialog.rate.edit.clear()
    qtbot.keyClicks(dialog.rate.edit, "12k")
    assert not dialog.add_rate() and dialog.message.text() == "Write the rate as a positive number."


def test_a_kam_is_not_offered_exchange_rates(finance_window) -> None:  # type: ignore[no-untyped-def]
    window = finance_window("kam1")
    assert not window.finance.act_fx.isVisible()
    dialog = window.finance.open_fx_rates()  # even opened, the form stays read-only: the service refuses anyway
    assert not dialog.add_button.isEnabled() and dialog.model.rowCount() > 0
    assert dialog.table.horizontalHeader().model().headerData(0, Qt.Orientation.Horizontal) == "Day"


def _catalogued(language: str) -> list[tuple[str, str]]:
    """(where, text) of each template the engine can show, and of its translation."""
    text = (CATALOGUES / f"messages_{language}.po").read_text(encoding="utf-8")
    found = []
    for block in text.split("\n\n"):
        where = " ".join(re.findall(r"^#: (.*)$", block, re.MULTILINE))
        msgid = re.search(r'^msgid "(.*)"$', block, re.MULTILINE)
        msgstr = re.search(r'^msgstr "(.*)"$', block, re.MULTILINE)
        if msgid and msgstr and not block.startswith("#~"):
            found += [(where, msgid.group(1)), (where, msgstr.group(1))]
    return found


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_no_refusal_in_the_window_tells_a_person_to_run_kamctl(language: str) -> None:
    shown_in_window = [(where, t) for where, t in _catalogued(language)
                       if "kamctl" in t and not t.startswith("kamctl") and "kam_desktop/cli/" not in where]
    assert len(shown_in_window) >= 10  # the refusals that name a command: account, person, rate, request, …
    assert [t for _w, t in shown_in_window if "kamctl" in without_cli_hints(t)] == []
