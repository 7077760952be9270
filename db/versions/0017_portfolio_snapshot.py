"""portfolio snapshot: the last portfolio a start showed, and a count of changes to the tables it is computed from
(SQLite triggers), so that a start shows it at once only while it is exact

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables the portfolio statement (store/queries/portfolio.py) reads, as of this revision, but the sales: the
# lines and their roll-up are written only by store/rollup.py's writers (every writer of lines keeps the roll-up in
# the same transaction), which count one change per statement. A trigger costs ~1.7 us a row: a second per 1M-line
# import on the lines, ~5% of a first sync on the roll-up's cells.
SOURCE_TABLES = ("accounts", "users", "grade_evaluations", "benefit_grants", "exception_requests", "documents",
                 "program_configs", "settings", "fx_rates")
EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        'data_generation',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('generation', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_generation')),
    )
    op.create_table(
        'portfolio_snapshots',
        sa.Column('as_of', sa.Date(), nullable=False),
        sa.Column('generation', sa.BigInteger(), nullable=False),
        sa.Column('version', sa.String(length=64), nullable=False),
        sa.Column('rows', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('as_of', name=op.f('pk_portfolio_snapshots')),
    )
    op.execute("INSERT INTO data_generation (id, generation) VALUES (1, 0)")
    if op.get_bind().dialect.name != "sqlite":  # only a local file starts from a snapshot
        return
    for table in SOURCE_TABLES:
        for event in EVENTS:
            # one statement per changed row, on a one-row table: about a microsecond
            op.execute(f"CREATE TRIGGER tg_{table}_{event}_generation AFTER {event.upper()} ON {table} "
                       "BEGIN UPDATE data_generation SET generation = generation + 1 WHERE id = 1; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in SOURCE_TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS tg_{table}_{event}_generation")
    op.drop_table('portfolio_snapshots')
    op.drop_table('data_generation')
