"""invoice lines: one covering index for sales aggregates instead of two narrow ones

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 07:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_lines_date")
        batch_op.drop_index("ix_invoice_lines_account_date")
        batch_op.create_index(
            "ix_invoice_lines_account_date_amounts",
            ["account_id", "invoice_date", "net_amount", "margin_amount"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_invoice_lines_account_date_amounts")
        batch_op.create_index("ix_invoice_lines_account_date", ["account_id", "invoice_date"], unique=False)
        batch_op.create_index("ix_invoice_lines_date", ["invoice_date"], unique=False)
