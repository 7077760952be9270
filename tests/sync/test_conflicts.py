"""A bound laptop acts only as its person; its conflicts are re-applied or dismissed through the services."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kam_desktop.services.desk import Desk
from kam_desktop.services.errors import Refused
from kam_desktop.store.models import SyncConflict
from tests.acting import desk
from tests.sync.team import Team
from tests.sync.test_round_trip import edit, field

pytestmark = pytest.mark.pg


def test_a_bound_laptop_acts_only_as_the_person_who_connected_it(team: Team) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    laptop.sync()
    assert Desk.open(laptop.store).login == laptop.login  # no --as: the laptop's person, not the administrator
    with pytest.raises(Refused, match="belongs to"):
        desk(laptop.store, team.login("boss"))  # "act as" the director: refused on a team laptop


def test_a_conflict_is_reapplied_over_the_servers_value_or_dismissed(team: Team) -> None:
    team.account("A1", "kam1")
    laptop = team.laptop("kam1")
    laptop.sync()
    edit(team.store, "admin", "A1", city="Łódź", region="North")
    edit(laptop.store, laptop.login, "A1", city="Poznań")
    edit(laptop.store, laptop.login, "A1", region="South")
    laptop.sync()
    kam = desk(laptop.store, laptop.login)
    city, region = sorted(kam.sync_conflicts(), key=lambda c: next(iter(c.laptop)))
    assert (city.account, city.laptop, city.server) == ("A1", {"city": "Poznań"}, {"city": "Łódź"})
    assert city.reapplicable

    kam.reapply_conflict(city.id)
    kam.dismiss_conflict(region.id)
    assert kam.sync_conflicts() == []
    laptop.sync()
    assert field(team.store, "A1", "city") == "Poznań"  # re-applied: the laptop's value wins this time
    assert field(team.store, "A1", "region") == "North"  # dismissed: the server's value stays
    with laptop.store.read() as session:  # both stay on record
        assert len(session.scalars(select(SyncConflict)).all()) == 2
    with pytest.raises(Refused, match="cannot be re-applied"):
        kam.reapply_conflict(city.id)
