"""A text longer than its column is refused the same way on SQLite and PostgreSQL, naming the field; nothing is
written (issue 16: SQLite kept a 100,000-character login that PostgreSQL refused with a raw error)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from kam_desktop.cli.main import main as kamctl
from kam_desktop.i18n import translated
from kam_desktop.store.limits import FieldTooLongError
from kam_desktop.store.models import Account, User
from kam_desktop.store.store import Store


def test_a_too_long_login_is_refused_naming_the_field_on_every_store(any_store: Store) -> None:
    limit = User.__table__.c.login.type.length
    with pytest.raises(FieldTooLongError) as refused, any_store.unit_of_work("test") as uow:
        uow.session.add(User(login="x" * 100_000, name="Mallory", role="kam"))
        uow.commit()
    assert str(refused.value) == (f"users.login is too long: at most {limit} characters, 100000 given; "
                                  "shorten it and try again")
    assert "users.login" in translated(refused.value.message, "pl") and "100000" in translated(
        refused.value.message, "ru")
    with any_store.read() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(User).where(User.name == "Mallory")) == 0


def test_a_change_that_makes_a_text_too_long_is_refused_and_the_row_keeps_its_value(any_store: Store) -> None:
    with any_store.unit_of_work("test") as uow:
        uow.session.add(Account(code="PL-1", name="Nowak", currency="PLN"))
        uow.commit()
    limit = Account.__table__.c.name.type.length
    with pytest.raises(FieldTooLongError, match="accounts.name is too long"), any_store.unit_of_work("test") as uow:
        account = uow.session.scalars(sa.select(Account).where(Account.code == "PL-1")).one()
        account.name = "N" * (limit + 1)
        uow.commit()
    with any_store.read() as session:
        assert session.scalars(sa.select(Account.name).where(Account.code == "PL-1")).one() == "Nowak"
    with any_store.unit_of_work("test") as uow:  # exactly the limit is fine
        uow.session.scalars(sa.select(Account).where(Account.code == "PL-1")).one().name = "N" * limit
        uow.commit()


def test_kamctl_refuses_a_too_long_signatory_in_one_line_naming_the_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAM_TODAY", "2026-03-31")  # the demo's documents are issued "today"; signed the same day
    db = str(tmp_path / "demo.sqlite")
    assert kamctl(["--db", db, "init", "--demo"]) == 0
    capsys.readouterr()
    code = kamctl(["--db", db, "document", "sign", "AGR-2026-00002", "--signatory", "S" * 5000, "--date", "2026-03-31"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [
        "kamctl: error: documents.client_signatory is too long: at most 200 characters, 5000 given; shorten it and "
        "try again"]
