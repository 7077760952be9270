"""document numbering: devices, leased number blocks, this store's device, the benefits each annex lists

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 06:48:00.242806
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kam_desktop.store.types

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('local_device',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('device_no', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=8), nullable=False),
    sa.CheckConstraint("mode IN ('solo', 'team')", name=op.f('ck_local_device_mode_allowed')),
    sa.CheckConstraint('id = 1', name=op.f('ck_local_device_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_local_device'))
    )
    op.create_table('numbering_devices',
    sa.Column('device_no', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('registered_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('device_no BETWEEN 1 AND 199', name=op.f('ck_numbering_devices_device_no_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_numbering_devices')),
    sa.UniqueConstraint('device_no', name=op.f('uq_numbering_devices_device_no'))
    )
    op.create_table('number_block_leases',
    sa.Column('prefix', sa.String(length=3), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('first_seq', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('device_no', sa.Integer(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('first_seq BETWEEN 1 AND last_seq', name=op.f('ck_number_block_leases_block_range')),
    sa.ForeignKeyConstraint(['device_no'], ['numbering_devices.device_no'], name=op.f('fk_number_block_leases_device_no_numbering_devices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_block_leases')),
    sa.UniqueConstraint('prefix', 'year', 'first_seq', name=op.f('uq_number_block_leases_prefix_year_first_seq'))
    )
    op.create_table('annex_benefits',
    sa.Column('document_id', sa.Uuid(), nullable=False),
    sa.Column('grant_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('pending', sa.Boolean(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_annex_benefits_document_id_documents')),
    sa.ForeignKeyConstraint(['grant_id'], ['benefit_grants.id'], name=op.f('fk_annex_benefits_grant_id_benefit_grants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annex_benefits')),
    sa.UniqueConstraint('document_id', 'grant_id', name=op.f('uq_annex_benefits_document_id_grant_id'))
    )
    with op.batch_alter_table('annex_benefits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annex_benefits_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_annex_benefits_grant_id'), ['grant_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('annex_benefits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_annex_benefits_grant_id'))
        batch_op.drop_index(batch_op.f('ix_annex_benefits_document_id'))

    op.drop_table('annex_benefits')
    op.drop_table('number_block_leases')
    op.drop_table('numbering_devices')
    op.drop_table('local_device')
