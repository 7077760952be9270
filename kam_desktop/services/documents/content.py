"""View models of the agreement and the annex, built from the store (the statement is in document_statement).

Everything a document prints comes from here: the company from the `company.*` settings, the client from
its account and contacts, the rules from the program and policy in force, the annex's benefits from the
account's grants and the exceptions they rely on. Texts that the store keeps in one language only
(grant terms) are printed as written; catalog names come in the document's language.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel import Locale
from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.documents.content import (
    AgreementContent,
    AnnexContent,
    Approval,
    BenefitLine,
    BenefitType,
    CompanyIdentity,
    DocumentHeader,
    ExceptionRef,
    GradeRule,
    Lang,
    Party,
    ProgramRules,
)
from kam_desktop.documents.counts import counted
from kam_desktop.documents.formats import LOCALES, formats_for
from kam_desktop.domain.messages import Message
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import trailing_window
from kam_desktop.domain.printable import unprintable_problem
from kam_desktop.domain.vocabulary import (
    AccountKind,
    ContactRole,
    Decision,
    ExceptionStatus,
    Grade,
    GrantStatus,
)
from kam_desktop.services.errors import NotFound, Refused, ServiceError
from kam_desktop.services.program.company import fields_in
from kam_desktop.services.program.in_force import plain, policy_in_force, program_in_force
from kam_desktop.services.program.policy import account_grade
from kam_desktop.store.models import (
    Account,
    ApprovalStep,
    BenefitCatalogItem,
    BenefitGrant,
    Contact,
    ExceptionRequest,
    User,
)
from kam_desktop.store.queries.grades import AccountRef, account_by_code
from kam_desktop.store.queries.sales import sales_by_account

ANNEXABLE = (GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL)
# the store's benefit types → the words the documents print
BENEFIT_TYPES: dict[str, BenefitType] = {
    "volume_discount": "volume_discount", "rebate": "rebate", "cashback": "cashback", "points": "points",
    "mdf": "mdf", "exclusive_access": "early_access", "data_insights": "data_insights", "service": "extended_sla",
    "training": "training", "payment_terms": "payment_terms", "extended_warranty": "extended_warranty",
    "gift": "other",
}
_CONDITIONS = {
    "within": {"pl": "W granicach polityki handlowej", "ru": "В пределах коммерческой политики",
               "en": "Within the commercial policy"},
    "exception": {"pl": "Na podstawie wyjątku {numbers}", "ru": "На основании исключения {numbers}",
                  "en": "Under exception {numbers}"},
}
_EXCEPTION_KINDS = {
    "discount": {"pl": "Rabat", "ru": "Скидка", "en": "Discount"},
    "payment_terms": {"pl": "Termin płatności", "ru": "Отсрочка платежа", "en": "Payment terms"},
    "benefit_budget": {"pl": "Budżet benefitów", "ru": "Бюджет привилегий", "en": "Benefit budget"},
    "gift_value": {"pl": "Wartość upominku", "ru": "Стоимость подарка", "en": "Gift value"},
    "other": {"pl": "Inne", "ru": "Прочее", "en": "Other"},
}
_CAP = {"pl": "limit", "ru": "лимит", "en": "cap"}


def language_of(account: Account, lang: str | None) -> Lang:
    """The document language: as asked, else the account's own."""
    chosen = lang or account.language
    if chosen not in LOCALES:
        raise ServiceError("document language {language!r}; use pl, ru or en", language=chosen)
    return chosen  # type: ignore[return-value]


def load_account(session: Session, code: str) -> Account:
    account = session.scalar(select(Account).where(Account.code == code, Account.deleted_at.is_(None)))
    if account is None:
        raise NotFound("no account with code {code!r}; see `kamctl accounts list`", code=code)
    return account


def account_ref(session: Session, account: Account) -> AccountRef:
    ref = account_by_code(session, account.code)
    assert ref is not None
    return ref


def company_identity(session: Session) -> CompanyIdentity:
    """Our company from the `company.*` settings (see services.company and setup.DEFAULT_COMPANY)."""
    fields = fields_in(session)
    party = Party(fields.name or "—", fields.tax_id, fields.address, fields.signatory_name, fields.signatory_title)
    return CompanyIdentity(party, email=fields.email, phone=fields.phone, website=fields.website,
                           logo_png=fields.logo_png)


