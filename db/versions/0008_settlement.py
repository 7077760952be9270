"""settlement: period locks, manual adjustments, payout documents (rebate notes in the register), MDF funds and
claims, late facts, clawback dues; ledger entries name the entry they correct

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-04 17:35:42.762376
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kam_desktop.store.types

revision: str = '0008'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('period_locks',
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('locked_on', sa.Date(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_locks')),
    sa.UniqueConstraint('quarter', name=op.f('uq_period_locks_quarter'))
    )
    op.create_table('clawback_dues',
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('origin', sa.String(length=140), nullable=False),
    sa.Column('amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_clawback_dues_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clawback_dues')),
    sa.UniqueConstraint('account_id', 'quarter', 'origin', name=op.f('uq_clawback_dues_account_id_quarter_origin'))
    )
    with op.batch_alter_table('clawback_dues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clawback_dues_account_id'), ['account_id'], unique=False)

    op.create_table('late_facts',
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('ref', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('net', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('arrived_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('import_id', sa.Uuid(), nullable=True),
    sa.Column('settled_on', sa.Date(), nullable=False),
    sa.Column('cashback_change', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('points_change', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('shortfall', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("kind IN ('sale', 'return')", name=op.f('ck_late_facts_kind_allowed')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_late_facts_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_late_facts')),
    sa.UniqueConstraint('account_id', 'quarter', 'ref', name=op.f('uq_late_facts_account_id_quarter_ref'))
    )
    with op.batch_alter_table('late_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_late_facts_account_id'), ['account_id'], unique=False)

    op.create_table('mdf_funds',
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('allocated', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('claim_days', sa.Integer(), nullable=False),
    sa.Column('settled_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_mdf_funds_account_id_accounts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mdf_funds')),
    sa.UniqueConstraint('account_id', 'quarter', name=op.f('uq_mdf_funds_account_id_quarter'))
    )
    with op.batch_alter_table('mdf_funds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mdf_funds_account_id'), ['account_id'], unique=False)

    op.create_table('ledger_adjustments',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('dated', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('proposed_by', sa.String(length=64), nullable=False),
    sa.Column('approved_by', sa.String(length=64), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('booked_entry_id', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("status IN ('proposed', 'approved', 'booked', 'rejected', 'withdrawn')", name=op.f('ck_ledger_adjustments_status_allowed')),
    sa.CheckConstraint("unit IN ('points', 'cashback')", name=op.f('ck_ledger_adjustments_unit_allowed')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_ledger_adjustments_account_id_accounts')),
    sa.ForeignKeyConstraint(['booked_entry_id'], ['ledger_entries.id'], name=op.f('fk_ledger_adjustments_booked_entry_id_ledger_entries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_adjustments')),
    sa.UniqueConstraint('number', name=op.f('uq_ledger_adjustments_number'))
    )
    with op.batch_alter_table('ledger_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_adjustments_account_id'), ['account_id'], unique=False)

    op.create_table('mdf_claims',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('fund_id', sa.Uuid(), nullable=False),
    sa.Column('activity', sa.Text(), nullable=False),
    sa.Column('performed_on', sa.Date(), nullable=False),
    sa.Column('amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('submitted_by', sa.String(length=64), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('payment_ref', sa.String(length=120), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("status IN ('submitted', 'approved', 'rejected', 'paid')", name=op.f('ck_mdf_claims_status_allowed')),
    sa.ForeignKeyConstraint(['fund_id'], ['mdf_funds.id'], name=op.f('fk_mdf_claims_fund_id_mdf_funds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mdf_claims')),
    sa.UniqueConstraint('number', name=op.f('uq_mdf_claims_number'))
    )
    with op.batch_alter_table('mdf_claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mdf_claims_fund_id'), ['fund_id'], unique=False)

    op.create_table('payout_documents',
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('account_id', sa.Uuid(), nullable=False),
    sa.Column('entry_id', sa.Uuid(), nullable=False),
    sa.Column('document_id', sa.Uuid(), nullable=True),
    sa.Column('benefit', sa.String(length=24), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('total_net', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('total_vat', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('total_gross', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('vat_percent', kam_desktop.store.types.ScaledDecimal(precision=18, scale=6), nullable=True),
    sa.Column('seller', sa.JSON(), nullable=True),
    sa.Column('buyer', sa.JSON(), nullable=True),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.Column('lots', sa.JSON(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint("method IN ('rebate_note', 'invoice_discount', 'mdf_budget')", name=op.f('ck_payout_documents_method_allowed')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_payout_documents_account_id_accounts')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_payout_documents_document_id_documents')),
    sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'], name=op.f('fk_payout_documents_entry_id_ledger_entries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payout_documents')),
    sa.UniqueConstraint('entry_id', name=op.f('uq_payout_documents_entry_id')),
    sa.UniqueConstraint('number', name=op.f('uq_payout_documents_number'))
    )
    with op.batch_alter_table('payout_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payout_documents_account_id'), ['account_id'], unique=False)

    op.create_table('mdf_fund_transfers',
    sa.Column('fund_id', sa.Uuid(), nullable=False),
    sa.Column('payout_id', sa.Uuid(), nullable=False),
    sa.Column('amount', kam_desktop.store.types.ScaledDecimal(precision=18, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['fund_id'], ['mdf_funds.id'], name=op.f('fk_mdf_fund_transfers_fund_id_mdf_funds')),
    sa.ForeignKeyConstraint(['payout_id'], ['payout_documents.id'], name=op.f('fk_mdf_fund_transfers_payout_id_payout_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mdf_fund_transfers')),
    sa.UniqueConstraint('payout_id', name=op.f('uq_mdf_fund_transfers_payout_id'))
    )
    with op.batch_alter_table('mdf_fund_transfers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mdf_fund_transfers_fund_id'), ['fund_id'], unique=False)

    op.create_table('mdf_proofs',
    sa.Column('claim_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('reference', sa.String(length=200), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('created_at', kam_desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['mdf_claims.id'], name=op.f('fk_mdf_proofs_claim_id_mdf_claims')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mdf_proofs'))
    )
    with op.batch_alter_table('mdf_proofs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mdf_proofs_claim_id'), ['claim_id'], unique=False)

    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('corrects_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_ledger_entries_corrects_id_ledger_entries'), 'ledger_entries', ['corrects_id'], ['id'])

    # the register takes rebate notes / correcting invoices as a document kind of their own
    _document_kinds(KINDS_BEFORE + ("rebate_note",))


KINDS_BEFORE = ("agreement", "annex", "statement")


def _document_kinds(kinds: tuple[str, ...]) -> None:
    allowed = ", ".join(f"'{k}'" for k in kinds)
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_documents_kind_allowed'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_documents_kind_allowed'), f"kind IN ({allowed})")



def downgrade() -> None:
    _document_kinds(KINDS_BEFORE)
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_ledger_entries_corrects_id_ledger_entries'), type_='foreignkey')
        batch_op.drop_column('corrects_id')

    with op.batch_alter_table('mdf_proofs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mdf_proofs_claim_id'))

    op.drop_table('mdf_proofs')
    with op.batch_alter_table('mdf_fund_transfers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mdf_fund_transfers_fund_id'))

    op.drop_table('mdf_fund_transfers')
    with op.batch_alter_table('payout_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payout_documents_account_id'))

    op.drop_table('payout_documents')
    with op.batch_alter_table('mdf_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mdf_claims_fund_id'))

    op.drop_table('mdf_claims')
    with op.batch_alter_table('ledger_adjustments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_adjustments_account_id'))

    op.drop_table('ledger_adjustments')
    with op.batch_alter_table('mdf_funds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mdf_funds_account_id'))

    op.drop_table('mdf_funds')
    with op.batch_alter_table('late_facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_late_facts_account_id'))

    op.drop_table('late_facts')
    with op.batch_alter_table('clawback_dues', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clawback_dues_account_id'))

    op.drop_table('clawback_dues')
    op.drop_table('period_locks')
