"""End-to-end flows on the demo company: find and open an account, edit a slot, a benefit beyond the
policy becomes an exception that the director approves and the KAM activates, refusals in words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kam_desktop.services.clock import clock_from_environment
from kam_desktop.services.desk import Desk
from kam_desktop.ui.account_workspace import AccountWorkspace
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.portfolio_model import Roles
from kam_desktop.ui.table_model import RowTableModel
from tests.acting import as_

KAM, DIRECTOR = "a.nowak", "k.wisniewska"
TIMEOUT = 20_000


def shown_codes(window: MainWindow) -> list[str]:
    proxy = window.portfolio.proxy
    return [proxy.index(r, 0).data(Roles.ROW).code for r in range(proxy.rowCount())]


def biggest_account(window: MainWindow) -> tuple[str, str]:
    """(code, name) of the KAM's account with the highest LTV: it has a grade, slots and a margin."""
    rows = [window.portfolio.model.row_at(r) for r in range(window.portfolio.model.rowCount())]
    best = max(rows, key=lambda r: r.ltv_12m)
    return best.code, best.name


def open_account(window: MainWindow, qtbot, code: str) -> AccountWorkspace:  # type: ignore[no-untyped-def]
    existing = window.screens.workspaces.get(code)
    if existing is not None:
        with qtbot.waitSignal(existing.loaded, timeout=TIMEOUT):
            existing.reload()
        return existing
    with qtbot.waitSignal(window.tabs.currentChanged, timeout=TIMEOUT):
        pass_through = window.open_account(code)
    assert isinstance(pass_through, AccountWorkspace)
    qtbot.waitUntil(lambda: pass_through.data is not None, timeout=TIMEOUT)
    return pass_through


def reloaded(workspace: AccountWorkspace, qtbot, action) -> object:  # type: ignore[no-untyped-def]
    """Run `action` (which saves something) and wait until the workspace has read the account again."""
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        result = action()
    return result


