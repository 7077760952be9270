"""On the demo (SQLite and PostgreSQL) the KPIs equal the old Python computation over a fold of the invoice lines
(`tests/kpi_reference.py`): the whole program and one KAM's portfolio, at a month end and on a cut mid-month day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select

from kam_desktop.services.reports.kpi import kpis_of
from kam_desktop.store.models import Account, User
from kam_desktop.store.store import Store
from tests.acting import as_
from tests.kpi_reference import reference_kpis

from .helpers import AS_OF, build_store


def _a_kam(store: Store) -> str:
    with store.read() as session:
        return str(session.scalar(select(User.login).join(Account, Account.owner_id == User.id)
                                  .order_by(User.login).limit(1)))


def _check(store: Store) -> None:
    ctx = as_(store, "admin", AS_OF)
    for owner in (None, _a_kam(store)):
        for as_of in (AS_OF, date(2025, 6, 30)):
            ours, expected = kpis_of(ctx, as_of, owner), reference_kpis(ctx, as_of, owner)
            assert ours == expected, (owner, as_of)
            assert repr(ours) == repr(expected), (owner, as_of)
            assert expected.basket and expected.cohorts and expected.ltv_12m


def test_the_demo_kpis_equal_the_old_computation_on_sqlite(demo_store: tuple[Store, object]) -> None:
    _check(demo_store[0])


@pytest.mark.pg
def test_the_demo_kpis_equal_the_old_computation_on_postgresql(pg_database: Callable[[], str]) -> None:
    store, _summary = build_store(pg_database())
    try:
        _check(store)
    finally:
        store.dispose()
