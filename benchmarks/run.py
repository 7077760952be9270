"""Run the benchmark cases: `python -m benchmarks.run [--quick] [--json OUT] [--case NAME]`.

Each case runs several rounds, alternating with its raw baseline in the same process, and reports
the median time, the median of the per-round ratios (case / baseline) and the peak memory of one
extra round measured with tracemalloc (Python allocations only; C-level SQLite page cache excluded).
Each case declares its target ratio per scale (and, for some, how much slower "large" may be than
"small"); the run prints which are met and exits 1 when one is missed (2 when a case could not run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import OUT_DIR, use_bench_data_dir
from benchmarks.registry import Case, CaseContext, Measured, discover

DEFAULT_ROUNDS, QUICK_ROUNDS = 5, 3
MEMORY_METHOD = "tracemalloc peak (Python allocations) in one extra untimed round"


@dataclass(frozen=True)
class Result:
    case: str
    scale: str
    rounds: int
    median_s: float
    baseline_median_s: float
    median_ratio: float
    peak_kib: float | None
    baseline_peak_kib: float | None
    times_s: list[float]
    baseline_times_s: list[float]
    note: str
    target: float | None = None  # the highest acceptable median ratio (None: reported, not judged)
    met: bool | None = None
    error: str | None = None  # the case could not run (what went wrong, in one line)
    unit: str = "s"  # of median_s and baseline_median_s (a memory case: MiB)
    ceiling: float | None = None  # the highest acceptable median of ours, in `unit`


def _timed(func: Callable[[], object]) -> float:
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    return result.seconds if isinstance(result, Measured) else elapsed


def _peak_kib(func: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def run_case(case: Case, scale: str, rounds: int, seed: int) -> Result:
    rounds = case.rounds.get(scale, rounds)
    pair = case.func(CaseContext(scale, seed, OUT_DIR / "work" / case.name / scale))
    try:
        times, base = [], []
        for r in range(rounds):  # alternate the order so neither side always runs on a warm cache
            if r % 2:
                times.append(_timed(pair.run))
                base.append(_timed(pair.baseline))
            else:
                base.append(_timed(pair.baseline))
                times.append(_timed(pair.run))
        peak = base_peak = None
        if case.measure_memory:
            peak, base_peak = _peak_kib(pair.run), _peak_kib(pair.baseline)
    finally:
        pair.cleanup()
    ratios = [t / b / pair.work_ratio for t, b in zip(times, base, strict=True)]
    ratio, target, ceiling = statistics.median(ratios), case.targets.get(scale), case.ceilings.get(scale)
    median = statistics.median(times)
    judged = target is not None or ceiling is not None
    met = (target is None or ratio <= target) and (ceiling is None or median <= ceiling)
    return Result(case.name, scale, rounds, median, statistics.median(base), ratio, peak, base_peak, times, base,
                  pair.note, target, met if judged else None, None, case.unit, ceiling)


def failed(case: Case, scale: str, error: BaseException) -> Result:
    """A case that could not run: reported with its error, and never counted as met."""
    text = f"{type(error).__name__}: {error}".splitlines()[0][:300]
    nan = float("nan")
    return Result(case.name, scale, 0, nan, nan, nan, None, None, [], [], "", case.targets.get(scale), False, text,
                  case.unit, case.ceilings.get(scale))


@dataclass(frozen=True)
class Growth:
    """How much longer a case takes at "large" than at "small", and its target."""

    case: str
    large_over_small: float
    target: float | None
    met: bool | None


def scaling(results: list[Result], cases: dict[str, Case]) -> list[Growth]:
    """For each case measured at both scales: median time large / small, and its growth target."""
    by = {(r.case, r.scale): r for r in results if r.error is None}
    rows: list[Growth] = []
    for name in dict.fromkeys(r.case for r in results):
        if (name, "small") in by and (name, "large") in by:
            growth = by[(name, "large")].median_s / by[(name, "small")].median_s
            target = cases[name].growth
            rows.append(Growth(name, growth, target, None if target is None else growth <= target))
    return rows


def _verdict(met: bool | None) -> str:
    return "-" if met is None else ("met" if met else "MISSED")


def table(results: list[Result], scale_rows: list[Growth]) -> str:
    head = (f"{'case':<22}{'scale':<7}{'rounds':>6}{'median s':>11}{'baseline s':>12}{'ratio':>10}{'target':>8}"
            f"{'':>8}{'peak KiB':>11}{'base KiB':>10}")
    lines = [head, "-" * len(head)]
    for r in results:
        if r.error is not None:
            lines.append(f"{r.case:<22}{r.scale:<7} could not run: {r.error}")
            continue
        peak = "n/a" if r.peak_kib is None else f"{r.peak_kib:,.0f}"
        base = "n/a" if r.baseline_peak_kib is None else f"{r.baseline_peak_kib:,.0f}"
        target = "" if r.target is None else f"≤{r.target:g}"
        ours, theirs = (f"{r.median_s:.4f}", f"{r.baseline_median_s:.4f}") if r.unit == "s" else (
            f"{r.median_s:.0f} {r.unit}", f"{r.baseline_median_s:.0f} {r.unit}")
        ceiling = "" if r.ceiling is None else f"  (ours ≤ {r.ceiling:g} {r.unit})"
        lines.append(f"{r.case:<22}{r.scale:<7}{r.rounds:>6}{ours:>11}{theirs:>12}"
                     f"{r.median_ratio:>10.2f}{target:>8}{_verdict(r.met):>8}{peak:>11}{base:>10}{ceiling}")
    for row in scale_rows:
        target = "" if row.target is None else f" (target ≤{row.target:g}×: {_verdict(row.met)})"
        lines.append(f"{row.case}: large/small median = {row.large_over_small:.1f}×{target}")
    judged = [r.met for r in results if r.met is not None] + [row.met for row in scale_rows if row.met is not None]
    lines.append(f"targets met: {sum(1 for m in judged if m)} of {len(judged)}")
    lines.append(f"memory: {MEMORY_METHOD}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scale only, few rounds (under 3 minutes)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON")
    parser.add_argument("--case", action="append", metavar="NAME", help="run only this case (repeatable)")
    parser.add_argument("--rounds", type=int, help=f"rounds per case (default {DEFAULT_ROUNDS}, quick {QUICK_ROUNDS})")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    use_bench_data_dir()
    cases = discover()
    names = args.case or sorted(n for n in cases if cases[n].quick or not args.quick)
    unknown = [n for n in names if n not in cases]
    if unknown:
        print(f"error: unknown case {', '.join(unknown)}; known: {', '.join(sorted(cases))}", file=sys.stderr)
        return 2
    rounds = args.rounds or (QUICK_ROUNDS if args.quick else DEFAULT_ROUNDS)
    results = []
    for name in names:
        case = cases[name]
        for scale in case.scales:
            if args.quick and scale != "small":
                continue
            print(f"running {name} [{scale}] ...", file=sys.stderr, flush=True)
            try:
                results.append(run_case(case, scale, rounds, args.seed))
            except Exception as error:  # noqa: BLE001 — one broken case must not hide the others' figures
                results.append(failed(case, scale, error))
    scale_rows = scaling(results, cases)
    print(table(results, scale_rows))
    all_met = all(r.met is not False for r in results) and all(row.met is not False for row in scale_rows)
    if args.json:
        args.json.write_text(json.dumps({
            "meta": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                     "platform": platform.platform(), "quick": args.quick, "seed": args.seed,
                     "memory": MEMORY_METHOD, "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                     "cpus": os.cpu_count(), "load": _load()},
            "met": all_met,
            "results": [{**asdict(r), "ratio": r.median_ratio} for r in results], "scaling": [asdict(row) for row in scale_rows],
        }, indent=2, allow_nan=True))
    if any(r.error is not None for r in results):
        return 2
    return 0 if all_met else 1


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # not on Windows
        return None


if __name__ == "__main__":
    raise SystemExit(main())
