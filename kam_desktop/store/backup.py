"""Backups of the embedded SQLite store: online copies, verified structurally, restored in one locked step.

A backup is verified as a store, not only as a SQLite file: `PRAGMA integrity_check`, no foreign-key
violation, one schema revision recorded, and every table a store of that age must have. A restore takes
the write lock of the live store first, saves what is there, replaces it, and commits once, so that no
write acknowledged in between can be lost and a failure leaves the old content in place.

The backup of an encrypted store is encrypted with the store's key (SQLCipher's backup copies pages between
two databases with the same key and refuses a plain target), and verifies only with it. Each file is opened
in its own form: a plain backup by sqlite3, an encrypted one by sqlcipher3 with the key given.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from kam_desktop.store import cipher
from kam_desktop.store.cipher import sqlite_uri
from kam_desktop.store.schema_head import SCHEMA_HEAD

# Tables every KAM Desktop store has had since its first release (schema revision 0001).
CORE_TABLES = frozenset({
    "alembic_version", "audit_log", "benefit_catalog", "commercial_policies", "fx_rates", "product_categories",
    "program_configs", "settings", "sync_conflicts", "sync_outbox", "sync_state", "users", "accounts",
    "earning_rules", "policy_caps", "program_grade_terms", "contacts", "documents", "exception_requests",
    "grade_overrides", "invoice_lines", "ledger_entries", "potential_slots", "approval_steps", "benefit_grants",
    "document_files", "grade_evaluations", "ledger_allocations",
})
LOCK_TIMEOUT_S = 30.0  # a restore waits this long for a running write to finish


class BackupError(RuntimeError):
    """A backup or restore that could not be made or verified; the live store is untouched."""


def connect_read_only(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A read-only connection to the database at `path` in its own form (an encrypted one needs `key`)."""
    if cipher.is_encrypted(path):
        if key is None:
            raise BackupError(f"{path} is encrypted and no key for it was given")
        return cipher.connect(sqlite_uri(path), key, uri=True, timeout=LOCK_TIMEOUT_S)  # type: ignore[no-any-return]
    return sqlite3.connect(sqlite_uri(path), uri=True, timeout=LOCK_TIMEOUT_S)


