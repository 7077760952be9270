"""The desktop around the jobs: menus by role and a KAM's own dashboard; the portfolio found by tax ID and contact,
saved filters, keys from the search box, Ctrl+C, export of the view, frozen columns, empty states with a next
step; help (guide, shortcuts, About with licences), the icon; charts in the locale, LTV without the month under way."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kam_desktop.services.accounts.workspace import last_finished_month, ltv_series
from kam_desktop.store.store import Store
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.settings import UiSettings
from tests.acting import as_

from .conftest import services_of
from .test_flows import DIRECTOR, KAM, TIMEOUT, open_account


def shown_codes(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.portfolio.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 3).code for r in range(proxy.rowCount())]


def test_a_kam_is_offered_only_what_a_kam_may_do_and_sees_their_own_dashboard(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    kam = demo_window(KAM)
    hidden = (kam.act_close_quarter, kam.act_grade_now, kam.act_simulator, kam.act_go_approvals)
    assert not any(action.isVisible() for action in hidden)
    assert not kam.menu_tools.menuAction().isVisible()  # nothing left in Tools for a KAM
    assert kam.act_go_dashboard.text() == "&My portfolio dashboard"
    dashboard = kam.screens.open_dashboard()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=TIMEOUT)
    own = {r.code for r in kam.services.desk.portfolio() if r.status == "active"}
    assert dashboard.title.text() == "My portfolio"
    assert kam.tabs.tabText(kam.tabs.indexOf(dashboard)) == "My portfolio"
    assert dashboard.data.kpis.owner == KAM and 0 < dashboard.data.kpis.accounts <= len(own)
    assert "My accounts" in dashboard.cards["accounts"].text() and "ROI of my portfolio" in dashboard.cards["roi"].text()
    assert {code for code, *_rest in dashboard.data.matrix} <= {r.code for r in kam.services.desk.portfolio()}
    director = demo_window(DIRECTOR)
    assert all(action.isVisible() for action in (director.act_close_quarter, director.act_simulator,
                                                 director.act_go_approvals))
    team = director.screens.open_dashboard()
    qtbot.waitUntil(lambda: team.data is not None, timeout=TIMEOUT)
    assert team.title.text() == "Dashboard" and team.data.kpis.owner is None
    assert team.data.kpis.accounts > dashboard.data.kpis.accounts


def test_the_search_finds_tax_ids_and_contacts_and_keys_reach_the_first_result(demo_window, demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    qtbot.waitUntil(lambda: bool(window.portfolio.model._keys), timeout=TIMEOUT)  # read after the rows
    desk = window.services.desk
    row = window.portfolio.model.row_at(3)
    card = desk.card(row.code)
    contact = card.contacts[0].name
    with demo_store.read() as session:
        from sqlalchemy import select

        from kam_desktop.store.models import Account

        tax_id = session.scalar(select(Account.tax_id).where(Account.code == row.code))
    assert tax_id
    for words in (tax_id, contact):
        window.portfolio.search.setText(words)
        window.portfolio.apply_filter_now()
        assert row.code in shown_codes(window), words
    window.portfolio.search.setFocus()
    window.portfolio.search.setText(contact)
    qtbot.keyClick(window.portfolio.search, Qt.Key.Key_Down)
    assert window.portfolio.table.hasFocus() and window.portfolio.current_row() is not None
    window.portfolio.search.setFocus()
    with qtbot.waitSignal(window.tabs.currentChanged, timeout=TIMEOUT):
        qtbot.keyClick(window.portfolio.search, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() in window.screens.workspaces.values()


def test_saved_filters_are_remembered_by_name(window, settings: UiSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.portfolio
    view.search.setText("anna")
    assert view.save_filter("Anna's accounts")
    assert settings.saved_filters() == {"Anna's accounts": "anna"}
    view.search.clear()
    view.apply_filter_now()
    view._fill_filters_menu()
    [chosen] = [a for a in view.filters_menu.actions() if a.text() == "Anna's accounts"]
    chosen.trigger()
    assert view.search.text() == "anna" and len(shown_codes(window)) == 3
    view.delete_filter("Anna's accounts")
    assert settings.saved_filters() == {}
    assert not view.save_filter("  ")


def test_ctrl_c_copies_the_selected_rows_and_the_view_exports_to_excel(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = window.portfolio
    view.search.setText("anna")
    view.apply_filter_now()
    view.table.selectAll()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["Code", "Account", "Grade"]
    assert sorted(line.split("\t")[0] for line in lines[1:]) == ["C-0001", "C-0002", "C-0005"]
    target = tmp_path / "view.xlsx"
    with qtbot.waitSignal(window.exported, timeout=TIMEOUT) as done:
        window.export_view(target)
    assert done.args == [str(target)]
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Code", "Account", "Grade") and len(rows) == 4
    ltv = rows[0].index("LTV 12 m")
    assert {r[0]: r[ltv] for r in rows[1:]}["C-0001"] == 1250000  # a number, not the text on screen


def test_code_and_account_stay_in_view_when_the_table_scrolls_sideways(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    table = window.portfolio.table
    window.resize(900, 600)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0, timeout=3000)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    front = table.front
    assert front.isVisible() and front.width() == table.frozen_width() > 0
    assert [c for c in range(front.model().columnCount()) if not front.isColumnHidden(c)] == [0, 1]
    assert front.model().index(0, 0).data() == table.model().index(0, 0).data()
    table.selectRow(2)
    assert front.selectionModel() is table.selectionModel()


def test_the_cells_under_the_frozen_columns_are_painted_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

    from kam_desktop.ui.frozen_table import FrozenColumnsTable

    asked: dict[int, int] = {}

    class Cells(QAbstractTableModel):
        def rowCount(self, _parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
            return 50

        def columnCount(self, _parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
            return 6

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            asked[index.column()] = asked.get(index.column(), 0) + 1
            return f"{index.row()}/{index.column()}"

    table = FrozenColumnsTable()
    qtbot.addWidget(table)
    model = Cells(table)
    table.setModel(model)
    table.freeze([0, 1])
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: len(asked) == 6, timeout=3000)
    # the frozen part covers the table's own first columns: only it paints them (the table used to, beneath it)
    assert asked[0] == asked[1] == asked[2] > 0


def test_an_empty_store_and_a_filter_without_a_match_say_what_to_do_next(make_window, store: Store,  # type: ignore[no-untyped-def]
                                                                          settings: UiSettings, qtbot) -> None:
    from kam_desktop.services.demo.setup import initialize

    initialize(store, demo=False)
    window = make_window(services_of(store, None, settings))
    view = window.portfolio
    assert view.empty.isVisible() and not view.table.isVisible()
    assert "no accounts yet" in view.empty_text.text() and view.empty_demo.isVisible()
    assert view.empty_action.text() == "&Import accounts…"


def test_a_filter_without_a_match_offers_to_clear_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.portfolio
    view.search.setText("zzz qqq")
    view.apply_filter_now()
    assert view.empty.isVisible() and "“zzz qqq”" in view.empty_text.text() and not view.empty_demo.isVisible()
    qtbot.mouseClick(view.empty_action, Qt.MouseButton.LeftButton)
    assert view.search.text() == "" and view.table.isVisible() and view.proxy.rowCount() == 5


@pytest.mark.parametrize(("language", "words"), [("en", "Find an account"), ("pl", "Szukanie klienta"),
                                                 ("ru", "Поиск клиента")])
def test_f1_opens_the_guide_in_the_ui_language(window, language: str, words: str) -> None:  # type: ignore[no-untyped-def]
    window.set_language(language)
    assert window.act_guide.shortcut().toString() == "F1"
    guide = window.show_guide()
    assert guide.source is not None and words in guide.browser.toPlainText()


def test_about_names_the_version_and_every_bundled_licence_and_shortcuts_are_listed(window) -> None:  # type: ignore[no-untyped-def]
    import kam_desktop

    about = window.show_about()
    assert kam_desktop.__version__ in about.heading.text()
    licences = {lib.name.lower().replace("_", "-"): lib.licence for lib in about.libraries}
    assert licences["sqlalchemy"] == "MIT" and "LGPL" in licences["pyside6-essentials"]
    assert {"pandas", "reportlab", "babel", "openpyxl", "psycopg", "psycopg-binary"} <= set(licences)
    assert all(lib.licence and lib.licence != "?" for lib in about.libraries)
    shortcuts = dict(window.show_shortcuts().rows())
    assert shortcuts["User guide"] == "F1" and shortcuts["Export the portfolio view"] == "Ctrl+E"
    assert shortcuts["Copy the selected accounts"] == "Ctrl+C"
    assert not window.windowIcon().isNull()


def test_the_ltv_chart_ends_with_the_last_finished_month_and_axes_speak_the_language(demo_window, demo_store, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert last_finished_month(date(2026, 3, 15)) == date(2026, 2, 1)
    assert last_finished_month(date(2026, 3, 31)) == date(2026, 3, 1)
    window = demo_window(KAM)
    code = window.portfolio.model.row_at(0).code
    series = ltv_series(as_(demo_store, KAM, date(2026, 3, 15)), code)
    assert series[-1].month == date(2026, 2, 1) and len(series) == 24
    window.set_language("ru")
    workspace = open_account(window, qtbot, code)
    chart = workspace.overview.chart.chart()
    months = chart.axes(Qt.Orientation.Horizontal)[0].categories()
    assert months[-1] == Formats("ru").month(date(2026, 3, 1))  # the 31st: March is over
    [values] = [a for a in chart.axes(Qt.Orientation.Vertical) if isinstance(a, QCategoryAxis)]
    labels = values.categoriesLabels()
    big = [text for text in labels if len(text.replace("\u00a0", "")) > 3]
    assert big and all("\u00a0" in text for text in big)  # thousands grouped as Russian writes them
    ru = Formats("ru")
    assert all(abs(float(ru.parse_number(text)) - values.endValue(text)) < 1e-6 for text in labels)


def test_numbers_typed_in_polish_are_read_and_english_grouping_is_refused(qapp: object) -> None:
    pl, en = Formats("pl"), Formats("en")
    assert pl.parse_number("1 250,5") == Decimal("1250.5") == en.parse_number("1,250.5")
    with pytest.raises(ValueError):
        en.parse_number("1,5")


def test_a_foreign_currency_account_shows_its_grade_basis_and_progress_in_the_base_currency(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    # grading ranks every account in the base currency; a RUB or EUR label on those figures misstated them ~20×
    window = demo_window(DIRECTOR)
    model = window.portfolio.model
    rows = (model.row_at(i) for i in range(model.rowCount()))
    foreign = next(row for row in rows if row.currency != "PLN" and row.grade)
    workspace = open_account(window, qtbot, foreign.code)
    card, progress = workspace.data.card, workspace.data.progress
    assert card.grade_why.basis.currency == "PLN" and progress.basis.currency == "PLN"
    basis = workspace.overview.value_text("basis")
    assert basis.startswith(Formats("en").money(card.grade_why.basis.amount, "PLN")), basis
    assert foreign.currency not in basis and foreign.currency not in workspace.overview.progress_label.text()
