"""The unit of work commits only when asked, stamps who changed what, and keeps ledgers append-only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from kam_desktop.store.models import Account, AuditEntry, LedgerEntry, User
from kam_desktop.store.store import Store
from kam_desktop.store.uow import AppendOnlyViolation


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model)) or 0


def test_nothing_is_written_without_commit(sqlite_store: Store) -> None:
    with sqlite_store.unit_of_work("anna") as uow:
        uow.session.add(User(login="anna", name="Anna", role="kam"))
        uow.session.flush()
    assert _count(sqlite_store, User) == 0


def test_an_exception_rolls_everything_back(sqlite_store: Store) -> None:
    with pytest.raises(RuntimeError), sqlite_store.unit_of_work("anna") as uow:
        uow.session.add(User(login="anna", name="Anna", role="kam"))
        uow.audit("user.add", "user")
        uow.session.flush()
        raise RuntimeError("power cut")
    assert _count(sqlite_store, User) == 0
    assert _count(sqlite_store, AuditEntry) == 0


def test_changes_are_stamped_with_the_actor_and_counted(sqlite_store: Store) -> None:
    with sqlite_store.unit_of_work("anna") as uow:
        account = Account(code="A1", name="Alfa", currency="PLN")
        uow.session.add(account)
        uow.commit()
    assert account.updated_by == "anna" and account.version == 1
    with sqlite_store.unit_of_work("boris") as uow:
        stored = uow.session.get(Account, account.id)
        assert stored is not None
        stored.name = "Alfa S.A."
        uow.commit()
    assert stored.updated_by == "boris" and stored.version == 2


def _entry(account: Account) -> LedgerEntry:
    return LedgerEntry(account_id=account.id, kind="accrual", unit="points", amount=Decimal("10.00"),
                       booked_on=date(2026, 3, 31), source_kind="quarter_close", idempotency_key="k1")


def test_ledger_entries_cannot_be_changed_or_deleted(sqlite_store: Store) -> None:
    with sqlite_store.unit_of_work("anna") as uow:
        account = Account(code="A1", name="Alfa", currency="PLN")
        uow.session.add(account)
        uow.session.flush()
        entry = _entry(account)
        uow.session.add(entry)
        uow.commit()
    with pytest.raises(AppendOnlyViolation, match="append-only"), sqlite_store.unit_of_work("anna") as uow:
        stored = uow.session.get(LedgerEntry, entry.id)
        assert stored is not None
        stored.amount = Decimal("20.00")
        uow.session.flush()
    with pytest.raises(AppendOnlyViolation, match="cannot be deleted"), sqlite_store.unit_of_work("anna") as uow:
        uow.session.delete(uow.session.get(LedgerEntry, entry.id))
        uow.session.flush()
    with sqlite_store.read() as session:
        assert session.scalar(sa.select(LedgerEntry.amount)) == Decimal("10.00")


def test_synced_rows_are_soft_deleted_only(sqlite_store: Store) -> None:
    with sqlite_store.unit_of_work("anna") as uow:
        account = Account(code="A1", name="Alfa", currency="PLN")
        uow.session.add(account)
        uow.commit()
    with pytest.raises(AppendOnlyViolation, match="soft delete"), sqlite_store.unit_of_work("anna") as uow:
        uow.session.delete(uow.session.get(Account, account.id))
        uow.session.flush()
    assert _count(sqlite_store, Account) == 1


def test_the_same_idempotency_key_cannot_be_booked_twice(sqlite_store: Store) -> None:
    with sqlite_store.unit_of_work("anna") as uow:
        account = Account(code="A1", name="Alfa", currency="PLN")
        uow.session.add(account)
        uow.session.flush()
        uow.session.add(_entry(account))
        uow.commit()
    with pytest.raises(sa.exc.IntegrityError), sqlite_store.unit_of_work("anna") as uow:
        uow.session.add(_entry(account))
        uow.commit()
    assert _count(sqlite_store, LedgerEntry) == 1
