"""Disk faults with a real mechanism: a preloaded C shim fails the store's write, sync or truncate number N.

For each errno (disk full, I/O error, read-only file system), once and persistently, kamctl imports a
file of accounts while operation N fails: it either succeeds whole or exits with one clear line (no
traceback); the store then passes the integrity check, holds all the accounts or none, and the same import
succeeds once the disk is well again. N walks the workload's operations (`--runs` large: every N).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIM = Path(__file__).parent / "faults" / "faultfs.c"
ACCOUNTS = ROOT / "resources" / "samples" / "accounts.csv"
SAMPLE_ACCOUNTS = 6

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an LD_PRELOAD shim (Linux)")


@pytest.fixture(scope="module")
def shim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fault layer, compiled with gcc now (never shipped as a binary)."""
    library = tmp_path_factory.mktemp("faultfs") / "faultfs.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O1", "-Wall", "-o", str(library), str(SHIM), "-ldl"], check=True)
    return library


@pytest.fixture(scope="module")
def fresh_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fault-template")
    db = folder / "kam.sqlite"
    kamctl(db, folder, "init")
    return db


def kamctl(db: Path, folder: Path, *argv: str, fault: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAM_DATA_DIR": str(folder / "data"), **(fault or {})}
    return subprocess.run([sys.executable, "-m", "kam_desktop.cli.main", "--db", str(db), *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def accounts(db: Path) -> int:
    with closing(sqlite3.connect(db)) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        return int(con.execute("SELECT count(*) FROM accounts").fetchone()[0])


def copy(template: Path, target: Path) -> None:
    with closing(sqlite3.connect(template)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@pytest.fixture(scope="module")
def operations(shim: Path, fresh_store: Path, tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many file operations on the store the import makes when nothing fails."""
    folder = tmp_path_factory.mktemp("fault-count")
    db = folder / "count.sqlite"
    copy(fresh_store, db)
    report = folder / "count.report"
    done = kamctl(db, folder, "import", "accounts", str(ACCOUNTS),
                  fault={"LD_PRELOAD": str(shim), "FAULT_PATH": str(db), "FAULT_REPORT": str(report)})
    assert done.returncode == 0, done.stderr
    seen, injected = map(int, report.read_text().split())
    assert injected == 0 and seen > 10
    return seen


def points(total: int, runs: int) -> list[int]:
    """Every operation for a long run; else `runs` spread over the workload, the first and last included."""
    if runs >= total:
        return list(range(1, total + 1))
    step = (total - 1) / max(1, runs - 1)
    return sorted({1 + round(i * step) for i in range(runs)})


@pytest.mark.parametrize("persist", [False, True], ids=["once", "persistent"])
@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO, errno.EROFS], ids=["ENOSPC", "EIO", "EROFS"])
def test_an_import_under_a_disk_fault_at_operation_n_is_whole_or_absent_and_retriable(
    shim: Path, fresh_store: Path, operations: int, tmp_path: Path, runs: int, code: int, persist: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    injected_runs = refused = 0
    tried = points(operations, max(2, runs // 5))
    for n in tried:
        db = tmp_path / f"kam-{n}.sqlite"
        copy(fresh_store, db)
        report = tmp_path / f"report-{n}"
        fault = {"LD_PRELOAD": str(shim), "FAULT_PATH": str(db), "FAULT_REPORT": str(report), "FAULT_AT": str(n),
                 "FAULT_ERRNO": str(code), "FAULT_PERSIST": "1" if persist else "0"}
        faulted = kamctl(db, tmp_path, "import", "accounts", str(ACCOUNTS), fault=fault)
        injected_runs += int(report.read_text().split()[1]) > 0
        assert "Traceback" not in faulted.stderr, faulted.stderr
        if faulted.returncode == 0:
            assert accounts(db) == SAMPLE_ACCOUNTS
            continue
        refused += 1
        lines = faulted.stderr.strip().splitlines()
        assert faulted.returncode == 1 and len(lines) == 1, faulted.stderr
        assert ("disk" in lines[0] or "written" in lines[0]) and "try again" in lines[0], lines[0]
        assert accounts(db) == 0, f"fault at operation {n}: a partial import"
        retried = kamctl(db, tmp_path, "import", "accounts", str(ACCOUNTS))
        assert retried.returncode == 0, retried.stderr
        assert accounts(db) == SAMPLE_ACCOUNTS
    assert injected_runs > 0
    with capsys.disabled():
        print(f"\ndisk faults {errno.errorcode[code]} {'persistent' if persist else 'once'}: {len(tried)} runs over "
              f"{operations} operations, {injected_runs} with a fault injected, {refused} refused cleanly, "
              f"0 partial imports, 0 integrity failures")
