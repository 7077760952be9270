"""The portfolio model adapts PortfolioRow lists: Qt's model contract, formats per language, numeric sort keys."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from kam_desktop.services.plain import PortfolioRow
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.portfolio_filter import PortfolioFilterProxy
from kam_desktop.ui.portfolio_model import COLUMN_INDEX, COLUMNS, DOWN_COLOR, UP_COLOR, PortfolioModel, Roles


def row(code: str, ltv: str, prev: str = "0", grade: str | None = "L2", name: str = "Firma", **extra: object) -> PortfolioRow:
    values: dict[str, object] = dict(
        account_id=uuid.uuid4(), code=code, name=name, kind="customer", status="active", owner="anna",
        currency="PLN", region="Mazowieckie", grade=grade, segment="A", at_risk=False,
        evaluated_on=date(2026, 1, 1), ltv_12m=Decimal(ltv), ltv_prev_12m=Decimal(prev), open_benefits=2,
        pending_exceptions=0,
    )
    values.update(extra)
    return PortfolioRow(**values)  # type: ignore[arg-type]


ROWS = [row("C-1", "1250000.00", "1000000.00", "L1"), row("C-2", "98000.50", "120000.00", "L3"),
        row("C-3", "9800.00", grade=None), row("C-4", "0.00", "15000.00", at_risk=True)]


def cell(model: PortfolioModel, r: int, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.index(r, COLUMN_INDEX[key]).data(role)


@pytest.fixture
def model(qapp: object) -> PortfolioModel:
    adapted = PortfolioModel(Formats("en"))
    adapted.set_rows(ROWS)
    return adapted


def test_the_model_keeps_qt_model_contract(qtmodeltester, model: PortfolioModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model, force_py=True)


def test_the_model_keeps_the_contract_behind_the_filter_proxy(qtmodeltester, model: PortfolioModel) -> None:  # type: ignore[no-untyped-def]
    proxy = PortfolioFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("c-1")
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1


def test_an_empty_model_keeps_the_contract(qtmodeltester, qapp: object) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(PortfolioModel(Formats("en")), force_py=True)


def test_money_is_right_aligned_and_written_in_the_ui_locale(model: PortfolioModel) -> None:
    assert cell(model, 0, "ltv_12m") == "PLN\u00a01,250,000"
    alignment = Qt.AlignmentFlag(cell(model, 0, "ltv_12m", Qt.ItemDataRole.TextAlignmentRole))  # type: ignore[call-overload]
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert not Qt.AlignmentFlag(cell(model, 0, "name", Qt.ItemDataRole.TextAlignmentRole)) & Qt.AlignmentFlag.AlignRight  # type: ignore[call-overload]
    model.set_formats(Formats("pl"))
    assert cell(model, 0, "ltv_12m") == "1\u00a0250\u00a0000\u00a0zł"
    model.set_formats(Formats("ru"))
    assert cell(model, 1, "ltv_12m") == "98\u00a0001\u00a0PLN"


def test_the_trend_arrow_and_colour_follow_trend_pct(model: PortfolioModel) -> None:
    assert cell(model, 0, "trend") == "▲ +25.0%"
    assert cell(model, 0, "trend", Qt.ItemDataRole.ForegroundRole) == QColor(UP_COLOR)
    assert cell(model, 1, "trend") == "▼ −18.3%"
    assert cell(model, 1, "trend", Qt.ItemDataRole.ForegroundRole) == QColor(DOWN_COLOR)
    assert cell(model, 2, "trend") == "new"  # sales now, none in the 12 months before


def test_sort_keys_are_numbers_not_text(model: PortfolioModel) -> None:
    assert cell(model, 1, "ltv_12m", Roles.SORT) == pytest.approx(98000.50)
    assert cell(model, 0, "grade", Roles.SORT) < cell(model, 1, "grade", Roles.SORT)  # type: ignore[operator]
    assert cell(model, 2, "trend", Roles.SORT) == float("-inf")


def test_custom_roles_give_the_row_the_grade_badge_and_search_text(model: PortfolioModel) -> None:
    assert cell(model, 0, "code", Roles.ROW) is ROWS[0]
    assert cell(model, 0, "grade", Roles.GRADE) == "L1"
    assert cell(model, 2, "grade", Roles.GRADE) == ""
    assert isinstance(cell(model, 0, "grade", Roles.BADGE_COLOR), QColor)
    assert "mazowieckie" in str(cell(model, 0, "code", Roles.SEARCH))


def test_headers_are_translated_source_texts(model: PortfolioModel) -> None:
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))]
    assert titles == [QCoreApplication.translate("PortfolioModel", c.title) for c in COLUMNS]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_the_proxy_sorts_by_reordering_the_model_and_keeps_the_selection(qtmodeltester, model: PortfolioModel) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPersistentModelIndex

    proxy = PortfolioFilterProxy()
    proxy.setSourceModel(model)
    kept = QPersistentModelIndex(proxy.index(1, 0))  # C-2
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(4)] == ["C-1", "C-2", "C-3", "C-4"]
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).code for r in range(4)] == ["C-4", "C-3", "C-2", "C-1"]  # the model itself is ordered
    assert [proxy.index(r, 0).data() for r in range(4)] == ["C-4", "C-3", "C-2", "C-1"]  # it only follows
    assert kept.isValid() and kept.data() == "C-2" and kept.row() == 2
    assert model.sort_key(0, COLUMN_INDEX["ltv_12m"]) == 0.0
    proxy.set_filter_text("c-")
    assert proxy.rowCount() == 4
    model.set_rows(ROWS)  # a reload keeps the chosen order
    assert [model.row_at(r).code for r in range(4)] == ["C-4", "C-3", "C-2", "C-1"]
    qtmodeltester.check(proxy, force_py=True)


def test_share_of_wallet_and_slot_value_arrive_after_the_rows_and_sort(qtbot, model: PortfolioModel) -> None:  # type: ignore[no-untyped-def]
    from kam_desktop.services.plain import AccountWallet

    model.sort(COLUMN_INDEX["share_of_wallet"], Qt.SortOrder.DescendingOrder)
    assert cell(model, 0, "share_of_wallet") == "" and cell(model, 0, "slot_money") == ""  # not read yet
    wallets = {str(ROWS[1].account_id): AccountWallet(Decimal("0.4200"), Decimal("135000.00")),
               str(ROWS[2].account_id): AccountWallet(Decimal("0.0500"), Decimal("7000.00")),
               str(ROWS[3].account_id): AccountWallet(None, Decimal("0.00"))}  # nothing surveyed: no share
    with qtbot.waitSignal(model.dataChanged):
        model.set_wallets(wallets)
    shown = [cell(model, r, "code") for r in range(4)]
    assert shown[:2] == ["C-2", "C-3"]  # re-sorted by the share that just arrived
    assert cell(model, 0, "share_of_wallet") == "42.0%" and cell(model, 0, "slot_money") == "PLN\xa0135,000"
    assert cell(model, shown.index("C-4"), "share_of_wallet") == ""
    assert cell(model, shown.index("C-1"), "slot_money") == ""  # an account without slots
    model.sort(COLUMN_INDEX["slot_money"], Qt.SortOrder.AscendingOrder)
    assert [cell(model, r, "code") for r in range(4)][-2:] == ["C-3", "C-2"]


def test_churn_and_last_statement_columns(qapp: object) -> None:
    adapted = PortfolioModel(Formats("pl"))
    adapted.set_rows([row("C-1", "10.00", churned=True, last_statement="2026Q1"), row("C-2", "20.00")])
    assert cell(adapted, 0, "churned") != "" and cell(adapted, 1, "churned") == ""
    assert cell(adapted, 0, "last_statement") == "Q1 2026" and cell(adapted, 1, "last_statement") == ""
    adapted.sort(COLUMN_INDEX["churned"], Qt.SortOrder.DescendingOrder)
    assert cell(adapted, 0, "code") == "C-1"
