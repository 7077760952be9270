"""One settling transaction at a time on a shared server: a quarter's close and the facts landing in it never interleave.

On PostgreSQL (READ COMMITTED) a close reads the quarter's sales while an import's lines may still be uncommitted,
and the import, not yet seeing the close, books no late facts: its accruals were lost, silently (issue 16: 4 races
in 8). Every transaction that decides ledger entries from the sales or from the lots takes this lock before it
reads them; it is held until that transaction ends, so the second one reads what the first committed. SQLite
needs nothing here: every writer there starts with BEGIN IMMEDIATE, which already lets one write at a time.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# one key for the whole store: settling is rare and short next to the reading around it, a finer lock (per quarter
# or account) would have to know in advance every quarter an import's lines fall in
_TAKE = text("SELECT pg_advisory_xact_lock(hashtextextended('kam.settlement', 0))")


def hold_settlement(session: Session) -> None:
    """Wait for any other settling transaction to end; ours holds the lock until it commits or rolls back."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_TAKE)
