"""A small store for the document services: three clients (Polish, Russian, English names), sales, grades,
a closed quarter with ledger entries, and benefit grants — one within the policy, one waiting for an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from kam_desktop.domain.periods import Quarter
from kam_desktop.services.benefits.grants import add_benefit_grant, link_exception
from kam_desktop.services.demo.setup import initialize
from kam_desktop.services.exceptions import requests as ex
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.services.ledger.close import close_quarter
from kam_desktop.services.ledger.entries import redeem
from kam_desktop.store.models import Account, Contact, InvoiceLine, ProductCategory, User

from .builders import CLIENT_PL, CLIENT_RU, SIGNATORY_RU

TODAY = "2026-02-10"
QUARTER = Quarter(2025, 4)
CLIENT_EN = "Northbridge Integration Ltd"
SIGNATORY_PL = "Łucja Źrebięcka-Ćwik"
KAM_NAME = "Katarzyna Żółkiewska"
CLIENTS = (("PL1", CLIENT_PL, "pl", "PL", "Warszawa", SIGNATORY_PL),
           ("RU1", CLIENT_RU, "ru", "RU", "Новосибирск", SIGNATORY_RU),
           ("EN1", CLIENT_EN, "en", "GB", "Manchester", "Olivia Grant"))


@dataclass(frozen=True)
class World:
    store: Any
    pending_exception: str  # the EXC number PL1's MDF grant waits for


def build(store: Any) -> World:
    """Defaults, people, 3 named clients + 7 small ones, sales in 2025, graded, 2025Q4 closed, grants."""
    initialize(store)
    with store.unit_of_work("test") as uow:
        s = uow.session
        for login, name, role in (("kasia", KAM_NAME, "kam"), ("boss", "Piotr Żak", "director"),
                                  ("money", "Finance", "finance")):
            s.add(User(login=login, name=name, role=role))
        s.add_all([ProductCategory(code="HW", name="Hardware", name_pl="Sprzęt", name_ru="Оборудование"),
                   ProductCategory(code="SW", name="Software", name_pl="Oprogramowanie", name_ru="ПО")])
        s.flush()
        kam = s.scalar(select(User.id).where(User.login == "kasia"))
        for code, name, lang, country, city, signatory in CLIENTS:
            account = Account(code=code, name=name, tax_id="525-000-12-34", currency="PLN", language=lang,
                              owner_id=kam, enrolled_on=date(2024, 1, 1), address="ul. Świętokrzyska 18/4",
                              city=city, country=country)
            s.add(account)
            s.flush()
            s.add(Contact(account_id=account.id, name=signatory, role="management", position="Prezes"))
        for n in range(7):
            s.add(Account(code=f"S{n}", name=f"Small {n}", currency="PLN", owner_id=None, language="en"))
        s.flush()
        categories = dict(s.execute(select(ProductCategory.code, ProductCategory.id)).all())
        accounts = dict(s.execute(select(Account.code, Account.id)).all())
        line = 0
        for code, account_id in sorted(accounts.items()):
            big = code in ("PL1", "RU1", "EN1")
            for month in range(1, 13):
                line += 1
                net = Decimal("40000.00") if big else Decimal("900.00")
                s.add(InvoiceLine(invoice_no=f"FV/2025/{line:05d}", line_no=1, invoice_date=date(2025, month, 15),
                                  account_id=account_id, category_id=categories["HW" if month % 3 else "SW"],
                                  quantity=Decimal(3), net_amount=net, margin_amount=net * Decimal("0.3"),
                                  currency="PLN"))
        uow.commit()
    for quarter_end in (date(2025, 9, 30), date(2025, 12, 31)):
        grade_portfolio(store, quarter_end, apply=True, actor="test")
    close_quarter(store, Quarter(2025, 3), "test", on=date(2026, 1, 5))
    close_quarter(store, QUARTER, "test", on=date(2026, 1, 5))
    redeem(store, "PL1", "cashback", Decimal("500.00"), "CN-2025-11", "test", on=date(2025, 11, 20))
    add_benefit_grant(store, "PL1", "SLA-PLUS", cost_estimate=Decimal("4000.00"), actor="kasia",
                      valid_from=date(2026, 3, 1), valid_to=date(2026, 12, 31), terms="Czas reakcji 4 h, linia priorytetowa")
    mdf = add_benefit_grant(store, "PL1", "MDF", cost_estimate=Decimal("90000.00"), actor="kasia",
                            valid_from=date(2026, 3, 1), valid_to=date(2026, 12, 31), terms="Współfinansowanie 50% kampanii")
    assert mdf.status == "pending_approval", mdf
    row = ex.request_exception(store, "PL1", "benefit_budget", Decimal("90000.00"), "launch campaign", "kasia",
                               expected_cost=Decimal("90000.00"), valid_from=date(2026, 1, 1),
                               valid_until=date(2026, 12, 31))
    ex.submit_exception(store, row.number, "kasia")
    link_exception(store, mdf.grant_id, row.number, "kasia")
    for code in ("RU1", "EN1"):
        add_benefit_grant(store, code, "TRAINING", cost_estimate=Decimal("2500.00"), actor="kasia",
                          valid_from=date(2026, 3, 1), valid_to=date(2026, 12, 31))
    return World(store, row.number)


def approve(world: World) -> None:
    """Both approval steps of PL1's exception (director, then finance when the amount needs it)."""
    for login in ("boss", "money"):
        row = ex.get_exception(world.store, world.pending_exception)
        if row.status == "approved":
            return
        ex.decide_exception(world.store, world.pending_exception, True, login)
