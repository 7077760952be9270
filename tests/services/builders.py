"""A small world built through the store: people, two categories, accounts and their invoice lines."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from kam_desktop.services.demo.setup import initialize
from kam_desktop.store.models import Account, InvoiceLine, ProductCategory, User
from kam_desktop.store.store import Store

PEOPLE = (("kam1", "kam"), ("kam2", "kam"), ("boss", "director"), ("money", "finance"))
_invoice = itertools.count(1)


def world(store: Store) -> None:
    """Defaults (program, policy), four people and the categories HW and SW."""
    initialize(store)
    with store.unit_of_work("test") as uow:
        for login, role in PEOPLE:
            uow.session.add(User(login=login, name=login, role=role))
        uow.session.add_all([ProductCategory(code="HW", name="Hardware"), ProductCategory(code="SW", name="Software")])
        uow.commit()


def account(store: Store, code: str, *, kind: str = "customer", control_group: bool = False,
            enrolled_on: date | None = date(2024, 1, 1), owner: str = "kam1") -> None:
    with store.unit_of_work("test") as uow:
        from sqlalchemy import select

        owner_id = uow.session.scalar(select(User.id).where(User.login == owner))
        uow.session.add(Account(code=code, name=code, kind=kind, currency="PLN", owner_id=owner_id,
                                enrolled_on=enrolled_on, control_group=control_group))
        uow.commit()


def sale(store: Store, code: str, day: date, net: str, margin: str | None = None, category: str = "HW",
         units: str = "1") -> None:
    """One invoice line; a negative `net` is a return."""
    from sqlalchemy import select

    with store.unit_of_work("test") as uow:
        s = uow.session
        account_id = s.scalar(select(Account.id).where(Account.code == code))
        category_id = s.scalar(select(ProductCategory.id).where(ProductCategory.code == category))
        net_d = Decimal(net)
        s.add(InvoiceLine(invoice_no=f"FV/{next(_invoice)}", line_no=1, invoice_date=day, account_id=account_id,
                          category_id=category_id, quantity=Decimal(units), net_amount=net_d,
                          margin_amount=Decimal(margin) if margin else (net_d * Decimal("0.3")).quantize(Decimal("0.01")),
                          currency="PLN"))
        uow.commit()
