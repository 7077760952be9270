"""What the portfolio's filter also finds an account by: its tax ID (with or without separators) and the names
and e-mails of its contacts — read after the rows, like the potential columns, so the first paint never waits."""

from __future__ import annotations

import re

from sqlalchemy import select

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.context import Context
from kam_desktop.store.models import Account, Contact, User

_SEPARATORS = re.compile(r"[\s\-./]")


def search_keys(ctx: Context) -> dict[str, str]:
    """Per account the actor sees (keyed by account id text): extra words the portfolio filter matches."""
    owner = ctx.owner_filter(UseCase.VIEW_PORTFOLIO)
    with ctx.read() as session:
        query = select(Account.id, Account.tax_id).where(Account.deleted_at.is_(None))
        if owner is not None:
            query = query.join(User, User.id == Account.owner_id).where(User.login == owner)
        keys: dict[str, list[str]] = {}
        for account_id, tax_id in session.execute(query):
            words = keys.setdefault(str(account_id), [])
            if tax_id:
                words += [tax_id, _SEPARATORS.sub("", tax_id)]  # "PL 525-000-12-34" also as "PL5250001234"
        contacts = select(Contact.account_id, Contact.name, Contact.email).where(Contact.deleted_at.is_(None))
        for account_id, name, email in session.execute(contacts):
            seen = keys.get(str(account_id))
            if seen is not None:  # an account the actor sees
                seen += [name, email or ""]
    return {key: " ".join(w for w in words if w) for key, words in keys.items() if words}
