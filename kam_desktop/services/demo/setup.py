"""Setting up a store: the program's default rules, policy, catalog and company identity; the demo."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kam_desktop.demo.company import DemoSummary as DemoSummary  # (re-exported: kamctl prints it)
from kam_desktop.demo.company import build_demo
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import BenefitType, CostModel, Hardness, LedgerUnit, Role
from kam_desktop.services.clock import Clock, SystemClock
from kam_desktop.services.context import DEFAULT_LOGIN, open_context
from kam_desktop.services.demo.documents import seed_demo_documents
from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.services.grading import apply_grades, grade_portfolio
from kam_desktop.services.ledger.close import close_in
from kam_desktop.services.ledger.entries import expire_in, redeem_in
from kam_desktop.store.models import (
    Account,
    BenefitCatalogItem,
    CommercialPolicy,
    PolicyCap,
    ProgramConfig,
    ProgramGradeTerm,
    Setting,
    User,
)
from kam_desktop.store.queries.grades import accounts
from kam_desktop.store.store import Store
from kam_desktop.store.uow import UnitOfWork

PROGRAM_START = date(2020, 1, 1)
BASE_CURRENCY = "PLN"

# grade, percentile cut-off, customer name, partner name, cashback %
DEFAULT_GRADES = (
    ("L1", Decimal("0.10"), "L1", "Platinum", Decimal("3")),
    ("L2", Decimal("0.30"), "L2", "Gold", Decimal("2")),
    ("L3", Decimal("0.60"), "L3", "Silver", Decimal("1")),
    ("L4", None, "L4", "Member", Decimal("0")),
)
# grade, max discount %, max payment days, benefit budget % of gross margin, gift limit per person-year
DEFAULT_CAPS = (
    ("L1", Decimal("12"), 60, Decimal("8"), Decimal("800.00")),
    ("L2", Decimal("9"), 45, Decimal("6"), Decimal("500.00")),
    ("L3", Decimal("6"), 30, Decimal("4"), Decimal("300.00")),
    ("L4", Decimal("3"), 14, Decimal("2"), Decimal("200.00")),
)
# code, English, Polish, Russian, type, hardness, cost model, default value, unit, eligible grades
DEFAULT_CATALOG = (
    ("VOL-DISC", "Volume discount", "Rabat wolumenowy", "Скидка за объём",
     BenefitType.VOLUME_DISCOUNT, Hardness.HARD, CostModel.PERCENT_OF_REVENUE, "5", "pct", "L1,L2,L3,L4"),
    ("REBATE-Q", "Quarterly rebate", "Rabat kwartalny", "Квартальный бонус",
     BenefitType.REBATE, Hardness.HARD, CostModel.PERCENT_OF_REVENUE, "2", "pct", "L1,L2,L3"),
    ("PAY-TERMS", "Deferred payment", "Odroczona płatność", "Отсрочка платежа",
     BenefitType.PAYMENT_TERMS, Hardness.HARD, CostModel.FINANCING, "45", "days", "L1,L2,L3"),
    ("MDF", "Co-marketing fund (MDF)", "Fundusz marketingowy (MDF)", "Маркетинговый фонд (MDF)",
     BenefitType.MDF, Hardness.HARD, CostModel.FIXED, "10000", "money", "L1,L2"),
    ("SLA-PLUS", "Extended SLA", "Rozszerzone SLA", "Расширенный SLA",
     BenefitType.SERVICE, Hardness.SOFT, CostModel.FIXED, "4000", "money", "L1,L2"),
    ("TRAINING", "Certification training", "Szkolenie certyfikacyjne", "Сертификационное обучение",
     BenefitType.TRAINING, Hardness.SOFT, CostModel.FIXED, "2500", "money", "L1,L2,L3"),
    ("EARLY-ACCESS", "Early access to launches", "Wcześniejszy dostęp do nowości", "Ранний доступ к новинкам",
     BenefitType.EXCLUSIVE_ACCESS, Hardness.SOFT, CostModel.NONE, None, None, "L1"),
    ("INSIGHTS", "Demand and TCO report", "Raport popytu i TCO", "Отчёт о спросе и TCO",
     BenefitType.DATA_INSIGHTS, Hardness.SOFT, CostModel.FIXED, "1500", "money", "L1,L2"),
    ("WARRANTY", "Extended warranty", "Przedłużona gwarancja", "Расширенная гарантия",
     BenefitType.EXTENDED_WARRANTY, Hardness.HARD, CostModel.PERCENT_OF_REVENUE, "1", "pct", "L1,L2,L3"),
    ("GIFT", "Business gift", "Upominek firmowy", "Деловой подарок",
     BenefitType.GIFT, Hardness.SOFT, CostModel.FIXED, "300", "money", "L1,L2,L3,L4"),
)
DEFAULT_COMPANY = {
    "company.name": "Nordwind Supply Sp. z o.o.",
    "company.address": "ul. Grzybowska 62, 00-844 Warszawa, Polska",
    "company.tax_id": "PL5260250274",
    "company.signatory": "Katarzyna Wiśniewska, Sales Director",
    "company.base_currency": BASE_CURRENCY,
}


@dataclass(frozen=True)
class InitResult:
    created_defaults: bool
    demo: DemoSummary | None  # the demo generator's counts when --demo


def initialize(store: Store, *, demo: bool = False, seed: int = 1, clock: Clock | None = None) -> InitResult:
    """Write the default program rules, policy, catalog and company settings (once), and the demo as of the
    clock's day. Making a store needs no person yet: it creates the administrator every store starts with."""
    clock = clock or SystemClock()
    as_of = clock.today()
    with store.unit_of_work(DEFAULT_LOGIN) as uow:
        session = uow.session
        created = ensure_defaults(session)
        summary = None
        if demo:
            if session.scalar(select(func.count()).select_from(Account)):
                raise ServiceError("this store already has accounts; the demo needs an empty store (use a new --db)")
            summary = build_demo(session, seed=seed, as_of=as_of)
            session.flush()
            run_demo_engine(uow, as_of)
            seed_demo_documents(uow, as_of, clock.now())  # last: documents read the engine's results
        uow.audit("store.init", "store", None, demo=demo, seed=seed if demo else None)
        uow.commit()
    return InitResult(created, summary)


