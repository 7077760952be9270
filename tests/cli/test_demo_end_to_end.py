"""`kamctl init --demo` end to end: 200+ graded accounts, and the same listing from two independent builds
with the same seed — one on SQLite, one on PostgreSQL through the same migrations.

(The raw generator's byte-level determinism per seed, and that another seed differs, are in tests/demo.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kam_desktop.cli.main import main

AS_OF = "2026-03-31"
SEED = 3
LIST_KEYS = {"code", "name", "kind", "owner", "grade", "segment", "ltv_12m", "open_benefits", "pending_exceptions"}


def _demo_listing(db: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["--db", db, "--lang", "en", "init", "--demo", "--seed", str(SEED), "--as-of", AS_OF]) == 0
    said = capsys.readouterr().out
    # a sentence a person reads, counts grouped by thousands — not a Python repr
    assert said.startswith("Store ready with the demo company: 200 accounts") and "Summary(" not in said
    assert re.search(r"\d{1,3},\d{3} invoice lines", said), said
    assert main(["--db", db, "accounts", "list", "--json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


@pytest.mark.slow
@pytest.mark.pg
def test_the_demo_is_the_same_on_sqlite_and_postgresql_with_200_graded_accounts(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAM_TODAY", AS_OF)
    on_sqlite = _demo_listing(str(tmp_path / "a.sqlite"), capsys)
    on_postgres = _demo_listing(pg_url, capsys)
    assert on_postgres == on_sqlite

    assert len(on_sqlite) >= 200 and set(on_sqlite[0]) >= LIST_KEYS
    active = [r for r in on_sqlite if r["status"] == "active"]
    assert all(r["grade"] in {"L1", "L2", "L3", "L4"} and r["segment"] in {"A", "B", "C", "P"} for r in active)
    assert {r["kind"] for r in on_sqlite} == {"customer", "partner"}
    assert all(isinstance(r["ltv_12m"], str) for r in on_sqlite)  # money is a decimal string in JSON

    assert main(["--db", pg_url, "account", "show", str(on_sqlite[0]["code"]), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["code"] == on_sqlite[0]["code"] and card["grade_why"] is not None
