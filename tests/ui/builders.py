"""Small builders for UI tests: a store with a handful of known accounts, written the way the services do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kam_desktop.services.demo.setup import initialize
from kam_desktop.services.people import add_user
from kam_desktop.store.models import (
    Account,
    GradeEvaluation,
    InvoiceLine,
    ProductCategory,
    ProgramConfig,
    User,
)
from kam_desktop.store.store import Store

TODAY = date(2026, 3, 31)


@dataclass(frozen=True)
class A:
    """One account: code, name, owner login, LTV of the last 12 months and of the 12 before, grade."""

    code: str
    name: str
    owner: str
    ltv: str
    ltv_prev: str = "0"
    grade: str | None = None
    segment: str = "C"
    kind: str = "customer"
    region: str = "Mazowieckie"


ACCOUNTS = (
    A("C-0001", "Nowak Budownictwo Sp. z o.o.", "anna", "1250000.00", "1000000.00", "L1", "A"),
    A("C-0002", "ООО Северный Ветер", "anna", "98000.50", "120000.00", "L3", "C", region="Podlaskie"),
    A("C-0003", "Baltic Components S.A.", "boris", "9800.00", "0", "L4", "B", region="Pomorskie"),
    A("P-0004", "Integra Systems Partner", "boris", "410000.00", "390000.00", "L2", "P", "partner"),
    A("C-0005", "Kowalski i Synowie", "anna", "0", "15000.00", None, "C", region="Łódzkie"),
)


def populate(store: Store, accounts: tuple[A, ...] = ACCOUNTS) -> None:
    """Defaults, two KAMs and a director, then the accounts with invoice lines and a grade evaluation."""
    initialize(store, demo=False)
    add_user(store, "anna", "kam", "Anna Zielińska")
    add_user(store, "boris", "kam", "Борис Петров")
    add_user(store, "dora", "director", "Dorota Kamińska")
    with store.unit_of_work("test") as uow:
        session = uow.session
        users = {u.login: u for u in session.scalars(select(User))}
        program = session.scalars(select(ProgramConfig)).one()
        category = ProductCategory(code="CAB", name="Cables")
        session.add(category)
        session.flush()
        for n, spec in enumerate(accounts):
            account = Account(code=spec.code, name=spec.name, kind=spec.kind, owner_id=users[spec.owner].id,
                              region=spec.region, currency="PLN")
            session.add(account)
            session.flush()
            for line, (day, amount) in enumerate(((date(2025, 11, 15), spec.ltv), (date(2024, 11, 15), spec.ltv_prev))):
                if Decimal(amount):
                    session.add(InvoiceLine(
                        invoice_no=f"FV/{n}/{line}", line_no=1, invoice_date=day, account_id=account.id,
                        category_id=category.id, quantity=Decimal("1"), net_amount=Decimal(amount),
                        margin_amount=(Decimal(amount) / 4).quantize(Decimal("0.01")), currency="PLN"))
            if spec.grade:
                session.add(GradeEvaluation(
                    account_id=account.id, evaluated_on=date(2026, 1, 1), program_id=program.id,
                    basis_kind="net_revenue", basis=Decimal(spec.ltv), population=len(accounts),
                    computed_grade=spec.grade, grade=spec.grade, segment=spec.segment,
                    at_risk=spec.code == "C-0002"))
        uow.commit()
