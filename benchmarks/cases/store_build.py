"""Building a scale store (migrations, defaults, demo generators, raw lines) vs raw inserts into bare tables."""

from __future__ import annotations

import sqlite3

from benchmarks.rawsql import RawSqliteWriter
from benchmarks.registry import CaseContext, Pair, case
from benchmarks.scale import AS_OF, SCALES, build
from kam_desktop.store.models import Base


def _bare_schema(conn: sqlite3.Connection) -> None:
    for table in Base.metadata.sorted_tables:
        conn.execute(f"CREATE TABLE {table.name} ({', '.join(c.name for c in table.columns)})")


@case("store_build", scales=("small", "large"), rounds={"large": 1}, measure_memory=False)
def store_build(ctx: CaseContext) -> Pair:
    """Store.open + migrate + defaults + all demo tables at scale; baseline: same rows, bare tables, no indexes."""
    from kam_desktop.demo.company import populate
    from kam_desktop.demo.defaults import load_defaults
    from kam_desktop.services.demo.setup import ensure_defaults
    from kam_desktop.store.store import Store

    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    target, bare = ctx.work_dir / "build.sqlite", ctx.work_dir / "bare.sqlite"
    defaults_store = Store.open(ctx.work_dir / "defaults.sqlite")
    with defaults_store.unit_of_work("bench") as uow:
        ensure_defaults(uow.session)
        uow.commit()
    with defaults_store.read() as session:
        defaults = load_defaults(session)
    defaults_store.dispose()

    def run() -> object:
        return build(ctx.scale, target, seed=ctx.seed)

    def baseline() -> object:
        bare.unlink(missing_ok=True)
        conn = sqlite3.connect(bare)
        try:
            _bare_schema(conn)
            summary = populate(RawSqliteWriter(conn), defaults, seed=ctx.seed, as_of=AS_OF,
                               accounts=SCALES[ctx.scale])
            conn.commit()
            return summary
        finally:
            conn.close()

    def cleanup() -> None:
        for path in ctx.work_dir.glob("*.sqlite*"):
            path.unlink()

    return Pair(run, baseline, cleanup, note="both include generating the rows in Python")