def client_party(session: Session, account: Account, lang: Lang) -> Party:
    """The client as it signs: name, tax id, address, and its management contact as signatory."""
    country = ""
    if account.country:
        country = Locale.parse(LOCALES[lang]).territories.get(account.country.upper(), account.country)
    lines = tuple(x for x in (account.address, account.city, country) if x)
    contact = session.scalar(
        select(Contact).where(Contact.account_id == account.id, Contact.deleted_at.is_(None))
        .order_by((Contact.role == ContactRole.MANAGEMENT).desc(), Contact.name).limit(1))
    name = contact.name if contact else ""
    title = (contact.position or "") if contact else ""
    require_printable(account.code, ((Message.of("Account name"), account.name), (Message.of("Address"), account.address),
                                     (Message.of("City"), account.city), (Message.of("Contact name"), name),
                                     (Message.of("Position"), title)))
    return Party(account.name, account.tax_id or "", lines, name, title, account.code, (account.country or "").upper())


def require_printable(code: str, fields: tuple[tuple[Message, str | None], ...]) -> None:
    """The last guard before a document is drawn: a name the font cannot print (Chinese, emoji) would come out
    as empty boxes, so the document is refused with the field and the characters named (imports and the
    services that set names refuse them first; a store filled before that rule may still hold one)."""
    for label, value in fields:
        problem = unprintable_problem(label, value or "")
        if problem is not None:
            raise Refused("{code}: {problem}", code=code, problem=problem)


def grade_name(session: Session, account: Account, grade: str, on: date) -> str:
    terms = program_in_force(session, on).terms
    return terms.names[AccountKind(account.kind)].get(Grade(grade), grade)


def program_rules(session: Session, account: Account, on: date) -> ProgramRules:
    """The program and policy in force on `on`, in the words the agreement prints."""
    program = program_in_force(session, on)
    policy = policy_in_force(session, on)
    cutoffs = program.terms.rules.cutoffs
    bands = (cutoffs.l1, cutoffs.l2 - cutoffs.l1, cutoffs.l3 - cutoffs.l2, Decimal(1) - cutoffs.l3)
    names = program.terms.names[AccountKind(account.kind)]
    grades = tuple(
        GradeRule(g.value, names.get(g, g.value), plain(band * 100), program.terms.cashback_percent.get(g, ZERO))
        for g, band in zip(Grade, bands, strict=True))
    grade, _ = account_grade(session, account_ref(session, account), on)
    caps = policy.terms.caps[grade]
    return ProgramRules(
        grades=grades, basis=program.terms.rules.basis.value,
        window_months=program.basis_months, grace_quarters=program.terms.rules.downgrade_grace,
        settlement="quarterly_rebate", points_per_currency_unit=plain(program.points.points_per_money),
        points_expiry_months=program.expiry_quarters * 3,
        reward_budget_percent_of_margin=caps.benefit_budget_percent_of_margin,
        benefit_cap_per_person=caps.gift_limit_per_person_per_year, currency=policy.currency or program.base_currency,
    )


def agreement_content(session: Session, account: Account, lang: Lang, header: DocumentHeader) -> AgreementContent:
    start = account.enrolled_on if account.enrolled_on and account.enrolled_on > header.issued_on else header.issued_on
    return AgreementContent(header, company_identity(session), client_party(session, account, lang),
                            program_rules(session, account, header.issued_on), start, None, 90, account.city or "")


@dataclass(frozen=True)
class AnnexItems:
    """What an annex lists: grants (in order), whether each still waits, and the exceptions behind them."""

    grants: tuple[BenefitGrant, ...]
    pending: tuple[bool, ...]
    exceptions: tuple[ExceptionRequest, ...]


def annexable_grants(session: Session, account: Account, signed_grant_ids: set[uuid.UUID]) -> list[BenefitGrant]:
    """Proposed or pending grants of the account not yet on a signed annex, oldest first."""
    rows = session.scalars(
        select(BenefitGrant).where(BenefitGrant.account_id == account.id, BenefitGrant.deleted_at.is_(None),
                                   BenefitGrant.status.in_(ANNEXABLE), BenefitGrant.annex_id.is_(None))
        .order_by(BenefitGrant.valid_from, BenefitGrant.created_at, BenefitGrant.id))
    return [g for g in rows if g.id not in signed_grant_ids]


def annex_items(session: Session, grants: list[BenefitGrant]) -> AnnexItems:
    ids = {g.exception_id for g in grants if g.exception_id is not None}
    exceptions = {e.id: e for e in session.scalars(select(ExceptionRequest).where(ExceptionRequest.id.in_(ids)))}
    pending = tuple(_waits(g, exceptions.get(g.exception_id) if g.exception_id else None) for g in grants)
    ordered = tuple(sorted(exceptions.values(), key=lambda e: e.number))
    return AnnexItems(tuple(grants), pending, ordered)


def _waits(grant: BenefitGrant, exception: ExceptionRequest | None) -> bool:
    """A grant waits while it is beyond the policy and its exception is not approved."""
    if exception is not None:
        return exception.status != ExceptionStatus.APPROVED
    return grant.status == GrantStatus.PENDING_APPROVAL


