"""A statements batch killed outright takes its worker processes with it: no orphan renders on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_workers_die_with_a_killed_batch() -> None:
    batch = subprocess.Popen([sys.executable, "-m", "tests.reliability.batch_child"], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert batch.stdout is not None and batch.stdout.readline().strip() == "rendering"
        assert wait_for(lambda: len(children_of(batch.pid)) >= 2, 60), "the batch started no workers"
        time.sleep(1.0)  # the workers are rendering
        workers = children_of(batch.pid)
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait(10)
        assert wait_for(lambda: not any(alive(pid) for pid in workers), 15), \
            f"orphaned workers still running: {sorted(p for p in workers if alive(p))}"
    finally:
        if batch.poll() is None:
            batch.kill()
            batch.wait()
        if batch.stdout is not None:
            batch.stdout.close()
