"""The portfolio read straight from a SQLite file with the standard library, for the first paint of a start.

Importing SQLAlchemy and declaring the models takes longer than starting Qt and showing a window, so a
start at an existing local store reads the portfolio here first and opens the real store after the
window shows. The SQL is `queries.portfolio`'s statement compiled for SQLite (`store/portfolio_sql.py`,
generated; a test keeps it equal to a fresh compile). Anything unusual (no file, another schema revision, an empty
store, a read error, an encrypted file without its key) answers None and the start takes the ordinary path,
which explains problems. An encrypted store is read by sqlcipher3 with its key, as the store itself opens it.
The portfolio a start showed is remembered in the store (`portfolio_snapshot`): while the data, the day and the
build are the same, the next start reads it instead of running the statement.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kam_desktop.domain.churn import DEFAULT_CHURN_MONTHS, churn_cutoff
from kam_desktop.domain.fx import FxTable
from kam_desktop.paths import default_database_path
from kam_desktop.store import cipher, portfolio_snapshot
from kam_desktop.store.codec import scaled_decimal
from kam_desktop.store.portfolio_row import PortfolioRow, portfolio_dates, sqlite_rows
from kam_desktop.store.portfolio_sql import PORTFOLIO_SQL
from kam_desktop.store.schema_head import SCHEMA_HEAD

log = logging.getLogger(__name__)

RATE_SCALE = 6  # as the Rate() column type keeps it on SQLite
DEFAULT_BASE_CURRENCY = "PLN"  # as store.queries.fx

def sqlite_file(db: str | os.PathLike[str] | None) -> Path | None:
    """The existing SQLite file `--db`/`KAM_DB`/the default names; None for a server URL or no file yet."""
    value = os.fspath(db) if db is not None else os.environ.get("KAM_DB") or None
    if value is None:
        path = default_database_path()
    elif "://" not in value:
        path = Path(value)
    elif value.startswith("sqlite:///"):
        path = Path(value.removeprefix("sqlite:///"))
    else:
        return None
    path = path.expanduser()
    return path.resolve() if path.is_file() else None


def ready_store(path: Path, key: bytes | None = None) -> bool:
    """True when the file is a store at this version's schema with accounts in it (else the ordinary start runs).

    `key`: the file is encrypted with it.
    """
    try:
        with closing(_connect(path, key)) as connection:
            return _ready(connection)
    except cipher.database_errors() as error:  # locked, damaged, a wrong key: the ordinary open says what to do
        log.info("quick start skipped: %s", error)
        return False


def solo_person(path: Path, login: str, key: bytes | None = None) -> tuple[str, str] | None:
    """(login, role) of the active person `login` of a store not bound to a team server; None otherwise (a bound
    laptop acts as the login that connected it, an unknown or inactive person is refused: the ordinary open says so)."""
    try:
        with closing(_connect(path, key)) as connection:
            return _solo_person(connection, login)
    except cipher.database_errors() as error:
        log.info("quick start skipped: %s", error)
        return None


def ready_solo_person(path: Path, login: str, key: bytes | None = None) -> tuple[str, str] | None:
    """`solo_person` of a `ready_store`; None when either says no. One connection for both: each new one parses
    the whole schema again (~0.7 ms of a start)."""
    try:
        with closing(_connect(path, key)) as connection:
            return _solo_person(connection, login) if _ready(connection) else None
    except cipher.database_errors() as error:  # locked, damaged, a wrong key: the ordinary open says what to do
        log.info("quick start skipped: %s", error)
        return None


def _ready(connection: sqlite3.Connection) -> bool:
    return _revisions(connection) == [SCHEMA_HEAD] and connection.execute(
        "SELECT 1 FROM accounts WHERE deleted_at IS NULL LIMIT 1").fetchone() is not None


def _solo_person(connection: sqlite3.Connection, login: str) -> tuple[str, str] | None:
    if connection.execute("SELECT 1 FROM sync_state WHERE login IS NOT NULL LIMIT 1").fetchone():
        return None
    found = connection.execute("SELECT login, role FROM users WHERE login = ? AND active AND deleted_at IS NULL",
                               (login,)).fetchone()
    return None if found is None else (str(found[0]), str(found[1]))


@dataclass(frozen=True)
class PortfolioRead:
    """A portfolio as read at a start: its rows, the data generation they were read at (None: a store that does not
    count its changes) and whether they came from the remembered snapshot."""

    rows: list[PortfolioRow]
    generation: int | None
    remembered: bool


def read_portfolio(path: Path, as_of: date, key: bytes | None = None) -> PortfolioRead:
    """Every account of the store at `path` with its figures as of a day: the remembered snapshot while it is
    exact, else the portfolio statement's rows (a database error when it cannot)."""
    with closing(_connect(path, key)) as connection:
        connection.execute("BEGIN")  # one read transaction: the generation and the rows it counts
        try:
            at = portfolio_snapshot.generation(connection)
            remembered = None if at is None else portfolio_snapshot.read(connection, as_of, at)
            if remembered is not None:
                return PortfolioRead(remembered, at, remembered=True)
            return PortfolioRead(_portfolio(connection, as_of, _fx_table(connection)), at, remembered=False)
        finally:
            connection.rollback()


