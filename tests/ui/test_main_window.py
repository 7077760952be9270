"""The main window on a real SQLite store: rows shown, filter as you type, numeric sort, languages, layout."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kam_desktop.store.store import Store
from kam_desktop.ui import settings as keys
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.portfolio_model import COLUMN_INDEX, Roles
from kam_desktop.ui.settings import UiSettings

from .builders import ACCOUNTS
from .conftest import services_of


def shown_codes(window: MainWindow) -> list[str]:
    proxy = window.portfolio.proxy
    return [proxy.index(r, 0).data(Roles.ROW).code for r in range(proxy.rowCount())]


def test_the_window_shows_every_account_of_the_portfolio(window: MainWindow) -> None:
    assert sorted(shown_codes(window)) == sorted(a.code for a in ACCOUNTS)
    table = window.portfolio.table
    names = {table.model().index(r, COLUMN_INDEX["name"]).data() for r in range(table.model().rowCount())}
    assert "ООО Северный Ветер" in names
    assert window.count_label.text() == "Accounts: 5 / 5"
    assert window.portfolio.count_label.text() == "5 accounts"


def test_a_kam_sees_only_own_accounts(make_window, filled_store: Store, settings: UiSettings) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services_of(filled_store, "boris", settings))
    assert sorted(shown_codes(window)) == ["C-0003", "P-0004"]


def test_filter_as_you_type_narrows_the_rows(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    search = window.portfolio.search
    qtbot.keyClicks(search, "nowak")
    qtbot.waitUntil(lambda: shown_codes(window) == ["C-0001"], timeout=2000)
    search.clear()
    qtbot.keyClicks(search, "KOWAL anna")  # every word, any case, across code, name, KAM and region
    qtbot.waitUntil(lambda: shown_codes(window) == ["C-0005"], timeout=2000)
    assert window.portfolio.count_label.text() == "1 of 5 accounts"
    search.clear()
    qtbot.waitUntil(lambda: len(shown_codes(window)) == 5, timeout=2000)


def test_ctrl_f_focuses_the_search_box(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.portfolio.table.setFocus()
    qtbot.waitUntil(lambda: window.portfolio.table.hasFocus(), timeout=2000)
    qtbot.keyClick(window.portfolio.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.portfolio.search.hasFocus(), timeout=2000)


def test_sorting_by_ltv_is_numeric(window: MainWindow) -> None:
    window.portfolio.table.sortByColumn(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.AscendingOrder)
    # As text the order would differ ("PLN 1,250,000" < "PLN 410,000" < "PLN 9,800").
    assert shown_codes(window) == ["C-0005", "C-0003", "C-0002", "P-0004", "C-0001"]
    window.portfolio.table.sortByColumn(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
    assert shown_codes(window)[0] == "C-0001"


def test_selecting_an_account_fills_the_side_pane(window: MainWindow) -> None:
    assert window.portfolio.select_account("C-0001")
    assert window.account_pane.value_text("ltv") == "PLN\u00a01,250,000.00"
    assert window.account_pane.value_text("trend") == "+25.0%"


def test_switching_to_polish_and_russian_changes_visible_texts(window: MainWindow) -> None:
    model = window.portfolio.model
    ltv = COLUMN_INDEX["ltv_12m"]
    assert (window.menu_file.title(), model.headerData(ltv, Qt.Orientation.Horizontal)) == ("&File", "LTV 12 m")
    window.set_language("pl")
    assert window.menu_file.title() == "&Plik"
    assert window.menu_view.title() == "&Widok"
    assert model.headerData(COLUMN_INDEX["grade"], Qt.Orientation.Horizontal) == "Poziom"
    assert window.portfolio.title.text() == "Portfel klientów"
    assert window.act_find.text() == "&Znajdź klienta…"
    assert window.sync_label.text() == "Offline · brak serwera zespołu"
    window.set_language("ru")
    assert window.menu_file.title() == "&Файл"
    assert model.headerData(COLUMN_INDEX["grade"], Qt.Orientation.Horizontal) == "Грейд"
    assert model.headerData(COLUMN_INDEX["pending_exceptions"], Qt.Orientation.Horizontal) == "Ожидающие исключения"
    assert window.portfolio.count_label.text() == "5 клиентов"
    assert window.portfolio.select_account("C-0001")
    assert model.index(0, ltv).data() == "1\u00a0250\u00a0000\u00a0PLN"
    window.set_language("en")
    assert window.menu_help.title() == "&Help"


def test_the_language_chosen_in_settings_is_applied_and_remembered(window: MainWindow, settings: UiSettings) -> None:
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    dialog.accept()
    assert window.menu_file.title() == "&Plik"
    assert settings.language() == "pl"
    window.set_language("en")


def test_the_column_chooser_hides_columns_and_the_layout_is_remembered(
        make_window, services, settings: UiSettings) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services)
    header = window.portfolio.table.horizontalHeader()
    menu = window.portfolio.column_menu()
    owner = next(a for a in menu.actions() if a.text() == "KAM")
    owner.trigger()
    assert header.isSectionHidden(COLUMN_INDEX["owner"])
    window.splitter.setSizes([900, 400])
    window.close()
    assert settings.blob(keys.PORTFOLIO_HEADER) is not None
    again = make_window(services)
    assert again.portfolio.table.horizontalHeader().isSectionHidden(COLUMN_INDEX["owner"])
    assert not again.portfolio.table.horizontalHeader().isSectionHidden(COLUMN_INDEX["ltv_12m"])


def test_the_status_bar_names_the_store_and_the_offline_state(window: MainWindow, filled_store: Store) -> None:
    assert window.store_label.text() == "Local file: kam.sqlite"
    assert window.store_label.toolTip().endswith("kam.sqlite")
    assert window.sync_label.text() == "Offline · no team server"


def test_a_failed_load_is_reported_without_a_dialog(make_window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(services)

    def broken() -> list[object]:
        raise OSError("disk I/O error")

    window.services = dataclasses.replace(services, load_portfolio=broken)
    with qtbot.waitSignal(window.portfolio_failed, timeout=5000) as blocker:
        window.load_portfolio()
    assert blocker.args == ["disk I/O error"]
    assert "disk I/O error" in window.statusBar().currentMessage()
    assert window.act_refresh.isEnabled()
    QApplication.processEvents()


def test_an_empty_store_offers_the_demo_and_loads_it_in_the_background(make_window, services, qtbot,  # type: ignore[no-untyped-def]
                                                                      monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    loaded: list[str] = []
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: questions.append(text)
                        or QMessageBox.StandardButton.Yes)
    window = make_window(dataclasses.replace(services, store_is_empty=lambda: True,
                                             load_demo=lambda: loaded.append("demo")))
    window.interactive = True
    with qtbot.waitSignal(window.portfolio_loaded, timeout=5000):
        window.offer_demo_if_empty()
    assert loaded == ["demo"]
    assert "no accounts yet" in questions[0]


def test_a_store_with_accounts_does_not_offer_the_demo(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("no demo offer for a filled store"))
    window.interactive = True
    window.offer_demo_if_empty()
