"""Persistence: SQLAlchemy models, engines (SQLite | PostgreSQL), unit of work, migrations, backups."""