def annex_content(session: Session, account: Account, lang: Lang, header: DocumentHeader, items: AnnexItems,
                  agreement_number: str, agreement_date: date) -> AnnexContent:
    """The annex of `items` under the agreement; a draft exactly when some item still waits."""
    ref = account_ref(session, account)
    grade, _ = account_grade(session, ref, header.issued_on)
    numbers = {e.id: e.number for e in items.exceptions}
    benefits = tuple(_benefit_line(g, lang, waits, numbers) for g, waits in zip(items.grants, items.pending,
                                                                                 strict=True))
    exceptions = tuple(_exception_ref(session, e, lang) for e in items.exceptions)
    first, last = trailing_window(header.issued_on, 12)
    sales = sales_by_account(session, first, last, [account.id]).get(account.id)
    margin = sales.gross_margin if sales else ZERO
    pct = policy_in_force(session, header.issued_on).terms.caps[grade].benefit_budget_percent_of_margin
    budget = (margin * pct / 100).quantize(Decimal("0.01"))
    listed = {g.id for g in items.grants}
    committed = sum((g.cost_estimate for g in session.scalars(select(BenefitGrant).where(
        BenefitGrant.account_id == account.id, BenefitGrant.deleted_at.is_(None),
        BenefitGrant.status.in_((GrantStatus.ACTIVE, GrantStatus.USED)), BenefitGrant.valid_from <= last))
        if g.id not in listed and (g.valid_to is None or g.valid_to >= first)), ZERO)
    return AnnexContent(header, company_identity(session), client_party(session, account, lang), agreement_number,
                        agreement_date, grade.value, grade_name(session, account, grade.value, header.issued_on),
                        benefits, exceptions, budget, committed, account.currency, account.city or "")


def _benefit_line(grant: BenefitGrant, lang: Lang, waits: bool, numbers: dict[uuid.UUID, str]) -> BenefitLine:
    item: BenefitCatalogItem = grant.catalog_item
    title = {"pl": item.name_pl, "ru": item.name_ru}.get(lang) or item.name
    linked = (numbers[grant.exception_id],) if grant.exception_id in numbers else ()
    approval: Approval = "pending" if waits else ("approved" if linked else "within_policy")
    value = "" if grant.value is None else value_text(lang, grant.value, item.value_unit, grant.currency)
    # the value in the document's words, then what a person wrote (as written: it is theirs)
    terms = " — ".join(x for x in (f"{title}: {value}" if value else "", grant.terms or "") if x) or title
    conditions = (_CONDITIONS["exception"][lang].format(numbers=", ".join(linked)) if linked
                  else _CONDITIONS["within"][lang])
    until = grant.valid_to or grant.valid_from.replace(year=grant.valid_from.year + 1)
    return BenefitLine(BENEFIT_TYPES.get(item.benefit_type, "other"), title, terms, conditions, grant.valid_from,
                       until, grant.cost_estimate, approval, linked)


def value_text(lang: Lang, value: Decimal, unit: str | None, currency: str) -> str:
    """A benefit's or an exception's value in the document's words: "3%", "60 dni", "9 450,00 ₽", "12"."""
    fmt = formats_for(lang)
    if unit == "pct":
        return fmt.percent(value)
    if unit == "days" and value == value.to_integral_value():
        return counted(lang, "{count} day", "{count} days", int(value), "document: a value in days")
    if unit == "money":
        return fmt.money(value, currency)
    return fmt.quantity(value)


def _exception_ref(session: Session, row: ExceptionRequest, lang: Lang) -> ExceptionRef:
    kind = _EXCEPTION_KINDS.get(row.kind, _EXCEPTION_KINDS["other"])[lang]
    summary = f"{kind}: {value_text(lang, row.requested_value, row.value_unit, row.currency)}"
    if row.policy_value is not None:
        summary += f" ({_CAP[lang]} {value_text(lang, row.policy_value, row.value_unit, row.currency)})"
    approved = row.status == ExceptionStatus.APPROVED
    approver = ""
    if approved:  # everyone who approved, in step order (director, then finance for big amounts)
        approver = ", ".join(session.scalars(
            select(User.name).join(ApprovalStep, ApprovalStep.decided_by_id == User.id)
            .where(ApprovalStep.exception_id == row.id, ApprovalStep.decision == Decision.APPROVE)
            .order_by(ApprovalStep.step_no)))
    decided = row.decided_at.date() if approved and row.decided_at else None
    return ExceptionRef(row.number, summary, approver, decided, row.valid_to, "approved" if approved else "pending")
