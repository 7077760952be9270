"""Finance's screens through the real widgets: the close with late facts, clawbacks and stale grades; the lock;
payouts, adjustments and MDF claims; the liability roll-forward, the journal export and the economics — in
English, Polish and Russian, shown only to the roles that may use them."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.store.store import Store
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.table_model import RowTableModel
from tests.acting import desk
from tests.services.settlement_world import line, settlement_world
from tests.ui.conftest import services_of

TIMEOUT = 20_000


@pytest.fixture
def finance_store(store: Store) -> Store:
    settlement_world(store)
    return store


@pytest.fixture
def finance_window(make_window, finance_store: Store, settings: Any):  # type: ignore[no-untyped-def]
    def make(login: str) -> MainWindow:
        return make_window(services_of(finance_store, login, settings))
    return make


def _visible(window: MainWindow) -> dict[str, bool]:
    finance = window.finance
    return {"menu": finance.menu.menuAction().isVisible(), "close": finance.act_close.isVisible(),
            "settlement": finance.act_settlement.isVisible(), "liability": finance.act_liability.isVisible()}


def test_the_finance_menu_offers_each_screen_to_the_roles_that_may_use_it(finance_window) -> None:  # type: ignore[no-untyped-def]
    assert _visible(finance_window("money")) == {"menu": True, "close": True, "settlement": True, "liability": True}
    assert _visible(finance_window("kam1")) == {"menu": True, "close": False, "settlement": True, "liability": False}
    kam_settlement = finance_window("kam1").finance.open_settlement()
    assert kam_settlement.payouts.pay_button.isHidden()  # a KAM proposes, finance books
    assert not kam_settlement.adjustments.propose_button.isHidden()
    assert kam_settlement.adjustments.book_button.isHidden()


def test_the_close_lists_late_facts_clawbacks_and_stale_grades_then_locks(finance_window, finance_store,  # type: ignore[no-untyped-def]
                                                                         qtbot) -> None:
    window = finance_window("money")
    screen = window.finance.open_close()
    screen.quarter.setText("2025Q4")
    with qtbot.waitSignal(screen.closed, timeout=TIMEOUT):
        screen.run_close()
    assert "cashback €200.01, PLN\u00a050.00" in screen.summary.text()
    assert [screen.stale_model.data(screen.stale_model.index(r, 0)) for r in range(2)] == ["A07", "EUR1"]
    # a December invoice arrives after the close
    line(finance_store, "EUR1", date(2025, 12, 12), "2500.00", invoice="FV/L3", imported_at=datetime.now(UTC))
    screen.quarter.setText("2026Q1")  # the window's business day is 2026-03-31: the quarter is not over
    with qtbot.waitSignal(screen.closed, timeout=TIMEOUT):
        screen.run_close()
    assert "2026Q1 ends on 31 Mar 2026" in screen.message.text()  # the date in the window's format
    screen.quarter.setText("2025Q4")
    with qtbot.waitSignal(screen.closed, timeout=TIMEOUT):
        screen.run_close()  # run again: books nothing, but settles and lists what arrived late
    late = screen.late_model
    assert late.rowCount() == 1 and late.data(late.index(0, late.column_of("cashback"))) == "€50.00"
    assert screen.lock()
    assert "2025Q4 is locked" in screen.message.text() and "2025Q4" in screen.locks_label.text()
    window.set_language("pl")
    assert screen.title.text() == "Zamknięcie kwartału"
    assert late.data(late.index(0, late.column_of("cashback"))) == "50,00\u00a0€"
    window.set_language("ru")
    assert screen.title.text() == "Закрытие квартала"


def test_payouts_adjustments_and_claims_through_the_settlement_screen(finance_window, finance_store,  # type: ignore[no-untyped-def]
                                                                      qtbot) -> None:
    desk(finance_store, "money", date(2026, 1, 15)).close_quarter("2025Q4")
    desk(finance_store, "boss", date(2026, 3, 1)).mdf_fund("P1", "2026Q1", "5000.00")
    claim = desk(finance_store, "kam1", date(2026, 3, 1)).mdf_claim("P1", "2026Q1", "booth", date(2026, 2, 15),
                                                                     "1200.00", [("invoice", "FV/EXPO/31")])
    kam = finance_window("kam1").finance.open_settlement()
    kam.adjustments.account.setText("EUR1")
    kam.adjustments.amount.setText("-10.00")
    kam.adjustments.reason.setText("duplicate credit on FV/9")
    assert kam.adjustments.propose() and "ADJ-2026-00001 proposed." in kam.adjustments.message.text()
    window = finance_window("money")
    screen = window.finance.open_settlement()
    payouts = screen.payouts
    payouts.account.setText("EUR1")
    payouts.amount.setText("150.00")
    assert payouts.pay(), payouts.message.text()
    assert payouts.message.text() == "RBN-2026-00001 booked: €150.00 to EUR1 (rebate note)."
    assert payouts.last_pdf is not None and payouts.last_pdf.startswith(b"%PDF")
    assert payouts.model.rowCount() == 1
    adjustments = screen.adjustments
    assert adjustments.table.select_where(lambda r: r.number == "ADJ-2026-00001")
    assert adjustments.book() and "ADJ-2026-00001 booked in the ledger." in adjustments.message.text()
    claims = screen.claims
    claims.reload()
    assert claims.table.select_where(lambda r: r.number == claim.number)
    assert claims.decide(True), claims.message.text()  # finance decides a KAM's claim (not their own)
    assert claims.table.select_where(lambda r: r.number == claim.number)
    claims.reference.setText("TR-2026-0042")
    assert claims.pay() and claims.message.text() == f"{claim.number} paid: €1,200.00."
    window.set_language("pl")
    assert screen.tabs.tabText(0) == "Wypłaty" and payouts.pay_button.text() == "&Wypłać"


def test_the_liability_export_and_economics_screen(finance_window, finance_store, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   qtmodeltester) -> None:
    desk(finance_store, "money", date(2026, 1, 15)).close_quarter("2025Q4")
    window = finance_window("money")
    screen = window.finance.open_liability()
    screen.set_period(date(2025, 10, 1), date(2025, 12, 31))
    with qtbot.waitSignal(screen.loaded, timeout=TIMEOUT):
        screen.reload()
    rows = {screen.model.data(screen.model.index(r, 0)): r for r in range(screen.model.rowCount())}
    closing = screen.model.column_of("closing")
    assert screen.model.data(screen.model.index(rows["cashback EUR"], closing)) == "€200.01"
    assert "Closing per currency: €200.01, PLN\u00a050.00." in screen.totals.text()
    assert "In the base currency PLN: PLN\u00a0910.04" in screen.totals.text()  # 200.01 × 4.30 = 860.04 + 50.00
    assert screen.export_journal(tmp_path / "journal.csv")
    with (tmp_path / "journal.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 4
    economics = screen.economics_model
    eur1 = next(r for r in range(economics.rowCount()) if economics.data(economics.index(r, 0)) == "EUR1")
    assert "cashback €200.01" in economics.data(economics.index(eur1, economics.column_of("warnings")))
    with qtbot.waitSignal(screen.open_account, timeout=TIMEOUT) as opened:
        assert screen.economics_table.select_where(lambda r: r.account == "EUR1")
        screen.request_button.click()
    assert opened.args == ["EUR1"]
    for shown in (screen.model, screen.economics_model):
        model = RowTableModel(shown._context, shown.columns, window.formats)
        model.set_rows(shown.rows())
        qtmodeltester.check(model, force_py=True)
    window.set_language("ru")
    assert screen.title.text() == "Обязательства по вознаграждениям"
