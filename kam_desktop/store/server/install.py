"""`kamctl server init`: the store's schema by the same Alembic history, then the server's own SQL and security.

Idempotent: every step creates or replaces, so running it again after an upgrade brings an existing server to
this version. It needs a superuser (it creates roles, one with BYPASSRLS that only owns the functions).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from kam_desktop.store.migrate import script_location
from kam_desktop.store.server.policies import policy_statements


class ServerSetupError(RuntimeError):
    """The server cannot be set up as asked (not PostgreSQL, not a superuser, a file missing)."""


@dataclass(frozen=True)
class Installed:
    revision: str
    sql_files: tuple[str, ...]
    tables_secured: int


def server_sql_files() -> list[Path]:
    """db/server/NN_*.sql in the order they run (their numbers)."""
    folder = script_location() / "server"
    files = sorted(folder.glob("[0-9][0-9]_*.sql"))
    if not files:
        raise ServerSetupError(f"the server's SQL files are missing from {folder}")
    return files


def install(engine: Engine) -> Installed:
    """Roles, contract functions, decision functions, sync, and RLS on every table of an up-to-date schema."""
    if engine.dialect.name != "postgresql":
        raise ServerSetupError("a team server is a PostgreSQL database; give a postgresql:// URL")
    with engine.begin() as connection:
        if not connection.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")):
            raise ServerSetupError(f"setting up a team server needs a superuser; {connection.scalar(text('SELECT current_user'))} is not one")
        files = server_sql_files()
        for path in files:
            _run_script(connection, path)
        tables = [str(n) for (n,) in connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))]
        _run_sql(connection, ";\n".join(policy_statements(tables)))
        revision = str(connection.scalar(text("SELECT version_num FROM alembic_version")))
    return Installed(revision, tuple(p.name for p in files), len(tables))


def _run_script(connection: Connection, path: Path) -> None:
    _run_sql(connection, path.read_text(encoding="utf-8"))


def _run_sql(connection: Connection, script: str) -> None:
    """SQL as the driver sends it, without parameters: `format('%I')` and `$$` bodies stay as written."""
    driver = connection.connection.driver_connection
    if driver is None:
        raise ServerSetupError("no database connection")
    driver.execute(script)
