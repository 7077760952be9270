"""sales by account × month (all categories): the roll-up level the portfolio and grading read, filled from the lines

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-04 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kam_desktop.store.types

revision: str = '0014'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here (not imported from the app) so this revision keeps filling the table it creates.
_FILL = """
INSERT INTO sales_months (account_id, month, currency, net_amount, margin_amount, units, lines, last_on)
SELECT account_id, {month}, currency, sum(net_amount), sum(margin_amount), sum(quantity), count(*),
       max(invoice_date)
FROM invoice_lines
GROUP BY account_id, {month}, currency
"""
_MONTH = {"postgresql": "to_char(invoice_date, 'YYYY-MM')"}
_SQLITE_MONTH = "substr(invoice_date, 1, 7)"  # SQLite keeps dates as ISO text


def upgrade() -> None:
    op.create_table('sales_months',
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('net_amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('margin_amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('units', kam_desktop.store.types.ScaledDecimal(precision=18, scale=3), nullable=False),
    sa.Column('lines', sa.Integer(), nullable=False),
    sa.Column('last_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_sales_months_account_id_accounts')),
    sa.PrimaryKeyConstraint('account_id', 'month', 'currency', name=op.f('pk_sales_months')),
    sqlite_with_rowid=False,  # clustered by (account, month): the readers' order, no second index
    )
    bind = op.get_bind()
    op.execute(sa.text(_FILL.format(month=_MONTH.get(bind.dialect.name, _SQLITE_MONTH))))


def downgrade() -> None:
    op.drop_table('sales_months')
