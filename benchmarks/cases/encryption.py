"""Encryption at rest: the same work on an encrypted store (SQLCipher) against the plain store it was made from.

Here the baseline is not raw SQL: it is our own operation on the plain store, so the ratio is the cost of
encryption alone (issue 16: ≤ 1.3×). Both stores have the same content, page size and pragmas; the
encrypted one is a `cipher.convert` of the plain one, cached beside the scale store (same key each run: a
benchmark key, never a user's).

- `encrypted_import`: `run_import` of N invoice lines (validation, bulk insert, roll-up) into a fresh copy of the
  same template, encrypted vs plain (copies made with the backup API, outside the timing).
- `encrypted_portfolio`: `portfolio_rows(as_of)` for all accounts on the scale store, encrypted vs plain, each
  through its own engine (pooled connections, as the app keeps them).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from benchmarks.cases.imports import LINES, template_store, write_csv
from benchmarks.registry import CaseContext, Pair, case
from benchmarks.scale import AS_OF

BENCH_KEY = bytes(range(32))  # a fixed key: the cached encrypted copy opens in every run
TARGET = 1.3


def _key() -> object:
    from kam_desktop.store.keys import KeySource, StoreKey

    return StoreKey(BENCH_KEY, KeySource.TYPED)


def encrypted_copy(plain: Path, target: Path) -> Path:
    """An encrypted copy of the store at `plain` (cached: made again when the plain store is newer)."""
    from kam_desktop.store import cipher

    if target.exists() and target.stat().st_mtime >= plain.stat().st_mtime:
        return target
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with closing(sqlite3.connect(plain)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    cipher.convert(target, None, BENCH_KEY, wipe_old=False)
    return target


def _fresh(template: Path, target: Path, key: bytes | None) -> None:
    """A new copy of `template` at `target` in the template's form (the backup API: a consistent, whole copy)."""
    from kam_desktop.store import cipher

    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    if key is None:
        with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
        return
    with closing(cipher.connect(template, key)) as source, closing(cipher.connect(target, key)) as copy:
        source.backup(copy)


@case("encrypted_import", scales=("small", "large"), rounds={"large": 3}, measure_memory=False,
      targets={"small": TARGET, "large": TARGET}, quick=False)
def encrypted_import(ctx: CaseContext) -> Pair:
    """run_import of N invoice lines into an encrypted store vs the same import into the plain store."""
    from kam_desktop.services.context import open_context
    from kam_desktop.services.imports.files import run_import
    from kam_desktop.store.store import Store

    ctx.work_dir.mkdir(parents=True, exist_ok=True)
    count = LINES[ctx.scale]
    source = ctx.work_dir / f"invoices-{count}-{ctx.seed}.csv"
    if not source.exists():
        write_csv(source, count, ctx.seed)
    template, template_enc = ctx.work_dir / "template.sqlite", ctx.work_dir / "template-encrypted.sqlite"
    template.unlink(missing_ok=True)
    template_enc.unlink(missing_ok=True)
    template_store(template)
    encrypted_copy(template, template_enc)
    plain_run, encrypted_run = ctx.work_dir / "plain.sqlite", ctx.work_dir / "encrypted.sqlite"

    def importing(target: Path, template_file: Path, key: bytes | None) -> object:
        _fresh(template_file, target, key)
        store = Store.open(target, key=_key() if key is not None else None)  # type: ignore[arg-type]
        try:
            report = run_import(open_context(store), source, "invoices")
        finally:
            store.dispose()
        assert report.ok and report.counts["invoice_lines_inserted"] == count, report.error_lines()[:5]
        return report

    def cleanup() -> None:
        for path in ctx.work_dir.glob("*.sqlite*"):
            path.unlink()

    return Pair(lambda: importing(encrypted_run, template_enc, BENCH_KEY), lambda: importing(plain_run, template, None),
                cleanup, note=f"{count:,} lines; baseline: the same import into the plain store")


@case("encrypted_portfolio", scales=("small", "large"), targets={"small": TARGET, "large": TARGET})
def encrypted_portfolio(ctx: CaseContext) -> Pair:
    """portfolio_rows(as_of) on the encrypted scale store vs the same on the plain scale store."""
    from kam_desktop.store.queries.portfolio import portfolio_rows
    from kam_desktop.store.store import Store

    plain_path = ctx.store()
    encrypted_path = encrypted_copy(plain_path, plain_path.with_name(plain_path.stem + "-encrypted.sqlite"))
    plain = Store.open(plain_path)
    encrypted = Store.open(encrypted_path, key=_key())  # type: ignore[arg-type]

    def rows(store: Store) -> int:
        with store.read() as session:
            return len(portfolio_rows(session, AS_OF))

    def cleanup() -> None:
        plain.dispose()
        encrypted.dispose()

    return Pair(lambda: rows(encrypted), lambda: rows(plain), cleanup,
                note="baseline: the same query on the plain store")
