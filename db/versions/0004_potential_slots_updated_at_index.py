"""potential slots: index on updated_at (the latest change is the potential matrix's cache key)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 08:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("potential_slots", schema=None) as batch_op:
        batch_op.create_index("ix_potential_slots_updated_at", ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("potential_slots", schema=None) as batch_op:
        batch_op.drop_index("ix_potential_slots_updated_at")
