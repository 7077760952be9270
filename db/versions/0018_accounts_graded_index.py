"""accounts: a covering index in key order for the reads that walk every active account and seek into its sales

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 22:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Led by the id: a grading walks the accounts in the order of the roll-up's clustered key (sales_months is keyed
    # by account, month), so its per-account seeks read the roll-up's pages in turn instead of at random, and the
    # columns it needs come from the index, not the wide account rows (20,000 accounts: ~30 ms of ~150)
    op.create_index('ix_accounts_graded', 'accounts',
                    ['id', 'status', 'deleted_at', 'enrolled_on', 'code', 'kind', 'currency'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_accounts_graded', table_name='accounts')
