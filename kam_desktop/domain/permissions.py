"""Who may do what, on whose accounts: the one table of role × use case, and the check that reads it.

Every door (the GUI's desk, `kamctl`, the sync applier) reaches a use case through a service function that
asks this module first; nothing else decides permissions. A role either may not use a use case at all, may
use it on any account (`ANY`), or only on the accounts it owns (`OWN`: a KAM and their portfolio). Rules that
depend on the record itself (nobody decides their own request, only the requester withdraws) stay with the
record's own rules (`domain/exceptions.py`); this table only says who may knock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kam_desktop.domain.messages import Message, Refusal
from kam_desktop.domain.vocabulary import Role


class Scope(StrEnum):
    """How far a permission reaches."""

    ANY = "any"  # every account (or no account involved)
    OWN = "own"  # only accounts the person owns


class UseCase(StrEnum):
    """Every use case a person can start, by any door. The value is the name shown in refusals and audits."""

    VIEW_PORTFOLIO = "view the portfolio"
    VIEW_ACCOUNT = "view an account"
    VIEW_PROGRAM = "view the program's rules"
    VIEW_REPORTS = "view program reports (KPIs, potential matrix, what-if)"
    VIEW_PORTFOLIO_KPIS = "view the KPIs of a portfolio"
    MANAGE_USERS = "manage people"
    PREVIEW_GRADES = "preview the grading"
    APPLY_GRADES = "apply the grading"
    CLOSE_QUARTER = "close a quarter"
    REDEEM = "book redemptions and expiries"
    SAVE_SLOT = "record a potential slot"
    GRANT_BENEFIT = "grant a benefit"
    REQUEST_EXCEPTION = "request a policy exception"
    DECIDE_EXCEPTION = "decide a policy exception"
    ISSUE_DOCUMENT = "issue a document"
    SIGN_DOCUMENT = "record a signed document"
    ISSUE_STATEMENTS = "issue statements for a portfolio"
    IMPORT_ACCOUNTS = "import accounts"
    IMPORT_SALES = "import invoices"
    IMPORT_BALANCES = "import opening balances"
    IMPORT_CRM = "import contacts and potential"
    VIEW_IMPORTS = "view the import history"
    REVERSE_IMPORT = "reverse an import of invoice lines"
    EXPORT_PORTFOLIO = "export the portfolio"
    EXPORT_DATA = "export program data"
    SET_FX = "set an exchange rate"
    EDIT_COMPANY = "change our company's details"
    BACKUP = "back up the store"
    RESTORE = "restore a backup"
    ENCRYPT_STORE = "encrypt the store"
    DECRYPT_STORE = "decrypt the store or show its key"
    # settlement: a KAM proposes, finance books (the records' own rules add the second person)
    VIEW_SETTLEMENT = "view payouts, adjustments and MDF claims"
    SETTLEMENT_TERMS = "change the settlement terms"
    LOCK_PERIOD = "lock a quarter"
    SETTLE = "settle late facts and clawbacks"
    PAY_OUT = "pay out cashback"
    PROPOSE_ADJUSTMENT = "propose a ledger adjustment"
    DECIDE_ADJUSTMENT = "approve or reject a ledger adjustment"
    BOOK_ADJUSTMENT = "book a ledger adjustment"
    MANAGE_MDF = "set an MDF fund"
    CLAIM_MDF = "submit an MDF claim"
    DECIDE_MDF = "approve or reject an MDF claim"
    PAY_MDF = "pay an MDF claim or settle a fund"
    VIEW_LIABILITY = "view the reward liability and economics"
    EXPORT_JOURNAL = "export the accounting journal"
    VERIFY_AUDIT = "verify the audit chain"
    CHECK_ROLLUP = "check the sales roll-up against the invoice lines"


SOLO_LOGIN = "admin"  # the administrator every store is created with: who acts on a solo store by default
_ANY, _OWN = Scope.ANY, Scope.OWN
_KAM, _DIR, _FIN, _ADM = Role.KAM, Role.DIRECTOR, Role.FINANCE, Role.ADMIN
EVERYONE_OWN: Mapping[Role, Scope] = {_KAM: _OWN, _DIR: _ANY, _FIN: _ANY, _ADM: _ANY}
EVERYONE: Mapping[Role, Scope] = {_KAM: _ANY, _DIR: _ANY, _FIN: _ANY, _ADM: _ANY}
MANAGERS: Mapping[Role, Scope] = {_DIR: _ANY, _FIN: _ANY, _ADM: _ANY}
KAM_OWN_DIRECTOR_ADMIN: Mapping[Role, Scope] = {_KAM: _OWN, _DIR: _ANY, _ADM: _ANY}
FINANCE_ADMIN: Mapping[Role, Scope] = {_FIN: _ANY, _ADM: _ANY}
FINANCE: Mapping[Role, Scope] = {_FIN: _ANY}
APPROVERS: Mapping[Role, Scope] = {_DIR: _ANY, _FIN: _ANY}
KAM_OWN_DIRECTOR_FINANCE: Mapping[Role, Scope] = {_KAM: _OWN, _DIR: _ANY, _FIN: _ANY}

PERMISSIONS: Mapping[UseCase, Mapping[Role, Scope]] = {
    UseCase.VIEW_PORTFOLIO: EVERYONE_OWN,
    UseCase.VIEW_ACCOUNT: EVERYONE_OWN,
    UseCase.VIEW_PROGRAM: EVERYONE,
    UseCase.VIEW_REPORTS: MANAGERS,
    UseCase.VIEW_PORTFOLIO_KPIS: EVERYONE_OWN,  # a KAM's dashboard: the KPIs of their own accounts
    UseCase.MANAGE_USERS: {_ADM: _ANY},
    UseCase.PREVIEW_GRADES: MANAGERS,
    UseCase.APPLY_GRADES: MANAGERS,
    UseCase.CLOSE_QUARTER: MANAGERS,
    UseCase.REDEEM: FINANCE_ADMIN,
    UseCase.SAVE_SLOT: KAM_OWN_DIRECTOR_ADMIN,
    UseCase.GRANT_BENEFIT: KAM_OWN_DIRECTOR_ADMIN,
    UseCase.REQUEST_EXCEPTION: KAM_OWN_DIRECTOR_ADMIN,
    # the request's own rules then name the step's role and refuse the requester
    UseCase.DECIDE_EXCEPTION: {_DIR: _ANY, _FIN: _ANY},
    UseCase.ISSUE_DOCUMENT: EVERYONE_OWN,
    UseCase.SIGN_DOCUMENT: KAM_OWN_DIRECTOR_ADMIN,
    UseCase.ISSUE_STATEMENTS: EVERYONE_OWN,
    UseCase.IMPORT_ACCOUNTS: {_DIR: _ANY, _ADM: _ANY},
    UseCase.IMPORT_SALES: MANAGERS,
    UseCase.IMPORT_BALANCES: FINANCE_ADMIN,
    UseCase.IMPORT_CRM: KAM_OWN_DIRECTOR_ADMIN,
    UseCase.VIEW_IMPORTS: MANAGERS,
    UseCase.REVERSE_IMPORT: FINANCE_ADMIN,  # a linked reversing batch: finance corrects the books, never a delete
    UseCase.EXPORT_PORTFOLIO: EVERYONE_OWN,
    UseCase.EXPORT_DATA: MANAGERS,
    UseCase.SET_FX: FINANCE_ADMIN,
    UseCase.EDIT_COMPANY: MANAGERS,
    UseCase.BACKUP: EVERYONE,
    UseCase.RESTORE: {_ADM: _ANY},
    UseCase.ENCRYPT_STORE: EVERYONE,  # only ever safer: whoever uses the laptop may seal its data
    UseCase.DECRYPT_STORE: {_ADM: _ANY},  # the data in plain text again, or the key that reads it
    UseCase.VIEW_SETTLEMENT: EVERYONE_OWN,
    UseCase.SETTLEMENT_TERMS: FINANCE,
    UseCase.LOCK_PERIOD: FINANCE,
    UseCase.SETTLE: FINANCE,
    UseCase.PAY_OUT: FINANCE,
    UseCase.PROPOSE_ADJUSTMENT: KAM_OWN_DIRECTOR_FINANCE,
    UseCase.DECIDE_ADJUSTMENT: APPROVERS,
    UseCase.BOOK_ADJUSTMENT: FINANCE,
    UseCase.MANAGE_MDF: APPROVERS,
    UseCase.CLAIM_MDF: KAM_OWN_DIRECTOR_FINANCE,
    UseCase.DECIDE_MDF: APPROVERS,
    UseCase.PAY_MDF: FINANCE,
    UseCase.VIEW_LIABILITY: MANAGERS,
    UseCase.EXPORT_JOURNAL: FINANCE_ADMIN,
    UseCase.VERIFY_AUDIT: MANAGERS,
    UseCase.CHECK_ROLLUP: MANAGERS,
}


@dataclass(frozen=True)
class Person:
    """Who is acting, as far as permissions care: a login and a role."""

    login: str
    role: Role


class NotPermitted(Refusal):
    """The person's role may not use this use case, or not on this account (a code, or "x's accounts")."""

    rule = "who may do what"

    def __init__(self, person: Person, use_case: UseCase, account: str | Message | None = None) -> None:
        self.person, self.use_case, self.account = person, use_case, account
        rule = Message.of(self.rule)
        if account is None:
            super().__init__("{login} ({role}) may not {use_case} [{rule}]", login=person.login, role=person.role,
                             use_case=use_case, rule=rule)
        else:
            super().__init__("{login} ({role}) may not {use_case} of {account}: it is another KAM's account [{rule}]",
                             login=person.login, role=person.role, use_case=use_case, account=account, rule=rule)


def scope_of(role: Role, use_case: UseCase) -> Scope | None:
    """How far `role` may use `use_case`; None when not at all."""
    return PERMISSIONS[use_case].get(role)


def permits(role: Role, use_case: UseCase, *, own: bool | None = None) -> bool:
    """Whether `role` may use `use_case` at all (`own` None), or on an account it owns (True) or not (False)."""
    scope = scope_of(role, use_case)
    if scope is None:
        return False
    return own is None or own or scope is Scope.ANY


def require(person: Person, use_case: UseCase) -> Scope:
    """The person's scope for `use_case`, or NotPermitted when their role may not use it at all."""
    scope = scope_of(person.role, use_case)
    if scope is None:
        raise NotPermitted(person, use_case)
    return scope


def require_on(person: Person, use_case: UseCase, account: str, owner: str | None) -> None:
    """Refuse `use_case` on `account` (owned by `owner`) unless the person's scope reaches it."""
    if require(person, use_case) is Scope.OWN and owner != person.login:
        raise NotPermitted(person, use_case, account)
