"""Statements for a whole portfolio and quarter: progress, cancel, chunked commits.

A batch reads the portfolio's facts once (`StatementSource`), renders through `documents.batch` and
commits every `chunk` statements, so a cancelled or interrupted batch keeps what it already issued and
a second run issues only the rest (statements already current for the quarter are returned, not redone).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import select

from kam_desktop.documents.batch import BatchFailure, render_statements
from kam_desktop.documents.content import DocumentHeader, StatementContent
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.vocabulary import AccountStatus, DocumentKind
from kam_desktop.services.context import Context
from kam_desktop.services.documents.content import language_of
from kam_desktop.services.documents.records import (
    DocumentRow,
    current_documents,
    document_row,
    require_finished,
    save_document,
    stored_pdf,
)
from kam_desktop.services.documents.statement import StatementSource
from kam_desktop.services.errors import NotFound
from kam_desktop.services.numbering import NumberAllocator
from kam_desktop.services.parsing import parse_quarter
from kam_desktop.store.models import Account, User
from kam_desktop.store.uow import UnitOfWork

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
    documents: tuple[DocumentRow, ...]  # every statement issued or found, in account order

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


def issue_statements(
    ctx: Context, quarter: Quarter | str, owner: str | None = None, *, lang: str | None = None,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
    sink: Callable[[DocumentRow, bytes], None] | None = None, chunk: int = 100,
) -> StatementsBatch:
    """Issue the quarter's statement of every active account the actor may reach (of one KAM when `owner`).

    `progress(done, total)` after each account, `cancelled()` polled between statements, `sink(row, pdf)`
    receives every statement (issued now or already current), e.g. to write files. Runs off the GUI thread.
    """
    owner = ctx.owner_filter(UseCase.ISSUE_STATEMENTS, owner)
    period = parse_quarter(quarter)
    day, now = ctx.today(), ctx.now()
    require_finished(period, day)
    with ctx.unit_of_work() as uow:
        session = uow.session
        accounts = _portfolio(uow, owner)
        rows: list[DocumentRow] = []
        todo: list[Account] = []
        for account in accounts:
            language = language_of(account, lang)
            found = [d for d in current_documents(session, account, DocumentKind.STATEMENT, str(period))
                     if d.language == language]
            if found:
                rows.append(document_row(session, found[0], account.code))
                if sink is not None:
                    sink(rows[-1], stored_pdf(session, found[0]))
            else:
                todo.append(account)
        existing, total = len(rows), len(accounts)
        if progress is not None and existing:
            progress(existing, total)
        by_code = {a.code: a for a in todo}
        numbers = NumberAllocator(session, uow.actor)
        source = StatementSource(session, todo, period)

        def items() -> Iterator[StatementContent]:
            for account in todo:
                header = DocumentHeader(numbers.next("STM", day.year), day, language_of(account, lang))
                yield source.content(account, header.lang, header)

        def keep(content: StatementContent, pdf: bytes) -> None:
            account = by_code[content.client.code]
            doc = save_document(uow, account, DocumentKind.STATEMENT, content.header, pdf, now, period=str(period))
            session.flush()
            rows.append(document_row(session, doc, account.code))
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
            raise NotFound("no person with login {login!r}; see `kamctl users list`", login=owner)
        query = query.where(Account.owner_id == owner_id)
    return list(uow.session.scalars(query.order_by(Account.code)))
