"""The benchmark harness: raw scale rows read back exactly through SQLAlchemy; the runner works end to end."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.registry import REGISTRY, Case, CaseContext, Measured, Pair, case, discover
from benchmarks.run import Result, scaling
from benchmarks.run import main as run_main
from benchmarks.run import table as results_table
from benchmarks.scale import AS_OF, build
from kam_desktop.demo.company import OrmWriter, populate
from kam_desktop.demo.defaults import load_defaults
from kam_desktop.services.demo.setup import ensure_defaults
from kam_desktop.store import rollup
from kam_desktop.store.store import Store

from .helpers import dump_tables

ROOT = Path(__file__).resolve().parents[2]
ACCOUNTS = 30


def _indexes(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())
    finally:
        conn.close()


def test_raw_scale_rows_read_back_exactly_as_the_orm_writes_them(data_dir: Path) -> None:
    raw_path, orm_path = data_dir / "raw.sqlite", data_dir / "orm.sqlite"
    result = build("small", raw_path, seed=5, accounts=ACCOUNTS)
    orm = Store.open(orm_path)
    try:
        with orm.unit_of_work("bench") as uow:
            ensure_defaults(uow.session)
            summary = populate(OrmWriter(uow.session), load_defaults(uow.session), seed=5, as_of=AS_OF,
                               accounts=ACCOUNTS)
            uow.commit()
        expected = dump_tables(orm.engine)
    finally:
        orm.dispose()
    raw = Store.open(raw_path)
    try:
        actual = dump_tables(raw.engine)
        with raw.engine.connect() as connection:
            assert rollup.first_difference(connection) is None  # raw lines, then the roll-up summed once
    finally:
        raw.dispose()
    assert result.invoice_lines == summary.invoice_lines > 1000
    for table in expected:
        assert actual[table] == expected[table], f"{table}: raw rows read back differently"
    assert _indexes(raw_path) == _indexes(orm_path)  # the indexes dropped for loading are back


def test_registry_refuses_a_name_twice() -> None:
    name = "test-duplicate-case"
    case(name)(lambda ctx: None)  # type: ignore[arg-type,return-value]
    try:
        with pytest.raises(ValueError, match="twice"):
            case(name)(lambda ctx: None)  # type: ignore[arg-type,return-value]
    finally:
        REGISTRY.pop(name, None)


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAM_BENCH_OUT": str(tmp_path / "bench-out"), "KAM_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "benchmarks.run", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_quick_run_of_one_case_prints_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = _run(tmp_path, "--quick", "--case", "portfolio", "--rounds", "2", "--json", str(out))
    assert done.returncode == 0, done.stderr
    assert "portfolio" in done.stdout and "ratio" in done.stdout
    report = json.loads(out.read_text())
    (result,) = report["results"]
    assert result["case"] == "portfolio" and result["scale"] == "small" and result["rounds"] == 2
    assert result["median_s"] > 0 and result["baseline_median_s"] > 0 and result["median_ratio"] > 0
    assert result["peak_kib"] > 0 and "tracemalloc" in report["meta"]["memory"]
    assert list((tmp_path / "bench-out").glob("store-small-seed1-*.sqlite"))  # cached for the next run


def test_unknown_case_is_a_clear_error(tmp_path: Path) -> None:
    done = _run(tmp_path, "--quick", "--case", "nope")
    assert done.returncode == 2 and "unknown case nope" in done.stderr


def _fake_case(name: str, ours: float, baseline: float, **judging: Any) -> None:
    """A case whose sides report fixed durations (`Measured`), so its ratio is known exactly."""
    def pair(ctx: CaseContext) -> Pair:
        return Pair(lambda: Measured(ours), lambda: Measured(baseline))

    case(name, measure_memory=False, **judging)(pair)


@pytest.mark.parametrize(("target", "code", "met"), [(2.5, 0, True), (1.5, 1, False)])
def test_a_run_judges_each_case_by_its_target_and_exits_non_zero_on_a_miss(
        tmp_path: Path, target: float, code: int, met: bool) -> None:
    name, out = "test-judged-case", tmp_path / "judged.json"
    _fake_case(name, 2.0, 1.0, targets={"small": target})
    try:
        assert run_main(["--case", name, "--rounds", "3", "--json", str(out)]) == code
    finally:
        REGISTRY.pop(name, None)
    report = json.loads(out.read_text())
    (result,) = report["results"]
    assert (result["ratio"], result["target"], result["met"], report["met"]) == (2.0, target, met, met)


def test_a_case_that_cannot_run_is_reported_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "test-broken-case"

    def broken(ctx: CaseContext) -> Pair:
        raise RuntimeError("LibreOffice is not installed")

    case(name, targets={"small": 1.0})(broken)
    try:
        assert run_main(["--case", name]) == 2
    finally:
        REGISTRY.pop(name, None)
    assert "could not run: RuntimeError: LibreOffice is not installed" in capsys.readouterr().out


def test_growth_between_scales_is_judged() -> None:
    cases = {"c": Case("c", lambda ctx: Pair(lambda: 0, lambda: 0), ("small", "large"), {}, False, "", {}, 1.2)}
    small = Result("c", "small", 1, 1.0, 1.0, 1.0, None, None, [1.0], [1.0], "")
    large = Result("c", "large", 1, 1.5, 1.0, 1.5, None, None, [1.5], [1.0], "")
    (growth,) = scaling([small, large], cases)
    assert (growth.large_over_small, growth.met) == (1.5, False)
    assert "targets met: 0 of 1" in results_table([small, large], [growth])


def test_every_issue_15_case_declares_its_target() -> None:
    cases = discover()
    judged = {name for name, c in cases.items() if c.targets or c.growth}
    assert {"portfolio", "grading", "grading-rollup", "kpis-simulator", "import_invoices", "documents", "ui-start",
            "ui-open-account", "ui-filter", "kamctl-version", "kamctl-list", "ui-memory", "quarter-close"} <= judged


def test_the_encryption_at_rest_cases_are_judged_against_the_plain_store_at_1_3() -> None:
    cases = discover()
    for name in ("encrypted_import", "encrypted_portfolio"):
        assert cases[name].targets == {"small": 1.3, "large": 1.3}, name
