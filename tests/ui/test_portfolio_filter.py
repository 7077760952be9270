"""The portfolio filter: which rows match the typed words, and the proxy showing just those, selection kept."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel

from kam_desktop.services.plain import PortfolioRow
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.portfolio_filter import (
    PortfolioFilterProxy,
    WordIndex,
    filter_words,
    matching_rows,
    narrows,
)
from kam_desktop.ui.portfolio_model import COLUMN_INDEX, COLUMNS, PortfolioModel, Roles
from kam_desktop.ui.portfolio_view import PortfolioView


def account(code: str, name: str, owner: str = "anna", region: str = "Mazowieckie", ltv: str = "1000") -> PortfolioRow:
    return PortfolioRow(
        account_id=uuid.uuid4(), code=code, name=name, kind="customer", status="active", owner=owner,
        currency="PLN", region=region, grade="L2", segment="A", at_risk=False, evaluated_on=date(2026, 1, 1),
        ltv_12m=Decimal(ltv), ltv_prev_12m=Decimal(0), open_benefits=0, pending_exceptions=0,
    )


ACCOUNTS = [
    account("C-1", "Nowak Budownictwo Sp. z o.o.", ltv="500"),
    account("C-2", "Zakład Zażółć Gęślą Jaźń", owner="piotr", region="Łódzkie", ltv="4000"),
    account("C-3", "ООО Северный Ветер", owner="boris", region="Москва", ltv="3000"),
    account("C-4", "Kowalski i Nowak s.c.", owner="piotr", ltv="2000"),
    account("P-5", "Oakfield Controls PLC", owner="anna", region="North West", ltv="100"),
]


def source(proxy: PortfolioFilterProxy) -> PortfolioModel:
    model = proxy.sourceModel()
    assert isinstance(model, PortfolioModel)
    return model


def codes(proxy: PortfolioFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(Roles.ROW).code for r in range(proxy.rowCount())]


@pytest.fixture
def proxy(qapp: object) -> PortfolioFilterProxy:
    shown = PortfolioFilterProxy()
    model = PortfolioModel(Formats("en"), shown)  # a child: alive as long as the proxy
    model.set_rows(ACCOUNTS)
    shown.setSourceModel(model)
    return shown


@pytest.fixture
def view(qtbot) -> PortfolioView:  # type: ignore[no-untyped-def]
    shown = PortfolioView(Formats("en"))
    qtbot.addWidget(shown)
    shown.set_rows(ACCOUNTS)
    shown.table.sortByColumn(COLUMN_INDEX["code"], Qt.SortOrder.AscendingOrder)
    return shown


# -- matching -----------------------------------------------------------------------------------------------
def test_a_row_matches_when_it_contains_every_word_in_any_order() -> None:
    texts = ["c-1 nowak budownictwo anna", "c-2 kowalski piotr", "c-4 kowalski i nowak piotr"]
    assert matching_rows(texts, ("nowak",)) == [0, 2]
    assert matching_rows(texts, ("piotr", "nowak")) == [2]
    assert matching_rows(texts, ("nowak", "zzz")) == []
    assert matching_rows(texts, ()) == [0, 1, 2]


def test_repeated_and_implied_words_change_nothing() -> None:
    texts = ["sp. z o.o.", "sp z oo", "spółka"]
    assert matching_rows(texts, ("sp", "sp.", "sp")) == [0]
    assert matching_rows(texts, ("sp",)) == [0, 1, 2]


def test_matching_among_candidates_keeps_their_order_and_only_them() -> None:
    texts = ["ab", "abc", "x", "abcd"]
    assert matching_rows(texts, ("abc",), among=[1, 3]) == [1, 3]
    assert matching_rows(texts, ("abc",), among=[0, 2]) == []
    assert matching_rows(texts, (), among=[3, 2]) == [3, 2]


def test_matching_agrees_with_the_plain_definition_on_random_texts() -> None:
    rng = random.Random(7)
    alphabet = "abcłóż "
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(400)]
    for _ in range(200):
        words = tuple("".join(rng.choice(alphabet[:-1]) for _ in range(rng.randint(1, 3)))
                      for _ in range(rng.randint(1, 3)))
        assert matching_rows(texts, words) == [i for i, t in enumerate(texts) if all(w in t for w in words)]


def test_the_word_index_finds_what_the_scan_finds_on_random_texts() -> None:
    rng = random.Random(11)
    alphabet = "abcłóż. "
    texts = ["".join(rng.choice(alphabet + "\t\n") for _ in range(rng.randint(0, 14))) for _ in range(600)]
    texts += ["ab ab ab", "  ab\u2003ab  "]  # a token twice in a text; whitespace other than spaces
    index = WordIndex(texts)
    looked_up = scanned = 0
    for _ in range(400):
        words = tuple("".join(rng.choice(alphabet[:-1]) for _ in range(rng.randint(1, 4)))
                      for _ in range(rng.randint(1, 3)))
        plain = [i for i, t in enumerate(texts) if all(w in t for w in words)]
        assert index.rows_with(words[0]) == [i for i, t in enumerate(texts) if words[0] in t]
        assert matching_rows(texts, words, index=index) == plain
        evens = range(0, len(texts), 2)  # with candidates the index is not asked: only they can match
        assert matching_rows(texts, words, among=evens, index=index) == [i for i in plain if i % 2 == 0]
        if any(map(index.looks_up, words)):
            looked_up += 1
        else:
            scanned += 1
    assert looked_up > 20 and scanned > 20  # both ways were taken


def test_the_word_index_agrees_on_many_rows_sharing_common_words() -> None:
    rng = random.Random(5)
    parts = (["sp.", "z", "o.o.", "s.a.", "ооо"], ["a.nowak", "p.kowalczyk", "e.smirnova", "nowakowski"],
             ["śląskie", "łódzkie", "west", "область"])
    texts = [" ".join([f"c{i:05d}", *(rng.choice(p) for p in parts for _ in range(rng.randint(0, 2)))])
             for i in range(3000)]
    index = WordIndex(texts)
    queries = [("nowak",), ("o.o.", "sp.", "z"), ("c00", "ś"), ("c001",), ("a", "west"), ("wak", "ооо", "z"),
               ("kie", "nowak"), ("о", "s"), ("c02999", "x"), ("e.", "sp.", "c1")]
    for words in queries:
        plain = [i for i, t in enumerate(texts) if all(w in t for w in words)]
        assert matching_rows(texts, words, index=index) == plain, words
        assert matching_rows(texts, words, among=range(1, len(texts), 3), index=index) == [
            i for i in plain if i % 3 == 1], words


def test_filter_words_are_case_folded_and_split_on_any_whitespace() -> None:
    assert filter_words("  Nowak\tSP.  ŁÓDŹ\n") == ("nowak", "sp.", "łódź")
    assert filter_words("   ") == ()


def test_typing_on_narrows_and_anything_else_does_not() -> None:
    assert narrows(("nowa",), ("nowak",))
    assert narrows(("nowak",), ("nowak", "sp."))
    assert narrows((), ("x",))
    assert not narrows(("nowak",), ("nowa",))
    assert not narrows(("nowak", "sp."), ("nowak",))


# -- the proxy -----------------------------------------------------------------------------------------------
def test_the_proxy_shows_rows_with_every_word_in_any_case(proxy: PortfolioFilterProxy) -> None:
    proxy.set_filter_text("NOWAK")
    assert codes(proxy) == ["C-1", "C-4"]
    proxy.set_filter_text("piotr nowak")
    assert codes(proxy) == ["C-4"]
    proxy.set_filter_text("nowak zzz")
    assert codes(proxy) == []


def test_polish_and_cyrillic_text_match_whatever_the_case(proxy: PortfolioFilterProxy) -> None:
    proxy.set_filter_text("ZAŻÓŁĆ łÓDzkie")
    assert codes(proxy) == ["C-2"]
    proxy.set_filter_text("ВЕТЕР москва")
    assert codes(proxy) == ["C-3"]


def test_letters_that_fold_to_several_match_either_spelling(qapp: object) -> None:
    shown = PortfolioFilterProxy()
    model = PortfolioModel(Formats("en"), shown)
    model.set_rows([account("D-1", "Müller Straße GmbH", region="Bayern"), account("D-2", "Strasser AG")])
    shown.setSourceModel(model)
    shown.set_filter_text("STRASSE gmbh")
    assert codes(shown) == ["D-1"]
    shown.set_filter_text("straße")
    assert codes(shown) == ["D-1", "D-2"]  # "strasser" contains "strasse" once both are folded


def test_an_empty_or_blank_filter_shows_every_row(proxy: PortfolioFilterProxy) -> None:
    proxy.set_filter_text("nowak")
    proxy.set_filter_text("   ")
    assert codes(proxy) == [r.code for r in ACCOUNTS]


def test_typing_one_more_letter_gives_what_typing_it_at_once_gives(proxy: PortfolioFilterProxy) -> None:
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
    for text in ("n", "no", "now", "nowa", "nowak", "nowak ", "nowak p", "nowak pi"):
        proxy.set_filter_text(text)
    assert codes(proxy) == ["C-4"]
    proxy.set_filter_text("now")  # back: from scratch again
    assert codes(proxy) == ["C-4", "C-1"]  # the model's order: LTV descending


def test_a_filter_after_a_sort_or_new_search_keys_finds_the_rows_where_they_now_are(
        proxy: PortfolioFilterProxy) -> None:
    proxy.set_filter_text("piotr")  # the words' index is made for this order
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.AscendingOrder)
    proxy.set_filter_text("nowak")
    assert codes(proxy) == ["C-1", "C-4"]  # LTV ascending: 500, 2000
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
    assert codes(proxy) == ["C-4", "C-1"]
    proxy.set_filter_text("nowak s")  # typing on
    assert codes(proxy) == ["C-4", "C-1"]
    model = source(proxy)
    model.set_search_keys({str(ACCOUNTS[4].account_id): "5213017228 jan nowak"})
    proxy.refilter()
    assert codes(proxy) == ["C-4", "C-1", "P-5"]  # "s": Oakfield Controls
    proxy.set_filter_text("nowak j")
    assert codes(proxy) == ["P-5"]


def test_the_proxy_keeps_the_model_contract_through_filter_sort_and_reset(qtmodeltester, proxy) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filter_text("nowak")
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.AscendingOrder)
    proxy.set_filter_text("zzz")
    model = source(proxy)
    model.set_rows(ACCOUNTS[:2])
    proxy.set_filter_text("")
    model.retranslate()
    assert codes(proxy) == ["C-1", "C-2"]


def test_a_reload_while_filtered_filters_the_new_rows(proxy: PortfolioFilterProxy) -> None:
    proxy.set_filter_text("piotr")
    model = source(proxy)
    model.set_rows([*ACCOUNTS, account("C-6", "Nowa Firma", owner="piotr")])
    assert codes(proxy) == ["C-2", "C-4", "C-6"]
    model.set_rows(ACCOUNTS[:1])
    assert codes(proxy) == []


def test_a_source_sort_moves_persistent_indexes_with_their_rows(proxy: PortfolioFilterProxy) -> None:
    proxy.set_filter_text("piotr")  # C-2 (4000), C-4 (2000)
    kept = QPersistentModelIndex(proxy.index(1, COLUMN_INDEX["name"]))
    assert kept.data(Roles.ROW).code == "C-4"
    proxy.sort(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.AscendingOrder)
    assert codes(proxy) == ["C-4", "C-2"]
    assert kept.row() == 0 and kept.column() == COLUMN_INDEX["name"] and kept.data(Roles.ROW).code == "C-4"


def test_a_filter_drops_persistent_indexes_of_hidden_rows_and_moves_the_rest(proxy: PortfolioFilterProxy) -> None:
    gone = QPersistentModelIndex(proxy.index(0, 0))  # C-1
    moved = QPersistentModelIndex(proxy.index(3, 2))  # C-4
    proxy.set_filter_text("piotr")
    assert not gone.isValid()
    assert (moved.row(), moved.column(), moved.data(Roles.ROW).code) == (1, 2, "C-4")


def test_column_titles_stay_when_nothing_matches(proxy: PortfolioFilterProxy) -> None:
    proxy.set_filter_text("zzz")
    assert proxy.rowCount() == 0
    titles = [proxy.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))]
    assert titles == [proxy.sourceModel().headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))]
    assert titles[COLUMN_INDEX["name"]] == "Account"


def test_data_changes_are_forwarded_for_the_rows_shown(proxy: PortfolioFilterProxy, qtbot) -> None:  # type: ignore[no-untyped-def]
    proxy.set_filter_text("piotr")
    with qtbot.waitSignal(proxy.dataChanged) as changed:
        source(proxy).retranslate()
    top_left, bottom_right = changed.args[:2]
    assert (top_left.row(), bottom_right.row(), bottom_right.column()) == (0, 1, len(COLUMNS) - 1)


def _search_model(texts: list[str]) -> QStandardItemModel:
    model = QStandardItemModel(0, 1)
    for text in texts:
        model.appendRow(_search_item(text))
    return model


def _search_item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(text.lower(), Roles.SEARCH)
    return item


def test_rows_inserted_or_removed_in_another_source_model_are_followed(qtmodeltester, qapp: object) -> None:  # type: ignore[no-untyped-def]
    model = _search_model(["alpha", "beta", "alphabet", "gamma"])
    shown = PortfolioFilterProxy()
    shown.setSourceModel(model)
    shown.set_filter_text("alpha")
    qtmodeltester.check(shown, force_py=True)

    def texts() -> list[str]:
        return [shown.index(r, 0).data() for r in range(shown.rowCount())]

    model.insertRow(1, _search_item("Alphorn alpha"))
    model.insertRow(0, _search_item("delta"))
    assert texts() == ["alpha", "Alphorn alpha", "alphabet"]
    model.removeRows(1, 3)  # alpha, Alphorn alpha, beta
    assert texts() == ["alphabet"]
    assert shown.mapToSource(shown.index(0, 0)).row() == 1
    assert shown.mapFromSource(model.index(0, 0)) == QModelIndex()


def test_a_destroyed_source_leaves_an_empty_proxy(qapp: object) -> None:
    from shiboken6 import delete

    model = _search_model(["alpha", "beta"])
    shown = PortfolioFilterProxy()
    shown.setSourceModel(model)
    delete(model)
    assert shown.sourceModel() is None
    assert (shown.rowCount(), shown.index(0, 0).isValid()) == (0, False)


# -- the view --------------------------------------------------------------------------------------------------
def test_filter_then_sort_then_clear_keeps_the_selected_account(view: PortfolioView, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert view.select_account("C-4")
    view.proxy.set_filter_text("nowak")
    assert view.current_row().code == "C-4"  # type: ignore[union-attr]
    view.table.sortByColumn(COLUMN_INDEX["ltv_12m"], Qt.SortOrder.DescendingOrder)
    view.proxy.set_filter_text("")
    assert view.current_row().code == "C-4"  # type: ignore[union-attr]
    selected = view.table.selectionModel().selectedRows()
    assert [i.data(Roles.ROW).code for i in selected] == ["C-4"]
    assert view.table.currentIndex().row() == 2  # C-2 4000, C-3 3000, C-4 2000


def test_filtering_out_the_current_account_reports_no_account(view: PortfolioView, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert view.select_account("C-3")
    with qtbot.waitSignal(view.current_row_changed) as reported:
        view.proxy.set_filter_text("nowak")
    assert reported.args == [None]
    assert view.current_row() is None
    with qtbot.assertNotEmitted(view.current_row_changed):
        view.proxy.set_filter_text("nowak p")  # nothing was current: nothing to say


def test_the_counts_follow_the_filter(view: PortfolioView, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.visible_count_changed) as counted:
        view.proxy.set_filter_text("anna")
    assert counted.args == [2, 5]
    assert view.count_label.text() == "2 of 5 accounts"


def test_hidden_and_resized_columns_survive_filtering(view: PortfolioView) -> None:
    header = view.table.horizontalHeader()
    header.resizeSection(COLUMN_INDEX["name"], 313)
    header.moveSection(header.visualIndex(COLUMN_INDEX["owner"]), 0)  # code and account stay first (frozen)
    assert [header.logicalIndex(v) for v in range(3)] == [COLUMN_INDEX[k] for k in ("code", "name", "owner")]
    for text in ("c-3", "zzz", "nowak", ""):
        view.proxy.set_filter_text(text)
        assert header.sectionSize(COLUMN_INDEX["name"]) == 313
        assert view.table.front.horizontalHeader().sectionSize(COLUMN_INDEX["name"]) == 313
        assert header.visualIndex(COLUMN_INDEX["owner"]) == 2
        assert header.isSectionHidden(COLUMN_INDEX["region"])


def test_the_table_paints_the_same_through_one_call_a_cell(view: PortfolioView, qtbot,  # type: ignore[no-untyped-def]
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QAbstractProxyModel

    varied = [replace(a, grade=g, at_risk=r, churned=r, open_benefits=n, pending_exceptions=n, ltv_prev_12m=Decimal(p),
                      last_statement="2026Q1" if r else None)
              for a, g, r, n, p in zip(ACCOUNTS, ("L1", "L2", "L3", "L4", None), (True, False, True, False, True),
                                       (0, 1, 2, 0, 3), ("400", "0", "5000", "1", "100"), strict=True)]
    view.set_rows(varied)
    view.resize(1200, 300)
    view.show()
    qtbot.waitExposed(view)
    calls: list[int] = []
    ours = PortfolioFilterProxy.multiData

    def counted(self: PortfolioFilterProxy, index: QModelIndex, span: object) -> None:
        calls.append(index.row())
        ours(self, index, span)  # type: ignore[arg-type]

    monkeypatch.setattr(PortfolioFilterProxy, "multiData", counted)
    painted = view.table.grab().toImage()  # the table alone: the search field's cursor blinks
    assert len(calls) >= len(varied) * 10  # the delegates asked for whole cells, once each
    monkeypatch.setattr(PortfolioFilterProxy, "multiData", QAbstractProxyModel.multiData)  # one data() call a role
    assert view.table.grab().toImage() == painted  # e.g. a colour left over from the cell before would differ


def test_escape_clears_the_search_and_is_left_to_others_when_it_is_empty(view: PortfolioView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.set_rows(ACCOUNTS)
    view.show()
    qtbot.waitExposed(view)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "nowak")
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    assert view._search_key(_key(Qt.Key.Key_Escape)) is False  # empty: the window's own Escape still applies
    assert view._table_key(_key(Qt.Key.Key_A)) is False  # a key the view does not act on goes to the table


def _key(key: Qt.Key) -> QKeyEvent:
    from PySide6.QtCore import QEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
