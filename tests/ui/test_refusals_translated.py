"""The window shows what the engine says in its own language: a refusal in the approvals inbox, the ledger's notes."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from kam_desktop.services.errors import NotPermittedError
from kam_desktop.ui.i18n import Translators
from kam_desktop.ui.refusals import refusal_text
from tests.ui.test_flows import DIRECTOR, TIMEOUT, biggest_account, open_account


def test_a_refused_decision_reads_in_the_windows_language(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(DIRECTOR)
    desk = window.services.desk
    code, _name = biggest_account(window)
    own = desk.request_exception(code, "discount", Decimal("15"), "A director's own request.")
    desk.submit_exception(own.number)
    inbox = window.screens.open_inbox()
    qtbot.waitUntil(lambda: inbox.select(own.number), timeout=TIMEOUT)
    said = {}
    for language in ("pl", "ru", "en"):
        window.set_language(language)
        qtbot.waitUntil(lambda: inbox.select(own.number), timeout=TIMEOUT)
        dialog = inbox.decide(approve=True)
        assert dialog is not None
        with qtbot.waitSignal(inbox.loaded, timeout=TIMEOUT):
            dialog.ok_button.click()
        said[language] = inbox.message.text()
    assert said["pl"] == (f"{own.number} bez decyzji: {DIRECTOR}: {own.number} to Twój własny wniosek "
                          "[nikt nie decyduje o własnym wniosku]")
    assert said["ru"] == (f"{own.number} не решён: {DIRECTOR}: {own.number} — ваш собственный запрос "
                          "[никто не принимает решение по собственному запросу]")
    assert said["en"] == (f"{own.number} not decided: {DIRECTOR}: {own.number} is your own request "
                          "[nobody decides their own request]")


def test_the_ledgers_notes_follow_the_language(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_window()
    code, _name = biggest_account(window)
    workspace = open_account(window, qtbot, code)
    model = workspace.ledger.model
    column = model.column_of("note")

    def notes() -> list[str]:
        return [model.index(r, column).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]

    english = notes()
    assert any(n.startswith("grade L") for n in english)  # the demo's cashback accruals say their grade
    window.set_language("pl")
    polish = notes()
    assert [n.replace("poziom L", "grade L", 1) for n in polish] == english
    assert not any(n.startswith("grade L") for n in polish)
    window.set_language("ru")
    assert any(n.startswith("уровень L") for n in notes())
    window.set_language("en")
    assert notes() == english


def test_refusal_text_follows_the_installed_catalogue(qapp) -> None:  # type: ignore[no-untyped-def]
    from kam_desktop.domain.permissions import NotPermitted, Person, UseCase
    from kam_desktop.domain.vocabulary import Role

    error = NotPermittedError.of(NotPermitted(Person("a.nowak", Role.KAM), UseCase.SET_FX))
    translators = Translators()
    try:
        assert translators.switch("ru")
        assert refusal_text(error) == "a.nowak (KAM) не может устанавливать курс валюты [кто что может делать]"
        translators.clear()
        assert refusal_text(error) == "a.nowak (kam) may not set an exchange rate [who may do what]"
    finally:
        translators.clear()
    assert refusal_text(ValueError("disk full")) == "disk full"
