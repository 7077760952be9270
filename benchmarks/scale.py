"""Deterministic scale stores: `python -m benchmarks.scale --scale small|large --out PATH`.

small: 200 accounts, ~50k invoice lines; large: 20,000 accounts, ~5M lines. Everything but the
invoice lines goes through the demo's generators and SQLAlchemy's bind processors; the lines go
through sqlite3 `executemany` in big chunks, in the same transaction, on a store that `Store.open`
created and migrated. Built stores are cached under bench-out/ keyed by scale, seed, date, schema head.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from benchmarks import OUT_DIR, use_bench_data_dir

SCALES = {"small": 200, "large": 20_000}
AS_OF = date(2026, 3, 31)  # fixed: scale data must not depend on the day it is built
DEFAULT_SEED = 1
GENERATOR_VERSION = 2  # bump when the generators change, to retire cached stores
LINE_INDEXES_REBUILT = ("ix_invoice_lines_account_date", "ix_invoice_lines_date", "ix_invoice_lines_import_id")


@dataclass(frozen=True)
class BuildResult:
    path: Path
    seconds: float
    accounts: int
    invoice_lines: int


def schema_head() -> str:
    from alembic.script import ScriptDirectory

    from kam_desktop.store.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def cached_path(scale: str, seed: int = DEFAULT_SEED) -> Path:
    return OUT_DIR / f"store-{scale}-seed{seed}-{AS_OF.isoformat()}-{schema_head()}-g{GENERATOR_VERSION}.sqlite"


def ensure_store(scale: str, seed: int = DEFAULT_SEED) -> Path:
    """The cached store for (scale, seed), built once."""
    path = cached_path(scale, seed)
    if not path.exists():
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        build(scale, partial, seed=seed)
        partial.rename(path)
    return path


def build(scale: str, out: Path, *, seed: int = DEFAULT_SEED, accounts: int | None = None) -> BuildResult:
    """Create and migrate a store at `out` and fill it at `scale` (or with `accounts` accounts)."""
    use_bench_data_dir()
    from benchmarks.rawsql import RawSqliteWriter
    from kam_desktop.demo.company import populate
    from kam_desktop.demo.defaults import load_defaults
    from kam_desktop.services.demo.setup import ensure_defaults
    from kam_desktop.store import rollup
    from kam_desktop.store.store import Store

    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{out}{suffix}")
        if path.exists() and not path.is_file():  # `--out /dev/null` once replaced the machine's /dev/null
            raise ValueError(f"{path} exists and is not a store file: give a file path to (re)create")
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    store = Store.open(out)
    try:
        with store.unit_of_work("bench") as uow:
            ensure_defaults(uow.session)
            defaults = load_defaults(uow.session)
            uow.session.flush()
            conn = uow.session.connection().connection.driver_connection
            conn.execute("PRAGMA cache_size=-262144")  # 256 MiB: index pages stay in memory while loading
            saved = _drop_line_indexes(conn)
            summary = populate(RawSqliteWriter(conn), defaults, seed=seed, as_of=AS_OF,
                               accounts=accounts or SCALES[scale])
            for sql in saved:  # a sorted index build beats millions of random B-tree inserts
                conn.execute(sql)
            rollup.rebuild(uow.session.connection())  # raw line inserts pass no upkeep: sum the roll-up once
            uow.commit()
        with store.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            c.exec_driver_sql("ANALYZE")
    finally:
        store.dispose()
    return BuildResult(out, time.perf_counter() - started, summary.accounts, summary.invoice_lines)


def _drop_line_indexes(conn: object) -> list[str]:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice_lines' AND sql IS NOT NULL"
    ).fetchall()
    saved = []
    for name, sql in rows:
        if name in LINE_INDEXES_REBUILT:
            conn.execute(f'DROP INDEX "{name}"')  # type: ignore[attr-defined]
            saved.append(sql)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), required=True)
    parser.add_argument("--out", type=Path, help="store file to (re)create; default: the cache in bench-out/")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.out is None:
        existed = cached_path(args.scale, args.seed).exists()
        path = ensure_store(args.scale, args.seed)
        print(f"{'cached' if existed else 'built'}: {path}")
        return 0
    if not args.out.parent.is_dir():
        print(f"error: folder {args.out.parent} does not exist", file=sys.stderr)
        return 2
    if args.out.exists() and not args.out.is_file():  # build() unlinks the target: never a device or a folder
        print(f"error: {args.out} exists and is not a store file; give a file path to (re)create", file=sys.stderr)
        return 2
    result = build(args.scale, args.out.resolve(), seed=args.seed)
    print({k: str(v) if isinstance(v, Path) else v for k, v in asdict(result).items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
