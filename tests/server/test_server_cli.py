"""kamctl server: init (idempotent), add-user with the password on standard input, users, assign, disable-user —
against a real PostgreSQL, logging in as the person afterwards."""

from __future__ import annotations

import io
import json
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from kam_desktop.cli.main import main
from kam_desktop.store.models import Account
from kam_desktop.store.store import Store
from tests.services.builders import account, world


@pytest.fixture
def roles() -> Iterator[list[str]]:
    from tests.conftest import PG_ADMIN_URL

    made: list[str] = []
    yield made
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for login in made:
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
    admin.dispose()


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> tuple[int, Any, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith(("{", "[")) else out, err


def _login(url: str, login: str, password: str) -> str:
    engine = sa.create_engine(sa.engine.make_url(url).set(username=login, password=password), poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as connection:
            return str(connection.scalar(sa.text("SELECT kam.current_app_role()")))
    finally:
        engine.dispose()


def test_the_server_owner_sets_up_people_and_moves_an_account(pg_url: str, roles: list[str], capsys: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(pg_url)
    world(store)
    account(store, "ACME", owner="kam1")
    store.dispose()
    code, ready, _ = run(capsys, monkeypatch, "server", "init", "--url", pg_url, "--json")
    assert code == 0 and ready["tables_secured"] >= 40 and "40_decisions.sql" in ready["sql_files"]
    assert run(capsys, monkeypatch, "server", "init", "--url", pg_url, "--json")[0] == 0  # again: idempotent
    suffix = uuid.uuid4().hex[:6]
    anna, olek = f"anna_{suffix}", f"olek_{suffix}"
    roles += [anna, olek]
    code, added, _ = run(capsys, monkeypatch, "server", "add-user", anna, "--role", "kam", "--name", "Anna",
                         "--url", pg_url, "--json", stdin="correct horse battery\n")
    assert code == 0 and added == {"login": anna, "role": "kam", "new": True}
    assert run(capsys, monkeypatch, "server", "add-user", olek, "--role", "kam", "--url", pg_url,
               stdin="another long password\n")[0] == 0
    assert _login(pg_url, anna, "correct horse battery") == "kam"
    code, _, err = run(capsys, monkeypatch, "server", "add-user", "x" + suffix, "--role", "kam", "--url", pg_url,
                       stdin="short\n")
    assert code == 1 and "at least 8 characters" in err
    code, moved, _ = run(capsys, monkeypatch, "server", "assign", "ACME", "--owner", anna, "--url", pg_url, "--json")
    assert code == 0 and moved == {"code": "ACME", "from": "kam1", "to": anna}
    code, people, _ = run(capsys, monkeypatch, "server", "users", "--url", pg_url, "--json")
    mine = {p["login"]: p for p in people}
    assert mine[anna]["accounts"] == 1 and mine[anna]["can_log_in"] and mine["kam1"]["accounts"] == 0
    assert run(capsys, monkeypatch, "server", "disable-user", anna, "--url", pg_url)[0] == 0
    with pytest.raises(sa.exc.OperationalError, match="not permitted to log in"):
        _login(pg_url, anna, "correct horse battery")
    check = Store.open(pg_url)
    with check.read() as session:
        assert session.scalar(select(Account.code)) == "ACME"  # the account and its history stay
    check.dispose()


def test_a_store_that_is_not_postgresql_is_not_a_team_server(tmp_path: Any, capsys: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(capsys, monkeypatch, "server", "init", "--url", f"sqlite:///{tmp_path}/x.sqlite")
    assert code == 1 and "PostgreSQL" in err