def test_filter_the_portfolio_then_enter_opens_the_account(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window()
    code, name = biggest_account(window)
    total = len(shown_codes(window))
    assert total > 20
    qtbot.keyClicks(window.portfolio.search, name.split()[0] + " " + code.lower())
    qtbot.waitUntil(lambda: shown_codes(window) == [code], timeout=3000)
    assert window.portfolio.count_label.text() == f"1 of {total} accounts"
    window.portfolio.table.setFocus()
    window.portfolio.table.selectRow(0)
    qtbot.keyClick(window.portfolio.table, Qt.Key.Key_Return)
    workspace = window.screens.workspaces[code]
    qtbot.waitUntil(lambda: workspace.data is not None, timeout=TIMEOUT)
    assert window.tabs.currentWidget() is workspace
    assert workspace.title.text() == name
    overview = workspace.overview
    assert overview.value_text("rank").split()[1] == "of"  # "12 of 195 (top 6.2%)"
    assert overview.value_text("basis").startswith(("PLN", "€", "£", "RUB"))
    assert "L" in overview.value_text("grade")
    assert overview.progress_label.text()
    assert workspace.contacts.model.rowCount() > 0
    assert workspace.ledger.balance.text().startswith("Balance:")


def test_editing_a_slot_changes_the_share_of_wallet(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window()
    code, _name = biggest_account(window)
    workspace = open_account(window, qtbot, code)
    tab = workspace.potential
    workspace.tabs.setCurrentWidget(tab)
    line = next(r for r in tab.model.rows() if r.share_money is not None and 0 < r.share_money < 1)
    assert tab.select_category(line.category)
    before = tab.share_of(line.category)
    tab.total_money.set_text(window.formats.number(line.total_money * 2))
    reloaded(workspace, qtbot, tab.save)
    after = tab.share_of(line.category)
    assert after is not None and before is not None
    assert after == pytest.approx(before / 2, abs=Decimal("0.0002"))
    assert tab.message.text() == "Saved. Share of wallet is recalculated."
    assert tab.table.current().category == line.category  # the selection survives the reload


def test_the_portfolio_shows_share_of_wallet_slot_value_churn_and_last_statement(  # type: ignore[no-untyped-def]
        demo_window, demo_store, qtbot) -> None:
    from kam_desktop.services.potential import account_slots
    from kam_desktop.ui.portfolio_model import COLUMN_INDEX

    window = demo_window(DIRECTOR)  # every account: some have issued statements
    model = window.portfolio.model
    code, _name = biggest_account(window)
    r = next(i for i in range(model.rowCount()) if model.row_at(i).code == code)
    share_cell = model.index(r, COLUMN_INDEX["share_of_wallet"])
    qtbot.waitUntil(lambda: share_cell.data() != "", timeout=TIMEOUT)  # read after the rows
    total = account_slots(as_(demo_store), code).total
    assert total is not None and total.share_money is not None
    assert share_cell.data() == window.formats.percent(total.share_money * 100)
    assert model.index(r, COLUMN_INDEX["slot_money"]).data() == window.formats.money(
        total.slot_money, model.row_at(r).currency)
    rows = [model.row_at(i) for i in range(model.rowCount())]
    assert any(row.last_statement for row in rows)
    statement_row = next(i for i, row in enumerate(rows) if row.last_statement)
    assert model.index(statement_row, COLUMN_INDEX["last_statement"]).data().startswith("Q")


def test_slot_errors_are_shown_in_words_and_nothing_is_saved(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window()
    code, _name = biggest_account(window)
    tab = open_account(window, qtbot, code).potential
    category = tab.model.rows()[0].category
    tab.select_category(category)
    before = tab.share_of(category)
    tab.total_money.edit.clear()
    qtbot.keyClicks(tab.total_money.edit, "12k")  # shown at the field as it is typed, before any save
    assert tab.total_money.error.text() == "“12k” is not a number: write it like 1,250.5."
    assert not tab.total_money.error.isHidden()
    assert not tab.save()
    assert tab.message.text() == "Client's total: “12k” is not a number: write it like 1,250.5."
    tab.total_money.set_text("-5")
    assert tab.total_money.error.text() == "At least 0."
    assert not tab.save()
    tab.total_money.set_text("1,250.5")
    assert tab.total_money.error.isHidden() and tab.total_money.value() == Decimal("1250.5")
    assert tab.share_of(category) == before  # nothing was saved


def test_a_benefit_beyond_the_policy_is_approved_by_the_director_and_activated(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    code, _name = biggest_account(window)
    workspace = open_account(window, qtbot, code)
    benefits = workspace.benefits
    workspace.tabs.setCurrentWidget(benefits)
    dialog = benefits.open_add_dialog()
    dialog.choose("GIFT", Decimal("900"))  # above the gift limit per person and year of every grade (800 at most)
    assert "gift value exceeds the policy: PLN\u00a0900.00 asked, the cap is PLN\u00a0" in dialog.verdict.text()
    assert dialog.add_button.text() == "Add and prepare the &exception request…"
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        dialog.add()
    exceptions = workspace.exceptions
    request = exceptions.dialog
    assert request is not None and request.isVisible()
    assert workspace.tabs.currentWidget() is exceptions
    assert request.kind.currentData() == "gift_value"
    assert request.requested.text() == "900"
    assert not request.save_requests(submit=True)  # no justification yet
    assert request.message.text() == "Say why: the approver reads the justification first."
    request.justification.setPlainText("Opening of the new warehouse; the client's CEO hosts the ceremony.")
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        assert request.save_requests(submit=True)
    number = request.created[0].number
    assert exceptions.status_of(number) == "submitted"
    grant = next(b for b in benefits.model.rows() if b.catalog_code == "GIFT")
    assert grant.status == "pending_approval"
    assert grant.exception == number

    window.screens.switch_user(DIRECTOR)
    inbox = window.screens.open_inbox()
    qtbot.waitUntil(lambda: inbox.select(number), timeout=TIMEOUT)
    assert "Opening of the new warehouse" in inbox.details.text()
    dialog = inbox.decide(approve=True)
    assert dialog is not None and dialog.ok_button.isEnabled()  # an approval's note is optional
    dialog.reason.setPlainText("Within the gift budget of the opening.")
    with qtbot.waitSignal(inbox.loaded, timeout=TIMEOUT):
        dialog.ok_button.click()
    assert inbox.message.text() == f"{number} approved."
    assert not inbox.select(number)  # no longer waiting

    window.screens.switch_user(KAM)
    workspace = open_account(window, qtbot, code)
    assert workspace.exceptions.status_of(number) == "approved"
    assert workspace.benefits.status_of(grant.id) == "active"  # the approval activated the benefit it covers


def test_refused_decisions_are_shown_in_words(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    desk = window.services.desk
    code, _name = biggest_account(window)
    own = desk.request_exception(code, "discount", Decimal("15"), "A director's own request.")
    desk.submit_exception(own.number)
    inbox = window.screens.open_inbox()
    qtbot.waitUntil(lambda: inbox.select(own.number), timeout=TIMEOUT)
    dialog = inbox.decide(approve=True)
    assert dialog is not None
    with qtbot.waitSignal(inbox.loaded, timeout=TIMEOUT):
        dialog.ok_button.click()
    assert inbox.message.text().startswith(f"{own.number} not decided: ")
    assert "own" in inbox.message.text()
    # a request that changed after the director read it: the KAM withdraws it meanwhile
    other = next(r for r in inbox.model.rows() if r.request.requested_by != DIRECTOR)
    inbox.select(other.request.number)
    desk.as_user(other.request.requested_by).withdraw_exception(other.request.number)
    dialog = inbox.decide(approve=False)
    assert dialog is not None and not dialog.ok_button.isEnabled()  # a rejection says why
    dialog.reason.setPlainText("Too much for this quarter.")
    with qtbot.waitSignal(inbox.loaded, timeout=TIMEOUT):
        dialog.ok_button.click()
    assert inbox.message.text().startswith(f"{other.request.number} not decided: ")


def test_a_kam_has_an_empty_inbox_and_is_told_who_decides(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    inbox = window.screens.open_inbox()
    qtbot.waitSignal(inbox.loaded, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: inbox.details.text() == "Nothing waits for your decision.", timeout=TIMEOUT)
    assert "only the sales director and finance decide exceptions" in inbox.who.text()


def test_the_workspace_switches_to_polish_and_russian(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window()
    code, _name = biggest_account(window)
    workspace = open_account(window, qtbot, code)
    window.set_language("pl")
    assert [workspace.tabs.tabText(i) for i in range(3)] == ["Przegląd", "Potencjał", "Benefity"]
    assert workspace.overview.grade_box.title() == "Poziom i uzasadnienie"
    assert window.menu_tools.title() == "&Narzędzia"
    assert workspace.potential.model.headerData(4, Qt.Orientation.Horizontal) == "Udział w portfelu"
    assert "z" in workspace.overview.value_text("rank")
    window.set_language("ru")
    assert workspace.tabs.tabText(3) == "Исключения"
    assert workspace.potential.model.headerData(4, Qt.Orientation.Horizontal) == "Доля кошелька"
    assert workspace.ledger.balance.text().startswith("Баланс:")
    window.set_language("en")
    assert workspace.tabs.tabText(0) == "Overview"


def test_keyboard_new_exception_print_and_sync(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window()
    assert not window.act_new_exception.isEnabled()  # only in an account
    window.act_print.trigger()
    assert window.statusBar().currentMessage().startswith("Open an account first")
    code, _name = biggest_account(window)
    workspace = open_account(window, qtbot, code)
    assert window.act_new_exception.isEnabled()
    window.activateWindow()
    workspace.tabs.setFocus()
    qtbot.keyClick(workspace.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: workspace.exceptions.dialog is not None, timeout=3000)
    assert workspace.tabs.currentWidget() is workspace.exceptions
    workspace.exceptions.dialog.reject()
    window.act_sync.trigger()
    assert "No team server is configured" in window.statusBar().currentMessage()
    workspace.documents.open_files = False
    window.act_print.trigger()
    assert workspace.tabs.currentWidget() is workspace.documents
    qtbot.keyClick(workspace.tabs, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.portfolio.search.hasFocus(), timeout=3000)
    assert window.tabs.currentIndex() == 0


def test_dashboard_and_simulator_show_the_program(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    dashboard = window.screens.open_dashboard()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=TIMEOUT)
    assert [dashboard.tier_model.index(r, 0).data() for r in range(4)] == ["L1", "L2", "L3", "L4"]
    assert "Program ROI" in dashboard.cards["roi"].text()
    assert "control group" in dashboard.cards["roi"].text() or "prior-year" in dashboard.cards["roi"].text()
    assert len(dashboard.basket.chart().series()) == 1
    simulator = window.screens.open_simulator()
    qtbot.waitSignal(simulator.computed, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: simulator.result is not None, timeout=TIMEOUT)
    moved_now = simulator.result.upgrades  # accounts held by the downgrade grace may move already
    with qtbot.waitSignal(simulator.computed, timeout=TIMEOUT):
        simulator.set_terms([20, 40, 70], [3, 2, 1, 0])  # wider grades: more accounts move up
    assert simulator.result.upgrades > moved_now
    assert simulator.model.rowCount() > 0
    assert "move up" in simulator.summary.text()
    with qtbot.waitSignal(simulator.computed, timeout=TIMEOUT):
        simulator.set_terms([50, 40, 70], [3, 2, 1, 0])  # cut-offs must rise
    assert simulator.message.text().startswith("Cannot simulate:")
    simulator.reject()


def test_long_jobs_run_off_the_gui_thread_and_refusals_are_words(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    with qtbot.waitSignal(window.job_finished, timeout=TIMEOUT) as blocker:
        window.screens.grade_now()
    assert "already applied" in blocker.args[0]  # the demo was graded today
    with qtbot.waitSignal(window.job_finished, timeout=TIMEOUT) as blocker:
        window.screens.close_quarter("2025Q4")
    assert blocker.args[0].startswith("2025Q4 closed:")
    kam = demo_window(KAM)
    with qtbot.waitSignal(kam.job_finished, timeout=TIMEOUT) as blocker:
        kam.screens.close_quarter("2025Q4")
    assert "a.nowak (kam) may not close a quarter" in blocker.args[0]
    QApplication.processEvents()


def test_cancelled_grading_stores_nothing(filled_store) -> None:  # type: ignore[no-untyped-def]
    from kam_desktop.services.errors import Cancelled

    desk = Desk.open(filled_store, "dora", clock_from_environment())  # the builders' director; their grades date from 1 January
    with pytest.raises(Cancelled):
        desk.grade(apply=True, cancelled=lambda: True)
    assert desk.card("C-0001").grade_why.evaluated_on.isoformat() == "2026-01-01"
    assert len(desk.grade(apply=True).rows) == 5  # not cancelled, it is stored
    assert desk.card("C-0001").grade_why.evaluated_on.isoformat() == "2026-03-31"


def test_every_table_model_keeps_the_qt_model_contract(demo_window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    desk = window.services.desk
    code = next(e.account for e in desk.exceptions() if desk.benefits(e.account).lines
                and desk.ledger(e.account).entries)
    workspace = open_account(window, qtbot, code)
    inbox = window.screens.open_inbox()
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0, timeout=TIMEOUT)
    dashboard = window.screens.open_dashboard()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=TIMEOUT)
    simulator = window.screens.open_simulator()
    with qtbot.waitSignal(simulator.computed, timeout=TIMEOUT):
        simulator.set_terms([20, 40, 70], [3, 2, 1, 0])
    models = [workspace.potential.model, workspace.benefits.model, workspace.exceptions.model,
              workspace.ledger.model, workspace.contacts.model, inbox.model, dashboard.tier_model, simulator.model]
    simulator.reject()
    for shown in models:
        assert shown.rowCount() > 0, shown
        # a detached twin with the same columns and rows: the tester must not outlive the window's models
        model = RowTableModel(shown._context, shown.columns, window.formats)
        model.set_rows(shown.rows())
        qtmodeltester.check(model, force_py=True)
        assert model.data(model.index(0, 0)) == shown.data(shown.index(0, 0))


def test_issue_preview_and_sign_an_annex(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    desk = window.services.desk
    code = next(r.code for r in desk_rows(window) if any(b.status in ("proposed", "active")
                                                         for b in desk.benefits(r.code).lines))
    workspace = open_account(window, qtbot, code)
    tab = workspace.documents
    tab.open_files = False
    workspace.tabs.setCurrentWidget(tab)
    if not any(r.kind == "agreement" for r in tab.model.rows()):
        assert tab.issue("annex") is None  # an annex belongs to a participation agreement: said in words
        assert tab.message.text().startswith(f"Not issued: {code} has no participation agreement yet")
        with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
            assert tab.issue("agreement") is not None
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        issued = tab.issue("annex")
    assert issued is not None, tab.message.text()
    number = issued.document.number
    assert number.startswith("ANX-")
    assert tab.select(number)
    path = tab.preview()
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    assert not tab.sign()  # nobody named
    assert tab.message.text() == "Who signed for the client? Write the name."
    tab.signatory.setText("Jan Kowalski, Prezes Zarządu")
    if tab.status_of(number) == "issued":
        reloaded(workspace, qtbot, tab.sign)
        assert tab.status_of(number) == "signed"
    else:  # an annex with benefits waiting for approvals is a DRAFT and cannot be signed
        assert tab.status_of(number) == "draft" and not tab.sign_button.isEnabled()


def desk_rows(window: MainWindow) -> list[object]:
    model = window.portfolio.model
    return sorted((model.row_at(r) for r in range(model.rowCount())), key=lambda r: -r.ltv_12m)