def backup_sqlite(source: Path, target: Path, key: bytes | None = None) -> Path:
    """Copy a live SQLite database to `target` (online backup API, never a file copy), then verify it.

    `key`: the source is encrypted with it, and so is the backup.
    """
    if target.exists():
        raise BackupError(f"{target} already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(connect_read_only(source, key)) as src, closing(_new_file(partial, key)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        verify_store(partial, SCHEMA_HEAD, key=key)
    except (*cipher.database_errors(), BackupError) as exc:  # type: ignore[misc]  # a tuple at run time
        partial.unlink(missing_ok=True)
        raise BackupError(f"{target} could not be written: {exc}") from exc
    partial.replace(target)
    return target


def _new_file(path: Path, key: bytes | None) -> sqlite3.Connection:
    """A connection that creates the database at `path`: encrypted with `key`, or plain."""
    return sqlite3.connect(path) if key is None else cipher.connect(path, key)


def verify_sqlite(path: Path, key: bytes | None = None) -> None:
    """Raise BackupError unless `path` is a SQLite database that passes `PRAGMA integrity_check`."""
    with _opened(path, key) as con:
        _check_integrity(con, path)


def verify_store(path: Path, schema_head: str | None = None, *, key: bytes | None = None) -> str:
    """Raise BackupError unless `path` is a sound KAM Desktop store; return its schema revision.

    Sound: integrity_check ok, no foreign-key violation, exactly one revision in alembic_version, the
    tables of the first release present, and at `schema_head` every table of `required_at_head()`.
    An encrypted file is read with `key` (a file that does not open with it is not verified).
    """
    with _opened(path, key) as con:
        _check_integrity(con, path)
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = sorted(CORE_TABLES - tables)
        if missing:
            raise BackupError(f"{path} is not a complete KAM Desktop store: tables missing: {', '.join(missing)}")
        revisions = [str(v) for (v,) in con.execute("SELECT version_num FROM alembic_version")]
        if len(revisions) != 1:
            raise BackupError(f"{path} records {len(revisions)} schema revisions instead of one")
        if revisions[0] == schema_head:
            missing = sorted(required_at_head() - tables)
            if missing:
                raise BackupError(f"{path} is not a complete KAM Desktop store: tables missing: {', '.join(missing)}")
        violations = con.execute("PRAGMA foreign_key_check").fetchmany(5)
        if violations:
            found = "; ".join(f"{row[0]} row {row[1]} → {row[2]}" for row in violations)
            raise BackupError(f"{path} has rows pointing at nothing (foreign keys): {found}")
        return revisions[0]


def required_at_head() -> frozenset[str]:
    """Every table of this version's data model (and Alembic's version table)."""
    from kam_desktop.store.models import Base

    return frozenset(Base.metadata.tables) | {"alembic_version"}


@contextmanager
def _opened(path: Path, key: bytes | None) -> Iterator[sqlite3.Connection]:
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    try:
        with closing(connect_read_only(path, key)) as con:
            yield con
    except cipher.database_errors() as exc:
        if cipher.is_encrypted(path) and "not a database" in str(exc):
            raise BackupError(f"{path} is encrypted with another key than this store's") from exc
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from exc


def _check_integrity(con: sqlite3.Connection, path: Path) -> None:
    result = con.execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        problems = "; ".join(str(row[0]) for row in result[:5])
        raise BackupError(f"{path} failed the integrity check: {problems}")


def restore_sqlite(backup: Path, target: Path, safety: Path, key: bytes | None = None) -> Path:
    """Replace the content of the live database `target` with `backup`, saving the old content to `safety`.

    One transaction on `target` under its write lock (BEGIN IMMEDIATE): the safety copy holds exactly
    what is replaced, a write that was acknowledged before the lock is in it, a write after waits and
    lands on the restored content. On any failure nothing is committed and the live store is unchanged.
    `key`: the live store is encrypted with it; the safety copy is then encrypted too, and the backup may be
    plain or encrypted with the same key. A plain store takes only a plain backup (its live file is never
    opened by the second SQLite library).
    """
    refuse_encrypted_into_plain(backup, key)
    verify_store(backup, SCHEMA_HEAD, key=key)
    if safety.exists():
        raise BackupError(f"{safety} already exists; choose a new file name")
    backup_key = key if cipher.is_encrypted(backup) else None
    partial = safety.with_name(safety.name + ".partial")
    partial.unlink(missing_ok=True)
    con = _live(target, key)
    try:
        con.execute("PRAGMA foreign_keys=OFF")  # checked once the whole content is in place
        if key is None:
            con.execute("ATTACH DATABASE ? AS safety", (str(partial),))
            con.execute("ATTACH DATABASE ? AS incoming", (sqlite_uri(backup),))
        else:  # each attached file in its own form: the safety copy as the store, the backup as it is
            con.execute("ATTACH DATABASE ? AS safety KEY ?", (str(partial), cipher.key_text(key)))
            con.execute("ATTACH DATABASE ? AS incoming KEY ?", (sqlite_uri(backup), cipher.key_text(backup_key)))
        con.execute("BEGIN IMMEDIATE")
        try:
            _copy_schema_and_rows(con, "main", "safety")
            _drop_everything(con, "main")
            _copy_schema_and_rows(con, "incoming", "main")
            _check_after_restore(con)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    except cipher.database_errors() as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the restore was not made, the store is unchanged: {exc}") from exc
    finally:
        con.close()
    partial.replace(safety)
    return safety


def refuse_encrypted_into_plain(backup: Path, key: bytes | None) -> None:
    """A plain store (`key` None) takes only a plain backup: say so before anything else is tried."""
    if key is None and cipher.is_encrypted(backup):
        raise BackupError(f"{backup} is encrypted and this store is not: encrypt the store first "
                          "(`kamctl store encrypt`), then restore the backup")


def _live(target: Path, key: bytes | None) -> sqlite3.Connection:
    """A read-write connection to the live store, by the library its form needs."""
    if key is None:
        return sqlite3.connect(sqlite_uri(target, "rw"), uri=True, timeout=LOCK_TIMEOUT_S, isolation_level=None)
    return cipher.connect(sqlite_uri(target, "rw"), key, uri=True, timeout=LOCK_TIMEOUT_S,  # type: ignore[no-any-return]
                          isolation_level=None)


def _objects(con: sqlite3.Connection, schema: str) -> list[tuple[str, str, str]]:
    """(type, name, sql) of a schema's own objects, tables first; SQLite's internal ones excluded."""
    rows = con.execute(
        f"SELECT type, name, sql FROM {schema}.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid"
    ).fetchall()
    return [(str(t), str(n), str(s)) for t, n, s in rows]


def _copy_schema_and_rows(con: sqlite3.Connection, source: str, target: str) -> None:
    objects = _objects(con, source)
    for kind, name, sql in objects:
        if kind == "table":
            con.execute(_in_schema(sql, kind, name, target))
            con.execute(f'INSERT INTO {target}."{name}" SELECT * FROM {source}."{name}"')
    for kind, name, sql in objects:
        if kind != "table":
            con.execute(_in_schema(sql, kind, name, target))
    if _has_table(con, source, "sqlite_sequence") and _has_table(con, target, "sqlite_sequence"):
        con.execute(f"DELETE FROM {target}.sqlite_sequence")
        con.execute(f"INSERT INTO {target}.sqlite_sequence SELECT * FROM {source}.sqlite_sequence")


def _in_schema(sql: str, kind: str, name: str, schema: str) -> str:
    """`CREATE TABLE x (...)` as `CREATE TABLE schema."x" (...)`: the object's own name is qualified."""
    keyword = {"table": "TABLE", "index": "INDEX", "trigger": "TRIGGER", "view": "VIEW"}[kind]
    head, found, rest = sql.partition(keyword)
    if not found:
        raise sqlite3.DatabaseError(f"cannot read the definition of {name}")
    prefix = "IF NOT EXISTS " if rest.lstrip().upper().startswith("IF NOT EXISTS") else ""
    body = rest.lstrip()[len(prefix):].lstrip()
    for spelled in (f'"{name}"', f"`{name}`", f"[{name}]", name):
        if body.startswith(spelled):
            return f'{head}{keyword} {prefix}{schema}."{name}"{body[len(spelled):]}'
    raise sqlite3.DatabaseError(f"cannot read the definition of {name}")


def _drop_everything(con: sqlite3.Connection, schema: str) -> None:
    for kind, name, _ in reversed(_objects(con, schema)):
        if kind in ("trigger", "view", "table"):  # an index goes with its table
            con.execute(f'DROP {kind.upper()} IF EXISTS {schema}."{name}"')


def _has_table(con: sqlite3.Connection, schema: str, name: str) -> bool:
    found = con.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?", (name,))
    return found.fetchone() is not None


def _check_after_restore(con: sqlite3.Connection) -> None:
    if con.execute("PRAGMA main.foreign_key_check").fetchone() is not None:
        raise sqlite3.IntegrityError("the restored content has rows pointing at nothing (foreign keys)")
    if con.execute("PRAGMA safety.integrity_check").fetchall() != [("ok",)]:
        raise sqlite3.DatabaseError("the copy of the current content did not pass the integrity check")


def timestamped_name(prefix: str) -> str:
    return f"{prefix}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}.sqlite"
