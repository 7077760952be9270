"""`kamctl` as a user meets it: a fresh process for `--version` and for `accounts list --json` on the demo's size.

Targets (issue 15): `kamctl --version` ≤ 3× `python -c pass`; `kamctl accounts list --json` at 200 accounts
≤ 4× a Python process that imports sqlite3 and runs the raw portfolio SELECT.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from benchmarks.registry import CaseContext, Pair, case
from benchmarks.scale import AS_OF

KAMCTL = [sys.executable, "-c", "from kam_desktop.cli.entry import main; raise SystemExit(main())"]  # = the script
RAW_PORTFOLIO = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute(
    "SELECT a.code, a.name, SUM(CASE WHEN l.invoice_date >= ? THEN l.net_amount ELSE 0 END) "
    "FROM accounts a LEFT JOIN invoice_lines l ON l.account_id = a.id AND l.invoice_date BETWEEN ? AND ? "
    "GROUP BY a.id ORDER BY a.code", sys.argv[2:5]).fetchall()
print(len(rows))
"""


def _env(ctx: CaseContext) -> dict[str, str]:
    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # an install has its .pyc
    env.update(KAM_TODAY=AS_OF.isoformat(), KAM_DATA_DIR=str(ctx.work_dir / "data"))
    return env


def _run(command: list[str], env: dict[str, str]) -> object:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[-4:])} exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return len(done.stdout)


@case("kamctl-version", scales=("small",), rounds={"small": 7}, measure_memory=False, targets={"small": 3.0})
def kamctl_version(ctx: CaseContext) -> Pair:
    """`kamctl --version` in a fresh process vs `python -c pass`."""
    env = _env(ctx)
    _run([*KAMCTL, "--version"], env)  # untimed: writes the .pyc files, as installing would
    return Pair(lambda: _run([*KAMCTL, "--version"], env), lambda: _run([sys.executable, "-c", "pass"], env))


@case("kamctl-list", scales=("small",), rounds={"small": 5}, measure_memory=False, targets={"small": 4.0})
def kamctl_list(ctx: CaseContext) -> Pair:
    """`kamctl accounts list --json` at 200 accounts vs python + sqlite3 + the raw portfolio SELECT."""
    from kam_desktop.domain.periods import trailing_window

    env = _env(ctx)
    path = ctx.work_dir / "store.sqlite"
    shutil.copyfile(ctx.store(), path)  # a copy: kamctl may write its daily backup beside the data
    first, last = trailing_window(AS_OF, 12)
    prev_first, _ = trailing_window(AS_OF, 24)
    command = [*KAMCTL, "--db", str(path), "accounts", "list", "--json"]
    raw = [sys.executable, "-c", RAW_PORTFOLIO, str(path), first.isoformat(), prev_first.isoformat(), last.isoformat()]
    _run(command, env)
    return Pair(lambda: _run(command, env), lambda: _run(raw, env), cleanup=lambda: path.unlink(missing_ok=True))
