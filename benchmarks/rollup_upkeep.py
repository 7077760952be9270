"""What the roll-up's upkeep adds to an import: `python -m benchmarks.rollup_upkeep [--lines N] [--rounds R]`.

Imports the same CSV into copies of the same store (benchmarks/cases/imports.py's template), alternating
with and without `rollup.add_import`, and prints both timings and the median ratio (with / without).
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from pathlib import Path

from benchmarks import OUT_DIR
from benchmarks.cases import imports as bench_imports


def _import_once(template: Path, target: Path, source: Path, *, upkeep: bool) -> float:
    from kam_desktop.services.context import open_context
    from kam_desktop.services.imports.files import run_import
    from kam_desktop.store import rollup
    from kam_desktop.store.store import Store

    real = rollup.add_import
    bench_imports.fresh_copy(template, target)

    def skipped(_connection: object, _import_id: uuid.UUID) -> None:
        return None

    rollup.add_import = real if upkeep else skipped  # type: ignore[assignment]
    store = Store.open(target)
    try:
        started = time.perf_counter()
        report = run_import(open_context(store), source, "invoices")
        elapsed = time.perf_counter() - started
    finally:
        store.dispose()
        rollup.add_import = real
    assert report.ok, report.error_lines()[:5]
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = OUT_DIR / "rollup_upkeep"
    work.mkdir(parents=True, exist_ok=True)
    source, template, target = work / f"invoices-{args.lines}.csv", work / "template.sqlite", work / "run.sqlite"
    if not source.exists():
        bench_imports.write_csv(source, args.lines, 1)
    template.unlink(missing_ok=True)
    bench_imports.template_store(template)
    timings: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.rounds):
        for upkeep in (False, True):
            timings[upkeep].append(_import_once(template, target, source, upkeep=upkeep))
    ratio = statistics.median(timings[True]) / statistics.median(timings[False])
    print(f"with upkeep {[round(t, 2) for t in timings[True]]} s; without {[round(t, 2) for t in timings[False]]} s;"
          f" median ratio {ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
