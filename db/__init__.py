"""Alembic migration history of the KAM Desktop store (one history for SQLite and PostgreSQL)."""
