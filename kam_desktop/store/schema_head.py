"""The schema revision this KAM Desktop ships (the head of db/versions), readable without importing Alembic.

Opening a store compares its `alembic_version` with this constant by plain SQL: at head, Alembic (about a
second of imports) is never loaded. A test keeps the constant equal to Alembic's head of db/versions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is imported where it is used: the quick first paint reads SCHEMA_HEAD without it
    from sqlalchemy import Engine

SCHEMA_HEAD = "0019"


def stored_revisions(engine: Engine) -> list[str] | None:
    """The revisions recorded in the database's `alembic_version`; None when it has no such table."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as connection:
            return [str(v) for (v,) in connection.execute(text("SELECT version_num FROM alembic_version"))]
    except DBAPIError:  # a new, empty database: the full migration path creates everything
        return None


def at_head(engine: Engine) -> bool:
    """True when the database is exactly at SCHEMA_HEAD (anything else takes the full Alembic path)."""
    return stored_revisions(engine) == [SCHEMA_HEAD]
