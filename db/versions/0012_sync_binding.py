"""sync binding: the login a laptop is bound to and the server epoch it last synced with

Revision ID: 0012
Revises: 0008
Create Date: 2026-12-04 19:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.add_column(sa.Column('login', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('epoch', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_state') as batch:
        batch.drop_column('epoch')
        batch.drop_column('login')
