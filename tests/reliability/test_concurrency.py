"""Two processes on one store: two `init`s racing on a new file both end with one sound store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_two_inits_racing_on_a_new_file_leave_one_complete_store(tmp_path: Path) -> None:
    env = {**os.environ, "KAM_DATA_DIR": str(tmp_path / "data")}
    for attempt in range(3):
        db = tmp_path / f"new-{attempt}.sqlite"
        inits = [subprocess.Popen([sys.executable, "-m", "kam_desktop.cli.main", "--db", str(db), "init"], cwd=ROOT,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        for init in inits:
            out, err = init.communicate(timeout=120)
            assert init.returncode == 0, err  # the second waits for the first, then finds the store made
            assert out.startswith("Store ready") and err == ""
        with closing(sqlite3.connect(db)) as con:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert con.execute("SELECT login, role FROM users").fetchall() == [("admin", "admin")]
            assert con.execute("SELECT count(*) FROM program_configs").fetchone() == (1,)
            assert con.execute("SELECT count(*) FROM commercial_policies").fetchone() == (1,)
            assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
