"""A small company to settle by hand: nine PLN accounts, a EUR client, a EUR partner, graded on 2025-09-30.

Ranks at 2025-09-30 (N = 11 active accounts, bases in PLN at EUR 4.30): A09 9 000 is L1, EUR1 2 000 EUR =
8 600 PLN and A08 8 000 are L2, A07 … A05 are L3, the rest L4 (P1's 100 EUR = 430 PLN and A01..A04 are
below). Quarter 2025Q4 is then closed on 2026-01-15 on those grades.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kam_desktop.services.grading import grade_portfolio
from kam_desktop.store.models import (
    Account,
    AuditEntry,
    FxRate,
    InvoiceLine,
    LedgerEntry,
    ProductCategory,
    User,
)
from kam_desktop.store.store import Store
from tests.acting import as_

from .builders import world

GRADED = date(2025, 9, 30)
Q4_CLOSED_ON = date(2026, 1, 15)
_invoice = itertools.count(1)


def company_account(store: Store, code: str, currency: str, *, kind: str = "customer", owner: str = "kam1",
                    tax_id: str | None = None) -> None:
    """An account of the company with its tax ID and address (a rebate note prints both)."""
    with store.unit_of_work("test") as uow:
        owner_id = uow.session.scalar(select(User.id).where(User.login == owner))
        uow.session.add(Account(code=code, name=f"{code} Trading GmbH" if currency == "EUR" else f"{code} Sp. z o.o.",
                                kind=kind, currency=currency, owner_id=owner_id, enrolled_on=date(2024, 1, 1),
                                tax_id=tax_id or f"TAX-{code}", address="Hauptstraße 1", city="Berlin",
                                country="DE" if currency == "EUR" else "PL", language="en"))
        uow.commit()


def line(store: Store, code: str, day: date, net: str, *, invoice: str | None = None, category: str = "HW",
         margin: str | None = None, imported_at: datetime | None = None) -> str:
    """One invoice line in the account's currency; `imported_at` (or now when given as `now`) makes it arrive
    with an import applied at that moment, else it is written outside any import. Returns the invoice number."""
    number = invoice or f"FV/{next(_invoice)}"
    with store.unit_of_work("test") as uow:
        s = uow.session
        acc = s.scalar(select(Account).where(Account.code == code))
        assert acc is not None
        category_id = s.scalar(select(ProductCategory.id).where(ProductCategory.code == category))
        import_id = None
        if imported_at is not None:
            entry = AuditEntry(action="import.apply", entity="import", details={"format": "invoices"},
                               created_by="test", created_at=imported_at)
            s.add(entry)
            s.flush()
            import_id = entry.id
        net_d = Decimal(net)
        s.add(InvoiceLine(invoice_no=number, line_no=1, invoice_date=day, account_id=acc.id, category_id=category_id,
                          quantity=Decimal(-1 if net.startswith("-") else 1), net_amount=net_d, currency=acc.currency, import_id=import_id,
                          margin_amount=Decimal(margin) if margin else (net_d * Decimal("0.3")).quantize(Decimal("0.01"))))
        uow.commit()
    return number


def rate(store: Store, currency: str, value: str, on: date = date(2025, 1, 1)) -> None:
    with store.unit_of_work("test") as uow:
        uow.session.add(FxRate(rate_date=on, currency=currency, base_currency="PLN", rate=Decimal(value)))
        uow.commit()


def settlement_world(store: Store) -> Store:
    """The company above, graded as of 2025-09-30, with Q4 sales (not closed yet)."""
    world(store)
    rate(store, "EUR", "4.30")
    for n in range(1, 10):
        company_account(store, f"A{n:02d}", "PLN", owner="kam1" if n <= 5 else "kam2")
        line(store, f"A{n:02d}", date(2025, 9, 10), f"{n * 1000}.00")
    company_account(store, "EUR1", "EUR", tax_id="DE811907980")
    line(store, "EUR1", date(2025, 9, 10), "2000.00")
    company_account(store, "P1", "EUR", kind="partner", owner="kam1", tax_id="DE129273398")
    line(store, "P1", date(2025, 9, 10), "100.00")
    grade_portfolio(as_(store, "boss", Q4_CLOSED_ON), GRADED, apply=True)
    # 2025Q4: EUR1 buys 10 000.25 EUR at a 1 % margin; A07 (L3, 1 %) 5 000 PLN
    line(store, "EUR1", date(2025, 11, 5), "10000.25", margin="100.00")
    line(store, "A07", date(2025, 11, 5), "5000.00")
    return store


def csv_invoices(folder: Path, rows: list[tuple[str, str, str, str]], name: str = "late.csv",
                 currency: str = "EUR") -> Path:
    """An ERP export of invoice lines: (invoice, date, account, net) each, category HW, margin 30 %."""
    header = "invoice_no,line_no,invoice_date,account_code,category,quantity,net_amount,margin_amount,currency"
    body = [f"{inv},1,{day},{code},HW,{-1 if net.startswith('-') else 1},{net},"
            f"{(Decimal(net) * Decimal('0.3')).quantize(Decimal('0.01'))},{currency}" for inv, day, code, net in rows]
    path = folder / name
    path.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    return path


def keys_and_amounts(store: Any, prefix: str) -> list[tuple[str, Decimal, str | None]]:
    """(key, amount, currency) of the ledger entries whose key starts with `prefix`, by key."""
    with store.read() as s:
        rows = s.execute(select(LedgerEntry.idempotency_key, LedgerEntry.amount, LedgerEntry.currency)
                         .where(LedgerEntry.idempotency_key.startswith(prefix)))
        return sorted((key, amount, currency) for key, amount, currency in rows)
