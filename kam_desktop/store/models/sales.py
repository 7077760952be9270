"""What the client buys from us (ERP invoice lines) and what it could buy (potential slots)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kam_desktop.domain.vocabulary import SlotSource
from kam_desktop.store.models.base import Base, KeyMixin, SyncedMixin, one_of
from kam_desktop.store.types import Money, Quantity, Rate


class InvoiceLine(KeyMixin, Base):
    """One line of an ERP invoice. Returns are negative lines; corrections come as new lines.

    Append-only facts from the ERP, and the biggest table by far (millions of rows), so it carries
    no per-row bookkeeping: the audit entry of its import (`import_id`) says who loaded it and when.
    """

    __tablename__ = "invoice_lines"
    __append_only__ = True
    __table_args__ = (
        UniqueConstraint("invoice_no", "line_no"),
        # Covering index: every sales aggregate (grading, portfolio LTV, KPIs) reads only this index,
        # never the table — 27 s → 3 s for the portfolio at 20,000 accounts / 5M lines on SQLite.
        # A date-only index is deliberately absent: SQLite would prefer it and then visit every row.
        Index("ix_invoice_lines_account_date_amounts", "account_id", "invoice_date", "net_amount", "margin_amount"),
    )

    invoice_no: Mapped[str] = mapped_column(String(60), nullable=False)
    line_no: Mapped[int] = mapped_column(Integer, nullable=False)
    invoice_date: Mapped[date] = mapped_column(Date, nullable=False)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), nullable=False)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product_categories.id"), nullable=False)
    quantity: Mapped[Decimal] = mapped_column(Quantity(), nullable=False)
    net_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    margin_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    import_id: Mapped[uuid.UUID | None] = mapped_column(index=True)  # the audit entry of its import


class SalesRollup(Base):
    """Sales of one account in one month and category: the sums every screen reads instead of the lines.

    Derived from `invoice_lines` and kept exactly in the transaction that writes them (store/rollup.py);
    `kamctl check` compares both. `month` is "YYYY-MM"; amounts are in the lines' currency (the account's).
    Clustered by its key on SQLite (WITHOUT ROWID, migration 0016): the KPIs' basket and share of wallet seek an
    account's months and read its cells from the table itself, in key order, with no lookup per cell.
    """

    __tablename__ = "sales_rollup"
    __table_args__ = {"sqlite_with_rowid": False}

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product_categories.id"), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    net_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    margin_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    units: Mapped[Decimal] = mapped_column(Quantity(), nullable=False)
    lines: Mapped[int] = mapped_column(Integer, nullable=False)
    last_on: Mapped[date] = mapped_column(Date, nullable=False)  # the cell's latest invoice day (churn, last sale)


class SalesMonth(Base):
    """Sales of one account in one month, all categories together: what the screens that need no category read.

    The same sums as `sales_rollup` without the category (a third of its rows on the scale store), kept in the
    same transactions by the same code (store/rollup.py). Clustered by its key on SQLite (WITHOUT ROWID): an
    account's months are read in key order and no index is visited besides the table itself.
    """

    __tablename__ = "sales_months"
    __table_args__ = {"sqlite_with_rowid": False}

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    net_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    margin_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    units: Mapped[Decimal] = mapped_column(Quantity(), nullable=False)
    lines: Mapped[int] = mapped_column(Integer, nullable=False)
    last_on: Mapped[date] = mapped_column(Date, nullable=False)


class PotentialSlot(SyncedMixin, Base):
    """The client's total spend in a category (also at competitors), as collected on a date."""

    __tablename__ = "potential_slots"
    __table_args__ = (
        UniqueConstraint("account_id", "category_id", "collected_on"),
        one_of("source", SlotSource),
        # The latest change keys the cached potential-matrix medians: MAX(updated_at) in O(log n).
        Index("ix_potential_slots_updated_at", "updated_at"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("accounts.id"), index=True, nullable=False)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("product_categories.id"), nullable=False)
    total_units: Mapped[Decimal] = mapped_column(Quantity(), nullable=False)
    total_value: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    source: Mapped[str] = mapped_column(String(16), nullable=False)
    collected_on: Mapped[date] = mapped_column(Date, nullable=False)
    # 0..1; range checked by the domain (a SQL CHECK cannot see through the scaled SQLite storage)
    confidence: Mapped[Decimal] = mapped_column(Rate(), nullable=False)
    note: Mapped[str | None] = mapped_column(Text)
