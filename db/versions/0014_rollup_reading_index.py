"""sales roll-up: a covering index (account, month, net, margin, last day) that the screens' windowed sums read

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-04 22:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0014'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every reader sums one account's months in a window: with the amounts in the index SQLite never visits the
# table (20,000 accounts × 24 months: 0.45 s → 0.31 s on the scale store).
_COLUMNS = ["account_id", "month", "net_amount", "margin_amount", "last_on"]


def upgrade() -> None:
    op.create_index("ix_sales_rollup_account_month_amounts", "sales_rollup", _COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_sales_rollup_account_month_amounts", table_name="sales_rollup")