def ensure_defaults(session: Session) -> bool:
    """Add the default configuration if the store has none; returns whether anything was added."""
    if session.scalar(select(func.count()).select_from(ProgramConfig)):
        return False
    program = ProgramConfig(
        name="Loyalty program 2020", valid_from=PROGRAM_START, basis="net_revenue", basis_months=12,
        downgrade_grace=1, points_expiry_quarters=4, churn_months=6,
        exception_director_limit=Decimal("20000.00"), base_currency=BASE_CURRENCY,
    )
    program.grade_terms = [
        ProgramGradeTerm(grade=g, cutoff=c, name_customer=nc, name_partner=np_, cashback_pct=cb)
        for g, c, nc, np_, cb in DEFAULT_GRADES
    ]
    policy = CommercialPolicy(name="Commercial policy 2020", valid_from=PROGRAM_START)
    policy.caps = [
        PolicyCap(grade=g, max_discount_pct=d, max_payment_days=days, benefit_budget_pct_of_margin=b,
                  gift_limit_per_person_year=gift, currency=BASE_CURRENCY)
        for g, d, days, b, gift in DEFAULT_CAPS
    ]
    session.add_all([program, policy])
    for code, en, pl, ru, btype, hard, cost, value, unit, grades in DEFAULT_CATALOG:
        session.add(BenefitCatalogItem(
            code=code, name=en, name_pl=pl, name_ru=ru, benefit_type=btype, hardness=hard, cost_model=cost,
            default_value=Decimal(value) if value else None, value_unit=unit, eligible_grades=grades,
        ))
    for key, value in DEFAULT_COMPANY.items():
        session.add(Setting(key=key, value=value))
    if not session.scalar(select(func.count()).select_from(User)):
        session.add(User(login="admin", name="Administrator", role=Role.ADMIN))
    return True


def run_demo_engine(uow: UnitOfWork, as_of: date) -> None:
    """Derive the engine's history from the demo's sales, in the same unit of work.

    Every quarter end of the three years is graded in order (so grace and at-risk are real), each
    finished quarter is closed (accruals, expiries), and a few accounts redeem part of their cashback.
    """

    first = Quarter.of(as_of).plus(-12)
    quarters = [first.plus(i) for i in range(12) if first.plus(i).end < as_of]
    for quarter in quarters:
        apply_grades(uow, quarter.end)
        close_in(uow, quarter, on=as_of, expire=False)  # one expiry run below covers every quarter
    apply_grades(uow, as_of)  # accounts enrolled since the last quarter end are graded from their first day
    refs = accounts(uow.session)
    for index, account in enumerate(refs[::7]):
        for quarter in quarters[-4::2]:
            try:
                redeem_in(uow, account, LedgerUnit.CASHBACK, Decimal("100.00") * (index % 5 + 1),
                          f"CN-{quarter}-{account.code}", quarter.end.replace(day=quarter.end.day - 14))
            except ServiceError:
                continue  # not enough cashback yet: the demo simply skips it
    expire_in(uow, as_of)


def ensure_ready(store: Store, clock: Clock | None = None) -> bool:
    """Give a new store its defaults and its administrator (the app's zero set-up); True when it did."""
    with store.read() as session:
        if session.scalar(select(func.count()).select_from(User)):
            return False
    initialize(store, clock=clock)
    return True


def load_demo(store: Store, seed: int = 1, clock: Clock | None = None) -> None:
    """The demo company, graded as of the clock's day, so every screen has something to show."""
    clock = clock or SystemClock()
    initialize(store, demo=True, seed=seed, clock=clock)
    ctx = open_context(store, DEFAULT_LOGIN, clock)
    with contextlib.suppress(Refused):  # the demo came graded already
        grade_portfolio(ctx, apply=True)
