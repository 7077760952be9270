"""A decision the sales director prepared offline reaches the team server through kam.decide_exception — decided as
the director's own login — and is refused with a visible reason when the request changed on the server meanwhile."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, text, update

from kam_desktop.services.team_sync import sync_with_team
from kam_desktop.store.models import ApprovalStep, ExceptionRequest, SyncConflict
from kam_desktop.store.store import Store
from tests.acting import desk
from tests.sync.team import PASSWORD, Laptop, Team, wait_for_quiet

pytestmark = pytest.mark.pg

ON = date(date.today().year, date.today().month, 1)


def connect(laptop: Laptop) -> object:
    wait_for_quiet(laptop.team.url)
    return sync_with_team(laptop.store, laptop.team.url, laptop.login, PASSWORD)


def submitted_request(team: Team) -> tuple[Laptop, str]:
    """kam1 asks for a discount on A1 on the laptop and submits it; the sync takes it to the server."""
    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    connect(kam)
    kam_desk = desk(kam.store, kam.login, ON)
    number = kam_desk.request_exception("A1", "discount", Decimal(12), "a tender against a competitor").number
    kam_desk.submit_exception(number)
    connect(kam)
    return kam, number


def request_on(store: Store, number: str) -> tuple[str, int, list[tuple[str, str]]]:
    with store.read() as session:
        row = session.scalar(select(ExceptionRequest).where(ExceptionRequest.number == number))
        assert row is not None
        steps = session.execute(select(ApprovalStep.decision, ApprovalStep.created_by).where(
            ApprovalStep.exception_id == row.id)).all()
        return str(row.status), row.version, [(str(d), str(by)) for d, by in steps]


def open_conflicts(store: Store) -> list[tuple[str, str]]:
    """(record, reason) of every open conflict on the laptop."""
    with store.read() as session:
        return [(c.entity, c.reason) for c in session.scalars(
            select(SyncConflict).where(SyncConflict.resolved_at.is_(None)))]


def test_a_decision_prepared_offline_is_taken_on_the_server_as_the_director(team: Team) -> None:
    kam, number = submitted_request(team)
    boss = team.laptop("boss")
    connect(boss)
    desk(boss.store, boss.login, ON).decide_exception(number, True, "fine by me")  # offline
    assert request_on(boss.store, number)[0] == "approved"

    report = connect(boss)
    assert report.conflicts == 0 and not open_conflicts(boss.store)
    status, version, steps = request_on(team.store, number)
    assert status == "approved" and len(steps) == 1
    with team.store.engine.connect() as connection:  # the function wrote the step and the audit as the real login
        decided_by = connection.scalar(text(
            "SELECT u.login FROM approval_steps s JOIN users u ON u.id = s.decided_by_id "
            "JOIN exception_requests r ON r.id = s.exception_id WHERE r.number = :n"), {"n": number})
        audited = connection.scalar(text(
            "SELECT created_by FROM audit_log WHERE action = 'exception.approve' AND details->>'number' = :n"),
            {"n": number})
    assert decided_by == boss.login and audited == boss.login
    assert request_on(boss.store, number) == (status, version, steps)  # the laptop holds the server's step, once
    connect(kam)
    assert request_on(kam.store, number) == (status, version, steps)


def test_a_decision_on_a_request_that_changed_meanwhile_is_refused_with_the_reason(team: Team) -> None:
    kam, number = submitted_request(team)
    boss = team.laptop("boss")
    connect(boss)
    desk(boss.store, boss.login, ON).decide_exception(number, True, "fine by me")  # offline, on what it read
    with team.store.unit_of_work("admin") as uow:  # meanwhile the request changes on the server
        uow.session.execute(update(ExceptionRequest).where(ExceptionRequest.number == number).values(
            justification="the tender grew: 14% asked now", version=ExceptionRequest.version + 1))
        uow.commit()
    server_before = request_on(team.store, number)

    report = connect(boss)
    assert report.conflicts == 1
    [(record, reason)] = open_conflicts(boss.store)
    assert record == "approval_steps" and "changed meanwhile" in reason
    assert request_on(team.store, number) == server_before  # nothing decided on the server
    assert request_on(boss.store, number) == server_before  # the laptop shows the request as it is: undecided


def test_a_kam_cannot_push_a_decision_of_their_own(team: Team) -> None:
    kam, number = submitted_request(team)
    with kam.store.unit_of_work(kam.login) as uow:  # a forged step written straight into the laptop's store
        request = uow.session.scalar(select(ExceptionRequest).where(ExceptionRequest.number == number))
        assert request is not None
        uow.session.add(ApprovalStep(exception_id=request.id, step_no=1, approver_role="director",
                                     decided_by_id=request.requested_by_id, decision="approve",
                                     request_version=request.version))
        request.status = "approved"
        uow.commit()
    report = connect(kam)
    assert report.conflicts >= 1
    assert request_on(team.store, number)[0] == "submitted" and request_on(kam.store, number)[0] == "submitted"
    assert any("only the sales director and finance decide" in reason for _, reason in open_conflicts(kam.store))
