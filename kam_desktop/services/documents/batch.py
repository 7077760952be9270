"""Statements for a whole portfolio and quarter (progress, cancel, chunked commits), and the demo's documents.

A batch reads the portfolio's facts once (`StatementSource`), renders through `documents.batch` and
commits every `chunk` statements, so a cancelled or interrupted batch keeps what it already issued and
a second run issues only the rest (statements already current for the quarter are returned, not redone).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from kam_desktop.documents.batch import BatchFailure, render_statements
from kam_desktop.documents.content import DocumentHeader, StatementContent
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import AccountStatus, DocumentKind, GrantStatus
from kam_desktop.services.clock import today
from kam_desktop.services.documents.content import language_of
from kam_desktop.services.documents.numbering import NumberAllocator
from kam_desktop.services.documents.statement import StatementSource
from kam_desktop.services.errors import NotFound
from kam_desktop.store.models import Account, BenefitGrant, User
from kam_desktop.store.store import Store
from kam_desktop.store.uow import UnitOfWork

if TYPE_CHECKING:
    from kam_desktop.services.documents.register import DocumentRow

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class StatementsBatch:
    """What a batch did: issued now, already current before, failed (with why), and whether it was cancelled."""

    quarter: str
    issued: int
    existing: int
    pages: int
    failures: tuple[BatchFailure, ...]
    cancelled: bool
    seconds: float
    documents: tuple[object, ...]  # DocumentRow of every statement issued or found, in account order

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


def issue_statements(
    store: Store, quarter: Quarter | str, owner: str | None = None, *, actor: str = "admin",
    lang: str | None = None, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
    sink: Callable[[object, bytes], None] | None = None, chunk: int = 100, on: date | None = None,
) -> StatementsBatch:
    """Issue the quarter's statement of every active account (of one KAM when `owner` is a login).

    `progress(done, total)` after each account, `cancelled()` polled between statements, `sink(row, pdf)`
    receives every statement (issued now or already current), e.g. to write files. Runs off the GUI thread.
    """
    from kam_desktop.services.documents.register import _closed, _current, _pdf_of, _row, _save, parse_quarter

    period = parse_quarter(quarter)
    day = on or today()
    _closed(period, day)
    with store.unit_of_work(actor) as uow:
        session = uow.session
        accounts = _portfolio(uow, owner)
        rows: list[object] = []
        todo: list[Account] = []
        for account in accounts:
            language = language_of(account, lang)
            found = [d for d in _current(session, account, DocumentKind.STATEMENT, str(period))
                     if d.language == language]
            if found:
                rows.append(_row(session, found[0], account.code))
                if sink is not None:
                    sink(rows[-1], _pdf_of(session, found[0]))
            else:
                todo.append(account)
        existing, total = len(rows), len(accounts)
        if progress is not None and existing:
            progress(existing, total)
        by_code = {a.code: a for a in todo}
        numbers = NumberAllocator(session, actor)
        source = StatementSource(session, todo, period)

        def items() -> Iterator[StatementContent]:
            for account in todo:
                header = DocumentHeader(numbers.next("STM", day.year), day, language_of(account, lang))
                yield source.content(account, header.lang, header)

        def keep(content: StatementContent, pdf: bytes) -> None:
            account = by_code[content.client.code]
            doc = _save(uow, account, DocumentKind.STATEMENT, content.header, pdf, period=str(period))
            session.flush()
            rows.append(_row(session, doc, account.code))
            if sink is not None:
                sink(rows[-1], pdf)
            if (len(rows) - existing) % chunk == 0:
                uow.commit()  # a cancelled or failed batch keeps the statements issued so far

        step = None if progress is None else (lambda done, _all: progress(existing + done, total))
        result = render_statements(items(), keep, total=len(todo), progress=step, cancelled=cancelled)
        uow.audit("document.batch", "document", None, kind="statement", quarter=str(period), owner=owner,
                  issued=result.rendered, existing=existing, failed=len(result.failures),
                  cancelled=result.cancelled)
        uow.commit()
    return StatementsBatch(str(period), result.rendered, existing, result.pages, result.failures,
                           result.cancelled, result.seconds, tuple(rows))


def _portfolio(uow: UnitOfWork, owner: str | None) -> list[Account]:
    query = select(Account).where(Account.deleted_at.is_(None), Account.status == AccountStatus.ACTIVE)
    if owner is not None:
        owner_id = uow.session.scalar(select(User.id).where(User.login == owner, User.deleted_at.is_(None)))
        if owner_id is None:
            raise NotFound(f"no user with login {owner!r}; see `kamctl users list`")
        query = query.where(Account.owner_id == owner_id)
    return list(uow.session.scalars(query.order_by(Account.code)))


# ---------------------------------------------------------------- demo


def seed_demo_documents(uow: UnitOfWork, as_of: date) -> list[str]:
    """A handful of documents in every status for the demo; returns "NUMBER vN status" of each.

    * an account with no open benefits gets one training benefit running today, a signed agreement, a
      signed annex (which activates that benefit) and last quarter's statement;
    * an account whose benefit waits for an exception gets an issued agreement and a DRAFT annex;
    * an account with proposed benefits gets an agreement corrected into version 2 (version 1 void), an
      issued (unsigned) annex and a statement.
    Languages differ where the demo allows. Other grants are left as the demo made them.
    """
    from kam_desktop.services.documents.register import (
        issue_agreement_in,
        issue_annex_in,
        issue_statement_in,
        reissue_in,
        sign_in,
    )

    numbers = NumberAllocator(uow.session, uow.actor)
    quarter = Quarter.of(as_of).previous()
    signed_one, draft, proposed = _demo_accounts(uow)
    made: list[str] = []

    def note(row: DocumentRow) -> None:
        made.append(f"{row.number} v{row.version} {row.status}")

    if signed_one is not None:
        _demo_grant(uow, signed_one, as_of)
        for issue in (issue_agreement_in, issue_annex_in):
            issued = issue(uow, signed_one.code, on=as_of, numbers=numbers)
            note(sign_in(uow, issued.document.number, _signatory(uow, signed_one), as_of, now=as_of))
        note(issue_statement_in(uow, signed_one.code, quarter, on=as_of, numbers=numbers).document)
    if draft is not None:
        note(issue_agreement_in(uow, draft.code, on=as_of, numbers=numbers).document)
        note(issue_annex_in(uow, draft.code, on=as_of, numbers=numbers).document)
    if proposed is not None:
        first = issue_agreement_in(uow, proposed.code, on=as_of, numbers=numbers).document
        note(first)
        note(reissue_in(uow, first.number, on=as_of).document)
        made[-2] = f"{first.number} v1 void"
        note(issue_annex_in(uow, proposed.code, on=as_of, numbers=numbers).document)
        note(issue_statement_in(uow, proposed.code, quarter, on=as_of, numbers=numbers).document)
    uow.audit("demo.documents", "document", None, documents=made)
    return made


def _demo_accounts(uow: UnitOfWork) -> tuple[Account | None, Account | None, Account | None]:
    """(no open benefits, a benefit waiting for approval, only proposed benefits), in different languages."""
    from kam_desktop.services.documents.content import annex_items, annexable_grants

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
    quiet = [a for a in everyone if a.id not in with_open]
    signed_one = next((a for a in quiet if a.language not in used), quiet[0] if quiet else None)
    return signed_one, draft, proposed


def _demo_grant(uow: UnitOfWork, account: Account, as_of: date) -> None:
    """A certification training running from two weeks ago for a year, proposed (the annex activates it)."""
    from kam_desktop.store.models import BenefitCatalogItem

    item = uow.session.scalar(select(BenefitCatalogItem).where(BenefitCatalogItem.code == "TRAINING"))
    if item is None:
        return
    start = as_of - timedelta(days=14)
    terms = {"pl": "Dwa dni szkolenia certyfikacyjnego dla 4 osób", "ru": "Два дня сертификационного обучения "
             "для 4 сотрудников", "en": "Two days of certification training for 4 people"}
    uow.session.add(BenefitGrant(account_id=account.id, catalog_id=item.id, terms=terms.get(account.language,
                                 terms["en"]), value=item.default_value, valid_from=start,
                                 valid_to=start + timedelta(days=364), status=GrantStatus.PROPOSED,
                                 cost_estimate=Decimal("2500.00"), currency=account.currency, granted_by=uow.actor))
    uow.session.flush()


def _signatory(uow: UnitOfWork, account: Account) -> str:
    from kam_desktop.services.documents.content import client_party

    party = client_party(uow.session, account, language_of(account, None))
    return party.signatory_name or "—"
