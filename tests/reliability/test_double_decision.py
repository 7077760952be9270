"""Two approvers deciding the same step at the same moment: one decision lands, the other is a clear refusal.

On PostgreSQL both transactions used to read the request, both insert step 1, and the second failed with a
raw `duplicate key value violates unique constraint`; the request row is now locked (FOR UPDATE) while a
decision is made, so the second waits, reads the decided request and is refused by the rules.
"""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from kam_desktop.services.errors import ServiceError
from kam_desktop.services.exceptions import requests as ex
from kam_desktop.store.models import ApprovalStep, User
from tests.acting import as_
from tests.services.builders import account, sale, world

TODAY = date(2026, 1, 10)


@pytest.mark.pg
@pytest.mark.parametrize("attempt", range(3))
def test_a_double_decision_on_postgresql_is_a_clear_refusal_not_a_duplicate_key(pg_store: Any, attempt: int) -> None:
    world(pg_store)
    with pg_store.unit_of_work("test") as uow:
        uow.session.add(User(login="boss2", name="boss2", role="director"))
        uow.commit()
    account(pg_store, "ACME")
    sale(pg_store, "ACME", date(2025, 6, 1), "100000.00", "30000.00")
    kam = as_(pg_store, "kam1", TODAY)
    number = ex.request_exception(kam, "ACME", "discount", Decimal(14), "launch").number
    ex.submit_exception(kam, number)

    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def decide(login: str) -> None:
        ctx = as_(pg_store, login, TODAY)
        start.wait()
        try:
            outcomes[login] = ex.decide_exception(ctx, number, True, seen_version=2)
        except ServiceError as refused:
            outcomes[login] = refused
        except Exception as raw:  # noqa: BLE001 - what the test must never see
            outcomes[login] = raw

    threads = [threading.Thread(target=decide, args=(login,)) for login in ("boss", "boss2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    refusals = [o for o in outcomes.values() if isinstance(o, BaseException)]
    assert len(outcomes) == 2 and len(refusals) == 1, outcomes
    assert isinstance(refusals[0], ServiceError), repr(refusals[0])
    assert "duplicate key" not in str(refusals[0])
    with pg_store.read() as session:
        assert session.scalar(select(func.count()).select_from(ApprovalStep)) == 1
