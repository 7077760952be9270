"""Applying validated rows inside one unit of work: upserts by natural key, new categories and owners.

Each applier returns counts and a list of conflicts with what the store holds (issues, never a partial
write: the caller rolls the whole unit of work back if any conflict is found).
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain import ledger as dl
from kam_desktop.domain.messages import Message
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import ContactRole, LedgerKind, LedgerUnit, Role
from kam_desktop.imports.errors import ImportIssue
from kam_desktop.imports.staged import StagedAccount, StagedContact, StagedOpeningBalance, StagedPotential
from kam_desktop.imports.synonyms import normalise_label
from kam_desktop.store.models import Account, Contact, LedgerEntry, PotentialSlot, ProductCategory, User

# Opening balances are a source of their own; until the domain names one, they book as manual entries
# (the ledger's domain translation accepts only its SourceKind values).
OPENING_SOURCE = dl.SourceKind.OPENING_BALANCE
CATEGORY_CODE_LEN = 40


@dataclass
class Applied:
    """What one apply did, and what it refused."""

    counts: Counter[str] = field(default_factory=Counter)
    issues: list[ImportIssue] = field(default_factory=list)

    def refuse(self, file: str, row: int | None, column: str | None, message: Message) -> None:
        self.issues.append(ImportIssue.of(file, row, column, message))


@dataclass
class StoreKeys:
    """The store's keys, read once inside the unit of work."""

    accounts: dict[str, Account]  # by code, soft-deleted ones too
    categories: dict[str, uuid.UUID]  # normalised code or name → id
    users: dict[str, uuid.UUID]  # normalised login → id

    @classmethod
    def load(cls, session: Session) -> StoreKeys:
        accounts = {a.code: a for a in session.scalars(select(Account))}
        categories: dict[str, uuid.UUID] = {}
        for cid, code, name in session.execute(select(ProductCategory.id, ProductCategory.code, ProductCategory.name)):
            categories.setdefault(normalise_label(name), cid)
            categories[normalise_label(code)] = cid  # a code wins over another category's name
        users = {normalise_label(login): uid for uid, login in session.execute(select(User.id, User.login))}
        return cls(accounts, categories, users)

    def account_ids(self) -> dict[str, uuid.UUID]:
        return {code: a.id for code, a in self.accounts.items() if a.deleted_at is None}

    def category_ids(self, spellings: Iterable[str]) -> dict[str, uuid.UUID]:
        return {s: self.categories[normalise_label(s)] for s in spellings}


def category_code(name: str) -> str:
    """A new category's code: its name, or a shortened name with a hash when longer than the column."""
    if len(name) <= CATEGORY_CODE_LEN:
        return name
    return name[:31] + "~" + hashlib.sha1(name.encode()).hexdigest()[:8]


def create_categories(session: Session, keys: StoreKeys, names: Iterable[str], out: Applied) -> None:
    for name in names:
        if normalise_label(name) in keys.categories:
            continue  # created meanwhile by someone else: use theirs
        category = ProductCategory(id=uuid.uuid4(), code=category_code(name), name=name)
        session.add(category)
        keys.categories[normalise_label(name)] = category.id
        keys.categories[normalise_label(category.code)] = category.id
        out.counts["categories_created"] += 1


def create_owners(session: Session, keys: StoreKeys, logins: Iterable[str], out: Applied) -> None:
    for login in logins:
        if normalise_label(login) in keys.users:
            continue
        user = User(id=uuid.uuid4(), login=login, name=login, role=Role.KAM)
        session.add(user)
        keys.users[normalise_label(login)] = user.id
        out.counts["users_created"] += 1


def _update(obj: Any, values: dict[str, Any]) -> bool:
    """Set only the attributes that change, so an unchanged row keeps its version."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def apply_accounts(session: Session, keys: StoreKeys, rows: Iterable[StagedAccount], file: str,
                   present: set[str], out: Applied) -> None:
    """Upsert by code. Optional columns absent from the file (status, enrolled_on) keep stored values, and so does
    a known account's empty `enrolled_on` (a control-group account exports with none)."""
    for r in rows:
        values: dict[str, Any] = {
            "name": r.name, "tax_id": r.tax_id, "kind": r.kind, "owner_id": keys.users[normalise_label(r.owner_login)],
            "region": r.region, "industry": r.industry, "language": r.language,
        }
        account = keys.accounts.get(r.account_code)
        if account is None:
            account = Account(id=uuid.uuid4(), code=r.account_code, currency=r.currency, status=r.status,
                              enrolled_on=r.enrolled_on, **values)
            session.add(account)
            keys.accounts[r.account_code] = account
            out.counts["accounts_created"] += 1
            continue
        if account.currency != r.currency:
            out.refuse(file, r.row, "currency", Message.of(
                "account {account} is kept in {kept}, not {currency}: a currency is never changed by an import",
                account=r.account_code, kept=account.currency, currency=r.currency))
            continue
        if "status" in present:
            values["status"] = r.status
        if "enrolled_on" in present and r.enrolled_on is not None:
            values["enrolled_on"] = r.enrolled_on
        if account.deleted_at is not None:
            values["deleted_at"] = None
        out.counts["accounts_updated" if _update(account, values) else "accounts_unchanged"] += 1


