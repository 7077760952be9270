"""One Alembic history for SQLite and PostgreSQL: upgrades, drift, newer databases, pre-migration backups."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from kam_desktop.store import migrate, schema_head
from kam_desktop.store.engine import open_engine
from kam_desktop.store.models import Base
from kam_desktop.store.store import Store
from kam_desktop.store.uow import UnitOfWork


def _drift(engine: sa.Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_upgrade_from_empty_reaches_head_with_no_drift(kind: str, request: pytest.FixtureRequest) -> None:
    store: Store = request.getfixturevalue(f"{kind}_store")
    state = migrate.schema_state(store.engine)
    assert state.up_to_date, state
    assert _drift(store.engine) == []


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_each_revision_upgrades_from_the_previous_one_and_downgrades(kind: str, request: pytest.FixtureRequest) -> None:
    url = str(request.getfixturevalue("sqlite_path")) if kind == "sqlite" else request.getfixturevalue("pg_url")
    store = Store.open(url, upgrade=False)
    config = migrate.alembic_config()
    revisions = list(reversed(list(ScriptDirectory.from_config(config).walk_revisions())))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        for revision in revisions:  # oldest first: previous → this one
            command.upgrade(config, revision.revision)
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    assert migrate.schema_state(store.engine).up_to_date
    assert _drift(store.engine) == []
    store.dispose()


def test_schema_head_constant_is_alembics_head() -> None:
    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    assert head == schema_head.SCHEMA_HEAD, "db/versions has a new head: update kam_desktop/store/schema_head.py"


def test_opening_a_store_at_head_does_not_import_alembic(sqlite_path: Path) -> None:
    Store.open(sqlite_path).dispose()
    probe = (
        "import sys\n"
        "from kam_desktop.store.store import Store\n"
        f"store = Store.open({str(sqlite_path)!r})\n"
        "store.dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_a_database_from_a_newer_version_is_refused_untouched(sqlite_path: Path) -> None:
    Store.open(sqlite_path).dispose()
    with sqlite3.connect(sqlite_path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    before = sqlite_path.read_bytes()
    with pytest.raises(migrate.DatabaseNewerError, match="newer version .* update KAM Desktop"):
        Store.open(sqlite_path)
    assert sqlite_path.read_bytes() == before


def _scripts_with_extra_revision(tmp_path: Path) -> Path:
    """A copy of db/ plus one more revision, as the next release would ship it."""
    folder = tmp_path / "db"
    shutil.copytree(migrate.script_location(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = ScriptDirectory(str(folder)).get_current_head()
    (folder / "versions" / "9001_next_release.py").write_text(
        f'''"""next release: accounts get a website"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("website", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("website")
''',
        encoding="utf-8",
    )
    return folder


def _all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def test_migration_takes_a_verified_backup_that_restores_the_same_rows(
    sqlite_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kam_desktop.services.demo import setup
    store = Store.open(sqlite_path)
    setup.initialize(store)
    with UnitOfWork(store.engine, "tester") as uow:
        uow.audit("test.marker", "store", None, note="Zażółć")
        uow.commit()
    store.dispose()
    before = _all_rows(sqlite_path)

    next_release = _scripts_with_extra_revision(tmp_path)
    monkeypatch.setattr(migrate, "script_location", lambda: next_release)
    monkeypatch.setattr(schema_head, "SCHEMA_HEAD", "9001")  # the next release ships its head with it
    upgraded = Store.open(sqlite_path)
    assert upgraded.migration_backup is not None and upgraded.migration_backup.is_file()
    assert migrate.schema_state(upgraded.engine).current == "9001"
    with upgraded.engine.connect() as connection:
        assert "website" in {c["name"] for c in sa.inspect(connection).get_columns("accounts")}
    upgraded.dispose()

    # The backup is the database exactly as it was before the migration.
    assert _all_rows(upgraded.migration_backup) == before
    restored = tmp_path / "restored.sqlite"
    shutil.copyfile(upgraded.migration_backup, restored)
    engine = open_engine(f"sqlite:///{restored}")
    assert migrate.schema_state(engine).current != "9001"
    engine.dispose()

    # The safety copy is kept until the next good start, then dropped.
    again = Store.open(sqlite_path)
    assert again.migration_backup is None
    assert not upgraded.migration_backup.exists()
    again.dispose()
