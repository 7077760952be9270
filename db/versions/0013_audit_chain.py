"""audit chain: one hash link per audit line, so an edited, removed or moved line is found

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'audit_chain',
        sa.Column('seq', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('audit_id', sa.Uuid(), nullable=False, unique=True),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":  # the lines written so far enter the chain in writing order
        from kam_desktop.store.audit_chain import chain_lines
        from kam_desktop.store.models import AuditEntry

        ids = list(bind.execute(sa.select(AuditEntry.id).order_by(AuditEntry.created_at, AuditEntry.id)).scalars())
        chain_lines(bind, ids)


def downgrade() -> None:
    op.drop_table('audit_chain')
