"""A store of every released schema revision, with data, upgrades to head keeping every row, balance and hash.

The snapshots and their manifest are made by `python -m tests.fixtures.migrations.make_snapshots`.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kam_desktop.store.backup import verify_store
from kam_desktop.store.schema_head import SCHEMA_HEAD, stored_revisions
from kam_desktop.store.store import Store
from tests.acting import desk
from tests.fixtures.migrations.make_snapshots import HERE, RELEASED, facts

MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))


def test_every_released_revision_has_a_snapshot() -> None:
    assert sorted(MANIFEST) == sorted(RELEASED) and SCHEMA_HEAD in RELEASED
    assert all((HERE / f"store-{revision}.sqlite").is_file() for revision in RELEASED)


@pytest.mark.parametrize("revision", RELEASED)
def test_a_snapshot_upgrades_to_head_with_counts_balances_and_document_hashes_kept(
    revision: str, tmp_path: Path
) -> None:
    db = tmp_path / "kam.sqlite"
    shutil.copyfile(HERE / f"store-{revision}.sqlite", db)
    store = Store.open(db)
    try:
        assert stored_revisions(store.engine) == [SCHEMA_HEAD]
        if revision != SCHEMA_HEAD:  # a verified backup of the old store was taken first
            assert store.migration_backup is not None
            assert verify_store(store.migration_backup) == revision
    finally:
        store.dispose()
    before, after = MANIFEST[revision], facts(db)
    with closing(sqlite3.connect(db)) as con:  # a migration that links the ledger seals its head in the audit log
        sealed = con.execute("SELECT count(*) FROM audit_log WHERE action = 'ledger.seal' "
                             "AND json_extract(details, '$.migration') IS NOT NULL").fetchone()[0]
    assert sealed == (1 if revision < "0015" and before["ledger"] else 0)
    grown = {"audit_log": sealed, "audit_chain": sealed}  # the seal line and its link
    assert {t: after["counts"][t] - grown.get(t, 0) for t in before["counts"]} == before["counts"]
    upgraded = Store.open(db)
    try:
        assert desk(upgraded).verify_audit().ok  # both chains hold over the rows written before them
        assert desk(upgraded).check_rollup().consistent  # the roll-up (rebuilt clustered by 0016) still = the lines
    finally:
        upgraded.dispose()
    with closing(sqlite3.connect(db)) as con:  # both roll-up levels clustered by their key, as the models declare
        tables = dict(con.execute("SELECT name, sql FROM sqlite_master WHERE name IN ('sales_rollup', 'sales_months')"))
    assert {name: sql.rstrip().endswith("WITHOUT ROWID") for name, sql in tables.items()} == {
        "sales_rollup": True, "sales_months": True}
    assert after["ledger"] == before["ledger"]
    assert after["documents"] == before["documents"]
