"""The jobs a KAM and an approver finish in the app, driven through the real widgets, in English, Polish and
Russian: a rejection asks why and the KAM reads it; a benefit is added, activated, used, edited and cancelled,
and one waiting for a rejected exception says so; a category slot is added; the exception form checks numbers
as they are typed and shows the real cap; an import with an unusual header is mapped and saved as a profile."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kam_desktop.domain.permissions import permits
from kam_desktop.domain.vocabulary import Role
from kam_desktop.services.imports.files import IMPORT_USE_CASES
from kam_desktop.services.imports.preview import FORMAT_NAMES, profiles_for
from kam_desktop.ui.i18n import Formats
from kam_desktop.ui.main_window import MainWindow

from .test_flows import DIRECTOR, KAM, TIMEOUT, biggest_account, open_account, reloaded

LANGUAGES = ("en", "pl", "ru")
TODAY = date(2026, 3, 31)  # KAM_TODAY of the UI tests
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
REJECTED = {"en": "✖ Rejected by", "pl": "✖ Odrzucił(a)", "ru": "✖ Отклонил(а)"}
QUOTED = {"en": "“{}”", "pl": "„{}”", "ru": "«{}»"}


def typed(language: str, en: str) -> str:
    """A number as a person types it in `language` (decimal comma, a plain space between thousands)."""
    return en if language == "en" else en.replace(",", " ").replace(".", ",")


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def kam_code(window: MainWindow) -> str:
    return biggest_account(window)[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_rejection_asks_why_and_the_kam_reads_the_reason(demo_window, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    kam = window.services.desk.as_user(KAM)
    code = max(kam.portfolio(), key=lambda r: r.ltv_12m).code
    number = kam.submit_exception(kam.request_exception(code, "discount", Decimal("25"), "Competitor at 25 %.").number).number
    window.set_language(language)
    inbox = window.screens.open_inbox()
    qtbot.waitUntil(lambda: inbox.select(number), timeout=TIMEOUT)
    assert inbox.model.rows()[0].age_days >= 0
    click(qtbot, inbox.reject_button)
    dialog = inbox.dialog
    assert dialog is not None and dialog.isVisible() and number in dialog.summary.text()
    assert not dialog.ok_button.isEnabled()  # a rejection says why
    qtbot.keyClicks(dialog.reason, "Price war: wait for Q3.")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(inbox.loaded, timeout=TIMEOUT):
        click(qtbot, dialog.ok_button)
    assert number in inbox.message.text() and not inbox.select(number)

    window.screens.switch_user(KAM)
    workspace = open_account(window, qtbot, code)
    tab = workspace.exceptions
    workspace.tabs.setCurrentWidget(tab)
    assert tab.select(number) and tab.status_of(number) == "rejected"
    line = next(x for x in tab.details.text().splitlines() if x.startswith(REJECTED[language]))
    assert Formats(language).date(TODAY) in line and QUOTED[language].format("Price war: wait for Q3.") in line
    assert DIRECTOR in line
    answer = tab.model.index(0, tab.model.column_of("answer")).data()
    assert answer == "Price war: wait for Q3."


@pytest.mark.parametrize("language", ("en", "ru"))
def test_withdrawing_asks_why_and_keeps_the_reason(demo_window, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    code = kam_code(window)
    desk = window.services.desk
    number = desk.submit_exception(desk.request_exception(code, "payment_terms", Decimal("90"), "Long project.").number).number
    window.set_language(language)
    workspace = open_account(window, qtbot, code)
    tab = workspace.exceptions
    workspace.tabs.setCurrentWidget(tab)
    assert tab.select(number) and tab.withdraw_button.isEnabled()
    click(qtbot, tab.withdraw_button)
    dialog = tab.reason_dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "The client signed without it.")
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        click(qtbot, dialog.ok_button)
    assert tab.status_of(number) == "withdrawn"
    tab.select(number)
    assert tab.details.text().splitlines()[-1].endswith(QUOTED[language].format("The client signed without it."))


def test_several_requests_are_approved_with_one_note_and_a_refusal_is_named(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    desk = window.services.desk
    kam = desk.as_user(KAM)
    code = max(kam.portfolio(), key=lambda r: r.ltv_12m).code
    mine = [kam.submit_exception(kam.request_exception(code, kind, value, "Launch.").number).number
            for kind, value in (("discount", Decimal("20")), ("payment_terms", Decimal("75")))]
    own = desk.submit_exception(desk.request_exception(code, "discount", Decimal("21"), "Mine.").number).number
    inbox = window.screens.open_inbox()
    qtbot.waitUntil(lambda: inbox.select(*mine, own), timeout=TIMEOUT)
    assert inbox.selection_label.text() == "3 requests selected"
    click(qtbot, inbox.approve_button)
    dialog = inbox.dialog
    assert dialog is not None and dialog.ok_button.isEnabled()  # an approval's note is optional
    qtbot.keyClicks(dialog.reason, "For the launch only.")
    with qtbot.waitSignal(inbox.loaded, timeout=TIMEOUT):
        click(qtbot, dialog.ok_button)
    lines = inbox.message.text().splitlines()
    status = {r.number: r for r in kam.exceptions(code) if r.number in mine}
    final = [n for n in mine if status[n].status == "approved"]
    further = [n for n in mine if status[n].status == "submitted" and status[n].waiting_for == "finance"]
    assert sorted(final + further) == sorted(mine) and final  # an expensive one waits for finance next
    assert lines[0] == f"{', '.join(final)} approved."
    assert lines[1:1 + len(further)] == [f"{n} approved at your step; it now waits for finance." for n in further]
    assert lines[-1].startswith(f"{own} not decided: ") and "own request" in lines[-1]
    assert all(s.steps[0].note == "For the launch only." for s in status.values())


def test_the_inbox_sorts_money_in_the_base_currency_and_a_double_click_opens_the_account(  # type: ignore[no-untyped-def]
        demo_window, qtbot) -> None:
    window = demo_window(DIRECTOR)
    inbox = window.screens.open_inbox()
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 2, timeout=TIMEOUT)
    column = inbox.model.column_of("expected_cost")
    inbox.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    proxy = inbox.table.proxy
    shown = [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 3) for r in range(proxy.rowCount())]
    bases = [r.expected_cost_base for r in shown if r.expected_cost_base is not None]
    assert bases == sorted(bases, reverse=True)
    assert len({r.currency for r in shown}) > 1  # the demo's requests come in several currencies
    index = proxy.index(0, 1)
    with qtbot.waitSignal(window.tabs.currentChanged, timeout=TIMEOUT):
        where = inbox.table.visualRect(index).center()
        qtbot.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.tabs.currentWidget() is window.screens.workspaces[shown[0].request.account]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_benefit_is_added_activated_used_edited_and_cancelled(demo_window, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    window.set_language(language)
    workspace = open_account(window, qtbot, kam_code(window))
    tab = workspace.benefits
    workspace.tabs.setCurrentWidget(tab)
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    dialog.choose("GIFT", Decimal("150"))
    dialog.valid_to.setDate(dialog.valid_to.date().addMonths(-6))
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        click(qtbot, dialog.add_button)
    grant = next(b for b in tab.model.rows() if b.catalog_code == "GIFT" and b.status == "proposed")
    assert tab.select(grant.id) and tab.buttons["edit"].isEnabled() and not tab.buttons["use"].isEnabled()
    assert tab.why.text() == tab.tr("Within the commercial policy: it becomes active when the client signs the annex "
                                    "that lists it, or now with Activate.")
    click(qtbot, tab.buttons["edit"])
    edit = tab.dialog
    assert not edit.item.isEnabled() and edit.value.value() == Decimal(150)
    edit.value.set_text(typed(language, "120.50"))
    edit.cost.set_text(typed(language, "120.50"))
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        click(qtbot, edit.add_button)
    assert tab.select(grant.id) and tab.table.current().cost == Decimal("120.50")
    reloaded(workspace, qtbot, lambda: click(qtbot, tab.activate_button))
    assert tab.status_of(grant.id) == "active"
    tab.select(grant.id)
    click(qtbot, tab.buttons["use"])
    usage = tab.dialog
    qtbot.keyClicks(usage.amount.edit, typed(language, "200"))
    assert usage.amount.error.isVisible()  # more than is left: said at the field
    usage.amount.edit.clear()
    qtbot.keyClicks(usage.amount.edit, typed(language, "20.25"))
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        click(qtbot, usage.save_button)
    assert tab.select(grant.id) and tab.table.current().used == Decimal("20.25")
    click(qtbot, tab.buttons["cancel"])
    cancel = tab.dialog
    assert not cancel.ok_button.isEnabled()
    qtbot.keyClicks(cancel.reason, "The client declined the gift.")
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        click(qtbot, cancel.ok_button)
    assert tab.status_of(grant.id) == "cancelled"


@pytest.mark.parametrize("language", ("en", "pl"))
def test_a_benefit_waiting_for_a_rejected_exception_names_it(demo_window, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    desk = window.services.desk
    code = kam_code(window)
    outcome = desk.add_benefit(code, "GIFT", Decimal("950"), Decimal("950"))
    [row] = desk.request_exceptions(code, [("gift_value", Decimal("950"))], "Opening.", grant_id=outcome.grant_id,
                                    submit=True)
    desk.as_user(DIRECTOR).decide_exception(row.number, False, "Gifts are frozen.")
    window.set_language(language)
    workspace = open_account(window, qtbot, code)
    tab = workspace.benefits
    workspace.tabs.setCurrentWidget(tab)
    assert tab.select(outcome.grant_id) and tab.status_of(outcome.grant_id) == "pending_approval"
    why = tab.why.text()
    assert row.number in why and QUOTED[language].format("Gifts are frozen.") in why
    assert {"en": "was rejected", "pl": "został odrzucony"}[language] in why


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_category_slot_is_added_to_an_account_with_none(demo_window, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    desk = window.services.desk
    code = next(r.code for r in desk.portfolio() if not desk.slots(r.code).categories)
    window.set_language(language)
    workspace = open_account(window, qtbot, code)
    tab = workspace.potential
    workspace.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0 and tab.table.empty_text and tab.form_box.isVisible()
    click(qtbot, tab.add_button)
    tab.category.setCurrentIndex(tab.category.findData("CABLES"))
    qtbot.keyClicks(tab.total_money.edit, typed(language, "1,250,000.5"))
    qtbot.keyClicks(tab.total_units.edit, "300")
    tab.source.setCurrentIndex(tab.source.findData("interview"))
    tab.collected_on.setDate(tab.collected_on.date().addDays(-10))
    tab.confidence.setValue(80)
    assert tab.total_money.value() == Decimal("1250000.5")
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        click(qtbot, tab.save_button)
    [line] = tab.model.rows()
    assert (line.category, line.total_money, line.source, line.confidence) == (
        "CABLES", Decimal("1250000.50"), "interview", Decimal("0.80"))
    assert line.collected_on == date(2026, 3, 21)
    confidence = tab.model.index(0, tab.model.column_of("confidence")).data()
    assert confidence == Formats(language).percent(Decimal(80))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_exception_form_checks_numbers_as_typed_and_shows_the_real_cap(demo_window, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(KAM)
    window.set_language(language)
    code = kam_code(window)
    workspace = open_account(window, qtbot, code)
    dialog = workspace.exceptions.new_request()
    dialog.kind.setCurrentIndex(dialog.kind.findData("discount"))
    cap = window.services.desk.cap_for(code, "discount")
    f = Formats(language)
    assert dialog.cap.text().startswith(f.percent(cap.value)) and cap.grade in dialog.cap.text()
    qtbot.keyClicks(dialog.requested.edit, "12k")
    assert dialog.requested.error.isVisible() and QUOTED[language].format("12k") in dialog.requested.error.text()
    assert f.number(Decimal("1250.5")) in dialog.requested.error.text()
    assert not dialog.save_requests(submit=False)  # nothing saved, never a number silently dropped
    dialog.requested.edit.clear()
    qtbot.keyClicks(dialog.requested.edit, typed(language, "25.5"))
    assert not dialog.requested.error.isVisible() and dialog.requested.value() == Decimal("25.5")
    qtbot.keyClicks(dialog.margin.edit, typed(language, "12,000"))
    assert dialog.margin.value() == Decimal(12000)
    dialog.justification.setPlainText("Competitor at 25.5 %.")
    with qtbot.waitSignal(workspace.loaded, timeout=TIMEOUT):
        assert dialog.save_requests(submit=True)
    assert dialog.created[0].requested == Decimal("25.5") and dialog.created[0].cap == cap.value


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_import_with_an_unusual_header_is_mapped_and_saved_as_a_profile(demo_window, demo_store, qtbot,  # type: ignore[no-untyped-def]
                                                                         tmp_path: Path, language: str) -> None:
    window = demo_window(None)  # the administrator: accounts may be imported and people added
    window.set_language(language)
    text = (SAMPLES / "accounts.csv").read_text(encoding="utf-8").replace("tax_id", "Identyfikator firmy", 1)
    path = tmp_path / "erp.csv"
    path.write_text(text, encoding="utf-8")
    dialog = window.open_import()
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.set_file(path, "accounts")
    assert dialog.mapping.missing() == ["tax_id"] and not dialog.apply_button.isEnabled()
    assert dialog.pages.currentWidget() is dialog.mapping_page
    combo = dialog.mapping.combo("Identyfikator firmy")
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        combo.setCurrentIndex(combo.findData("tax_id"))
    assert dialog.mapping.missing() == [] and dialog.error_model.rowCount() == 0
    dialog.values.decide("anowak", "a.nowak")  # "did you mean": the demo's a.nowak
    assert dialog.apply_button.isEnabled()
    saved = dialog.save_profile("Nasz ERP")
    assert saved is not None and saved.columns["Identyfikator firmy"] == "tax_id"
    assert [p.name for p in profiles_for("accounts")] == ["Nasz ERP"]
    dialog.close()

    again = window.open_import()
    with qtbot.waitSignal(again.previewed, timeout=TIMEOUT):
        again.set_file(path, "accounts")
    with qtbot.waitSignal(again.previewed, timeout=TIMEOUT):
        again.set_profile("Nasz ERP")
    assert again.mapping.missing() == [] and again.error_model.rowCount() == 0
    again.values.decide("anowak", "a.nowak")
    with qtbot.waitSignal(again.imported, timeout=TIMEOUT) as imported:
        click(qtbot, again.apply_button)
    assert imported.args[0].counts["accounts_created"] == 6


def test_a_director_maps_new_people_and_cannot_add_them(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    dialog = window.open_import()
    offered = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert offered == [f for f in FORMAT_NAMES if permits(Role.DIRECTOR, IMPORT_USE_CASES[f])]
    assert "opening-balances" not in offered  # finance and administrators import balances
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.set_file(SAMPLES / "accounts.csv", "accounts")
    undecided = {v.value for v in dialog.values.undecided()}
    assert undecided == {"anowak", "jwisniewska", "ipetrov", "jsmith"}  # no new person without an administrator
    combo = dialog.values.cellWidget(0, 3)
    options = [combo.itemData(i) for i in range(combo.count())]
    assert "+" not in options and "a.nowak" in options
    assert not dialog.apply_button.isEnabled()
