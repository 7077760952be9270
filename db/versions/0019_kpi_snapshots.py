"""kpi snapshots: the Reports screen's figures remembered at the data generation they were computed at, and counts
of changes to the other tables the KPIs and the simulator read (SQLite triggers, as 0017's)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables the KPIs (services/reports/kpi.py) and the simulator's bases read that 0017 does not count: the ledger
# and its allocations (reward costs), the survey slots (share of wallet), the category codes (the basket), the grade terms and earning
# rules (the program in force). 0017 counts the rest; the sales are counted by store/rollup.py's writers.
SOURCE_TABLES = ("ledger_entries", "ledger_allocations", "potential_slots", "product_categories", "program_grade_terms",
                 "earning_rules")
EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.create_table(
        'kpi_snapshots',
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('scope', sa.String(length=120), nullable=False),
        sa.Column('as_of', sa.Date(), nullable=False),
        sa.Column('generation', sa.BigInteger(), nullable=False),
        sa.Column('version', sa.String(length=64), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'scope', 'as_of', name=op.f('pk_kpi_snapshots')),
    )
    if op.get_bind().dialect.name != "sqlite":  # only a laptop's file remembers the figures
        return
    for table in SOURCE_TABLES:
        for event in EVENTS:
            op.execute(f"CREATE TRIGGER tg_{table}_{event}_generation AFTER {event.upper()} ON {table} "
                       "BEGIN UPDATE data_generation SET generation = generation + 1 WHERE id = 1; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in SOURCE_TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS tg_{table}_{event}_generation")
    op.drop_table('kpi_snapshots')
