"""Commercial policy checks against the caps of the account's grade, with every violation at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.monetary import Money
from kam_desktop.domain.money import ZERO, percent_of
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.policy import BenefitRequest, GiftRequest, Violation, check
from kam_desktop.domain.policy import CommercialPolicy as PolicyTerms
from kam_desktop.domain.vocabulary import Grade, GrantStatus
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.program.fx import convert_on
from kam_desktop.services.program.in_force import Policy, policy_in_force
from kam_desktop.store.models import BenefitGrant
from kam_desktop.store.queries.grades import AccountRef, latest_evaluation
from kam_desktop.store.queries.sales import sales_by_account

COUNTED_GRANTS = (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL, GrantStatus.ACTIVE, GrantStatus.USED)


@dataclass(frozen=True)
class PolicyCheck:
    """The caps that a request exceeds for the account's grade, and the facts the check used."""

    code: str
    as_of: date
    grade: str
    graded: bool  # False: no evaluation yet, checked against L4 (the strictest caps)
    policy: str
    gross_margin_12m: Decimal
    benefits_already: Decimal
    violations: list[Violation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations


def policy_check(
    ctx: Context, code: str, *, discount: Decimal | None = None, payment_days: int | None = None,
    benefit_cost: Decimal | None = None, gifts: Mapping[str, Decimal] | None = None, as_of: date | None = None,
) -> PolicyCheck:
    """Check a prospective grant or offer against the policy in force; returns all violations."""
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_ACCOUNT, code)
        return check_in(session, account, as_of, discount=discount, payment_days=payment_days,
                        benefit_cost=benefit_cost, gifts=gifts)


def check_in(
    session: Session, account: AccountRef, as_of: date, *, discount: Decimal | None = None,
    payment_days: int | None = None, benefit_cost: Decimal | None = None,
    gifts: Mapping[str, Decimal] | None = None, exclude_grant: object = None,
) -> PolicyCheck:
    """The check inside an open session (the grant service reuses it)."""
    policy = policy_in_force(session, as_of)
    grade, graded = account_grade(session, account, as_of)
    first, last = trailing_window(as_of, 12)
    sales = sales_by_account(session, first, last, [account.id]).get(account.id)
    margin = sales.gross_margin if sales else ZERO
    already = ZERO
    if benefit_cost is not None:
        already = _benefits_in_period(session, account, first, last, exclude_grant)
    request = BenefitRequest(
        discount_percent=discount, payment_days=payment_days, benefit_cost=benefit_cost,
        benefits_already_granted=already, gross_margin_in_period=margin,
        gifts=tuple(GiftRequest(person, value) for person, value in (gifts or {}).items()),
    )
    terms = policy.terms if not gifts else in_account_currency(session, policy, account.currency, as_of)
    return PolicyCheck(account.code, as_of, grade.value, graded, policy.name, margin, already,
                       check(terms, grade, request))


def in_account_currency(session: Session, policy: Policy, currency: str, on: date) -> PolicyTerms:
    """The policy with its money caps (gifts to a person) in the account's currency at the rate of `on`: a EUR
    client's gift is compared with the PLN cap converted, never with its number."""
    caps = {grade: replace(c, gift_limit_per_person_per_year=convert_on(
                session, Money(c.gift_limit_per_person_per_year, policy.currency), currency, on).amount)
            for grade, c in policy.terms.caps.items()}
    return replace(policy.terms, caps=caps)


@dataclass(frozen=True)
class BenefitBudget:
    """The account's benefit budget in the last 12 months: a % of its gross margin, and what is committed."""

    grade: str
    margin_12m: Decimal
    budget_pct: Decimal
    budget: Decimal
    committed: Decimal
    currency: str

    @property
    def use(self) -> Decimal | None:
        return None if self.budget <= 0 else (self.committed / self.budget).quantize(Decimal("0.0001"))


def benefit_budget(session: Session, account: AccountRef, as_of: date) -> BenefitBudget:
    """The budget the policy gives the account's grade, and the benefits committed against it (as the check)."""
    first, last = trailing_window(as_of, 12)
    sales = sales_by_account(session, first, last, [account.id]).get(account.id)
    margin = sales.gross_margin if sales else ZERO
    grade, _graded = account_grade(session, account, as_of)
    pct = policy_in_force(session, as_of).terms.caps_for(grade).benefit_budget_percent_of_margin
    committed = _benefits_in_period(session, account, first, last, None)
    return BenefitBudget(grade.value, margin, pct, percent_of(max(margin, ZERO), pct), committed, account.currency)


def account_grade(session: Session, account: AccountRef, as_of: date) -> tuple[Grade, bool]:
    """The grade in force (latest evaluation on or before `as_of`); L4 if never graded."""
    evaluation = latest_evaluation(session, account.id, as_of)
    return (Grade(evaluation.grade), True) if evaluation else (Grade.L4, False)


def _benefits_in_period(session: Session, account: AccountRef, first: date, last: date, exclude: object) -> Decimal:
    grants = session.scalars(
        select(BenefitGrant).where(
            BenefitGrant.account_id == account.id, BenefitGrant.deleted_at.is_(None),
            BenefitGrant.status.in_(COUNTED_GRANTS), BenefitGrant.valid_from <= last,
        )
    )
    return sum(
        (g.cost_estimate for g in grants if (g.valid_to is None or g.valid_to >= first) and g.id != exclude), ZERO
    )
