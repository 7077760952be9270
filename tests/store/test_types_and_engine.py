"""Money stays exact, time stays UTC, and the embedded store is opened with safe SQLite settings."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from kam_desktop.store.engine import StoreLocationError, resolve_url
from kam_desktop.store.models import Account, AuditEntry, InvoiceLine, ProductCategory, User
from kam_desktop.store.sql import money_sum
from kam_desktop.store.store import Store
from kam_desktop.store.types import InexactValueError


def test_sqlite_is_opened_with_wal_full_sync_foreign_keys_and_busy_timeout(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000


def test_foreign_keys_are_enforced(sqlite_store: Store) -> None:
    import uuid

    with pytest.raises(sa.exc.IntegrityError), sqlite_store.unit_of_work("t") as uow:
        uow.session.add(Account(code="X", name="X", currency="PLN", owner_id=uuid.uuid4()))
        uow.session.flush()


def test_db_option_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_url(tmp_path / "a.sqlite") == f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert resolve_url("postgresql://bob@db.example/kam").startswith("postgresql+psycopg://bob@db.example/kam")
    monkeypatch.setenv("KAM_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None).endswith("env.sqlite")
    monkeypatch.delenv("KAM_DB")
    assert resolve_url(None).endswith("kam.sqlite")  # the default file in the data folder
    with pytest.raises(StoreLocationError, match="does not exist"):
        resolve_url(tmp_path / "missing" / "a.sqlite")
    with pytest.raises(StoreLocationError, match="unsupported"):
        resolve_url("mysql://x/y")


def _store_sales(store: Store, amounts: list[str]) -> None:
    with store.unit_of_work("t") as uow:
        category = ProductCategory(code="C", name="C")
        account = Account(code="A", name="A", currency="PLN")
        uow.session.add_all([category, account])
        uow.session.flush()
        for i, amount in enumerate(amounts):
            uow.session.add(InvoiceLine(
                invoice_no="F", line_no=i, invoice_date=date(2026, 1, 1), account_id=account.id,
                category_id=category.id, quantity=Decimal("1.125"), net_amount=Decimal(amount),
                margin_amount=Decimal("0.01"), currency="PLN",
            ))
        uow.commit()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_money_sums_are_exact_decimals(kind: str, request: pytest.FixtureRequest) -> None:
    store: Store = request.getfixturevalue(f"{kind}_store")
    # 0.1 + 0.2 is the classic float trap; 10^15 is past float's exact integer cents.
    _store_sales(store, ["0.10", "0.20", "9999999999999.99", "-0.01"])
    with store.read() as session:
        total = session.scalar(sa.select(money_sum(InvoiceLine.net_amount)))
        quantities = session.scalars(sa.select(InvoiceLine.quantity)).all()
    assert total == Decimal("10000000000000.28")
    assert isinstance(total, Decimal)
    assert set(quantities) == {Decimal("1.125")}


def test_inexact_or_float_money_is_refused(sqlite_store: Store) -> None:
    with pytest.raises(sa.exc.StatementError) as info:
        _store_sales(sqlite_store, ["0.105"])
    assert isinstance(info.value.orig, InexactValueError)
    with pytest.raises(sa.exc.StatementError) as info, sqlite_store.unit_of_work("t") as uow:
        uow.session.add(User(login="x", name="x", role="kam"))
        uow.session.flush()
        uow.session.execute(sa.update(InvoiceLine).values(net_amount=0.1))
    assert isinstance(info.value.orig, InexactValueError)


def test_timestamps_are_utc_and_naive_ones_are_refused(sqlite_store: Store) -> None:
    from datetime import timedelta, timezone

    warsaw_summer = timezone(timedelta(hours=2))
    with sqlite_store.unit_of_work("t") as uow:
        entry = uow.audit("x", "y")
        entry.created_at = datetime(2026, 7, 1, 12, 0, tzinfo=warsaw_summer)
        uow.commit()
    with sqlite_store.read() as session:
        stored = session.scalar(sa.select(AuditEntry.created_at))
    assert stored == datetime(2026, 7, 1, 10, 0, tzinfo=UTC) and stored.tzinfo == UTC
    with pytest.raises(sa.exc.StatementError, match="timezone-aware"), sqlite_store.unit_of_work("t") as uow:
        entry = uow.audit("x", "y")
        entry.created_at = datetime(2026, 7, 1, 12, 0)
        uow.session.flush()
