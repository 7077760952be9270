"""The demo's documents: a handful in every status (signed, draft, corrected, statements), made by the real services."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import AccountStatus, ExceptionKind, GrantStatus
from kam_desktop.services.benefits.catalog import check_benefit
from kam_desktop.services.documents.content import annex_items, annexable_grants, client_party, language_of
from kam_desktop.services.documents.issue import Issuing, agreement_in, annex_in, reissue_in, statement_in
from kam_desktop.services.documents.records import DocumentRow
from kam_desktop.services.documents.signing import sign_in
from kam_desktop.services.numbering import NumberAllocator
from kam_desktop.store.models import Account, BenefitCatalogItem, BenefitGrant, Document
from kam_desktop.store.queries.grades import account_by_code
from kam_desktop.store.uow import UnitOfWork

TRAINING_COST = Decimal("2500.00")


def seed_demo_documents(uow: UnitOfWork, as_of: date, now: datetime) -> list[str]:
    """A handful of documents in every status for the demo; returns "NUMBER vN status" of each.

    * an account with no open benefits gets one training benefit running today, a signed agreement, a
      signed annex (which activates that benefit) and last quarter's statement;
    * an account whose benefit waits for an exception gets an issued agreement and a DRAFT annex;
    * an account with proposed benefits gets an agreement corrected into version 2 (version 1 void), an
      issued (unsigned) annex and a statement.
    Languages differ where the demo allows. Other grants are left as the demo made them.
    """
    at = Issuing(uow, as_of, now, NumberAllocator(uow.session, uow.actor))
    quarter = Quarter.of(as_of).previous()
    signed_one, draft, proposed = _demo_accounts(uow, as_of)
    made: list[str] = []

    def note(row: DocumentRow) -> None:
        made.append(f"{row.number} v{row.version} {row.status}")

    if signed_one is not None:
        _demo_grant(uow, signed_one, as_of)
        for issue in (agreement_in, annex_in):
            doc = uow.session.get_one(Document, issue(at, signed_one).document.id)
            note(sign_in(uow, doc, _signatory(uow, signed_one), as_of, None, as_of))
        note(statement_in(at, signed_one, quarter).document)
    if draft is not None:
        note(agreement_in(at, draft).document)
        note(annex_in(at, draft).document)
    if proposed is not None:
        first = agreement_in(at, proposed).document
        note(first)
        note(reissue_in(at, uow.session.get_one(Document, first.id)).document)
        made[-2] = f"{first.number} v1 void"
        note(annex_in(at, proposed).document)
        note(statement_in(at, proposed, quarter).document)
    uow.audit("demo.documents", "document", None, documents=made)
    return made


def _demo_accounts(uow: UnitOfWork, as_of: date) -> tuple[Account | None, Account | None, Account | None]:
    """(no open benefits, a benefit waiting for approval, only proposed benefits), in different languages."""
    session = uow.session
    everyone = list(session.scalars(select(Account).where(Account.status == AccountStatus.ACTIVE,
                                                          Account.deleted_at.is_(None)).order_by(Account.code)))
    with_open = set(session.scalars(select(BenefitGrant.account_id).where(
        BenefitGrant.status.in_((GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL)),
        BenefitGrant.deleted_at.is_(None))))
    draft = proposed = None
    for account in (a for a in everyone if a.id in with_open):
        pending = any(annex_items(session, annexable_grants(session, account, set())).pending)
        if pending and draft is None and (proposed is None or account.language != proposed.language):
            draft = account
        elif not pending and proposed is None and (draft is None or account.language != draft.language):
            proposed = account
    used = {a.language for a in (draft, proposed) if a is not None}
    # the signed annex's training must fit the account's benefit budget: signing it activates it
    quiet = [a for a in everyone if a.id not in with_open and training_cost(session, a, as_of) > 0]
    signed_one = next((a for a in quiet if a.language not in used), quiet[0] if quiet else None)
    return signed_one, draft, proposed


def training_cost(session: Session, account: Account, as_of: date) -> Decimal:
    """The demo training's cost for `account`: 2 500, or what is left of its benefit budget (0: none fits)."""
    item = session.scalar(select(BenefitCatalogItem).where(BenefitCatalogItem.code == "TRAINING"))
    ref = account_by_code(session, account.code)
    if item is None or ref is None:
        return ZERO
    check = check_benefit(session, ref, item, item.default_value, TRAINING_COST, as_of)  # as signing checks it
    if check.ok:
        return TRAINING_COST
    if any(v.rule is not ExceptionKind.BENEFIT_BUDGET for v in check.violations):
        return ZERO
    room = min(v.cap for v in check.violations) - check.benefits_already
    return max(ZERO, (room / 10).to_integral_value(ROUND_FLOOR) * 10)


def _demo_grant(uow: UnitOfWork, account: Account, as_of: date) -> None:
    """A certification training running from two weeks ago for a year, proposed (the annex activates it)."""
    item = uow.session.scalar(select(BenefitCatalogItem).where(BenefitCatalogItem.code == "TRAINING"))
    if item is None:
        return
    start = as_of - timedelta(days=14)
    terms = {"pl": "Dwa dni szkolenia certyfikacyjnego dla 4 osób", "ru": "Два дня сертификационного обучения "
             "для 4 сотрудников", "en": "Two days of certification training for 4 people"}
    uow.session.add(BenefitGrant(account_id=account.id, catalog_id=item.id, terms=terms.get(account.language,
                                 terms["en"]), value=item.default_value, valid_from=start,
                                 valid_to=start + timedelta(days=364), status=GrantStatus.PROPOSED,
                                 cost_estimate=training_cost(uow.session, account, as_of), currency=account.currency, granted_by=uow.actor))
    uow.session.flush()


def _signatory(uow: UnitOfWork, account: Account) -> str:
    party = client_party(uow.session, account, language_of(account, None))
    return party.signatory_name or "—"
