"""`kamctl accounts list` of a solo store answers the quick start's way: the same output as the full CLI, no
SQLAlchemy; any other person, a bound laptop or an inactive administrator goes through the full CLI's checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kam_desktop.cli.entry import express_listing

HEAVY = ("sqlalchemy", "pandas", "PySide6", "reportlab", "alembic")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("express") / "demo.sqlite"
    _kamctl(path.parent, "--db", str(path), "init", "--demo", check=True)
    return path


@pytest.fixture
def store(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, copy)
    return copy


def _kamctl(data: Path, *argv: str, check: bool = False, env: dict[str, str] | None = None,
            probe: bool = False) -> subprocess.CompletedProcess[str]:
    """The console script in a fresh process; with `probe`, stderr ends with the heavy libraries it loaded."""
    code = ("import sys\nfrom kam_desktop.cli.entry import main\n"
            f"sys.argv = ['kamctl', *{list(argv)!r}]\n"
            "try:\n    code = main()\nexcept SystemExit as exit:\n    code = exit.code\n"
            + (f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
               if probe else "")
            + "sys.exit(code)\n")
    environment = {k: v for k, v in os.environ.items() if k != "KAM_USER"}
    environment |= {"KAM_DATA_DIR": str(data), "KAM_TODAY": "2026-11-30", **(env or {})}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=check,
                          env=environment)


@pytest.mark.parametrize("argv, expected", [
    (["accounts", "list"], (None, False)),
    (["--db", "x.sqlite", "accounts", "list", "--json"], ("x.sqlite", True)),
    (["accounts", "list", "--db=y.sqlite"], ("y.sqlite", False)),
    (["--json", "accounts", "list"], (None, True)),
    (["accounts", "list", "--owner", "a.nowak"], None),
    (["--as", "a.nowak", "accounts", "list"], None),
    (["accounts", "list", "--help"], None),
    (["-v", "accounts", "list"], None),
    (["accounts", "lists"], None),
    (["account", "show", "C10000"], None),
    (["accounts", "list", "--db"], None),
])
def test_only_a_plain_listing_is_answered_expressly(argv: list[str], expected: tuple[str | None, bool] | None) -> None:
    assert express_listing(argv, {}) == expected


def test_a_named_person_in_the_environment_takes_the_full_cli() -> None:
    assert express_listing(["accounts", "list"], {"KAM_USER": "a.nowak"}) is None


@pytest.mark.parametrize("json_flag", [["--json"], []], ids=["json", "table"])
def test_the_express_answer_is_the_full_clis_answer_without_sqlalchemy(store: Path, json_flag: list[str]) -> None:
    express = _kamctl(store.parent, "--db", str(store), "accounts", "list", *json_flag, probe=True)
    full = _kamctl(store.parent, "--db", str(store), "--as", "admin", "accounts", "list", *json_flag)
    assert express.returncode == 0 and full.returncode == 0, express.stderr + full.stderr
    assert express.stdout == full.stdout
    import sqlite3

    with sqlite3.connect(store) as raw:
        (accounts,) = raw.execute("SELECT COUNT(*) FROM accounts WHERE deleted_at IS NULL").fetchone()
    listed = express.stdout.count('"code":') if json_flag else len(express.stdout.splitlines()) - 1
    assert listed == accounts > 100  # every account of the demo
    assert "HEAVY:\n" in express.stderr, express.stderr


def test_an_inactive_administrator_is_refused_as_by_the_full_cli(store: Path) -> None:
    import sqlite3

    with sqlite3.connect(store) as raw:
        raw.execute("UPDATE users SET active = 0 WHERE login = 'admin'")
    done = _kamctl(store.parent, "--db", str(store), "accounts", "list", "--json", probe=True)
    assert done.returncode != 0 and "no longer active" in done.stderr
    assert done.stdout == ""


def test_a_laptop_bound_to_a_team_server_lists_as_its_owner(store: Path) -> None:
    from kam_desktop.store.store import Store
    from kam_desktop.sync.binding import bind

    opened = Store.open(store)
    try:
        bind(opened, "postgresql://server/kam", "a.nowak")
    finally:
        opened.dispose()
    done = _kamctl(store.parent, "--db", str(store), "accounts", "list", "--json", probe=True)
    assert done.returncode == 0, done.stderr
    owners = {line.split('"')[3] for line in done.stdout.splitlines() if '"owner":' in line}
    assert owners == {"a.nowak"}  # the KAM's own accounts, not the whole store
    assert "sqlalchemy" in done.stderr.split("HEAVY:")[-1]  # the full CLI's checks ran
