"""The case registry: `benchmarks/cases/*.py` register with `@case(...)`; the runner finds them all.

A case function receives a `CaseContext` and returns a `Pair`: the operation under test and its raw
baseline, both without arguments, timed alternately in the same run. Setup happens in the case
function, outside the timings.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CaseContext:
    scale: str
    seed: int
    work_dir: Path  # a scratch folder for this case and scale

    def store(self) -> Path:
        """The cached scale store for this context (built on first use)."""
        from benchmarks.scale import ensure_store

        return ensure_store(self.scale, self.seed)


@dataclass(frozen=True)
class Measured:
    """What a side returns when it measures itself: e.g. a process up to a moment it reports, not to its exit
    (or, in a case whose unit is MiB, the peak memory of the process; the field keeps its name)."""

    seconds: float


@dataclass
class Pair:
    run: Callable[[], object]
    baseline: Callable[[], object]
    cleanup: Callable[[], None] = field(default=lambda: None)
    note: str = ""
    work_ratio: float = 1.0  # how much more work ours does (e.g. 2 pages a statement vs 1): ratios are per unit


@dataclass(frozen=True)
class Case:
    name: str
    func: Callable[[CaseContext], Pair]
    scales: tuple[str, ...]
    rounds: dict[str, int]  # per scale, overriding the runner's default (e.g. 1 for a 5M-row build)
    measure_memory: bool
    description: str
    targets: dict[str, float] = field(default_factory=dict)  # per scale: the highest acceptable median ratio
    growth: float | None = None  # the highest acceptable median time at "large" over the time at "small"
    quick: bool = True  # part of `--quick` (small scale only, under 3 minutes in all)
    unit: str = "s"  # what both sides measure ("MiB": a side returns `Measured(mebibytes)`)
    ceilings: dict[str, float] = field(default_factory=dict)  # per scale: the highest acceptable median, in `unit`


REGISTRY: dict[str, Case] = {}


def case(name: str, *, scales: tuple[str, ...] = ("small",), rounds: dict[str, int] | None = None,
         measure_memory: bool = True, targets: dict[str, float] | None = None, growth: float | None = None,
         quick: bool = True, unit: str = "s", ceilings: dict[str, float] | None = None,
         ) -> Callable[[Callable[[CaseContext], Pair]], Callable[[CaseContext], Pair]]:
    """Register a benchmark case under `name` (unique), run at each of `scales`, judged by `targets` (ratio of
    ours to the baseline, per scale: met when the median ratio is at most the target) and `growth`."""

    def register(func: Callable[[CaseContext], Pair]) -> Callable[[CaseContext], Pair]:
        if name in REGISTRY:
            raise ValueError(f"benchmark case {name!r} is registered twice")
        unknown = set(targets or {}) - set(scales)
        if unknown:
            raise ValueError(f"benchmark case {name!r} has targets for scales it does not run: {sorted(unknown)}")
        doc = (func.__doc__ or "").strip().splitlines()
        REGISTRY[name] = Case(name, func, scales, rounds or {}, measure_memory, doc[0] if doc else "",
                              dict(targets or {}), growth, quick, unit, dict(ceilings or {}))
        return func

    return register


def discover() -> dict[str, Case]:
    """Import every module of benchmarks.cases so their cases register."""
    import benchmarks.cases as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return REGISTRY
