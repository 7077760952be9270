"""The outbox: a bound laptop's every change of a replicated row commits with its entry; a solo store writes none."""

from __future__ import annotations

from sqlalchemy import func, select

from kam_desktop.store.models import Account, Contact, OutboxEntry, User
from kam_desktop.store.store import Store
from kam_desktop.sync.binding import bind
from tests.services import builders


def _entries(store: Store) -> list[OutboxEntry]:
    with store.read() as session:
        entries = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))
        session.expunge_all()
        return entries


def test_a_solo_store_writes_no_outbox(sqlite_store: Store) -> None:
    builders.world(sqlite_store)
    builders.account(sqlite_store, "A1")
    assert _entries(sqlite_store) == []


def test_a_bound_laptop_records_inserts_and_updates_with_the_change(sqlite_store: Store) -> None:
    builders.world(sqlite_store)
    bind(sqlite_store, "postgresql://server/kam", "kam1")
    builders.account(sqlite_store, "A1")
    [insert] = _entries(sqlite_store)
    assert (insert.entity, insert.operation, insert.base_version) == ("accounts", "insert", None)
    assert insert.changes["new"]["code"] == "A1"

    with sqlite_store.unit_of_work("kam1") as uow:
        account = uow.session.scalar(select(Account).where(Account.code == "A1"))
        assert account is not None
        account.city = "Kraków"
        uow.session.add(Contact(account_id=account.id, name="Ewa"))
        uow.commit()
    entries = _entries(sqlite_store)[1:]
    assert [(e.entity, e.operation) for e in entries] == [("contacts", "insert"), ("accounts", "update")]
    update = entries[1]
    assert update.base_version == 1
    assert update.changes["old"] == {"city": None} and update.changes["new"] == {"city": "Kraków"}
    assert entries[0].changes["txn"] == update.changes["txn"]  # one local transaction, one server transaction
    assert insert.changes["txn"] != update.changes["txn"]


def test_a_rolled_back_change_leaves_no_entry(sqlite_store: Store) -> None:
    builders.world(sqlite_store)
    bind(sqlite_store, "postgresql://server/kam", "kam1")
    with sqlite_store.unit_of_work("kam1") as uow:
        uow.session.add(User(login="ghost", name="Ghost", role="kam"))
        uow.session.flush()
        with uow.session.no_autoflush:
            assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == 1
    assert _entries(sqlite_store) == []


def test_the_binding_is_remembered_when_the_store_is_opened_again(sqlite_store: Store) -> None:
    builders.world(sqlite_store)
    bind(sqlite_store, "postgresql://server/kam", "kam1")
    again = Store.open(sqlite_store.url)
    try:
        with again.unit_of_work("kam1") as uow:
            uow.session.add(User(login="newbie", name="Newbie", role="kam"))
            uow.commit()
        assert [e.entity for e in _entries(again)] == ["users"]
    finally:
        again.dispose()
