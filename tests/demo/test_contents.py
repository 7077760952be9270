"""What the demo must contain: enough accounts of both kinds, every status, consistent approvals, real history."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kam_desktop.demo.company import DemoSummary
from kam_desktop.demo.taxids import tax_id_is_valid
from kam_desktop.domain.vocabulary import ContactRole, ExceptionStatus, GrantStatus, Role
from kam_desktop.store.models import (
    Account,
    ApprovalStep,
    BenefitCatalogItem,
    BenefitGrant,
    Contact,
    ExceptionRequest,
    InvoiceLine,
    PotentialSlot,
    ProductCategory,
    User,
)
from kam_desktop.store.store import Store

from .helpers import AS_OF

LANGUAGE_OF = {"PL": "pl", "RU": "ru", "GB": "en", "DE": "en"}


@pytest.fixture
def session(demo_store: tuple[Store, DemoSummary]):  # type: ignore[no-untyped-def]
    with demo_store[0].read() as s:
        yield s


def test_people_director_finance_and_kams(session: Session) -> None:
    roles = [r for (r,) in session.execute(select(User.role).where(User.login != "admin"))]
    assert roles.count(Role.DIRECTOR) == 1 and roles.count(Role.FINANCE) == 1 and roles.count(Role.KAM) >= 3
    logins = set(session.scalars(select(User.login)))
    assert all(re.fullmatch(r"[a-z]\.[a-z]+|admin", login) for login in logins)
    owners = set(session.scalars(select(Account.owner_id)))
    kams = set(session.scalars(select(User.id).where(User.role == Role.KAM)))
    assert owners == kams  # every KAM owns accounts, and only KAMs own them


def test_accounts_both_kinds_control_group_and_valid_tax_ids(session: Session) -> None:
    accounts = session.scalars(select(Account)).unique().all()
    assert len(accounts) >= 200
    partners = sum(a.kind == "partner" for a in accounts)
    assert 0.15 <= partners / len(accounts) <= 0.35
    control = [a for a in accounts if a.control_group]
    assert 0.04 <= len(control) / len(accounts) <= 0.18
    assert all(a.enrolled_on is None for a in control)
    assert all(a.enrolled_on is not None and a.enrolled_on <= AS_OF for a in accounts if not a.control_group)
    assert {a.country for a in accounts} == {"PL", "RU", "GB", "DE"}
    for a in accounts:
        assert tax_id_is_valid(a.country, a.tax_id), (a.code, a.tax_id)
        assert a.language == LANGUAGE_OF[a.country], a.code
        assert a.address and a.city and a.region and a.industry
    assert len({a.tax_id for a in accounts}) == len(accounts)
    assert any(n.endswith("Sp. z o.o.") for n in (a.name for a in accounts))
    assert any(a.name.startswith(("ООО «", "АО «")) for a in accounts)
    assert any(a.name.endswith((" Ltd", " GmbH", " PLC", " AG")) for a in accounts)
    assert {"PLN", "EUR", "RUB"} <= {a.currency for a in accounts}


def test_invoices_keep_the_account_currency_and_margins_10_to_35_pct(session: Session) -> None:
    mismatched = session.scalar(
        select(func.count()).select_from(InvoiceLine).join(Account, Account.id == InvoiceLine.account_id)
        .where(InvoiceLine.currency != Account.currency))
    assert mismatched == 0
    lines = session.execute(select(InvoiceLine.net_amount, InvoiceLine.margin_amount)
                            .where(InvoiceLine.net_amount >= Decimal("100.00"))).all()
    assert all(Decimal("0.099") <= m / n <= Decimal("0.351") for n, m in lines)


def test_three_years_of_history_with_returns_and_volume(session: Session) -> None:
    first, last, count = session.execute(
        select(func.min(InvoiceLine.invoice_date), func.max(InvoiceLine.invoice_date), func.count())).one()
    assert last <= AS_OF and (AS_OF - last).days < 10
    assert (last - first).days >= 3 * 365 - 10
    assert 40_000 <= count <= 65_000
    returns = session.execute(select(InvoiceLine.quantity, InvoiceLine.net_amount, InvoiceLine.margin_amount)
                              .where(InvoiceLine.quantity < 0)).all()
    assert len(returns) >= 100
    assert all(n < 0 and m <= 0 for _, n, m in returns)


def test_growth_decline_and_churn(session: Session) -> None:
    quiet_since = AS_OF - timedelta(days=183)
    last_buy = dict(session.execute(select(InvoiceLine.account_id, func.max(InvoiceLine.invoice_date))
                                    .group_by(InvoiceLine.account_id)).all())
    churned = [a for a, d in last_buy.items() if d < quiet_since]
    assert len(churned) >= 5
    year = timedelta(days=365)

    def revenue(since: object, until: object) -> dict[object, Decimal]:
        return dict(session.execute(
            select(InvoiceLine.account_id, func.sum(InvoiceLine.net_amount))
            .where(InvoiceLine.invoice_date > since, InvoiceLine.invoice_date <= until)
            .group_by(InvoiceLine.account_id)).all())

    recent, before = revenue(AS_OF - year, AS_OF), revenue(AS_OF - 2 * year, AS_OF - year)
    ratios = [recent.get(a, Decimal(0)) / v for a, v in before.items() if v > 0 and a not in churned]
    assert sum(r > Decimal("1.3") for r in ratios) >= 10
    assert sum(r < Decimal("0.75") for r in ratios) >= 10


def test_categories_have_polish_and_russian_names(session: Session) -> None:
    categories = session.scalars(select(ProductCategory)).all()
    assert len(categories) >= 8
    assert all(c.name_pl and c.name_ru and re.search("[а-я]", c.name_ru) for c in categories)
    used = set(session.scalars(select(InvoiceLine.category_id).distinct()))
    assert used == {c.id for c in categories}


def test_contacts_roles_consent_and_nps(session: Session) -> None:
    contacts = session.scalars(select(Contact)).all()
    assert {c.role for c in contacts} >= {str(r) for r in ContactRole if r != ContactRole.OTHER}
    assert all(c.email and "@" in c.email and c.phone for c in contacts)
    assert any(c.marketing_consent for c in contacts) and any(not c.marketing_consent for c in contacts)
    assert all(c.consent_on is not None for c in contacts if c.marketing_consent)
    scored = [c for c in contacts if c.nps is not None]
    assert scored and all(0 <= c.nps <= 10 and c.nps_on is not None for c in scored)
    per_account = session.execute(select(Contact.account_id, func.count()).group_by(Contact.account_id)).all()
    assert len(per_account) == session.scalar(select(func.count()).select_from(Account))


def test_slots_mostly_exceed_our_purchases(session: Session) -> None:
    since = AS_OF - timedelta(days=365)
    ours = dict(((a, c), v) for a, c, v in session.execute(
        select(InvoiceLine.account_id, InvoiceLine.category_id, func.sum(InvoiceLine.net_amount))
        .where(InvoiceLine.invoice_date > since).group_by(InvoiceLine.account_id, InvoiceLine.category_id)))
    slots = session.scalars(select(PotentialSlot)).all()
    assert len(slots) >= 400
    above = sum(s.total_value >= ours.get((s.account_id, s.category_id), Decimal(0)) for s in slots)
    assert above / len(slots) >= 0.85
    assert all(Decimal(0) < s.confidence <= 1 and s.collected_on <= AS_OF for s in slots)
    assert len({s.source for s in slots}) >= 3


def test_grants_in_every_status_with_consistent_amounts(session: Session) -> None:
    grants = session.scalars(select(BenefitGrant)).unique().all()
    assert {g.status for g in grants} == {str(s) for s in GrantStatus}
    for g in grants:
        assert Decimal(0) <= g.used_amount <= g.cost_estimate, g.id
        assert g.valid_to is None or g.valid_from <= g.valid_to
        if g.status == GrantStatus.USED:
            assert g.used_amount == g.cost_estimate
        if g.status == GrantStatus.EXPIRED:
            assert g.valid_to < AS_OF
        if g.status == GrantStatus.ACTIVE:
            assert g.valid_from <= AS_OF <= g.valid_to
        if g.status in (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL, GrantStatus.CANCELLED):
            assert g.used_amount == 0


def test_grants_beyond_a_cap_link_to_their_exception(session: Session) -> None:
    requests = {r.id: r for r in session.scalars(select(ExceptionRequest))}
    linked = session.execute(select(BenefitGrant, BenefitCatalogItem.code)
                             .join(BenefitCatalogItem, BenefitCatalogItem.id == BenefitGrant.catalog_id)
                             .where(BenefitGrant.exception_id.is_not(None))).unique().all()
    assert linked
    expect = {"active": {"approved"}, "expired": {"expired"}, "pending_approval": {"submitted"},
              "cancelled": {"rejected"}}
    for grant, _code in linked:
        request = requests[grant.exception_id]
        assert request.account_id == grant.account_id
        assert request.status in expect[grant.status], (grant.status, request.status)
    with_grant = {g.exception_id for g, _ in linked}
    approved = [r for r in requests.values() if r.status == ExceptionStatus.APPROVED and r.kind != "other"]
    assert approved and all(r.id in with_grant for r in approved)
    # A volume discount above the most generous cap (12 %) exists only through an approved exception.
    for grant, code in session.execute(select(BenefitGrant, BenefitCatalogItem.code).join(
            BenefitCatalogItem, BenefitCatalogItem.id == BenefitGrant.catalog_id)).unique().all():
        if code == "VOL-DISC" and grant.value is not None and grant.value > 12:
            assert grant.exception_id is not None


def test_exceptions_every_status_and_approvals_consistent(session: Session) -> None:
    users = {u.id: u for u in session.scalars(select(User))}
    requests = session.scalars(select(ExceptionRequest)).all()
    assert {r.status for r in requests} == {str(s) for s in ExceptionStatus}
    assert {r.required_steps for r in requests} == {1, 2}
    numbers = [r.number for r in requests]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"EXC-20\d\d-\d{5}", n) for n in numbers)
    steps: dict[object, list[ApprovalStep]] = {}
    for step in session.scalars(select(ApprovalStep).order_by(ApprovalStep.step_no)):
        steps.setdefault(step.exception_id, []).append(step)
    for r in requests:
        _check_request(r, steps.get(r.id, []), users)


def _check_request(r: ExceptionRequest, steps: list[ApprovalStep], users: dict[object, User]) -> None:
    assert users[r.requested_by_id].role == Role.KAM
    assert r.requested_value > (r.policy_value or 0)
    for number, step in enumerate(steps, start=1):
        assert step.step_no == number
        assert step.approver_role == (Role.DIRECTOR if number == 1 else Role.FINANCE)
        assert users[step.decided_by_id].role == step.approver_role
        assert step.decided_by_id != r.requested_by_id
        assert step.created_by == users[step.decided_by_id].login
        assert r.submitted_at is not None and step.created_at > r.submitted_at
    decisions = [s.decision for s in steps]
    if r.status == ExceptionStatus.DRAFT:
        assert r.submitted_at is None and not steps
    if r.status in (ExceptionStatus.APPROVED, ExceptionStatus.EXPIRED):
        assert decisions == ["approve"] * r.required_steps
        assert r.decided_at == steps[-1].created_at and r.valid_from and r.valid_to
        assert (r.valid_to < AS_OF) == (r.status == ExceptionStatus.EXPIRED)
    if r.status == ExceptionStatus.REJECTED:
        assert decisions[-1] == "reject" and steps[-1].note and r.decided_at == steps[-1].created_at
    if r.status in (ExceptionStatus.SUBMITTED, ExceptionStatus.WITHDRAWN):
        assert "reject" not in decisions and len(steps) < r.required_steps and r.decided_at is None
    if r.required_steps == 1:
        assert len(steps) <= 1


def test_timestamps_come_from_as_of_not_the_clock(session: Session) -> None:
    end = datetime.combine(AS_OF, time(23, 59, 59), UTC)
    for model in (Account, Contact, PotentialSlot, BenefitGrant, ExceptionRequest):
        latest = session.scalar(select(func.max(model.created_at)))
        assert latest is not None and latest <= end, model.__name__
    assert session.scalar(select(func.max(ApprovalStep.created_at))) <= end