def remember_portfolio(path: Path, as_of: date, read: PortfolioRead, key: bytes | None = None) -> bool:
    """Keep `read` as the store's portfolio snapshot for the next start (False when it was not worth keeping or the
    data has changed since it was read)."""
    if read.remembered or read.generation is None:
        return False
    with closing(_connect(path, key, writes=True)) as connection:
        return portfolio_snapshot.write(connection, as_of, read.generation, read.rows)


def _connect(path: Path, key: bytes | None, writes: bool = False) -> sqlite3.Connection:
    if key is None:
        connection = sqlite3.connect(path, timeout=10, check_same_thread=False)
    else:
        connection = cipher.connect(path, key, timeout=10, check_same_thread=False)
    if not writes:
        connection.execute("PRAGMA query_only = ON")  # only the snapshot is ever written, and not through this one
    return connection


def _revisions(connection: sqlite3.Connection) -> list[str] | None:
    try:
        return [str(v) for (v,) in connection.execute("SELECT version_num FROM alembic_version")]
    except cipher.database_errors() as error:
        if "no such table" not in str(error):
            raise
        return None


def _portfolio(connection: sqlite3.Connection, as_of: date, fx: FxTable) -> list[PortfolioRow]:
    churn_after = _churn_months(connection, as_of)
    params = {name: value if isinstance(value, str) else value.isoformat()
              for name, value in portfolio_dates(as_of, churn_after).items()}
    return sqlite_rows(connection.execute(PORTFOLIO_SQL, params), churn_cutoff(as_of, churn_after), fx, as_of)


def _churn_months(connection: sqlite3.Connection, on: date) -> int:
    found = connection.execute(
        "SELECT churn_months FROM program_configs WHERE valid_from <= ? AND deleted_at IS NULL "
        "ORDER BY valid_from DESC LIMIT 1", (on.isoformat(),)).fetchone()
    return int(found[0]) if found and found[0] else DEFAULT_CHURN_MONTHS


def _fx_table(connection: sqlite3.Connection) -> FxTable:
    stored = connection.execute("SELECT value FROM settings WHERE key = 'company.base_currency'").fetchone()
    base = str(json.loads(stored[0])) if stored and stored[0] else DEFAULT_BASE_CURRENCY
    rates = connection.execute(
        "SELECT rate_date, currency, rate FROM fx_rates WHERE base_currency = ? AND deleted_at IS NULL", (base,))
    return FxTable.of(base, [(date.fromisoformat(d), c, scaled_decimal(r, RATE_SCALE)) for d, c, r in rates])
