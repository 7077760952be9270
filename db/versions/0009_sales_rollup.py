"""sales roll-up: net, margin, units, line count and last invoice day per account × month × category × currency, filled from the lines

Revision ID: 0009
Revises: 0013
Create Date: 2026-12-04 20:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kam_desktop.store.types

revision: str = '0009'
down_revision: str | None = '0013'  # (written as 0009 beside 0011–0013 of the same day; chained after them)
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here (not imported from the app) so this revision keeps filling the table it creates.
_FILL = """
INSERT INTO sales_rollup (account_id, month, category_id, currency, net_amount, margin_amount, units, lines,
                          last_on)
SELECT account_id, {month}, category_id, currency, sum(net_amount), sum(margin_amount), sum(quantity), count(*),
       max(invoice_date)
FROM invoice_lines
GROUP BY account_id, {month}, category_id, currency
"""
_MONTH = {"postgresql": "to_char(invoice_date, 'YYYY-MM')"}
_SQLITE_MONTH = "substr(invoice_date, 1, 7)"  # SQLite keeps dates as ISO text


def upgrade() -> None:
    op.create_table('sales_rollup',
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('category_id', sa.Uuid(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('net_amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('margin_amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('units', kam_desktop.store.types.ScaledDecimal(precision=18, scale=3), nullable=False),
    sa.Column('lines', sa.Integer(), nullable=False),
    sa.Column('last_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_sales_rollup_account_id_accounts')),
    sa.ForeignKeyConstraint(['category_id'], ['product_categories.id'],
                            name=op.f('fk_sales_rollup_category_id_product_categories')),
    sa.PrimaryKeyConstraint('account_id', 'month', 'category_id', 'currency', name=op.f('pk_sales_rollup'))
    )
    bind = op.get_bind()
    op.execute(sa.text(_FILL.format(month=_MONTH.get(bind.dialect.name, _SQLITE_MONTH))))


def downgrade() -> None:
    op.drop_table('sales_rollup')
