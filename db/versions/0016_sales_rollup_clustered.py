"""sales roll-up clustered by its key on SQLite (WITHOUT ROWID, as sales_months): an account's cells are read in key order from the table itself

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kam_desktop.store.types

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "account_id, month, category_id, currency, net_amount, margin_amount, units, lines, last_on"


def _rebuild(with_rowid: bool) -> None:
    """Copy the roll-up into a table of the other kind and put it in its place (SQLite cannot ALTER this)."""
    op.create_table('_sales_rollup_new',
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
    sa.PrimaryKeyConstraint('account_id', 'month', 'category_id', 'currency', name=op.f('pk_sales_rollup')),
    sqlite_with_rowid=with_rowid,
    )
    # in key order: the clustered table is written by appending, not by inserting into the middle of its b-tree
    op.execute(f"INSERT INTO _sales_rollup_new ({_COLUMNS}) SELECT {_COLUMNS} FROM sales_rollup "
               "ORDER BY account_id, month, category_id, currency")
    op.drop_table('sales_rollup')
    op.rename_table('_sales_rollup_new', 'sales_rollup')


def upgrade() -> None:
    # PostgreSQL tables have no rowid (a heap and its primary key index): nothing to change there
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(with_rowid=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(with_rowid=True)
