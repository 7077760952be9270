"""Crash loop: a child process does the day's work through kamctl and is SIGKILLed at a random moment.

After every kill the store must pass `PRAGMA integrity_check` and the foreign-key check, every step the
child reported as committed must be there exactly once, no import may be half-present, no ledger entry
doubled, every stored document's SHA-256 must match its bytes, every backup that exists must verify, and
the store must open and take the next step. `--runs N` sets the number of kills (CI: the short default).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kam_desktop.cli.main import main
from kam_desktop.store.backup import verify_store
from kam_desktop.store.schema_head import SCHEMA_HEAD
from tests.reliability.workload import LINES, QUARTER

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-04-02"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo company as of the quarter's end, built once for the whole loop."""
    folder = tmp_path_factory.mktemp("crash-template")
    db = folder / "demo.sqlite"
    env = {**os.environ, "KAM_DATA_DIR": str(folder / "data"), "KAM_TODAY": TODAY}
    subprocess.run([sys.executable, "-m", "kam_desktop.cli.main", "--db", str(db), "init", "--demo", "--seed", "3",
                    "--as-of", "2026-03-31"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return db


@pytest.fixture(scope="module")
def workload_seconds(template: Path, tmp_path_factory: pytest.TempPathFactory) -> float:
    """How long one whole workload takes here and now (a loaded machine is slower): kills land all over it."""
    folder = tmp_path_factory.mktemp("crash-timing")
    db = folder / "kam.sqlite"
    copy_store(template, db)
    env = {**os.environ, "KAM_DATA_DIR": str(folder / "data"), "KAM_TODAY": TODAY}
    child = subprocess.Popen([sys.executable, "-m", "tests.reliability.workload", str(db), str(folder), "999999"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    with child.stdout:
        assert child.stdout.readline().strip() == "started"
        started = time.monotonic()
        rest = child.stdout.read()
    assert child.wait(300) == 0 and rest.rstrip().endswith("finished"), rest
    return time.monotonic() - started


@dataclass
class Tally:
    runs: int = 0
    killed_mid_work: int = 0
    acknowledged: int = 0
    steps: dict[str, int] = field(default_factory=dict)


def copy_store(template: Path, target: Path) -> None:
    with contextlib.closing(sqlite3.connect(template)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def kill_at_random(db: Path, folder: Path, run: int, rng: random.Random, seconds: float) -> list[tuple[str, str]]:
    """Run the workload, SIGKILL it after a random delay; the steps it acknowledged before dying."""
    env = {**os.environ, "KAM_DATA_DIR": str(folder / "data"), "KAM_TODAY": TODAY}
    child = subprocess.Popen([sys.executable, "-m", "tests.reliability.workload", str(db), str(folder), str(run)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    with child.stdout, child.stderr or contextlib.nullcontext():
        assert child.stdout.readline().strip() == "started"
        time.sleep(rng.uniform(0.0, seconds * 1.1))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
        lines = child.stdout.read().splitlines()
    done = [tuple(line.split(" ", 2)[1:]) for line in lines if line.startswith("done ")]
    return [(name, key) for name, key in done]


@contextlib.contextmanager
def opened(db: Path) -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(db)) as con:
        yield con


def check_store(db: Path, run: int, done: dict[str, str]) -> None:
    with opened(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        imported = con.execute("SELECT count(*) FROM invoice_lines WHERE invoice_no LIKE ?",
                               (f"CR/{run}/%",)).fetchone()[0]
        assert imported == (LINES if "import" in done else imported) and imported in (0, LINES), \
            f"run {run}: {imported} of {LINES} lines imported"
        keys, distinct = con.execute("SELECT count(*), count(DISTINCT idempotency_key) FROM ledger_entries").fetchone()
        assert keys == distinct
        if "close" in done:
            accrued = con.execute("SELECT count(*) FROM ledger_entries WHERE source_kind = 'quarter_close' "
                                  "AND quarter = ?", (QUARTER,)).fetchone()[0]
            assert accrued > 0
        if "exception" in done:
            status = con.execute("SELECT status FROM exception_requests WHERE number = ?",
                                 (done["exception"],)).fetchone()
            assert status == ("approved",)
        if "annex" in done:
            assert con.execute("SELECT status FROM documents WHERE number = ? AND kind = 'annex'",
                               (done["annex"],)).fetchone() == ("signed",)
        for sha, size, content in con.execute("SELECT sha256, size, content FROM document_files"):
            assert hashlib.sha256(content).hexdigest() == sha and len(content) == size
    if "statements" in done:
        assert any(Path(done["statements"]).glob("*.pdf"))
    backup = db.parent / f"backup-{run}.sqlite"
    if "backup" in done or backup.exists():
        assert verify_store(backup, SCHEMA_HEAD) == SCHEMA_HEAD


def takes_the_next_step(db: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The store opens and the work goes on: the close (idempotent) runs to its end."""
    monkeypatch.setenv("KAM_DATA_DIR", str(folder / "data"))
    monkeypatch.setenv("KAM_TODAY", TODAY)
    with contextlib.redirect_stdout(None):
        assert main(["--db", str(db), "quarter", "close", QUARTER]) == 0


def test_a_store_killed_at_random_moments_keeps_every_acknowledged_step_and_nothing_half_done(
    template: Path, workload_seconds: float, tmp_path: Path, runs: int, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tally = Tally()
    rng = random.Random(int(os.environ.get("KAM_CRASH_SEED", "16")))
    for run in range(runs):
        folder = tmp_path / f"run-{run}"
        folder.mkdir()
        db = folder / "kam.sqlite"
        copy_store(template, db)
        done = dict(kill_at_random(db, folder, run, rng, workload_seconds))
        check_store(db, run, done)
        takes_the_next_step(db, folder, monkeypatch)
        tally.runs += 1
        tally.killed_mid_work += len(done) < 7
        tally.acknowledged += len(done)
        for name in done:
            tally.steps[name] = tally.steps.get(name, 0) + 1
    with capsys.disabled():
        print(f"\ncrash loop: {tally.runs} kills ({tally.killed_mid_work} mid-work, a workload takes "
              f"{workload_seconds:.1f} s), {tally.acknowledged} "
              f"acknowledged steps all present, 0 integrity failures, 0 partial imports; by step {tally.steps}")
    assert tally.runs == runs