_ROLE_WORDS = {
    ContactRole.FINANCE: ("finance", "cfo", "accountant", "controller", "finanse", "księgow", "ksiegow",
                          "skarbnik", "бухгалтер", "финанс"),
    ContactRole.PURCHASING: ("purchas", "buyer", "procurement", "zakup", "zaopatrz", "закуп", "снабжен"),
    ContactRole.OPERATIONS: ("operation", "logistic", "warehouse", "operac", "logisty", "magazyn", "операц",
                             "логист", "склад"),
    ContactRole.TECHNICAL: ("technic", "engineer", "cto", "it ", "techni", "inżynier", "инженер", "техн"),
    ContactRole.MANAGEMENT: ("ceo", "director", "owner", "president", "management", "board", "dyrektor",
                             "prezes", "zarząd", "właściciel", "директор", "владел", "руковод"),
}


def contact_role(text: str | None, position: str | None = None) -> tuple[str, str | None]:
    """(role, position) from the file's role and position cells.

    A role name is taken as is, beside the position; a job title in the role cell (files made before there was
    a position column) gives the role by its words and is the position unless the position column says otherwise;
    a position alone gives the role the same way.
    """
    if not text:
        return (_role_of_title(position), position) if position else (ContactRole.OTHER, None)
    label = normalise_label(text)
    if label in {r.value for r in ContactRole}:
        return ContactRole(label), position or None
    return _role_of_title(text), position or text


def _role_of_title(title: str) -> str:
    padded = normalise_label(title) + " "
    for role, words in _ROLE_WORDS.items():
        if any(word in padded for word in words):
            return role
    return ContactRole.OTHER


def apply_contacts(session: Session, keys: StoreKeys, rows: Iterable[StagedContact], out: Applied) -> None:
    """Upsert by account + name (exact); empty cells clear the stored value."""
    existing = {(c.account_id, c.name): c for c in session.scalars(select(Contact))}
    ids = keys.account_ids()
    for r in rows:
        role, position = contact_role(r.role, r.position)
        values = {"role": role, "position": position, "email": r.email, "phone": r.phone, "language": r.language}
        account_id = ids[r.account_code]
        contact = existing.get((account_id, r.name))
        if contact is None:
            contact = Contact(id=uuid.uuid4(), account_id=account_id, name=r.name, **values)
            session.add(contact)
            existing[(account_id, r.name)] = contact
            out.counts["contacts_created"] += 1
            continue
        if contact.deleted_at is not None:
            values["deleted_at"] = None
        out.counts["contacts_updated" if _update(contact, values) else "contacts_unchanged"] += 1


def apply_potential(session: Session, keys: StoreKeys, rows: Iterable[StagedPotential], out: Applied) -> None:
    """Upsert by account + category + collected_on."""
    existing = {(s.account_id, s.category_id, s.collected_on): s for s in session.scalars(select(PotentialSlot))}
    ids = keys.account_ids()
    for r in rows:
        account_id, category_id = ids[r.account_code], keys.categories[normalise_label(r.category)]
        values = {"total_units": r.total_units, "total_value": r.total_value, "currency": r.currency,
                  "source": r.source, "confidence": r.confidence}
        slot = existing.get((account_id, category_id, r.collected_on))
        if slot is None:
            slot = PotentialSlot(id=uuid.uuid4(), account_id=account_id, category_id=category_id,
                                 collected_on=r.collected_on, **values)
            session.add(slot)
            existing[(account_id, category_id, r.collected_on)] = slot
            out.counts["potential_created"] += 1
            continue
        if slot.deleted_at is not None:
            values["deleted_at"] = None
        out.counts["potential_updated" if _update(slot, values) else "potential_unchanged"] += 1


def opening_key(code: str, unit: str) -> str:
    """One opening balance per account and unit, ever: re-importing the file books nothing twice."""
    return f"opening:{code}:{unit}"


def apply_opening_balances(session: Session, keys: StoreKeys, rows: Iterable[StagedOpeningBalance], file: str,
                           booked_on: date, out: Applied) -> None:
    """Each non-zero amount becomes a positive adjustment (a lot) with its expiry; existing keys are compared."""
    booked = {e.idempotency_key: e for e in session.scalars(
        select(LedgerEntry).where(LedgerEntry.idempotency_key.like("opening:%")))}
    ids = keys.account_ids()
    for r in rows:
        expires_on = r.expires_on or dl.default_expiry(booked_on)
        for unit, amount, column in ((LedgerUnit.POINTS, r.points, "points"),
                                     (LedgerUnit.CASHBACK, r.cashback, "cashback")):
            if amount == 0:
                continue
            key = opening_key(r.account_code, unit)
            entry = booked.get(key)
            if entry is not None:
                if entry.amount == amount and entry.expires_on == expires_on:
                    out.counts["ledger_entries_unchanged"] += 1
                else:
                    out.refuse(file, r.row, column, _booked_already(r.account_code, unit, entry))
                continue
            session.add(LedgerEntry(
                id=uuid.uuid4(), account_id=ids[r.account_code], kind=LedgerKind.ADJUSTMENT, unit=unit,
                amount=amount, currency=r.currency if unit is LedgerUnit.CASHBACK else None, booked_on=booked_on,
                quarter=str(Quarter.of(booked_on)), expires_on=expires_on, source_kind=OPENING_SOURCE,
                source_ref=f"opening balance: {file}"[:120], idempotency_key=key, note=r.note,
            ))
            out.counts["ledger_entries_created"] += 1


def _booked_already(code: str, unit: LedgerUnit, entry: LedgerEntry) -> Message:
    amount: Decimal = entry.amount
    return Message.of("{account} already has an opening balance of {amount} {unit} (expiring {expires}, booked "
                      "{booked}); it is booked once: correct it with a ledger adjustment, not a new file",
                      account=code, amount=amount, unit=unit, expires=entry.expires_on, booked=entry.booked_on)
