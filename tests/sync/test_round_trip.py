"""Push and pull against a real PostgreSQL team server: first sync, edits both ways, merges and conflicts."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select, update

from kam_desktop.store.models import Account, Contact, OutboxEntry, SyncConflict, User
from kam_desktop.store.store import Store
from tests.sync.team import Team

pytestmark = pytest.mark.pg


def codes(store: Store) -> set[str]:
    with store.read() as session:
        return set(session.scalars(select(Account.code)))


def edit(store: Store, actor: str, code: str, **values: object) -> None:
    """A change as a service makes it: through the unit of work (the outbox records it)."""
    with store.unit_of_work(actor) as uow:
        account = uow.session.scalar(select(Account).where(Account.code == code))
        assert account is not None
        for name, value in values.items():
            setattr(account, name, value)
        uow.commit()


def field(store: Store, code: str, name: str) -> object:
    with store.read() as session:
        return session.scalar(select(getattr(Account, name)).where(Account.code == code))


def outbox(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def test_a_first_sync_brings_the_kams_own_portfolio_only(team: Team) -> None:
    team.account("A1", "kam1")
    team.account("B1", "kam2")
    laptop = team.laptop("kam1")
    report = laptop.sync()
    assert report.snapshot and report.pushed == 0
    assert codes(laptop.store) == {"A1"}
    with laptop.store.read() as session:  # the people and the program come along (shared rows)
        assert session.scalar(select(User.role).where(User.login == laptop.login)) == "kam"


def test_an_offline_edit_reaches_the_server_and_the_others(team: Team) -> None:
    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    boss = team.laptop("boss")
    kam.sync()
    boss.sync()
    edit(kam.store, kam.login, "A1", city="Gdańsk")
    with kam.store.unit_of_work(kam.login) as uow:
        account_id = uow.session.scalar(select(Account.id).where(Account.code == "A1"))
        uow.session.add(Contact(account_id=account_id, name="Ewa Nowak"))
        uow.commit()
    assert outbox(kam.store) == 2
    report = kam.sync()
    assert (report.pushed, report.conflicts, outbox(kam.store)) == (2, 0, 0)
    assert field(team.store, "A1", "city") == "Gdańsk"
    with team.store.read() as session:
        assert session.scalar(select(Account.updated_by).where(Account.code == "A1")) == kam.login  # the real login
    boss.sync()
    assert field(boss.store, "A1", "city") == "Gdańsk"
    with boss.store.read() as session:
        assert session.scalar(select(Contact.name)) == "Ewa Nowak"


def test_different_fields_both_win_and_the_same_field_keeps_the_server_value_as_a_conflict(team: Team) -> None:
    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    kam.sync()
    edit(team.store, "admin", "A1", region="North", city="Łódź")  # the director online, meanwhile
    edit(kam.store, kam.login, "A1", industry="Retail", city="Poznań")
    report = kam.sync()
    assert report.conflicts == 1
    assert (field(team.store, "A1", "industry"), field(team.store, "A1", "city")) == ("Retail", "Łódź")
    assert (field(kam.store, "A1", "region"), field(kam.store, "A1", "city")) == ("North", "Łódź")
    with kam.store.read() as session:
        conflict = session.scalar(select(SyncConflict))
        assert conflict is not None
        assert conflict.local_changes == {"city": "Poznań"} and conflict.server_values == {"city": "Łódź"}
    assert outbox(kam.store) == 0


def test_a_pull_leaves_rows_with_changes_waiting_in_the_outbox_as_the_laptop_has_them(team: Team) -> None:
    """The rows a pull brings are matched against the outbox by id (the pull's ids are hex digits end to end): a row
    the laptop changed and has not pushed yet keeps the laptop's values; the others take the server's."""
    from kam_desktop.sync.pull import pull
    from kam_desktop.sync.server import server_engine
    from tests.sync.team import PASSWORD, wait_for_quiet

    team.account("A1", "kam1")
    team.account("A2", "kam1")
    kam = team.laptop("kam1")
    kam.sync()
    edit(kam.store, kam.login, "A1", city="Kielce")  # waiting in the outbox
    edit(team.store, "admin", "A1", region="North")
    edit(team.store, "admin", "A2", region="South")
    wait_for_quiet(team.url)  # no transaction of another session holds the log back
    server = server_engine(team.url, kam.login, PASSWORD)
    try:
        assert pull(server, kam.store).pulled >= 2  # a pull alone, no push before it
    finally:
        server.dispose()
    assert (field(kam.store, "A1", "city"), field(kam.store, "A1", "region")) == ("Kielce", None)
    assert field(kam.store, "A2", "region") == "South"
    assert outbox(kam.store) == 1
    kam.sync()  # pushed
    kam.sync()  # and the merged row comes back (once the push's own change lies below the cluster's xmin)
    assert (field(kam.store, "A1", "city"), field(kam.store, "A1", "region")) == ("Kielce", "North")


def test_a_transition_on_a_record_changed_meanwhile_is_refused(team: Team) -> None:
    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    kam.sync()
    edit(team.store, "admin", "A1", region="North")
    edit(kam.store, kam.login, "A1", status="inactive")
    report = kam.sync()
    assert report.conflicts == 1
    assert field(team.store, "A1", "status") == "active"
    assert field(kam.store, "A1", "status") == "active"  # the server's row replaced the laptop's
    with kam.store.read() as session:
        assert session.scalar(select(SyncConflict.reason)) == "changed on the server meanwhile"


def test_a_retried_push_is_a_no_op_with_the_same_answer(team: Team) -> None:
    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    kam.sync()
    edit(kam.store, kam.login, "A1", city="Kielce")
    with kam.store.read() as session:
        entry = session.scalar(select(OutboxEntry))
        assert entry is not None
        saved = {c.name: getattr(entry, c.key) for c in OutboxEntry.__table__.columns}
    kam.sync()
    with kam.store.engine.begin() as connection:  # the same entry again, as if its answer had been lost
        connection.execute(OutboxEntry.__table__.insert(), [saved])
    edit(team.store, "admin", "A1", city="Radom")
    report = kam.sync()
    assert report.conflicts == 0 and outbox(kam.store) == 0
    assert field(team.store, "A1", "city") == "Radom"  # not overwritten by the replay


def test_a_reassigned_account_leaves_the_old_kams_laptop_and_its_pending_edits_become_conflicts(team: Team) -> None:
    team.account("A1", "kam1")
    a2 = team.account("A2", "kam1")
    with team.store.unit_of_work("admin") as uow:
        uow.session.add(Contact(account_id=a2, name="Jan Kowalski"))
        uow.commit()
    kam1, kam2 = team.laptop("kam1"), team.laptop("kam2")
    kam1.sync()
    kam2.sync()
    with team.store.unit_of_work("admin") as uow:
        new_owner = uow.session.scalar(select(User.id).where(User.login == kam2.login))
        uow.session.execute(update(Account).where(Account.code == "A2").values(owner_id=new_owner))
        uow.commit()
    edit(kam1.store, kam1.login, "A2", city="Opole")  # offline, before hearing of it
    report = kam1.sync()
    assert report.revoked == 1 and codes(kam1.store) == {"A1"}
    with kam1.store.read() as session:
        conflict = session.scalar(select(SyncConflict))
        assert conflict is not None and conflict.local_changes == {"city": "Opole"}
    assert kam2.sync().arrived == 1 and codes(kam2.store) == {"A2"}
    with kam2.store.read() as session:  # the account's history comes with it, not only its row
        assert session.scalar(select(Contact.name)) == "Jan Kowalski"
    with kam1.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


def test_a_store_with_solo_data_is_not_bound_to_a_team(team: Team, tmp_path: object) -> None:
    from kam_desktop.sync.run import Failure, SyncFailed

    laptop = team.laptop("kam1")
    with laptop.store.unit_of_work("admin") as uow:
        uow.session.add(Account(id=uuid.uuid4(), code="SOLO", name="Solo", currency="PLN"))
        uow.commit()
    with pytest.raises(SyncFailed) as refused:
        laptop.sync()
    assert refused.value.failure is Failure.BINDING


def test_a_restored_server_is_detected_and_the_laptop_resyncs_after_pushing_its_changes(team: Team) -> None:
    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    kam.sync()
    with team.store.engine.begin() as connection:  # the server comes back from a backup without this account's contact
        account_id = connection.scalar(select(Account.id).where(Account.code == "A1"))
    with team.store.unit_of_work("admin") as uow:
        uow.session.add(Contact(account_id=account_id, name="Lost in the restore"))
        uow.commit()
    kam.sync()
    with team.store.engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE contacts DISABLE TRIGGER USER")
        connection.exec_driver_sql("DELETE FROM contacts")
        connection.exec_driver_sql("ALTER TABLE contacts ENABLE TRIGGER USER")
        connection.exec_driver_sql("UPDATE kam.sync_epoch SET epoch = gen_random_uuid()")
    edit(kam.store, kam.login, "A1", city="Toruń")  # made offline meanwhile: it must reach the restored server
    report = kam.sync()
    assert report.snapshot
    assert field(team.store, "A1", "city") == "Toruń"
    with kam.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


def test_a_cursor_ahead_of_the_server_means_a_restore_to_an_earlier_point(team: Team) -> None:
    from kam_desktop.store.models import SyncState

    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    kam.sync()
    with kam.store.engine.begin() as connection:
        connection.execute(update(SyncState).values(cursor_xid=2**40))
    assert kam.sync().snapshot


def test_new_rows_go_in_one_statement_and_a_refused_one_falls_back_to_one_answer_each(team: Team) -> None:
    from kam_desktop.store.models import ProductCategory

    team.account("A1", "kam1")
    kam = team.laptop("kam1")
    kam.sync()
    with kam.store.unit_of_work(kam.login) as uow:
        account_id = uow.session.scalar(select(Account.id).where(Account.code == "A1"))
        uow.session.add_all([Contact(account_id=account_id, name=f"Contact {i}") for i in range(3)])
        uow.commit()
    assert kam.sync().pushed == 3
    with team.store.read() as session:
        assert sorted(session.scalars(select(Contact.name))) == ["Contact 0", "Contact 1", "Contact 2"]

    with team.store.unit_of_work("admin") as uow:  # meanwhile on the server
        uow.session.add(ProductCategory(code="NEW", name="New (server)"))
        uow.commit()
    with kam.store.unit_of_work(kam.login) as uow:
        uow.session.add_all([ProductCategory(code="X1", name="X1"), ProductCategory(code="NEW", name="New (laptop)")])
        uow.commit()
    with team.store.engine.connect() as holder:  # an open transaction holds the pull back: only the push counts
        holder.execute(select(func.txid_current()))
        report = kam.sync(wait=False)
        with kam.store.read() as session:  # the accepted new row stays here; the refused one gave way
            held = {code: name for code, name in session.execute(select(ProductCategory.code, ProductCategory.name))}
            assert held.get("X1") == "X1" and "New (laptop)" not in held.values()
        holder.rollback()
    assert (report.pushed, report.conflicts) == (2, 1)
    kam.sync()
    for store in (team.store, kam.store):
        with store.read() as session:
            names = {code: name for code, name in session.execute(select(ProductCategory.code, ProductCategory.name))}
            assert (names.get("X1"), names.get("NEW")) == ("X1", "New (server)")
