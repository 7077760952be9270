"""The window in team mode, driven by pytest-qt against the real server: connect, background sync, conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kam_desktop.app import services_for
from kam_desktop.services.clock import clock_from_environment
from kam_desktop.services.demo.setup import ensure_ready
from kam_desktop.services.desk import Desk
from kam_desktop.store.models import Account
from kam_desktop.ui.i18n import Translators
from kam_desktop.ui.main_window import MainWindow
from kam_desktop.ui.settings import UiSettings
from tests.sync.team import PASSWORD, Team, wait_for_quiet
from tests.sync.test_round_trip import edit, field

pytestmark = pytest.mark.pg


@pytest.fixture
def translators() -> Iterator[Translators]:
    installed = Translators()
    installed.switch("en")
    yield installed
    installed.clear()


def test_connect_sync_in_the_background_and_resolve_a_conflict(team: Team, qtbot: object, tmp_path: Path,
                                                                 translators: Translators) -> None:
    team.account("A1", "kam1")
    team.account("B1", "kam2")
    laptop = team.laptop("kam1")
    ensure_ready(laptop.store)  # what the app does at a first start: defaults and the administrator
    services = services_for(Desk.open(laptop.store, None, clock_from_environment()), UiSettings.at(
        tmp_path / "settings.ini"))
    window = MainWindow(services, UiSettings.at(tmp_path / "settings.ini"), translators, interactive=False)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    assert "no team server" in window.sync_label.text()
    assert window.menu_act_as.menuAction().isVisible()  # a solo store: "act as" is offered

    dialog = window.connect_team_server()
    dialog.url.setText(team.url)
    dialog.login.setText("nobody_" + team.suffix)
    assert not dialog.test_connection()
    assert "refused the login" in dialog.message.text()
    dialog.login.setText(laptop.login)
    dialog.password.setText(PASSWORD)
    assert dialog.test_connection() and "Connected" in dialog.message.text()
    with qtbot.waitSignal(window.team.finished, timeout=20_000):  # type: ignore[attr-defined]
        dialog.accept()
        assert window.team.running  # the window goes on while the sync runs on the pool
    qtbot.waitUntil(lambda: window.services.desk.login == laptop.login, timeout=10_000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.portfolio.model.rowCount() == 1, timeout=10_000)  # type: ignore[attr-defined]
    assert window.sync_label.text().startswith("Online")
    assert not window.menu_act_as.menuAction().isVisible()  # bound: the laptop acts as its person only
    assert window.team.timer.isActive()  # background sync every few minutes from now on

    edit(team.store, "admin", "A1", city="Łódź")
    with laptop.store.unit_of_work(laptop.login) as uow:
        account = uow.session.scalar(select(Account).where(Account.code == "A1"))
        assert account is not None
        account.city = "Poznań"
        uow.commit()
    window._update_sync_label()
    assert "1 change waiting" in window.sync_label.text()
    wait_for_quiet(team.url)
    with qtbot.waitSignal(window.team.finished, timeout=20_000):  # type: ignore[attr-defined]
        assert window.team.sync_in_background() is not None
    assert "1 conflict" in window.sync_label.text()

    conflicts = window.open_conflicts()
    assert conflicts.model.rowCount() == 1
    conflicts.table.selectRow(0)
    assert conflicts.reapply()
    assert conflicts.model.rowCount() == 0
    assert "conflict" not in window.sync_label.text()
    wait_for_quiet(team.url)
    with qtbot.waitSignal(window.team.finished, timeout=20_000):  # type: ignore[attr-defined]
        window.sync_now()
    assert field(team.store, "A1", "city") == "Poznań"
