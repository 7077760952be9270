"""ledger chain: one hash link per ledger entry and allocation, so a ledger row changed behind the program's back
is found at its row (issue 16); the rows written so far are linked in writing order and sealed in the audit log

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 05:00:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'ledger_chain',
        sa.Column('seq', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('row_table', sa.String(length=24), nullable=False),
        sa.Column('row_id', sa.Uuid(), nullable=False, unique=True),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":  # a team server keeps its ledger behind its own functions
        return
    from kam_desktop.store.audit_chain import chain_lines
    from kam_desktop.store.ledger_chain import SEAL, chain_rows
    from kam_desktop.store.models import AuditEntry, LedgerAllocation, LedgerEntry, LedgerLink

    rows = sorted([*(("ledger_entries", r.id, r.created_at) for r in bind.execute(
                      sa.select(LedgerEntry.id, LedgerEntry.created_at))),
                   *(("ledger_allocations", r.id, r.created_at) for r in bind.execute(
                      sa.select(LedgerAllocation.id, LedgerAllocation.created_at)))],
                  key=lambda r: (r[2], r[0] != "ledger_entries", r[1]))  # an entry before the allocations it makes
    if not rows:
        return
    chain_rows(bind, [(table, row_id) for table, row_id, _ in rows])
    seq, digest = bind.execute(sa.select(LedgerLink.seq, LedgerLink.hash).order_by(LedgerLink.seq.desc()).limit(1)).one()
    seal = uuid.uuid4()
    bind.execute(sa.insert(AuditEntry).values(id=seal, action=SEAL, entity="ledger", entity_id=None,
                                              details={"seq": seq, "hash": digest, "migration": "0015"},
                                              created_at=datetime.now(UTC), created_by="system"))
    chain_lines(bind, [seal])


def downgrade() -> None:
    op.drop_table('ledger_chain')
