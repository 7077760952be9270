"""Reaching an account for a use case: found by its code, and only when the actor's scope reaches it."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound
from kam_desktop.store.models import Account
from kam_desktop.store.queries.grades import AccountRef, account_by_code


def account_for(ctx: Context, session: Session, use_case: UseCase, code: str) -> AccountRef:
    """The account with `code`, if the actor may use `use_case` on it; else NotFound or a permission refusal."""
    ctx.permit(use_case)
    account = account_by_code(session, code.strip())
    if account is None:
        raise NotFound("no account with code {code!r}; see `kamctl accounts list`", code=code)
    ctx.permit_on(use_case, account.code, account.owner)
    return account


def account_code_of(session: Session, account_id: uuid.UUID) -> str:
    """The code of the account with this id ("" if it is gone)."""
    return session.scalar(select(Account.code).where(Account.id == account_id)) or ""


def permit_on_account_id(ctx: Context, session: Session, use_case: UseCase, account_id: uuid.UUID) -> AccountRef:
    """`account_for` reached from a record that points at its account (a grant, a request, a document)."""
    return account_for(ctx, session, use_case, account_code_of(session, account_id))


def account_ref(session: Session, account_id: uuid.UUID) -> AccountRef:
    """The account a record points at, for a use case that already checked the actor's reach."""
    account = account_by_code(session, account_code_of(session, account_id))
    if account is None:
        raise NotFound("no account with id {account_id}", account_id=account_id)
    return account
