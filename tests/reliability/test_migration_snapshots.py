"""A store of every released schema revision, with data, upgrades to head keeping every row, balance and hash.

The snapshots and their manifest are made by `python -m tests.fixtures.migrations.make_snapshots`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kam_desktop.store.backup import verify_store
from kam_desktop.store.schema_head import SCHEMA_HEAD, stored_revisions
from kam_desktop.store.store import Store
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
    assert {t: after["counts"][t] for t in before["counts"]} == before["counts"]
    assert after["ledger"] == before["ledger"]
    assert after["documents"] == before["documents"]
