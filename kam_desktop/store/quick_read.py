"""The portfolio read straight from a SQLite file with the standard library, for the first paint of a start.

Importing SQLAlchemy and declaring the models takes longer than starting Qt and showing a window, so a
start at an existing local store reads the portfolio here first and opens the real store after the
window shows. The SQL mirrors `queries.portfolio.portfolio_query` (all accounts, no owner filter); a
test keeps both giving the same rows. Anything unusual (no file, another schema revision, an empty
store, a read error) answers None and the start takes the ordinary path, which explains problems.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path

from kam_desktop.domain.fx import FxTable
from kam_desktop.domain.kpi import is_churned
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.vocabulary import ExceptionStatus, GrantStatus
from kam_desktop.paths import default_database_path
from kam_desktop.store.codec import scaled_decimal
from kam_desktop.store.portfolio_row import DEFAULT_CHURN_MONTHS, PortfolioRow, base_ltv, sales_window_start
from kam_desktop.store.schema_head import SCHEMA_HEAD

log = logging.getLogger(__name__)

MONEY_SCALE, RATE_SCALE = 2, 6  # as the Money() and Rate() column types keep them on SQLite
DEFAULT_BASE_CURRENCY = "PLN"  # as store.queries.fx

PORTFOLIO_SQL = """
SELECT a.id, a.code, a.name, a.kind, a.status, u.login, a.currency, a.region,
       g.grade, g.segment, g.at_risk, g.evaluated_on, s.ltv, s.ltv_prev, b.n, x.n, s.last_on, d.period
FROM accounts AS a
LEFT OUTER JOIN users AS u ON u.id = a.owner_id
LEFT OUTER JOIN (
    SELECT account_id,
           coalesce(sum(CASE WHEN invoice_date >= :first THEN net_amount ELSE 0 END), 0) AS ltv,
           coalesce(sum(CASE WHEN invoice_date >= :prev_first AND invoice_date < :first
                             THEN net_amount ELSE 0 END), 0) AS ltv_prev,
           max(invoice_date) AS last_on
    FROM invoice_lines
    WHERE invoice_date BETWEEN :window_start AND :last
    GROUP BY account_id
) AS s ON s.account_id = a.id
LEFT OUTER JOIN (
    SELECT e.account_id, e.grade, e.segment, e.at_risk, e.evaluated_on
    FROM grade_evaluations AS e
    JOIN (SELECT account_id, max(evaluated_on) AS "on" FROM grade_evaluations
          WHERE evaluated_on <= :as_of GROUP BY account_id) AS latest
      ON latest.account_id = e.account_id AND latest."on" = e.evaluated_on
) AS g ON g.account_id = a.id
LEFT OUTER JOIN (
    SELECT account_id, count(*) AS n FROM benefit_grants
    WHERE status IN ({grants}) AND deleted_at IS NULL GROUP BY account_id
) AS b ON b.account_id = a.id
LEFT OUTER JOIN (
    SELECT account_id, count(*) AS n FROM exception_requests
    WHERE status IN ({exceptions}) AND deleted_at IS NULL GROUP BY account_id
) AS x ON x.account_id = a.id
LEFT OUTER JOIN (
    SELECT account_id, max(period) AS period FROM documents
    WHERE kind = 'statement' AND status IN ('issued', 'signed') AND deleted_at IS NULL GROUP BY account_id
) AS d ON d.account_id = a.id
WHERE a.deleted_at IS NULL
ORDER BY a.code
""".format(
    grants=", ".join(f"'{s.value}'" for s in (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL, GrantStatus.ACTIVE)),
    exceptions=", ".join(f"'{s.value}'" for s in (ExceptionStatus.DRAFT, ExceptionStatus.SUBMITTED)),
)


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


def ready_store(path: Path) -> bool:
    """True when the file is a store at this version's schema with accounts in it (else the ordinary start runs)."""
    try:
        with closing(_connect(path)) as connection:
            return _revisions(connection) == [SCHEMA_HEAD] and connection.execute(
                "SELECT 1 FROM accounts WHERE deleted_at IS NULL LIMIT 1").fetchone() is not None
    except sqlite3.Error as error:  # locked, damaged, not a database: the ordinary open says what to do
        log.info("quick start skipped: %s", error)
        return False


def read_portfolio(path: Path, as_of: date) -> list[PortfolioRow]:
    """Every account of the store at `path` with its figures as of a day (sqlite3.Error when it cannot)."""
    with closing(_connect(path)) as connection:
        return _portfolio(connection, as_of, _fx_table(connection))


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10, check_same_thread=False)
    connection.execute("PRAGMA query_only = ON")  # this module only ever reads
    return connection


def _revisions(connection: sqlite3.Connection) -> list[str] | None:
    try:
        return [str(v) for (v,) in connection.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.OperationalError:  # no such table
        return None


def _portfolio(connection: sqlite3.Connection, as_of: date, fx: FxTable) -> list[PortfolioRow]:
    first, last = trailing_window(as_of, 12)
    prev_first, _ = trailing_window(as_of, 24)
    churn_after = _churn_months(connection, as_of)
    params = {"first": first.isoformat(), "prev_first": prev_first.isoformat(), "last": last.isoformat(),
              "as_of": as_of.isoformat(), "window_start": sales_window_start(as_of, churn_after).isoformat()}
    zero = Decimal("0.00")

    def ltv_of(amount: int | None) -> Decimal:
        return zero if amount is None else scaled_decimal(amount, MONEY_SCALE)

    return [
        PortfolioRow(
            account_id=uuid.UUID(hex=account_id), code=code, name=name, kind=kind, status=status, owner=owner,
            currency=currency, region=region, grade=grade, segment=segment, at_risk=bool(at_risk),
            evaluated_on=date.fromisoformat(evaluated_on) if evaluated_on else None,
            ltv_12m=(ltv_12m := ltv_of(ltv)), ltv_prev_12m=ltv_of(ltv_prev),
            open_benefits=benefits or 0, pending_exceptions=exceptions or 0,
            ltv_12m_base=base_ltv(fx, ltv_12m, currency, as_of), base_currency=fx.base,
            last_invoice_on=(last_on := date.fromisoformat(last_invoice) if last_invoice else None),
            churned=is_churned(last_on, as_of, churn_after), last_statement=statement,
        )
        for (account_id, code, name, kind, status, owner, currency, region, grade, segment, at_risk, evaluated_on,
             ltv, ltv_prev, benefits, exceptions, last_invoice, statement) in connection.execute(PORTFOLIO_SQL, params)
    ]


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
